/**
 * bench/ingest-load (issue 14 items 3 and 4), run beside bench/ingest: are reads live while ingest runs,
 * does folding keep up, and what does a prediction cost on disk?
 *
 *   1. ceiling: batched ingest (100 predictions per request) as fast as it goes, ASSAY_CEILING_SECONDS (10)
 *   2. drain: wait for the fold queue to empty
 *   3. load:  batched ingest at ASSAY_LOAD_SHARE (0.5) of the ceiling for ASSAY_LOAD_SECONDS (60), while
 *             the main thread reads GET /monitors?window=1h back to back (or ASSAY_READS_PER_SECOND) and polls
 *             the fold lag every second
 *   4. after: time for the queue to empty, parts per bucket, file size and bytes per stored prediction
 *             (after the server's clean shutdown checkpoints the WAL)
 *
 * Goals: p99 of /monitors < 500 ms during the load, fold lag < 10 s, parts per bucket ≤ maxParts + 1.
 *
 * usage: npx tsc -p . && node dist/bench/ingest-load.js      (writes bench/out/ingest-load.json)
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const MAIN = join(ROOT, "dist", "src", "cli", "main.js");
const WORKER = join(ROOT, "dist", "bench", "ingest-load-worker.js");
const CEILING_SECONDS = Number(process.env.ASSAY_CEILING_SECONDS ?? 10);
const LOAD_SECONDS = Number(process.env.ASSAY_LOAD_SECONDS ?? 60);
const LOAD_SHARE = Number(process.env.ASSAY_LOAD_SHARE ?? 0.5);
const CONNECTIONS = Number(process.env.ASSAY_BENCH_CONNECTIONS ?? 10);
const BATCH = 100;
/** The reader's pace: 0 reads back to back (a stress test); 5 is a few dashboards refreshing their charts. */
const READS_PER_SECOND = Number(process.env.ASSAY_READS_PER_SECOND ?? 0);

interface LoadResult {
  ok: number;
  non2xx: number;
  errors: number;
  duration: number;
  p50: number;
  p99: number;
}

function load(
  url: string,
  token: string,
  seconds: number,
  rate: number,
  prefix: string,
): Promise<LoadResult> {
  const job = { url, token, seconds, connections: CONNECTIONS, batch: BATCH, rate, prefix };
  const child = spawn(process.execPath, [WORKER], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ASSAY_LOAD_JOB: JSON.stringify(job) },
  });
  let out = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  return new Promise((done, fail) =>
    child.on("exit", (code) => (code === 0 ? done(JSON.parse(out)) : fail(new Error(`load exited ${code}`)))),
  );
}

function serve(db: string): Promise<{ child: ChildProcess; url: string }> {
  // ASSAY_BENCH_NODE_ARGS: flags for the server's Node (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof")
  const nodeArgs = (process.env.ASSAY_BENCH_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, MAIN, "serve", "--port", "0", "--db", db], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let text = "";
  return new Promise((done, fail) => {
    child.stderr!.on("data", (c: Buffer) => {
      text += c.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(text);
      if (m) done({ child, url: m[1] });
    });
    child.on("exit", (code) => fail(new Error(`serve exited ${code}: ${text}`)));
  });
}

