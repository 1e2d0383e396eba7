import { closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";
import type { FoldJob } from "./fold.js";
import { type RawRow, rawFromRow } from "./raw-row.js";
import type {
  BucketPart,
  CompactionPlan,
  LabeledPrediction,
  LabelRecord,
  ModelSpec,
  PredictionRecord,
  RawPrediction,
  SampleRecord,
} from "./records.js";
import { BatchWriter, openWriterDatabase, type WriteReply, type WriteRequest } from "./sqlite-writer.js";
import {
  type AlertEvent,
  type AlertRecord,
  decodeJson,
  type ModelCounts,
  type MonitorStore,
  type Scope,
  type Silence,
  type TokenOptions,
  type TokenRecord,
  tokenFromRow,
  type UnfoldedRows,
  type WriteResult,
} from "./store.js";

const TOKEN_COLUMNS = "hash, name, scopes, created_at, expires_at, models";

/**
 * predictions: one row per id (idempotence, label joins, counts), without features. raw_predictions: the
 * features of predictions not yet folded into bucket summaries — a short queue, emptied by compaction.
 * samples: the bounded sample of raw records kept per bucket for debugging.
 */
/** Up to this many labels, `labeled` walks the labels instead of the window's predictions. */
const LABEL_DRIVEN_JOIN_MAX = 50_000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tokens (hash TEXT PRIMARY KEY, name TEXT NOT NULL, scopes TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS models (name TEXT PRIMARY KEY, spec TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reference_profiles (model TEXT NOT NULL, version TEXT NOT NULL, profile TEXT NOT NULL,
  created_at TEXT NOT NULL, PRIMARY KEY (model, version));
CREATE TABLE IF NOT EXISTS trust_bundles (model TEXT NOT NULL, version TEXT NOT NULL, bundle TEXT NOT NULL,
  created_at TEXT NOT NULL, PRIMARY KEY (model, version));
CREATE TABLE IF NOT EXISTS predictions (model TEXT NOT NULL, id TEXT NOT NULL, ts INTEGER NOT NULL, version TEXT,
  score REAL, prediction TEXT, PRIMARY KEY (model, id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS predictions_ts ON predictions (model, ts);
CREATE TABLE IF NOT EXISTS raw_predictions (seq INTEGER PRIMARY KEY, model TEXT NOT NULL, id TEXT NOT NULL,
  ts INTEGER NOT NULL, bucket INTEGER NOT NULL, version TEXT, score REAL, prediction TEXT, features TEXT NOT NULL,
  received INTEGER);
CREATE INDEX IF NOT EXISTS raw_predictions_model ON raw_predictions (model, seq);
CREATE TABLE IF NOT EXISTS samples (model TEXT NOT NULL, id TEXT NOT NULL, ts INTEGER NOT NULL, bucket INTEGER NOT NULL,
  version TEXT, score REAL, prediction TEXT, features TEXT NOT NULL, PRIMARY KEY (model, id));
CREATE INDEX IF NOT EXISTS samples_bucket ON samples (model, bucket);
CREATE TABLE IF NOT EXISTS labels (model TEXT NOT NULL, id TEXT NOT NULL, label TEXT, ts INTEGER NOT NULL,
  PRIMARY KEY (model, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS bucket_parts (seq INTEGER PRIMARY KEY AUTOINCREMENT, model TEXT NOT NULL, bucket INTEGER NOT NULL,
  rows INTEGER NOT NULL, summary TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS bucket_parts_time ON bucket_parts (model, bucket);
CREATE TABLE IF NOT EXISTS alerts (fingerprint TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS alert_events (seq INTEGER PRIMARY KEY AUTOINCREMENT, model TEXT NOT NULL, at INTEGER NOT NULL,
  event TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS silences (id TEXT PRIMARY KEY, silence TEXT NOT NULL);
`;

/**
 * SQLite store (better-sqlite3). WAL journal with synchronous=FULL: a transaction is on disk when commit
 * returns, so an acknowledged record survives kill -9 and power loss. Ingest writes go to a writer thread
 * (sqlite-writer.ts) that commits everything that arrived meanwhile in one transaction (group commit);
 * reads, folding and the rest run on this connection. `writer: "inline"` keeps ingest on this thread
 * (used for ":memory:", where a second connection would see another database).
 */
export class SqliteStore implements MonitorStore {
  readonly kind = "sqlite";
  private readonly db: Database.Database;
  private readonly mode: "thread" | "inline";
  private worker: Worker | null = null;
  private inline: BatchWriter | null = null;
  private seq = 0;
  private readonly waiting = new Map<number, { resolve(r: WriteResult): void; reject(e: unknown): void }>();
  private pending: WriteRequest[] = [];
  private flushScheduled = false;
  private readonly labelDrivenJoinMax: number;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    readonly path: string,
    options: { writer?: "thread" | "inline"; labelDrivenJoinMax?: number } = {},
  ) {
    this.labelDrivenJoinMax = options.labelDrivenJoinMax ?? LABEL_DRIVEN_JOIN_MAX;
    if (path !== ":memory:") {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      // Created owner-only (SQLite makes its -wal and -shm files with the database file's mode): it holds
      // token hashes, model specs and every ingested record.
      if (!existsSync(path)) closeSync(openSync(path, "a", 0o600));
    }
    this.db = openWriterDatabase(path);
    this.mode = path === ":memory:" ? "inline" : (options.writer ?? "thread");
  }

  /** A prepared statement, prepared once per text (preparing costs more than running a small query). */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (statement === undefined) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  async init(): Promise<void> {
    this.db.exec(SCHEMA);
    // databases made before tokens could expire or be limited to models
    const columns = (this.sql("PRAGMA table_info(tokens)").all() as { name: string }[]).map((c) => c.name);
    if (!columns.includes("expires_at")) this.db.exec("ALTER TABLE tokens ADD COLUMN expires_at INTEGER");
    if (!columns.includes("models")) this.db.exec("ALTER TABLE tokens ADD COLUMN models TEXT");
    const raw = (this.sql("PRAGMA table_info(raw_predictions)").all() as { name: string }[]).map(
      (c) => c.name,
    );
    if (!raw.includes("received")) this.db.exec("ALTER TABLE raw_predictions ADD COLUMN received INTEGER");
  }

  async close(): Promise<void> {
    if (this.worker) {
      const worker = this.worker;
      this.worker = null;
      await new Promise<void>((resolve) => {
        worker.on("message", (m: { closed?: boolean }) => {
          if (m && (m as { closed?: boolean }).closed) resolve();
        });
        worker.once("exit", () => resolve());
        worker.ref(); // an idle writer is unref'd; closing must keep the process alive until it is done
        worker.postMessage({ close: true });
      });
      await worker.terminate();
    }
    this.flushInline();
    this.db.close();
  }

  private write(request: WriteRequest): Promise<WriteResult> {
    return new Promise((resolve, reject) => {
      this.waiting.set(request.seq, { resolve, reject });
      if (this.mode === "thread") {
        const worker = this.startWorker();
        worker.ref();
        worker.postMessage(request);
        return;
      }
      this.pending.push(request);
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flushInline());
      }
    });
  }

  private startWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./sqlite-writer.js", import.meta.url), {
      workerData: { assaySqliteWriter: this.path },
    });
    worker.on("message", (replies: WriteReply[] | { closed: true }) => {
      if (Array.isArray(replies)) this.settle(replies);
    });
    worker.on("error", (error) => {
      for (const w of this.waiting.values()) w.reject(error);
      this.waiting.clear();
      this.worker = null;
    });
    this.worker = worker;
    return worker;
  }

  private flushInline(): void {
    this.flushScheduled = false;
    const group = this.pending;
    this.pending = [];
    if (group.length === 0) return;
    this.inline ??= new BatchWriter(this.db);
    this.settle(this.inline.writeGroup(group));
  }

  private settle(replies: WriteReply[]): void {
    for (const reply of replies) {
      const w = this.waiting.get(reply.seq);
      if (!w) continue;
      this.waiting.delete(reply.seq);
      if ("error" in reply) w.reject(new Error(reply.error));
      else if ("folded" in reply) (w.resolve as unknown as (n: number) => void)(reply.folded);
      else w.resolve(reply.result);
    }
    // An idle writer must not keep a process alive; one with work in flight must.
    if (this.waiting.size === 0) this.worker?.unref();
  }

  /** With a writer thread, folding runs there too (see sqlite-writer.ts); inline stores fold via compact(). */
  get foldJob(): ((job: FoldJob) => Promise<number>) | undefined {
    if (this.mode !== "thread") return undefined;
    return (job) =>
      new Promise<number>((resolve, reject) => {
        const seq = this.seq++;
        this.waiting.set(seq, { resolve: resolve as never, reject });
        const worker = this.startWorker();
        worker.ref();
        worker.postMessage({ seq, kind: "fold", job });
      });
  }

  async addToken(hash: string, name: string, scopes: Scope[], options: TokenOptions = {}): Promise<void> {
    this.sql(
      "INSERT INTO tokens (hash, name, scopes, created_at, expires_at, models) VALUES (?, ?, ?, ?, ?, ?)",
    ).run(
      hash,
      name,
      scopes.join(","),
      new Date().toISOString(),
      options.expiresAt ?? null,
      options.models ? JSON.stringify(options.models) : null,
    );
  }

  async findToken(hash: string): Promise<TokenRecord | null> {
    const row = this.sql(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE hash = ?`).get(hash);
    return row ? tokenFromRow(row as Parameters<typeof tokenFromRow>[0]) : null;
  }

  async listTokens(): Promise<TokenRecord[]> {
    const rows = this.sql(`SELECT ${TOKEN_COLUMNS} FROM tokens ORDER BY created_at, hash`).all();
    return rows.map((r) => tokenFromRow(r as Parameters<typeof tokenFromRow>[0]));
  }

  async revokeTokens(idOrName: string): Promise<number> {
    const prefix = /^[0-9a-f]{8,64}$/.test(idOrName) ? `${idOrName}%` : null;
    return this.sql("DELETE FROM tokens WHERE name = ? OR (? IS NOT NULL AND hash LIKE ?)").run(
      idOrName,
      prefix,
      prefix,
    ).changes;
  }

  async createModel(spec: ModelSpec): Promise<boolean> {
    const info = this.sql("INSERT OR IGNORE INTO models (name, spec) VALUES (?, ?)").run(
      spec.name,
      JSON.stringify(spec),
    );
    return info.changes === 1;
  }

  async updateModel(spec: ModelSpec): Promise<void> {
    this.sql("UPDATE models SET spec = ? WHERE name = ?").run(JSON.stringify(spec), spec.name);
  }

  async changeModel(name: string, change: (spec: ModelSpec) => ModelSpec | null): Promise<ModelSpec | null> {
    // IMMEDIATE: the write lock is taken before the read, so a second process cannot interleave
    return this.db
      .transaction(() => {
        const row = this.sql("SELECT spec FROM models WHERE name = ?").get(name) as
          | { spec: string }
          | undefined;
        if (!row) return null;
        const current = JSON.parse(row.spec) as ModelSpec;
        const next = change(current);
        if (next === null) return current;
        this.sql("UPDATE models SET spec = ? WHERE name = ?").run(JSON.stringify(next), name);
        return next;
      })
      .immediate();
  }

  async getModel(name: string): Promise<ModelSpec | null> {
    const row = this.sql("SELECT spec FROM models WHERE name = ?").get(name) as { spec: string } | undefined;
    return row ? (JSON.parse(row.spec) as ModelSpec) : null;
  }

  async listModels(): Promise<ModelSpec[]> {
    const rows = this.sql("SELECT spec FROM models ORDER BY name").all() as { spec: string }[];
    return rows.map((r) => JSON.parse(r.spec) as ModelSpec);
  }

  async putReference(model: string, version: string, profile: unknown): Promise<void> {
    this.sql(
      `INSERT INTO reference_profiles (model, version, profile, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (model, version) DO UPDATE SET profile = excluded.profile, created_at = excluded.created_at`,
    ).run(model, version, JSON.stringify(profile), new Date().toISOString());
  }

  async getReference(model: string, version: string): Promise<unknown | null> {
    const row = this.sql("SELECT profile FROM reference_profiles WHERE model = ? AND version = ?").get(
      model,
      version,
    ) as { profile: string } | undefined;
    return row ? JSON.parse(row.profile) : null;
  }

  async listReferenceVersions(model: string): Promise<string[]> {
    const rows = this.sql(
      "SELECT version FROM reference_profiles WHERE model = ? ORDER BY created_at, version",
    ).all(model) as { version: string }[];
    return rows.map((r) => r.version);
  }
  async putTrustBundle(model: string, version: string, bundle: unknown): Promise<void> {
    this.sql(
      `INSERT INTO trust_bundles (model, version, bundle, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (model, version) DO UPDATE SET bundle = excluded.bundle, created_at = excluded.created_at`,
    ).run(model, version, JSON.stringify(bundle), new Date().toISOString());
  }

  async listTrustBundles(model: string): Promise<{ version: string; bundle: unknown; createdAt: string }[]> {
    const rows = this.sql(
      "SELECT version, bundle, created_at FROM trust_bundles WHERE model = ? ORDER BY created_at, version",
    ).all(model) as { version: string; bundle: string; created_at: string }[];
    return rows.map((r) => ({ version: r.version, bundle: JSON.parse(r.bundle), createdAt: r.created_at }));
  }

  insertPredictions(model: string, records: PredictionRecord[], bucketMs: number): Promise<WriteResult> {
    return this.write({ seq: this.seq++, kind: "predictions", model, records, bucketMs });
  }

  insertLabels(model: string, records: LabelRecord[]): Promise<WriteResult> {
    return this.write({ seq: this.seq++, kind: "labels", model, records });
  }

  async counts(model: string): Promise<ModelCounts> {
    const p = this.sql(
      "SELECT count(*) AS n, min(ts) AS first, max(ts) AS last FROM predictions WHERE model = ?",
    ).get(model) as { n: number; first: number | null; last: number | null };
    const l = this.sql("SELECT count(*) AS n FROM labels WHERE model = ?").get(model) as { n: number };
    return { predictions: p.n, labels: l.n, firstTimestamp: p.first, lastTimestamp: p.last };
  }

  async newestTimestamp(model: string, rank: number): Promise<number | null> {
    const row = this.sql("SELECT ts FROM predictions WHERE model = ? ORDER BY ts DESC LIMIT 1 OFFSET ?").get(
      model,
      rank - 1,
    ) as { ts: number } | undefined;
    return row ? Number(row.ts) : null;
  }

  async existingPredictionIds(model: string, ids: string[]): Promise<string[]> {
    const found: string[] = [];
    const select = this.sql("SELECT id FROM predictions WHERE model = ? AND id = ?");
    for (const id of ids) if (select.get(model, id)) found.push(id);
    return found;
  }

  async compact(
    model: string,
    limit: number,
    plan: (rows: RawPrediction[]) => CompactionPlan,
  ): Promise<number> {
    const select = this.sql(
      `SELECT seq, id, ts, bucket, version, score, prediction, features FROM raw_predictions
       WHERE model = ? ORDER BY seq LIMIT ?`,
    );
    const insertPart = this.sql(
      "INSERT INTO bucket_parts (model, bucket, rows, summary) VALUES (?, ?, ?, ?)",
    );
    const keep = this.sql(
      `INSERT OR IGNORE INTO samples (model, id, ts, bucket, version, score, prediction, features)
       SELECT model, id, ts, bucket, version, score, prediction, features FROM raw_predictions WHERE model = ? AND seq = ?`,
    );
    const done = this.sql("DELETE FROM raw_predictions WHERE model = ? AND seq <= ?");
    return this.db
      .transaction(() => {
        const raw = select.all(model, limit) as (RawRow & { seq: number })[];
        if (raw.length === 0) return 0;
        const result = plan(raw.map(rawFromRow));
        for (const part of result.parts)
          insertPart.run(model, part.bucket, part.rows, JSON.stringify(part.summary));
        const sample = new Set(result.keepAsSample);
        for (const r of raw) if (sample.has(r.id)) keep.run(model, r.seq);
        // The rows read are the model's first `limit` by seq, so one range delete removes exactly them.
        done.run(model, raw[raw.length - 1].seq);
        return raw.length;
      })
      .immediate();
  }

  async unfolded(model: string, limit: number): Promise<UnfoldedRows> {
    // one read transaction: the count, the oldest row and the tail come from the same snapshot
    return this.db.transaction(() => {
      const head = this.sql("SELECT count(*) AS n FROM raw_predictions WHERE model = ?").get(model) as {
        n: number;
      };
      if (head.n === 0) return { pending: 0, oldestReceived: null, rows: [] };
      const rows = this.sql(
        `SELECT id, ts, bucket, version, score, prediction, features, received FROM raw_predictions
           WHERE model = ? ORDER BY seq LIMIT ?`,
      ).all(model, Math.max(1, limit)) as (RawRow & { received: number | null })[];
      return {
        pending: head.n,
        oldestReceived: rows[0]?.received ?? null,
        rows: limit > 0 ? rows.map(rawFromRow) : [],
      };
    })();
  }

  async sampleCounts(model: string, buckets: number[]): Promise<Map<number, number>> {
    const count = this.sql("SELECT count(*) AS n FROM samples WHERE model = ? AND bucket = ?");
    const out = new Map<number, number>();
    for (const b of buckets) out.set(b, (count.get(model, b) as { n: number }).n);
    return out;
  }

  async bucketParts(model: string, fromBucket: number, toBucket: number): Promise<BucketPart[]> {
    const rows = this.sql(
      "SELECT seq, bucket, rows, summary FROM bucket_parts WHERE model = ? AND bucket >= ? AND bucket < ? ORDER BY bucket, seq",
    ).all(model, fromBucket, toBucket) as { seq: number; bucket: number; rows: number; summary: string }[];
    return rows.map((r) => ({ seq: r.seq, bucket: r.bucket, rows: r.rows, summary: JSON.parse(r.summary) }));
  }

  async partGroups(
    model: string,
    fromBucket: number,
    toBucket: number,
    span: number,
  ): Promise<{ group: number; parts: number; maxSeq: number }[]> {
    return this.sql(
      `SELECT bucket - (bucket % ?) AS "group", count(*) AS parts, max(seq) AS maxSeq FROM bucket_parts
         WHERE model = ? AND bucket >= ? AND bucket < ? GROUP BY 1 ORDER BY 1`,
    ).all(span, model, fromBucket, toBucket) as { group: number; parts: number; maxSeq: number }[];
  }

  async fragmentedBuckets(model: string, buckets: number[], atLeast: number): Promise<number[]> {
    const count = this.sql("SELECT count(*) AS n FROM bucket_parts WHERE model = ? AND bucket = ?");
    return buckets.filter((b) => (count.get(model, b) as { n: number }).n > atLeast);
  }

  async replaceParts(model: string, bucket: number, seqs: number[], merged: BucketPart): Promise<boolean> {
    const remove = this.sql("DELETE FROM bucket_parts WHERE model = ? AND bucket = ? AND seq = ?");
    const insert = this.sql("INSERT INTO bucket_parts (model, bucket, rows, summary) VALUES (?, ?, ?, ?)");
    const abort = new Error("parts changed");
    try {
      this.db
        .transaction(() => {
          for (const seq of seqs) if (remove.run(model, bucket, seq).changes !== 1) throw abort;
          insert.run(model, bucket, merged.rows, JSON.stringify(merged.summary));
        })
        .immediate();
      return true;
    } catch (error) {
      if (error === abort) return false;
      throw error;
    }
  }

  async labeled(model: string, from: number, to: number, limit: number): Promise<LabeledPrediction[]> {
    // Which side drives the join: walking the window's predictions newest first stops after `limit`
    // labeled ones, but reads every prediction of the window when labels are sparse (delayed labels, a
    // model with none); walking the labels reads each label once. A bounded count picks the cheaper one.
    const fewLabels =
      (
        this.sql("SELECT count(*) AS n FROM (SELECT 1 FROM labels WHERE model = ? LIMIT ?)").get(
          model,
          this.labelDrivenJoinMax,
        ) as { n: number }
      ).n < this.labelDrivenJoinMax;
    const sql = fewLabels
      ? `SELECT p.id, p.ts, p.score, p.prediction, p.version, l.label FROM labels l
         CROSS JOIN predictions p ON p.model = l.model AND p.id = l.id
         WHERE l.model = ? AND p.ts >= ? AND p.ts < ? ORDER BY p.ts DESC LIMIT ?`
      : `SELECT p.id, p.ts, p.score, p.prediction, p.version, l.label FROM predictions p
         JOIN labels l ON l.model = p.model AND l.id = p.id
         WHERE p.model = ? AND p.ts >= ? AND p.ts < ? ORDER BY p.ts DESC LIMIT ?`;
    const rows = this.sql(sql).all(model, from, to, limit) as {
      id: string;
      ts: number;
      score: number | null;
      prediction: string | null;
      version: string | null;
      label: string | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      timestamp: r.ts,
      score: r.score,
      prediction: decodeJson(r.prediction),
      label: decodeJson(r.label),
      version: r.version,
    }));
  }

  async scored(
    model: string,
    from: number,
    to: number,
    limit: number,
  ): Promise<{ score: number | null; prediction: unknown }[]> {
    const rows = this.sql(
      "SELECT score, prediction FROM predictions WHERE model = ? AND ts >= ? AND ts < ? LIMIT ?",
    ).all(model, from, to, limit) as { score: number | null; prediction: string | null }[];
    return rows.map((r) => ({ score: r.score, prediction: decodeJson(r.prediction) }));
  }

  async samples(model: string, limit: number): Promise<SampleRecord[]> {
    const rows = this.sql(
      `SELECT s.id, s.ts, s.bucket, s.version, s.score, s.prediction, s.features, l.label FROM samples s
         LEFT JOIN labels l ON l.model = s.model AND l.id = s.id
         WHERE s.model = ? ORDER BY s.ts DESC LIMIT ?`,
    ).all(model, limit) as (RawRow & { label: string | null })[];
    return rows.map((r) => ({ ...rawFromRow(r), label: decodeJson(r.label) }));
  }

  async deleteBefore(model: string, before: number): Promise<number> {
    return this.db.transaction(() => {
      let n = 0;
      for (const table of ["predictions", "labels", "samples", "raw_predictions"])
        n += this.sql(`DELETE FROM ${table} WHERE model = ? AND ts < ?`).run(model, before).changes;
      n += this.sql("DELETE FROM bucket_parts WHERE model = ? AND bucket < ?").run(model, before).changes;
      return n;
    })();
  }

  async getAlerts(): Promise<AlertRecord[]> {
    const rows = this.sql("SELECT record FROM alerts").all() as { record: string }[];
    return rows.map((r) => JSON.parse(r.record) as AlertRecord);
  }

  async saveAlert(alert: AlertRecord, event: AlertEvent | null): Promise<void> {
    this.db.transaction(() => {
      this.sql(
        "INSERT INTO alerts (fingerprint, record) VALUES (?, ?) ON CONFLICT (fingerprint) DO UPDATE SET record = excluded.record",
      ).run(alert.fingerprint, JSON.stringify(alert));
      if (event)
        this.sql("INSERT INTO alert_events (model, at, event) VALUES (?, ?, ?)").run(
          event.model,
          event.at,
          JSON.stringify(event),
        );
    })();
  }

  async alertHistory(filter: { model?: string; since?: number; limit: number }): Promise<AlertEvent[]> {
    const rows = this.sql(
      `SELECT event FROM alert_events WHERE (? IS NULL OR model = ?) AND at >= ? ORDER BY seq DESC LIMIT ?`,
    ).all(filter.model ?? null, filter.model ?? null, filter.since ?? -8.64e15, filter.limit) as {
      event: string;
    }[];
    return rows.map((r) => JSON.parse(r.event) as AlertEvent);
  }

  async addSilence(silence: Silence): Promise<void> {
    this.sql("INSERT INTO silences (id, silence) VALUES (?, ?)").run(silence.id, JSON.stringify(silence));
  }

  async listSilences(): Promise<Silence[]> {
    const rows = this.sql("SELECT silence FROM silences ORDER BY id").all() as { silence: string }[];
    return rows.map((r) => JSON.parse(r.silence) as Silence);
  }

  async deleteSilence(id: string): Promise<boolean> {
    return this.sql("DELETE FROM silences WHERE id = ?").run(id).changes === 1;
  }
}
