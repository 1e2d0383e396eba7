import { isMainThread, parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { type BucketSummary, mergeSummaries } from "./bucket-summary.js";
import { type FoldJob, planFold } from "./fold.js";
import { type RawRow, rawFromRow } from "./raw-row.js";
import type { LabelRecord, PredictionRecord } from "./records.js";
import type { WriteResult } from "./store.js";

/**
 * The SQLite ingest writer. With synchronous=FULL every commit waits for fsync; done on the server's main
 * thread, that wait stalls every request. So ingest writes run on a worker thread with its own connection:
 * the main thread keeps parsing requests while the worker commits, and everything that arrived during one
 * commit goes into the next (group commit). A request is answered only after the worker reports its commit.
 */
export type WriteRequest =
  | { seq: number; kind: "predictions"; model: string; records: PredictionRecord[]; bucketMs: number }
  | { seq: number; kind: "labels"; model: string; records: LabelRecord[] };

export type WriteReply =
  | { seq: number; result: WriteResult }
  | { seq: number; folded: number }
  | { seq: number; error: string };

/**
 * Raw rows folded per turn of the writer (a few milliseconds): ingest commits wait at most one step, so a
 * fold backlog slows single-event ingest only a little. More parts per bucket result; they are merged later.
 */
const FOLD_STEP = 1000;

/** Free pages tolerated before reclaiming (4 MB of 4 KB pages), and pages reclaimed per call (16 MB). */
const RECLAIM_ABOVE_PAGES = 1024;
const RECLAIM_PAGES = 4096;

/**
 * Folding on the writer: one batch of raw rows per call, in its own transaction, so ingest commits queued
 * meanwhile go in between. When the queue of raw rows is empty, fragmented buckets are merged.
 */
class Folder {
  private readonly select;
  private readonly insertPart;
  private readonly keep;
  private readonly done;
  private readonly countParts;
  private readonly partsOf;
  private readonly removePart;

  constructor(private readonly db: Database.Database) {
    this.select = db.prepare(
      `SELECT seq, id, ts, bucket, version, score, prediction, features FROM raw_predictions
       WHERE model = ? ORDER BY seq LIMIT ?`,
    );
    this.insertPart = db.prepare(
      "INSERT INTO bucket_parts (model, bucket, rows, summary) VALUES (?, ?, ?, ?)",
    );
    this.keep = db.prepare(
      `INSERT OR IGNORE INTO samples (model, id, ts, bucket, version, score, prediction, features)
       SELECT model, id, ts, bucket, version, score, prediction, features FROM raw_predictions WHERE model = ? AND seq = ?`,
    );
    this.done = db.prepare("DELETE FROM raw_predictions WHERE model = ? AND seq <= ?");
    this.countParts = db.prepare("SELECT count(*) AS n FROM bucket_parts WHERE model = ? AND bucket = ?");
    this.partsOf = db.prepare(
      "SELECT seq, summary FROM bucket_parts WHERE model = ? AND bucket = ? ORDER BY seq",
    );
    this.removePart = db.prepare("DELETE FROM bucket_parts WHERE model = ? AND seq = ?");
  }

  /** Folds one batch; returns the rows folded and the buckets touched. */
  step(job: FoldJob, touched: Set<number>): number {
    return this.db
      .transaction(() => {
        const raw = this.select.all(job.model, Math.min(job.foldBatch, FOLD_STEP)) as (RawRow & {
          seq: number;
        })[];
        if (raw.length === 0) return 0;
        const rows = raw.map(rawFromRow);
        for (const r of rows) touched.add(r.bucket);
        const plan = planFold(job.spec, rows, job.facts, job.sampleSize, job.trust);
        for (const part of plan.parts)
          this.insertPart.run(job.model, part.bucket, part.rows, JSON.stringify(part.summary));
        const sample = new Set(plan.keepAsSample);
        for (const r of raw) if (sample.has(r.id)) this.keep.run(job.model, r.seq);
        this.done.run(job.model, raw[raw.length - 1].seq);
        return raw.length;
      })
      .immediate();
  }

  /**
   * Gives free pages back to the file system, a bounded number per call (SQLite `auto_vacuum =
   * INCREMENTAL`): the fold queue and merged parts free pages all the time, and without this a burst
   * left the file at its peak size for good (2.33 GB with 91% free pages). A no-op on databases created
   * without incremental auto-vacuum (docs/monitor.md says how to convert one).
   */
  reclaim(): void {
    const free = this.db.pragma("freelist_count", { simple: true }) as number;
    if (free > RECLAIM_ABOVE_PAGES) this.db.pragma(`incremental_vacuum(${RECLAIM_PAGES})`);
  }

  /** Merges the parts of a bucket that holds more than maxParts. */
  consolidate(job: FoldJob, bucket: number): void {
    if ((this.countParts.get(job.model, bucket) as { n: number }).n <= job.maxParts) return;
    this.db
      .transaction(() => {
        const parts = this.partsOf.all(job.model, bucket) as { seq: number; summary: string }[];
        const merged = mergeSummaries(parts.map((p) => JSON.parse(p.summary) as BucketSummary));
        if (!merged) return;
        for (const p of parts) this.removePart.run(job.model, p.seq);
        this.insertPart.run(job.model, bucket, merged.rows, JSON.stringify(merged));
      })
      .immediate();
  }
}

export function openWriterDatabase(path: string): Database.Database {
  const db = new Database(path);
  // First, before WAL mode writes the header: only a new database takes incremental auto-vacuum without a
  // VACUUM (an existing one keeps its mode).
  db.pragma("auto_vacuum = INCREMENTAL");
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("busy_timeout = 10000");
  return db;
}

/** Applies writes to a connection; prepared statements are made once. */
export class BatchWriter {
  private readonly insertPrediction;
  private readonly queueRaw;
  private readonly insertLabel;

  constructor(private readonly db: Database.Database) {
    this.insertPrediction = db.prepare(
      "INSERT OR IGNORE INTO predictions (model, id, ts, version, score, prediction) VALUES (?, ?, ?, ?, ?, ?)",
    );
    this.queueRaw = db.prepare(
      `INSERT INTO raw_predictions (model, id, ts, bucket, version, score, prediction, features, received)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertLabel = db.prepare("INSERT OR IGNORE INTO labels (model, id, label, ts) VALUES (?, ?, ?, ?)");
  }

  private apply(request: WriteRequest): WriteResult {
    let accepted = 0;
    if (request.kind === "predictions") {
      const { model, bucketMs } = request;
      const received = Date.now();
      for (const r of request.records) {
        const prediction =
          r.prediction === null || r.prediction === undefined ? null : JSON.stringify(r.prediction);
        if (this.insertPrediction.run(model, r.id, r.timestamp, r.version, r.score, prediction).changes === 0)
          continue;
        accepted++;
        const bucket = Math.floor(r.timestamp / bucketMs) * bucketMs;
        this.queueRaw.run(
          model,
          r.id,
          r.timestamp,
          bucket,
          r.version,
          r.score,
          prediction,
          JSON.stringify(r.features),
          received,
        );
      }
    } else {
      for (const r of request.records) {
        const label = r.label === null || r.label === undefined ? null : JSON.stringify(r.label);
        accepted += this.insertLabel.run(request.model, r.id, label, r.timestamp).changes;
      }
    }
    return { accepted, duplicates: request.records.length - accepted };
  }

  /** Writes a group in one IMMEDIATE transaction; if any write fails, each is retried alone. */
  writeGroup(group: WriteRequest[]): WriteReply[] {
    try {
      const results = this.db.transaction(() => group.map((w) => this.apply(w))).immediate();
      return group.map((w, i) => ({ seq: w.seq, result: results[i] }));
    } catch {
      return group.map((w) => {
        try {
          return { seq: w.seq, result: this.db.transaction(() => this.apply(w)).immediate() };
        } catch (error) {
          return { seq: w.seq, error: (error as Error).message };
        }
      });
    }
  }
}

// Worker entry point: collects requests until the event loop turns, then commits them together.
if (!isMainThread && parentPort && (workerData as { assaySqliteWriter?: string })?.assaySqliteWriter) {
  const port = parentPort;
  const db = openWriterDatabase((workerData as { assaySqliteWriter: string }).assaySqliteWriter);
  const writer = new BatchWriter(db);
  const folder = new Folder(db);
  let pending: WriteRequest[] = [];
  const folds: { seq: number; job: FoldJob; folded: number; touched: Set<number> }[] = [];
  let scheduled = false;
  const schedule = () => {
    if (!scheduled) {
      scheduled = true;
      setImmediate(turn);
    }
  };
  port.on(
    "message",
    (message: WriteRequest | { close: true } | { seq: number; kind: "fold"; job: FoldJob }) => {
      if ("close" in message) {
        flushWrites();
        db.close();
        port.postMessage({ closed: true });
        return;
      }
      if (message.kind === "fold")
        folds.push({ seq: message.seq, job: message.job, folded: 0, touched: new Set() });
      else pending.push(message);
      schedule();
    },
  );
  function flushWrites() {
    const group = pending;
    pending = [];
    recentWrites += group.length;
    if (group.length > 0) port.postMessage(writer.writeGroup(group));
  }
  // One turn: commit the writes that arrived, then fold one step. While writes keep coming, folding takes at
  // most half of the writer's time (after a step of t ms, the next waits t ms), so ingest latency stays low
  // and a fold backlog still drains; with no writes waiting, folding runs back to back.
  let foldAfter = 0;
  let steps = 0;
  function turn() {
    scheduled = false;
    flushWrites();
    const fold = folds[0];
    if (!fold) return;
    const now = performance.now();
    if (now < foldAfter && pending.length + queuedWrites() > 0) {
      setTimeout(schedule, Math.max(1, foldAfter - now));
      return;
    }
    try {
      const touched = new Set<number>();
      const n = folder.step(fold.job, touched);
      fold.folded += n;
      for (const b of touched) fold.touched.add(b);
      // Under sustained ingest the queue never empties, so a bucket's parts are merged as soon as it has
      // more than maxParts, not only at the end of the job (31 parts per bucket after 20 s, before).
      for (const bucket of touched) folder.consolidate(fold.job, bucket);
      if (++steps % 50 === 0) folder.reclaim();
      if (n < Math.min(fold.job.foldBatch, FOLD_STEP)) {
        for (const bucket of fold.touched) folder.consolidate(fold.job, bucket);
        folder.reclaim();
        folds.shift();
        port.postMessage([{ seq: fold.seq, folded: fold.folded }]);
      }
    } catch (error) {
      folds.shift();
      port.postMessage([{ seq: fold.seq, error: (error as Error).message }]);
    }
    const spent = performance.now() - now;
    foldAfter = performance.now() + spent;
    if (folds.length > 0 || pending.length > 0) schedule();
  }
  // Writes answered in the last turn are a sign more are coming.
  let recentWrites = 0;
  function queuedWrites() {
    const n = recentWrites;
    recentWrites = 0;
    return n;
  }
}
