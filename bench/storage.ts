/**
 * bench/storage: what the PostgreSQL store keeps per bucket, at three traffic levels, measured on a real
 * store (ingest, fold and consolidate through MonitorService, then the on-disk size of every row by
 * pg_column_size). Its anchor is the lowest level: the ratio of bytes per bucket at 100× the traffic says
 * whether storage grows with buckets (ratio ≈ 1) or with traffic (ratio ≈ 100). The same run measures the
 * per-prediction rows (`predictions`: id, time, score — kept for idempotence and label joins), which do
 * grow with traffic, and states the figure for 1M predictions/s (docs/monitor.md, "Several servers").
 *
 * usage: npx tsc -p . && ASSAY_BENCH_DB=postgres://… node dist/bench/storage.js   (writes bench/out/storage.json)
 *        (ASSAY_TEST_POSTGRES_URL is used when ASSAY_BENCH_DB is unset; the run uses and drops its own schema)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { PostgresStore } from "../src/monitor/postgres-store.js";
import type { ModelSpec, PredictionRecord } from "../src/monitor/records.js";
import { MonitorService } from "../src/monitor/service.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const URL = process.env.ASSAY_BENCH_DB ?? process.env.ASSAY_TEST_POSTGRES_URL;
const BUCKET = 60_000;
const BUCKETS = 4;
const LEVELS = [250, 2_500, 25_000]; // predictions per 1-minute bucket
const T0 = Date.parse("2024-06-01T00:00:00Z");
const NUMERIC = 8;
const CATEGORIES = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"];

/** A deterministic generator (mulberry32), so runs are comparable. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function spec(name: string): ModelSpec {
  return {
    name,
    task: "binary",
    positiveLabel: "1",
    threshold: 0.5,
    features: [
      ...Array.from({ length: NUMERIC }, (_, i) => ({ name: `x${i}`, type: "number" as const })),
      { name: "segment", type: "string" as const },
      { name: "region", type: "string" as const },
    ],
    trainedAt: null,
    createdAt: new Date(T0).toISOString(),
    description: "",
  };
}

async function main(): Promise<void> {
  if (!URL) throw new Error("set ASSAY_BENCH_DB (or ASSAY_TEST_POSTGRES_URL) to a postgres:// URL");
  const schema = `assay_bench_storage_${process.pid}`;
  const store = new PostgresStore(URL, { schema });
  await store.init();
  const admin = new pg.Client({ connectionString: URL });
  await admin.connect();
  try {
    const service = new MonitorService(store, { bucketMs: BUCKET });
    const rand = random(20);
    const levels = [];
    for (const perBucket of LEVELS) {
      const name = `traffic_${perBucket}`;
      const model = spec(name);
      await service.createModel(model);
      let batch: PredictionRecord[] = [];
      for (let b = 0; b < BUCKETS; b++)
        for (let i = 0; i < perBucket; i++) {
          const features: Record<string, unknown> = {};
          for (let f = 0; f < NUMERIC; f++) features[`x${f}`] = (rand() + rand() + rand() - 1.5) * 10 ** f;
          features.segment = CATEGORIES[Math.floor(rand() * CATEGORIES.length)];
          features.region = `r${Math.floor(rand() * 200)}`;
          batch.push({
            id: `${b}-${i}`,
            timestamp: T0 + b * BUCKET + Math.floor((i / perBucket) * BUCKET),
            version: "v1",
            score: rand(),
            prediction: null,
            features,
          });
          if (batch.length === 1000) {
            await service.ingestPredictions(model, batch);
            batch = [];
          }
        }
      if (batch.length > 0) await service.ingestPredictions(model, batch);
      await service.fold(name);
      const size = async (table: string) =>
        (
          await admin.query(
            `SELECT count(*)::float8 AS n, coalesce(sum(pg_column_size(t.*)), 0)::float8 AS bytes FROM ${schema}.${table} t WHERE model = $1`,
            [name],
          )
        ).rows[0] as { n: number; bytes: number };
      const parts = await size("bucket_parts");
      const samples = await size("samples");
      const predictions = await size("predictions");
      const bytesPerBucket = (parts.bytes + samples.bytes) / BUCKETS;
      levels.push({
        perBucket,
        partsPerBucket: parts.n / BUCKETS,
        partBytesPerBucket: parts.bytes / BUCKETS,
        samplesPerBucket: samples.n / BUCKETS,
        sampleBytesPerBucket: samples.bytes / BUCKETS,
        bytesPerBucket,
        predictionRowBytes: predictions.bytes / predictions.n,
      });
      process.stderr.write(`storage: ${perBucket}/bucket → ${Math.round(bytesPerBucket)} bytes per bucket\n`);
    }
    // index entries of `predictions` (its primary key and time index), per stored prediction
    const idx = (
      await admin.query(
        `SELECT (pg_indexes_size('${schema}.predictions') / greatest(1, (SELECT count(*) FROM ${schema}.predictions)))::float8 AS b`,
      )
    ).rows[0].b as number;
    const top = levels[levels.length - 1];
    const perPrediction = top.predictionRowBytes + idx;
    const perSecond = 1_000_000;
    const bucketsPerDay = 86_400_000 / BUCKET;
    const result = {
      bench: "storage",
      store: "postgres",
      bucketMs: BUCKET,
      features: { numeric: NUMERIC, categorical: 2 },
      levels,
      anchor: {
        what: "bytes per bucket at the lowest traffic",
        bytesPerBucket: levels[0].bytesPerBucket,
        ratioAt100xTraffic: top.bytesPerBucket / levels[0].bytesPerBucket,
      },
      predictionsTable: {
        rowBytes: top.predictionRowBytes,
        indexBytes: idx,
        bytesPerPrediction: perPrediction,
      },
      at1MPerSecond: {
        perModelBucketBytesPerDay: top.bytesPerBucket * bucketsPerDay,
        predictionsTableBytesPerDay: perPrediction * perSecond * 86_400,
      },
    };
    mkdirSync(join(ROOT, "bench", "out"), { recursive: true });
    writeFileSync(join(ROOT, "bench", "out", "storage.json"), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await admin.end();
    await store.dropSchema();
    await store.close();
  }
}

main().catch((error) => {
  process.stderr.write(`bench/storage: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
