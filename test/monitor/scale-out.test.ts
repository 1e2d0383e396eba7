import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import pg from "pg";
import { modelLockKey } from "../../src/monitor/leader.js";
import { createToken, killed, type ServerProcess, startServer } from "./process.js";

const PG_URL = process.env.ASSAY_TEST_POSTGRES_URL;
const skip = PG_URL ? false : "ASSAY_TEST_POSTGRES_URL is not set (.ci/postgres sets it)";

/** A webhook receiver that records every delivery. */
async function receiver() {
  const received: { status: string; fingerprint: string; at: number }[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let text = "";
    req.on("data", (c) => (text += c));
    req.on("end", () => {
      const body = JSON.parse(text);
      received.push({ status: body.status, fingerprint: body.alert.fingerprint, at: Date.now() });
      res.end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    received,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

async function until<T>(what: string, probe: () => Promise<T | null> | T | null, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function call(server: ServerProcess, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as any };
}

test("two servers on one PostgreSQL database: kill -9 of the alert leader, the other takes over, no duplicate", {
  skip,
  timeout: 120_000,
}, async () => {
  const schema = `assay_scale_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.query(`CREATE SCHEMA ${schema}`);
  const sep = PG_URL!.includes("?") ? "&" : "?";
  const db = `${PG_URL}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const hook = await receiver();
  const dir = mkdtempSync(join(tmpdir(), "assay-scale-"));
  const rules = join(dir, "rules.yaml");
  // Fires while the 5-second window holds more than 10 predictions; resolves once they have aged out.
  writeFileSync(
    rules,
    `webhooks:\n  - url: ${hook.url}\nrules:\n  - name: busy\n    monitor: prediction_count\n    window: 5s\n    condition: "> 10"\n`,
  );
  const servers: ServerProcess[] = [];
  try {
    const flags = ["--rules", rules, "--eval-interval", "500ms", "--bucket", "1s"];
    servers.push(await startServer(db, flags), await startServer(db, flags));
    const [a, b] = servers;
    const adminToken = createToken(db, "admin");
    // the model is a unique name: lock keys are per database, hashed with the (here empty) schema name
    const model = `scale_${process.pid}`;
    const created = await call(a, adminToken, "POST", "/v1/models", {
      name: model,
      features: [{ name: "x", type: "number" }],
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const ingest = async (via: ServerProcess, tag: string) => {
      const now = Date.now();
      const rows = Array.from({ length: 50 }, (_, i) => ({
        id: `${tag}-${i}`,
        timestamp: now,
        features: { x: i },
      }));
      const r = await call(via, adminToken, "POST", `/v1/models/${model}/predictions`, rows);
      assert.equal(r.status, 200, JSON.stringify(r.json));
    };
    // Which server's session holds the model's lock (by the application_name the leader connection sets).
    const leaderPid = async (): Promise<number | null> => {
      const { rows } = await admin.query(
        `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
         WHERE l.locktype = 'advisory' AND l.classid = 726375 AND l.granted AND a.application_name LIKE 'assay-leader-%'
           AND l.objid = $1`,
        [modelLockKey("", model) >>> 0],
      );
      return rows.length === 1 ? Number(String(rows[0].application_name).split("-").pop()) : null;
    };

    await ingest(b, "first"); // any server ingests; the leader (whichever it is) evaluates
    const fired = await until(
      "the first firing",
      () => hook.received.find((d) => d.status === "firing") ?? null,
    );
    const pid = await until("a leader", leaderPid);
    const leader = servers.find((s) => s.child.pid === pid)!;
    const survivor = servers.find((s) => s !== leader)!;
    assert.ok(leader, `the lock is held by pid ${pid}, one of the two servers`);
    leader.child.kill("SIGKILL");
    await killed(leader.child);

    // The survivor takes the lock and goes on: it resolves the alert the dead leader fired, without firing it again.
    await until("the resolution", () => hook.received.find((d) => d.status === "resolved") ?? null);
    assert.equal(await leaderPid(), survivor.child.pid);
    // and a new episode fires once, from the survivor
    await ingest(survivor, "second");
    await until("the second firing", () =>
      hook.received.filter((d) => d.status === "firing").length >= 2 ? true : null,
    );
    await new Promise((r) => setTimeout(r, 2000)); // a few more rounds: nothing doubles
    const statuses = hook.received.map((d) => d.status);
    assert.deepEqual(statuses, ["firing", "resolved", "firing"]);
    assert.ok(hook.received.every((d) => d.fingerprint === fired.fingerprint));
    const events = await admin.query(
      `SELECT event FROM ${schema}.alert_events WHERE model = $1 ORDER BY seq`,
      [model],
    );
    const transitions = events.rows.map((r) => JSON.parse(r.event).state);
    // without a `for`, pending and firing are one step (one event)
    assert.deepEqual(transitions, ["firing", "resolved", "firing"]);
  } finally {
    for (const s of servers) {
      s.child.kill("SIGKILL");
      await killed(s.child);
    }
    await hook.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
});
