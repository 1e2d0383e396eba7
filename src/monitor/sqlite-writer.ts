import { isMainThread, parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import type { LabelRecord, PredictionRecord, WriteResult } from "./store.js";

/**
 * The SQLite ingest writer. With synchronous=FULL every commit waits for fsync; done on the server's main
 * thread, that wait stalls every request. So ingest writes run on a worker thread with its own connection:
 * the main thread keeps parsing requests while the worker commits, and everything that arrived during one
 * commit goes into the next (group commit). A request is answered only after the worker reports its commit.
 */
export type WriteRequest =
  | { seq: number; kind: "predictions"; model: string; records: PredictionRecord[]; bucketMs: number }
  | { seq: number; kind: "labels"; model: string; records: LabelRecord[] };

export type WriteReply = { seq: number; result: WriteResult } | { seq: number; error: string };

export function openWriterDatabase(path: string): Database.Database {
  const db = new Database(path);
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
      `INSERT INTO raw_predictions (model, id, ts, bucket, version, score, prediction, features)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertLabel = db.prepare("INSERT OR IGNORE INTO labels (model, id, label, ts) VALUES (?, ?, ?, ?)");
  }

  private apply(request: WriteRequest): WriteResult {
    let accepted = 0;
    if (request.kind === "predictions") {
      const { model, bucketMs } = request;
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
  let pending: WriteRequest[] = [];
  let scheduled = false;
  port.on("message", (message: WriteRequest | { close: true }) => {
    if ("close" in message) {
      flush();
      db.close();
      port.postMessage({ closed: true });
      return;
    }
    pending.push(message);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });
  function flush() {
    scheduled = false;
    const group = pending;
    pending = [];
    if (group.length > 0) port.postMessage(writer.writeGroup(group));
  }
}
