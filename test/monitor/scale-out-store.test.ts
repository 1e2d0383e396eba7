import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { BucketSummary } from "../../src/monitor/bucket-summary.js";
import { ChangeFeed } from "../../src/monitor/change-feed.js";
import { PostgresStore } from "../../src/monitor/postgres-store.js";
import type { ModelSpec } from "../../src/monitor/records.js";
import { MonitorService } from "../../src/monitor/service.js";
import { ProfileBuilder } from "../../src/profile/build.js";
import { batchFromRows, type ColumnInfo } from "../../src/table/types.js";

/**
 * Two servers on one PostgreSQL schema, in one process: each has its own store (own pool) and service
 * (own caches), as two `assay serve` processes would.
 */
const PG_URL = process.env.ASSAY_TEST_POSTGRES_URL;
const skip = PG_URL ? false : "ASSAY_TEST_POSTGRES_URL is not set (.ci/postgres sets it)";
const schema = `assay_scale_store_${process.pid}`;
const BUCKET = 60_000;
const T0 = Date.parse("2024-05-01T00:00:00Z");

let stores: PostgresStore[] = [];
const feeds: ChangeFeed[] = [];

before(async () => {
  if (skip) return;
  stores = [0, 1, 2].map(() => new PostgresStore(PG_URL!, { schema }));
  for (const s of stores) await s.init();
});
after(async () => {
  for (const f of feeds) await f.close();
  if (stores.length > 0) await stores[0].dropSchema();
  for (const s of stores) await s.close();
});

const spec = (name: string, features: string[]): ModelSpec => ({
  name,
  task: "binary",
  positiveLabel: "1",
  threshold: 0.5,
  features: features.map((f) => ({ name: f, type: "number" as const })),
  trainedAt: null,
  createdAt: new Date(T0).toISOString(),
  description: "",
});

async function until(what: string, probe: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + 10_000;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test("a spec or reference written by one server is seen by the other (LISTEN/NOTIFY), not a stale cache", {
  skip,
}, async () => {
  const [writer, listening, deaf] = stores.map((s) => new MonitorService(s));
  const feed = new ChangeFeed(stores[1], listening);
  feeds.push(feed);
  await feed.start();
  await writer.createModel(spec("cached", ["x"]));
  // both readers cache the spec
  for (const reader of [listening, deaf])
    assert.deepEqual(
      (await reader.model("cached"))!.features.map((f) => f.name),
      ["x"],
    );
  for (const reader of [listening, deaf]) assert.equal(await reader.reference("cached"), null);
  await writer.updateModel(spec("cached", ["x", "y"]));
  await until("the spec change", async () => (await listening.model("cached"))!.features.length === 2);
  // a service without the feed keeps what it cached: the cache is real, the feed is what keeps it true
  assert.equal((await deaf.model("cached"))!.features.length, 1);

  const columns: ColumnInfo[] = [{ name: "x", type: "float", sourceType: "DOUBLE" }];
  const builder = new ProfileBuilder(columns);
  builder.add(batchFromRows(columns, [{ x: 1 }, { x: 2 }, { x: 3 }]));
  await writer.putReference(
    (await writer.model("cached"))!,
    "v1",
    builder.finish({ name: "ref", digest: "" }),
  );
  await until("the reference", async () => (await listening.reference("cached"))?.version === "v1");
  assert.equal(await deaf.reference("cached"), null);
  assert.ok(feed.received >= 2);
});

test("two servers folding and consolidating one model at once: every prediction counted once", {
  skip,
}, async () => {
  // small fold batches and a low part cap make the two servers' folds and merges overlap constantly
  const options = { bucketMs: BUCKET, foldBatch: 50, maxParts: 2 };
  const [a, b] = stores.map((s) => new MonitorService(s, options));
  const model = spec("folded", ["x"]);
  await a.createModel(model);
  const expected = new Map<number, number>();
  let id = 0;
  const batch = (n: number) =>
    Array.from({ length: n }, () => {
      const i = id++;
      const ts = T0 + (i % 5) * BUCKET + (i % 997);
      expected.set(T0 + (i % 5) * BUCKET, (expected.get(T0 + (i % 5) * BUCKET) ?? 0) + 1);
      return {
        id: `p${i}`,
        timestamp: ts,
        version: null,
        score: (i % 100) / 100,
        prediction: null,
        features: { x: i },
      };
    });
  for (let round = 0; round < 4; round++) {
    await Promise.all([a.ingestPredictions(model, batch(200)), b.ingestPredictions(model, batch(200))]);
    await Promise.all([a.fold("folded"), b.fold("folded"), a.fold("folded"), b.fold("folded")]);
  }
  await Promise.all([a.fold("folded"), b.fold("folded")]);
  assert.equal((await stores[0].unfolded("folded", 1)).pending, 0);
  const parts = await stores[0].bucketParts("folded", T0, T0 + 5 * BUCKET);
  const rowsBy = new Map<number, number>();
  const summaryRows = new Map<number, number>();
  for (const p of parts) {
    rowsBy.set(p.bucket, (rowsBy.get(p.bucket) ?? 0) + p.rows);
    summaryRows.set(p.bucket, (summaryRows.get(p.bucket) ?? 0) + (p.summary as BucketSummary).rows);
  }
  assert.equal(id, 1600);
  assert.deepEqual([...rowsBy].sort(), [...expected].sort());
  assert.deepEqual([...summaryRows].sort(), [...expected].sort());
  // the merges happened (each bucket got far more than two folds), and a window agrees with the store
  assert.ok(parts.length <= 5 * (options.maxParts + 2), `${parts.length} parts`);
  assert.equal((await b.window("folded", T0, T0 + 5 * BUCKET))!.rows, 1600);
});
