import pg from "pg";
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
import {
  type AlertEvent,
  type AlertRecord,
  decodeJson,
  encodeJson,
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

const TOKEN_COLUMNS = "hash, name, scopes, created_at, expires_at::float8 AS expires_at, models";

/** The same tables as the SQLite store (see sqlite-store.ts for their roles). */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS tokens (hash TEXT PRIMARY KEY, name TEXT NOT NULL, scopes TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS models (name TEXT PRIMARY KEY, spec TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reference_profiles (model TEXT NOT NULL, version TEXT NOT NULL, profile TEXT NOT NULL,
  created_at TEXT NOT NULL, PRIMARY KEY (model, version));
CREATE TABLE IF NOT EXISTS trust_bundles (model TEXT NOT NULL, version TEXT NOT NULL, bundle TEXT NOT NULL,
  created_at TEXT NOT NULL, PRIMARY KEY (model, version));
CREATE TABLE IF NOT EXISTS predictions (model TEXT NOT NULL, id TEXT NOT NULL, ts BIGINT NOT NULL, version TEXT,
  score DOUBLE PRECISION, prediction TEXT, PRIMARY KEY (model, id));
CREATE INDEX IF NOT EXISTS predictions_ts ON predictions (model, ts);
CREATE TABLE IF NOT EXISTS raw_predictions (seq BIGSERIAL PRIMARY KEY, model TEXT NOT NULL, id TEXT NOT NULL,
  ts BIGINT NOT NULL, bucket BIGINT NOT NULL, version TEXT, score DOUBLE PRECISION, prediction TEXT, features TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS raw_predictions_model ON raw_predictions (model, seq);
CREATE TABLE IF NOT EXISTS samples (model TEXT NOT NULL, id TEXT NOT NULL, ts BIGINT NOT NULL, bucket BIGINT NOT NULL,
  version TEXT, score DOUBLE PRECISION, prediction TEXT, features TEXT NOT NULL, PRIMARY KEY (model, id));
CREATE INDEX IF NOT EXISTS samples_bucket ON samples (model, bucket);
CREATE TABLE IF NOT EXISTS labels (model TEXT NOT NULL, id TEXT NOT NULL, label TEXT, ts BIGINT NOT NULL,
  PRIMARY KEY (model, id));
CREATE TABLE IF NOT EXISTS bucket_parts (seq BIGSERIAL PRIMARY KEY, model TEXT NOT NULL, bucket BIGINT NOT NULL,
  rows INTEGER NOT NULL, summary TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS bucket_parts_time ON bucket_parts (model, bucket);
CREATE TABLE IF NOT EXISTS alerts (fingerprint TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS alert_events (seq BIGSERIAL PRIMARY KEY, model TEXT NOT NULL, at BIGINT NOT NULL,
  event TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS silences (id TEXT PRIMARY KEY, silence TEXT NOT NULL);
`;

/** Rows per multi-row INSERT (9 parameters each stays far below PostgreSQL's 65535-parameter limit). */
const INSERT_CHUNK = 1000;

function withPassword(url: string, password: string | undefined): string {
  if (password === undefined) return url;
  const u = new URL(url);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/**
 * PostgreSQL store (`pg`), for deployments where several servers share state. Every statement is
 * parametrized; a write resolves after COMMIT, which with the default synchronous_commit=on is durable.
 */
export class PostgresStore implements MonitorStore {
  readonly kind = "postgres";
  private readonly pool: pg.Pool;
  private readonly connectionString: string;

  private readonly schema: string | null;

  /** `schema` (a plain identifier) keeps this store's tables apart, e.g. one schema per test run. */
  constructor(url: string, options: { schema?: string; password?: string } = {}) {
    const schema = options.schema ?? null;
    if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
      throw new Error(`invalid PostgreSQL schema name '${schema}'`);
    this.schema = schema;
    // pg lets the URL's (absent) password override a `password` option, so the password goes into the
    // URL here, in memory — never onto a command line.
    this.connectionString = withPassword(url, options.password);
    this.pool = new pg.Pool({ connectionString: this.connectionString, max: 10 });
    // An idle client losing its connection must not crash the server; the next query reconnects.
    this.pool.on("error", () => {});
    if (schema !== null)
      this.pool.on("connect", (client) => {
        client.query(`SET search_path TO ${schema}`).catch(() => {});
      });
  }

  async init(): Promise<void> {
    const client = await this.pool.connect();
    try {
      // Serializes concurrent CREATE TABLE IF NOT EXISTS from several servers (or test files).
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(726374)");
      if (this.schema !== null) {
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
        await client.query(`SET LOCAL search_path TO ${this.schema}`);
      }
      await client.query(SCHEMA);
      // databases made before tokens could expire or be limited to models
      await client.query("ALTER TABLE tokens ADD COLUMN IF NOT EXISTS expires_at BIGINT");
      await client.query("ALTER TABLE tokens ADD COLUMN IF NOT EXISTS models TEXT");
      // when a raw row was received, for the fold lag (server clock, ms)
      await client.query(
        "ALTER TABLE raw_predictions ADD COLUMN IF NOT EXISTS received BIGINT DEFAULT (extract(epoch FROM clock_timestamp()) * 1000)::bigint",
      );
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /**
   * The channel spec, reference and trust-bundle writes are announced on (NOTIFY, payload: the model), so
   * other servers on this database drop what they cached (change-feed.ts). One channel per schema.
   */
  get changeChannel(): string {
    return `assay_changes_${this.schema ?? "public"}`;
  }

  /** A lock namespace for this store's schema, so test schemas sharing a database do not contend. */
  get lockScope(): string {
    return this.schema ?? "";
  }

  /**
   * A connection of its own, outside the pool, for session state: advisory locks (leader.ts) and LISTEN
   * (change-feed.ts). The caller connects, handles its 'error' event, and ends it.
   */
  dedicatedClient(role: string): pg.Client {
    return new pg.Client({
      connectionString: this.connectionString,
      // names the session in pg_stat_activity, e.g. to see which server holds a model's lock
      application_name: `assay-${role}-${process.pid}`,
      ...(this.schema === null ? {} : { options: `-c search_path=${this.schema}` }),
    });
  }

  /** Writes and announces a change of a model's spec, references or trust bundles, in one transaction. */
  private announced<T>(model: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.transaction(async (client) => {
      const result = await work(client);
      // delivered to listeners at COMMIT, and not at all if the write rolls back
      await client.query("SELECT pg_notify($1, $2)", [this.changeChannel, model]);
      return result;
    });
  }

  /** Drops this store's schema and everything in it (tests). */
  async dropSchema(): Promise<void> {
    if (this.schema !== null) await this.pool.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async addToken(hash: string, name: string, scopes: Scope[], options: TokenOptions = {}): Promise<void> {
    await this.pool.query(
      "INSERT INTO tokens (hash, name, scopes, created_at, expires_at, models) VALUES ($1, $2, $3, $4, $5, $6)",
      [
        hash,
        name,
        scopes.join(","),
        new Date().toISOString(),
        options.expiresAt ?? null,
        options.models ? JSON.stringify(options.models) : null,
      ],
    );
  }

  async findToken(hash: string): Promise<TokenRecord | null> {
    const { rows } = await this.pool.query(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE hash = $1`, [hash]);
    return rows[0] ? tokenFromRow(rows[0]) : null;
  }

  async listTokens(): Promise<TokenRecord[]> {
    const { rows } = await this.pool.query(`SELECT ${TOKEN_COLUMNS} FROM tokens ORDER BY created_at, hash`);
    return rows.map(tokenFromRow);
  }

  async revokeTokens(idOrName: string): Promise<number> {
    const prefix = /^[0-9a-f]{8,64}$/.test(idOrName) ? `${idOrName}%` : null;
    const result = await this.pool.query(
      "DELETE FROM tokens WHERE name = $1 OR ($2::text IS NOT NULL AND hash LIKE $2)",
      [idOrName, prefix],
    );
    return result.rowCount ?? 0;
  }

  async createModel(spec: ModelSpec): Promise<boolean> {
    return this.announced(spec.name, async (client) => {
      const result = await client.query(
        "INSERT INTO models (name, spec) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
        [spec.name, JSON.stringify(spec)],
      );
      return result.rowCount === 1;
    });
  }

  async updateModel(spec: ModelSpec): Promise<void> {
    await this.announced(spec.name, (client) =>
      client.query("UPDATE models SET spec = $1 WHERE name = $2", [JSON.stringify(spec), spec.name]),
    );
  }

  async changeModel(name: string, change: (spec: ModelSpec) => ModelSpec | null): Promise<ModelSpec | null> {
    return this.announced(name, async (client) => {
      const { rows } = await client.query("SELECT spec FROM models WHERE name = $1 FOR UPDATE", [name]);
      if (!rows[0]) return null;
      const current = JSON.parse(rows[0].spec) as ModelSpec;
      const next = change(current);
      if (next === null) return current;
      await client.query("UPDATE models SET spec = $1 WHERE name = $2", [JSON.stringify(next), name]);
      return next;
    });
  }

  async getModel(name: string): Promise<ModelSpec | null> {
    const { rows } = await this.pool.query("SELECT spec FROM models WHERE name = $1", [name]);
    return rows[0] ? (JSON.parse(rows[0].spec) as ModelSpec) : null;
  }

  async listModels(): Promise<ModelSpec[]> {
    const { rows } = await this.pool.query("SELECT spec FROM models ORDER BY name");
    return rows.map((r) => JSON.parse(r.spec) as ModelSpec);
  }

  async putReference(model: string, version: string, profile: unknown): Promise<void> {
    await this.announced(model, (client) =>
      client.query(
        `INSERT INTO reference_profiles (model, version, profile, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (model, version) DO UPDATE SET profile = EXCLUDED.profile, created_at = EXCLUDED.created_at`,
        [model, version, JSON.stringify(profile), new Date().toISOString()],
      ),
    );
  }

  async getReference(model: string, version: string): Promise<unknown | null> {
    const { rows } = await this.pool.query(
      "SELECT profile FROM reference_profiles WHERE model = $1 AND version = $2",
      [model, version],
    );
    return rows[0] ? JSON.parse(rows[0].profile) : null;
  }

  async listReferenceVersions(model: string): Promise<string[]> {
    const { rows } = await this.pool.query(
      "SELECT version FROM reference_profiles WHERE model = $1 ORDER BY created_at, version",
      [model],
    );
    return rows.map((r) => r.version as string);
  }
  async putTrustBundle(model: string, version: string, bundle: unknown): Promise<void> {
    await this.announced(model, (client) =>
      client.query(
        `INSERT INTO trust_bundles (model, version, bundle, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (model, version) DO UPDATE SET bundle = EXCLUDED.bundle, created_at = EXCLUDED.created_at`,
        [model, version, JSON.stringify(bundle), new Date().toISOString()],
      ),
    );
  }

  async listTrustBundles(model: string): Promise<{ version: string; bundle: unknown; createdAt: string }[]> {
    const { rows } = await this.pool.query(
      "SELECT version, bundle, created_at FROM trust_bundles WHERE model = $1 ORDER BY created_at, version",
      [model],
    );
    return rows.map((r) => ({
      version: r.version as string,
      bundle: JSON.parse(r.bundle as string),
      createdAt: r.created_at as string,
    }));
  }

  async insertPredictions(
    model: string,
    records: PredictionRecord[],
    bucketMs: number,
  ): Promise<WriteResult> {
    if (records.length === 0) return { accepted: 0, duplicates: 0 };
    const accepted = await this.transaction(async (client) => {
      let n = 0;
      for (let start = 0; start < records.length; start += INSERT_CHUNK) {
        const chunk = records.slice(start, start + INSERT_CHUNK);
        const values: unknown[] = [];
        const tuples = chunk.map((r, i) => {
          values.push(model, r.id, r.timestamp, r.version, r.score, encodeJson(r.prediction));
          const b = i * 6;
          return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6})`;
        });
        // RETURNING names the ids that were new: only those join the raw queue (re-sent ids change nothing).
        const inserted = await client.query(
          `INSERT INTO predictions (model, id, ts, version, score, prediction)
           VALUES ${tuples.join(", ")} ON CONFLICT (model, id) DO NOTHING RETURNING id`,
          values,
        );
        if (inserted.rows.length === 0) continue;
        n += inserted.rows.length;
        const fresh = new Set(inserted.rows.map((r) => r.id as string));
        const queued: unknown[] = [];
        const queueTuples: string[] = [];
        for (const r of chunk) {
          if (!fresh.delete(r.id)) continue; // delete: a duplicate inside the chunk is queued once
          const b = queueTuples.length * 8;
          queueTuples.push(
            `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8})`,
          );
          const bucket = Math.floor(r.timestamp / bucketMs) * bucketMs;
          queued.push(model, r.id, r.timestamp, bucket, r.version, r.score, encodeJson(r.prediction));
          queued.push(JSON.stringify(r.features));
        }
        await client.query(
          `INSERT INTO raw_predictions (model, id, ts, bucket, version, score, prediction, features)
           VALUES ${queueTuples.join(", ")}`,
          queued,
        );
      }
      return n;
    });
    return { accepted, duplicates: records.length - accepted };
  }

  async insertLabels(model: string, records: LabelRecord[]): Promise<WriteResult> {
    if (records.length === 0) return { accepted: 0, duplicates: 0 };
    const accepted = await this.transaction(async (client) => {
      let n = 0;
      for (let start = 0; start < records.length; start += INSERT_CHUNK) {
        const chunk = records.slice(start, start + INSERT_CHUNK);
        const values: unknown[] = [];
        const tuples = chunk.map((r, i) => {
          values.push(model, r.id, encodeJson(r.label), r.timestamp);
          return `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4})`;
        });
        const result = await client.query(
          `INSERT INTO labels (model, id, label, ts) VALUES ${tuples.join(", ")} ON CONFLICT (model, id) DO NOTHING`,
          values,
        );
        n += result.rowCount ?? 0;
      }
      return n;
    });
    return { accepted, duplicates: records.length - accepted };
  }

  async counts(model: string): Promise<ModelCounts> {
    const p = await this.pool.query(
      "SELECT count(*)::float8 AS n, min(ts)::float8 AS first, max(ts)::float8 AS last FROM predictions WHERE model = $1",
      [model],
    );
    const l = await this.pool.query("SELECT count(*)::float8 AS n FROM labels WHERE model = $1", [model]);
    return {
      predictions: p.rows[0].n,
      labels: l.rows[0].n,
      firstTimestamp: p.rows[0].first,
      lastTimestamp: p.rows[0].last,
    };
  }

  async newestTimestamp(model: string, rank: number): Promise<number | null> {
    const { rows } = await this.pool.query(
      "SELECT ts::float8 AS ts FROM predictions WHERE model = $1 ORDER BY ts DESC LIMIT 1 OFFSET $2",
      [model, rank - 1],
    );
    return rows.length > 0 ? Number(rows[0].ts) : null;
  }

  async existingPredictionIds(model: string, ids: string[]): Promise<string[]> {
    const { rows } = await this.pool.query(
      "SELECT id FROM predictions WHERE model = $1 AND id = ANY($2::text[])",
      [model, ids],
    );
    return rows.map((r) => r.id as string);
  }

  async compact(
    model: string,
    limit: number,
    plan: (rows: RawPrediction[]) => CompactionPlan,
  ): Promise<number> {
    return this.transaction(async (client) => {
      // SKIP LOCKED: two servers compacting the same model fold disjoint rows.
      const { rows } = await client.query(
        `SELECT seq::float8 AS seq, id, ts::float8 AS ts, bucket::float8 AS bucket, version, score, prediction, features
         FROM raw_predictions WHERE model = $1 ORDER BY seq LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [model, limit],
      );
      if (rows.length === 0) return 0;
      const result = plan((rows as RawRow[]).map(rawFromRow));
      for (const part of result.parts)
        await client.query(
          "INSERT INTO bucket_parts (model, bucket, rows, summary) VALUES ($1, $2, $3, $4)",
          [model, part.bucket, part.rows, JSON.stringify(part.summary)],
        );
      const sample = new Set(result.keepAsSample);
      const seqs = rows.map((r) => r.seq as number);
      const kept = rows.filter((r) => sample.has(r.id)).map((r) => r.seq as number);
      if (kept.length > 0)
        await client.query(
          `INSERT INTO samples (model, id, ts, bucket, version, score, prediction, features)
           SELECT model, id, ts, bucket, version, score, prediction, features FROM raw_predictions
           WHERE seq = ANY($1::bigint[]) ON CONFLICT (model, id) DO NOTHING`,
          [kept],
        );
      await client.query("DELETE FROM raw_predictions WHERE seq = ANY($1::bigint[])", [seqs]);
      return rows.length;
    });
  }

  async unfolded(model: string, limit: number): Promise<UnfoldedRows> {
    return this.transaction(async (client) => {
      // REPEATABLE READ: the count and the tail come from one snapshot
      await client.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const head = await client.query("SELECT count(*)::float8 AS n FROM raw_predictions WHERE model = $1", [
        model,
      ]);
      const pending = Number(head.rows[0].n);
      if (pending === 0) return { pending: 0, oldestReceived: null, rows: [] };
      const { rows } = await client.query(
        `SELECT id, ts::float8 AS ts, bucket::float8 AS bucket, version, score, prediction, features,
                received::float8 AS received
         FROM raw_predictions WHERE model = $1 ORDER BY seq LIMIT $2`,
        [model, Math.max(1, limit)],
      );
      return {
        pending,
        oldestReceived: rows[0]?.received === null || rows[0] === undefined ? null : Number(rows[0].received),
        rows: limit > 0 ? (rows as RawRow[]).map(rawFromRow) : [],
      };
    });
  }

  async sampleCounts(model: string, buckets: number[]): Promise<Map<number, number>> {
    const { rows } = await this.pool.query(
      `SELECT bucket::float8 AS bucket, count(*)::float8 AS n FROM samples
       WHERE model = $1 AND bucket = ANY($2::bigint[]) GROUP BY bucket`,
      [model, buckets],
    );
    const out = new Map<number, number>(buckets.map((b) => [b, 0]));
    for (const r of rows) out.set(r.bucket, r.n);
    return out;
  }

  async bucketParts(model: string, fromBucket: number, toBucket: number): Promise<BucketPart[]> {
    const { rows } = await this.pool.query(
      `SELECT seq::float8 AS seq, bucket::float8 AS bucket, rows, summary FROM bucket_parts
       WHERE model = $1 AND bucket >= $2 AND bucket < $3 ORDER BY bucket, seq`,
      [model, fromBucket, toBucket],
    );
    return rows.map((r) => ({ seq: r.seq, bucket: r.bucket, rows: r.rows, summary: JSON.parse(r.summary) }));
  }

  async partGroups(
    model: string,
    fromBucket: number,
    toBucket: number,
    span: number,
  ): Promise<{ group: number; parts: number; maxSeq: number }[]> {
    const { rows } = await this.pool.query(
      `SELECT (bucket - mod(bucket, $2::bigint))::float8 AS "group", count(*)::float8 AS parts, max(seq)::float8 AS "maxSeq"
       FROM bucket_parts WHERE model = $1 AND bucket >= $3 AND bucket < $4 GROUP BY 1 ORDER BY 1`,
      [model, span, fromBucket, toBucket],
    );
    return rows as { group: number; parts: number; maxSeq: number }[];
  }

  async fragmentedBuckets(model: string, buckets: number[], atLeast: number): Promise<number[]> {
    const { rows } = await this.pool.query(
      `SELECT bucket::float8 AS bucket FROM bucket_parts WHERE model = $1 AND bucket = ANY($2::bigint[])
       GROUP BY bucket HAVING count(*) > $3`,
      [model, buckets, atLeast],
    );
    return rows.map((r) => r.bucket as number);
  }

  async replaceParts(model: string, bucket: number, seqs: number[], merged: BucketPart): Promise<boolean> {
    const abort = new Error("parts changed");
    try {
      await this.transaction(async (client) => {
        const removed = await client.query(
          "DELETE FROM bucket_parts WHERE model = $1 AND bucket = $2 AND seq = ANY($3::bigint[])",
          [model, bucket, seqs],
        );
        if (removed.rowCount !== seqs.length) throw abort;
        await client.query(
          "INSERT INTO bucket_parts (model, bucket, rows, summary) VALUES ($1, $2, $3, $4)",
          [model, bucket, merged.rows, JSON.stringify(merged.summary)],
        );
      });
      return true;
    } catch (error) {
      if (error === abort) return false;
      throw error;
    }
  }

  async labeled(model: string, from: number, to: number, limit: number): Promise<LabeledPrediction[]> {
    const { rows } = await this.pool.query(
      `SELECT p.id, p.ts::float8 AS ts, p.score, p.prediction, p.version, l.label FROM predictions p
       JOIN labels l ON l.model = p.model AND l.id = p.id
       WHERE p.model = $1 AND p.ts >= $2 AND p.ts < $3 ORDER BY p.ts DESC LIMIT $4`,
      [model, from, to, limit],
    );
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
    const { rows } = await this.pool.query(
      "SELECT score, prediction FROM predictions WHERE model = $1 AND ts >= $2 AND ts < $3 LIMIT $4",
      [model, from, to, limit],
    );
    return rows.map((r) => ({ score: r.score, prediction: decodeJson(r.prediction) }));
  }

  async samples(model: string, limit: number): Promise<SampleRecord[]> {
    const { rows } = await this.pool.query(
      `SELECT s.id, s.ts::float8 AS ts, s.bucket::float8 AS bucket, s.version, s.score, s.prediction, s.features, l.label
       FROM samples s LEFT JOIN labels l ON l.model = s.model AND l.id = s.id
       WHERE s.model = $1 ORDER BY s.ts DESC LIMIT $2`,
      [model, limit],
    );
    return rows.map((r) => ({ ...rawFromRow(r as RawRow), label: decodeJson(r.label) }));
  }

  async deleteBefore(model: string, before: number): Promise<number> {
    return this.transaction(async (client) => {
      let n = 0;
      for (const table of ["predictions", "labels", "samples", "raw_predictions"])
        n +=
          (await client.query(`DELETE FROM ${table} WHERE model = $1 AND ts < $2`, [model, before]))
            .rowCount ?? 0;
      n +=
        (await client.query("DELETE FROM bucket_parts WHERE model = $1 AND bucket < $2", [model, before]))
          .rowCount ?? 0;
      return n;
    });
  }

  async getAlerts(): Promise<AlertRecord[]> {
    const { rows } = await this.pool.query("SELECT record FROM alerts");
    return rows.map((r) => JSON.parse(r.record) as AlertRecord);
  }

  async saveAlert(alert: AlertRecord, event: AlertEvent | null): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(
        `INSERT INTO alerts (fingerprint, record) VALUES ($1, $2)
         ON CONFLICT (fingerprint) DO UPDATE SET record = EXCLUDED.record`,
        [alert.fingerprint, JSON.stringify(alert)],
      );
      if (event)
        await client.query("INSERT INTO alert_events (model, at, event) VALUES ($1, $2, $3)", [
          event.model,
          event.at,
          JSON.stringify(event),
        ]);
    });
  }

  async alertHistory(filter: { model?: string; since?: number; limit: number }): Promise<AlertEvent[]> {
    const { rows } = await this.pool.query(
      `SELECT event FROM alert_events WHERE ($1::text IS NULL OR model = $1) AND at >= $2 ORDER BY seq DESC LIMIT $3`,
      [filter.model ?? null, filter.since ?? -8.64e15, filter.limit],
    );
    return rows.map((r) => JSON.parse(r.event) as AlertEvent);
  }

  async addSilence(silence: Silence): Promise<void> {
    await this.pool.query("INSERT INTO silences (id, silence) VALUES ($1, $2)", [
      silence.id,
      JSON.stringify(silence),
    ]);
  }

  async listSilences(): Promise<Silence[]> {
    const { rows } = await this.pool.query("SELECT silence FROM silences ORDER BY id");
    return rows.map((r) => JSON.parse(r.silence) as Silence);
  }

  async deleteSilence(id: string): Promise<boolean> {
    const result = await this.pool.query("DELETE FROM silences WHERE id = $1", [id]);
    return result.rowCount === 1;
  }
}