const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
};

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "assay-load-"));
  const file = join(dir, "bench.db");
  const db = `sqlite:${file}`;
  try {
    const created = spawnSync(process.execPath, [MAIN, "token", "create", "--scope", "admin", "--db", db], {
      encoding: "utf8",
    });
    const token = created.stdout.trim();
    const server = await serve(db);
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const get = async (path: string) =>
      (await fetch(`${server.url}${path}`, { headers })).json() as Promise<any>;
    await fetch(`${server.url}/v1/models`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        name: "bench",
        features: [
          { name: "distance", type: "number" },
          { name: "hour", type: "number" },
          { name: "origin", type: "string" },
          { name: "weekend", type: "boolean" },
        ],
      }),
    });
    const waitForEmptyQueue = async (limitMs: number) => {
      const t0 = Date.now();
      for (;;) {
        const s = await get("/v1/models/bench/summary");
        if (s.unfolded.pending === 0 || Date.now() - t0 > limitMs) return Date.now() - t0;
        await new Promise((r) => setTimeout(r, 250));
      }
    };

    const ceiling = await load(server.url, token, CEILING_SECONDS, 0, "c");
    const ceilingPerSecond = (ceiling.ok * BATCH) / ceiling.duration;
    const drainAfterCeilingMs = await waitForEmptyQueue(300_000);

    const rate = Math.max(1, Math.round((LOAD_SHARE * ceilingPerSecond) / BATCH));
    const running = load(server.url, token, LOAD_SECONDS, rate, "l");
    let done = false;
    running.then(() => (done = true));
    const reads: number[] = [];
    const readTails: { included: number; notRead: number }[] = [];
    const lags: number[] = [];
    const pendings: number[] = [];
    const reader = (async () => {
      while (!done) {
        const t0 = performance.now();
        const r = await get("/v1/models/bench/monitors?window=1h");
        reads.push(performance.now() - t0);
        readTails.push({ included: r.unfolded.included, notRead: r.unfolded.notRead });
        const pause = READS_PER_SECOND > 0 ? 1000 / READS_PER_SECOND - (performance.now() - t0) : 0;
        if (pause > 0) await new Promise((r) => setTimeout(r, pause));
      }
    })();
    const poller = (async () => {
      while (!done) {
        const s = await get("/v1/models/bench/summary");
        lags.push(s.unfolded.lagMs ?? 0);
        pendings.push(s.unfolded.pending);
        await new Promise((r) => setTimeout(r, 1000));
      }
    })();
    const loaded = await running;
    await Promise.all([reader, poller]);
    const drainAfterLoadMs = await waitForEmptyQueue(300_000);
    const stored = (await get("/v1/models/bench/summary")).predictions as number;
    // the same read with ingest stopped and the queue empty: what the read costs on its own
    const idleReads: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      await get("/v1/models/bench/monitors?window=1h");
      idleReads.push(performance.now() - t0);
    }
    const loadAverage = loadavg()[0];

    // the server folds and merges in the background; a last read makes sure every bucket is consolidated
    await new Promise((r) => setTimeout(r, 3000));
    await new Promise<void>((r) => {
      server.child.once("exit", () => r());
      server.child.kill("SIGTERM");
    });
    const sqlite = new Database(file, { readonly: true });
    const parts = sqlite
      .prepare(
        "SELECT bucket, count(*) AS n, sum(length(summary)) AS bytes FROM bucket_parts GROUP BY bucket",
      )
      .all() as { bucket: number; n: number; bytes: number }[];
    const pageSize = sqlite.pragma("page_size", { simple: true }) as number;
    const freePages = sqlite.pragma("freelist_count", { simple: true }) as number;
    const pageCount = sqlite.pragma("page_count", { simple: true }) as number;
    sqlite.close();
    const fileBytes = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);

    const result = {
      store: "sqlite",
      connections: CONNECTIONS,
      ceiling: {
        seconds: CEILING_SECONDS,
        predictionsPerSecond: Math.round(ceilingPerSecond),
        p99ms: ceiling.p99,
      },
      drainAfterCeilingMs,
      load: {
        seconds: LOAD_SECONDS,
        share: LOAD_SHARE,
        targetPredictionsPerSecond: rate * BATCH,
        predictionsPerSecond: Math.round((loaded.ok * BATCH) / loaded.duration),
        ingestP99ms: loaded.p99,
        non2xx: loaded.non2xx,
        errors: loaded.errors,
      },
      monitorsReads: {
        perSecondAsked: READS_PER_SECOND === 0 ? "back to back" : READS_PER_SECOND,
        count: reads.length,
        p50ms: percentile(reads, 0.5),
        p99ms: percentile(reads, 0.99),
        maxMs: Math.max(...reads),
        maxNotRead: Math.max(0, ...readTails.map((t) => t.notRead)),
      },
      idleMonitorsReads: { p50ms: percentile(idleReads, 0.5), p99ms: percentile(idleReads, 0.99) },
      loadAverage,
      foldLag: {
        maxMs: Math.max(0, ...lags),
        p50ms: percentile(lags, 0.5),
        maxPending: Math.max(0, ...pendings),
      },
      drainAfterLoadMs,
      storage: {
        predictions: stored,
        buckets: parts.length,
        maxPartsPerBucket: Math.max(0, ...parts.map((p) => p.n)),
        partBytes: parts.reduce((a, p) => a + p.bytes, 0),
        fileBytes,
        freePageShare: pageCount > 0 ? freePages / pageCount : 0,
        pageSize,
        bytesPerPrediction: stored > 0 ? fileBytes / stored : null,
      },
      goals: {
        monitorsP99Under500ms: (percentile(reads, 0.99) ?? Infinity) < 500,
        foldLagUnder10s: Math.max(0, ...lags) < 10_000,
        atLeastHalfTheCeiling: (loaded.ok * BATCH) / loaded.duration >= 0.5 * ceilingPerSecond * 0.95,
      },
    };
    mkdirSync(join(ROOT, "bench", "out"), { recursive: true });
    writeFileSync(join(ROOT, "bench", "out", "ingest-load.json"), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`bench/ingest-load: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
