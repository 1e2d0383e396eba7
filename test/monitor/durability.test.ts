import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import pg from "pg";
import { openStore } from "../../src/monitor/open-store.js";
import { createToken, killed, startServer } from "./process.js";

/**
 * Durability: stream ingests at a real server, kill -9 it mid-stream, restart it, and check that every
 * record the server acknowledged (HTTP 200) is stored. Repeated over several trials per store.
 */
const dir = mkdtempSync(join(tmpdir(), "assay-durability-"));
after(() => rmSync(dir, { recursive: true, force: true }));

async function trial(
  db: string,
  admin: string,
  ingest: string,
  n: number,
): Promise<{ acked: number; lost: number }> {
  const server = await startServer(db);
  const model = "durable";
  if (n === 0) {
    const res = await fetch(`${server.url}/v1/models`, {
      method: "POST",
      headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
      body: JSON.stringify({ name: model }),
    });
    assert.equal(res.status, 201);
  }
  const acked: string[] = [];
  let stop = false;
  const writer = async (w: number) => {
    for (let seq = 0; !stop; seq++) {
      const ids = Array.from({ length: 25 }, (_, i) => `t${n}-w${w}-s${seq}-${i}`);
      const body = ids.map((id, i) => ({
        id,
        timestamp: 1_700_000_000_000 + seq * 1000 + i,
        features: { x: i },
        score: 0.5,
      }));
      try {
        const res = await fetch(`${server.url}/v1/models/${model}/predictions`, {
          method: "POST",
          headers: { authorization: `Bearer ${ingest}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        if (res.status === 200) {
          await res.json();
          acked.push(...ids);
        } else await res.arrayBuffer();
      } catch {
        return; // the server died mid-request: that batch was never acknowledged
      }
    }
  };
  const writers = [0, 1, 2, 3].map(writer);
  const deadline = Date.now() + 5000;
  const killAfter = 150 + Math.random() * 350;
  const started = Date.now();
  while ((acked.length < 200 || Date.now() - started < killAfter) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 10));
  server.child.kill("SIGKILL");
  await killed(server.child);
  stop = true;
  await Promise.all(writers);

  const restarted = await startServer(db);
  try {
    const store = await openStore(db);
    try {
      const found = new Set<string>();
      for (let i = 0; i < acked.length; i += 1000)
        for (const id of await store.existingPredictionIds(model, acked.slice(i, i + 1000))) found.add(id);
      const summary = await fetch(`${restarted.url}/v1/models/${model}/summary`, {
        headers: { authorization: `Bearer ${admin}` },
      }).then((r) => r.json());
      assert.ok(summary.predictions >= found.size);
      return { acked: acked.length, lost: acked.length - found.size };
    } finally {
      await store.close();
    }
  } finally {
    restarted.child.kill("SIGTERM");
    await killed(restarted.child);
  }
}

async function durability(db: string, trials: number, t: { diagnostic(m: string): void }) {
  const admin = createToken(db, "admin");
  const ingest = createToken(db, "ingest");
  let acked = 0;
  let lost = 0;
  for (let n = 0; n < trials; n++) {
    const r = await trial(db, admin, ingest, n);
    assert.ok(r.acked > 0, "some ingests were acknowledged before the kill");
    acked += r.acked;
    lost += r.lost;
  }
  t.diagnostic(`${trials} kill -9 trials, ${acked} acknowledged records, ${lost} lost`);
  assert.equal(lost, 0);
}

test("SQLite: every acknowledged record survives kill -9 (5 trials)", { timeout: 180_000 }, async (t) => {
  await durability(`sqlite:${join(dir, "durable.db")}`, 5, t);
});

const url = process.env.ASSAY_TEST_POSTGRES_URL;
test("PostgreSQL: every acknowledged record survives kill -9 (3 trials)", {
  timeout: 180_000,
  skip: url ? false : "ASSAY_TEST_POSTGRES_URL is not set (.ci/postgres sets it)",
}, async (t) => {
  const schema = `assay_durability_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    const sep = url!.includes("?") ? "&" : "?";
    await durability(`${url}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`, 3, t);
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
});
