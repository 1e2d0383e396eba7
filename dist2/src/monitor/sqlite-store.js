import { closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import { Worker } from "node:worker_threads";
import { rawFromRow } from "./raw-row.js";
import { BatchWriter, openWriterDatabase } from "./sqlite-writer.js";
import { decodeJson, tokenFromRow, } from "./store.js";
const TOKEN_COLUMNS = "hash, name, scopes, created_at, expires_at, models";
/**
 * predictions: one row per id (idempotence, label joins, counts), without features. raw_predictions: the
 * features of predictions not yet folded into bucket summaries — a short queue, emptied by compaction.
 * samples: the bounded sample of raw records kept per bucket for debugging.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS tokens (hash TEXT PRIMARY KEY, name TEXT NOT NULL, scopes TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS models (name TEXT PRIMARY KEY, spec TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reference_profiles (model TEXT NOT NULL, version TEXT NOT NULL, profile TEXT NOT NULL,
  created_at TEXT NOT NULL, PRIMARY KEY (model, version));
CREATE TABLE IF NOT EXISTS predictions (model TEXT NOT NULL, id TEXT NOT NULL, ts INTEGER NOT NULL, version TEXT,
  score REAL, prediction TEXT, PRIMARY KEY (model, id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS predictions_ts ON predictions (model, ts);
CREATE TABLE IF NOT EXISTS raw_predictions (seq INTEGER PRIMARY KEY, model TEXT NOT NULL, id TEXT NOT NULL,
  ts INTEGER NOT NULL, bucket INTEGER NOT NULL, version TEXT, score REAL, prediction TEXT, features TEXT NOT NULL);
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
export class SqliteStore {
    path;
    kind = "sqlite";
    db;
    mode;
    worker = null;
    inline = null;
    seq = 0;
    waiting = new Map();
    pending = [];
    flushScheduled = false;
    constructor(path, options = {}) {
        this.path = path;
        if (path !== ":memory:") {
            mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
            // Created owner-only (SQLite makes its -wal and -shm files with the database file's mode): it holds
            // token hashes, model specs and every ingested record.
            if (!existsSync(path))
                closeSync(openSync(path, "a", 0o600));
        }
        this.db = openWriterDatabase(path);
        this.mode = path === ":memory:" ? "inline" : (options.writer ?? "thread");
    }
    async init() {
        this.db.exec(SCHEMA);
        // databases made before tokens could expire or be limited to models
        const columns = this.db.prepare("PRAGMA table_info(tokens)").all().map((c) => c.name);
        if (!columns.includes("expires_at"))
            this.db.exec("ALTER TABLE tokens ADD COLUMN expires_at INTEGER");
        if (!columns.includes("models"))
            this.db.exec("ALTER TABLE tokens ADD COLUMN models TEXT");
    }
    async close() {
        if (this.worker) {
            const worker = this.worker;
            this.worker = null;
            await new Promise((resolve) => {
                worker.on("message", (m) => {
                    if (m && m.closed)
                        resolve();
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
    write(request) {
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
    startWorker() {
        if (this.worker)
            return this.worker;
        const worker = new Worker(new URL("./sqlite-writer.js", import.meta.url), {
            workerData: { assaySqliteWriter: this.path },
        });
        worker.on("message", (replies) => {
            if (Array.isArray(replies))
                this.settle(replies);
        });
        worker.on("error", (error) => {
            for (const w of this.waiting.values())
                w.reject(error);
            this.waiting.clear();
            this.worker = null;
        });
        this.worker = worker;
        return worker;
    }
    flushInline() {
        this.flushScheduled = false;
        const group = this.pending;
        this.pending = [];
        if (group.length === 0)
            return;
        this.inline ??= new BatchWriter(this.db);
        this.settle(this.inline.writeGroup(group));
    }
    settle(replies) {
        for (const reply of replies) {
            const w = this.waiting.get(reply.seq);
            if (!w)
                continue;
            this.waiting.delete(reply.seq);
            if ("error" in reply)
                w.reject(new Error(reply.error));
            else if ("folded" in reply)
                w.resolve(reply.folded);
            else
                w.resolve(reply.result);
        }
        // An idle writer must not keep a process alive; one with work in flight must.
        if (this.waiting.size === 0)
            this.worker?.unref();
    }
    /** With a writer thread, folding runs there too (see sqlite-writer.ts); inline stores fold via compact(). */
    get foldJob() {
        if (this.mode !== "thread")
            return undefined;
        return (job) => new Promise((resolve, reject) => {
            const seq = this.seq++;
            this.waiting.set(seq, { resolve: resolve, reject });
            const worker = this.startWorker();
            worker.ref();
            worker.postMessage({ seq, kind: "fold", job });
        });
    }
    async addToken(hash, name, scopes, options = {}) {
        this.db
            .prepare("INSERT INTO tokens (hash, name, scopes, created_at, expires_at, models) VALUES (?, ?, ?, ?, ?, ?)")
            .run(hash, name, scopes.join(","), new Date().toISOString(), options.expiresAt ?? null, options.models ? JSON.stringify(options.models) : null);
    }
    async findToken(hash) {
        const row = this.db.prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE hash = ?`).get(hash);
        return row ? tokenFromRow(row) : null;
    }
    async listTokens() {
        const rows = this.db.prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens ORDER BY created_at, hash`).all();
        return rows.map((r) => tokenFromRow(r));
    }
    async revokeTokens(idOrName) {
        const prefix = /^[0-9a-f]{8,64}$/.test(idOrName) ? `${idOrName}%` : null;
        return this.db
            .prepare("DELETE FROM tokens WHERE name = ? OR (? IS NOT NULL AND hash LIKE ?)")
            .run(idOrName, prefix, prefix).changes;
    }
    async createModel(spec) {
        const info = this.db
            .prepare("INSERT OR IGNORE INTO models (name, spec) VALUES (?, ?)")
            .run(spec.name, JSON.stringify(spec));
        return info.changes === 1;
    }
    async updateModel(spec) {
        this.db.prepare("UPDATE models SET spec = ? WHERE name = ?").run(JSON.stringify(spec), spec.name);
    }
    async changeModel(name, change) {
        // IMMEDIATE: the write lock is taken before the read, so a second process cannot interleave
        return this.db
            .transaction(() => {
            const row = this.db.prepare("SELECT spec FROM models WHERE name = ?").get(name);
            if (!row)
                return null;
            const current = JSON.parse(row.spec);
            const next = change(current);
            if (next === null)
                return current;
            this.db.prepare("UPDATE models SET spec = ? WHERE name = ?").run(JSON.stringify(next), name);
            return next;
        })
            .immediate();
    }
    async getModel(name) {
        const row = this.db.prepare("SELECT spec FROM models WHERE name = ?").get(name);
        return row ? JSON.parse(row.spec) : null;
    }
    async listModels() {
        const rows = this.db.prepare("SELECT spec FROM models ORDER BY name").all();
        return rows.map((r) => JSON.parse(r.spec));
    }
    async putReference(model, version, profile) {
        this.db
            .prepare(`INSERT INTO reference_profiles (model, version, profile, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (model, version) DO UPDATE SET profile = excluded.profile, created_at = excluded.created_at`)
            .run(model, version, JSON.stringify(profile), new Date().toISOString());
    }
    async getReference(model, version) {
        const row = this.db
            .prepare("SELECT profile FROM reference_profiles WHERE model = ? AND version = ?")
            .get(model, version);
        return row ? JSON.parse(row.profile) : null;
    }
    async listReferenceVersions(model) {
        const rows = this.db
            .prepare("SELECT version FROM reference_profiles WHERE model = ? ORDER BY created_at, version")
            .all(model);
        return rows.map((r) => r.version);
    }
    insertPredictions(model, records, bucketMs) {
        return this.write({ seq: this.seq++, kind: "predictions", model, records, bucketMs });
    }
    insertLabels(model, records) {
        return this.write({ seq: this.seq++, kind: "labels", model, records });
    }
    async counts(model) {
        const p = this.db
            .prepare("SELECT count(*) AS n, min(ts) AS first, max(ts) AS last FROM predictions WHERE model = ?")
            .get(model);
        const l = this.db.prepare("SELECT count(*) AS n FROM labels WHERE model = ?").get(model);
        return { predictions: p.n, labels: l.n, firstTimestamp: p.first, lastTimestamp: p.last };
    }
    async newestTimestamp(model, rank) {
        const row = this.db
            .prepare("SELECT ts FROM predictions WHERE model = ? ORDER BY ts DESC LIMIT 1 OFFSET ?")
            .get(model, rank - 1);
        return row ? Number(row.ts) : null;
    }
    async existingPredictionIds(model, ids) {
        const found = [];
        const select = this.db.prepare("SELECT id FROM predictions WHERE model = ? AND id = ?");
        for (const id of ids)
            if (select.get(model, id))
                found.push(id);
        return found;
    }
    async compact(model, limit, plan) {
        const select = this.db.prepare(`SELECT seq, id, ts, bucket, version, score, prediction, features FROM raw_predictions
       WHERE model = ? ORDER BY seq LIMIT ?`);
        const insertPart = this.db.prepare("INSERT INTO bucket_parts (model, bucket, rows, summary) VALUES (?, ?, ?, ?)");
        const keep = this.db.prepare(`INSERT OR IGNORE INTO samples (model, id, ts, bucket, version, score, prediction, features)
       SELECT model, id, ts, bucket, version, score, prediction, features FROM raw_predictions WHERE model = ? AND seq = ?`);
        const done = this.db.prepare("DELETE FROM raw_predictions WHERE model = ? AND seq <= ?");
        return this.db
            .transaction(() => {
            const raw = select.all(model, limit);
            if (raw.length === 0)
                return 0;
            const result = plan(raw.map(rawFromRow));
            for (const part of result.parts)
                insertPart.run(model, part.bucket, part.rows, JSON.stringify(part.summary));
            const sample = new Set(result.keepAsSample);
            for (const r of raw)
                if (sample.has(r.id))
                    keep.run(model, r.seq);
            // The rows read are the model's first `limit` by seq, so one range delete removes exactly them.
            done.run(model, raw[raw.length - 1].seq);
            return raw.length;
        })
            .immediate();
    }
    async sampleCounts(model, buckets) {
        const count = this.db.prepare("SELECT count(*) AS n FROM samples WHERE model = ? AND bucket = ?");
        const out = new Map();
        for (const b of buckets)
            out.set(b, count.get(model, b).n);
        return out;
    }
    async bucketParts(model, fromBucket, toBucket) {
        const rows = this.db
            .prepare("SELECT seq, bucket, rows, summary FROM bucket_parts WHERE model = ? AND bucket >= ? AND bucket < ? ORDER BY bucket, seq")
            .all(model, fromBucket, toBucket);
        return rows.map((r) => ({ seq: r.seq, bucket: r.bucket, rows: r.rows, summary: JSON.parse(r.summary) }));
    }
    async partGroups(model, fromBucket, toBucket, span) {
        return this.db
            .prepare(`SELECT bucket - (bucket % ?) AS "group", count(*) AS parts, max(seq) AS maxSeq FROM bucket_parts
         WHERE model = ? AND bucket >= ? AND bucket < ? GROUP BY 1 ORDER BY 1`)
            .all(span, model, fromBucket, toBucket);
    }
    async fragmentedBuckets(model, buckets, atLeast) {
        const count = this.db.prepare("SELECT count(*) AS n FROM bucket_parts WHERE model = ? AND bucket = ?");
        return buckets.filter((b) => count.get(model, b).n > atLeast);
    }
    async replaceParts(model, bucket, seqs, merged) {
        const remove = this.db.prepare("DELETE FROM bucket_parts WHERE model = ? AND bucket = ? AND seq = ?");
        const insert = this.db.prepare("INSERT INTO bucket_parts (model, bucket, rows, summary) VALUES (?, ?, ?, ?)");
        const abort = new Error("parts changed");
        try {
            this.db
                .transaction(() => {
                for (const seq of seqs)
                    if (remove.run(model, bucket, seq).changes !== 1)
                        throw abort;
                insert.run(model, bucket, merged.rows, JSON.stringify(merged.summary));
            })
                .immediate();
            return true;
        }
        catch (error) {
            if (error === abort)
                return false;
            throw error;
        }
    }
    async labeled(model, from, to, limit) {
        const rows = this.db
            .prepare(`SELECT p.id, p.ts, p.score, p.prediction, p.version, l.label FROM predictions p
         JOIN labels l ON l.model = p.model AND l.id = p.id
         WHERE p.model = ? AND p.ts >= ? AND p.ts < ? ORDER BY p.ts DESC LIMIT ?`)
            .all(model, from, to, limit);
        return rows.map((r) => ({
            id: r.id,
            timestamp: r.ts,
            score: r.score,
            prediction: decodeJson(r.prediction),
            label: decodeJson(r.label),
            version: r.version,
        }));
    }
    async scored(model, from, to, limit) {
        const rows = this.db
            .prepare("SELECT score, prediction FROM predictions WHERE model = ? AND ts >= ? AND ts < ? LIMIT ?")
            .all(model, from, to, limit);
        return rows.map((r) => ({ score: r.score, prediction: decodeJson(r.prediction) }));
    }
    async samples(model, limit) {
        const rows = this.db
            .prepare(`SELECT s.id, s.ts, s.bucket, s.version, s.score, s.prediction, s.features, l.label FROM samples s
         LEFT JOIN labels l ON l.model = s.model AND l.id = s.id
         WHERE s.model = ? ORDER BY s.ts DESC LIMIT ?`)
            .all(model, limit);
        return rows.map((r) => ({ ...rawFromRow(r), label: decodeJson(r.label) }));
    }
    async deleteBefore(model, before) {
        return this.db.transaction(() => {
            let n = 0;
            for (const table of ["predictions", "labels", "samples", "raw_predictions"])
                n += this.db.prepare(`DELETE FROM ${table} WHERE model = ? AND ts < ?`).run(model, before).changes;
            n += this.db
                .prepare("DELETE FROM bucket_parts WHERE model = ? AND bucket < ?")
                .run(model, before).changes;
            return n;
        })();
    }
    async getAlerts() {
        const rows = this.db.prepare("SELECT record FROM alerts").all();
        return rows.map((r) => JSON.parse(r.record));
    }
    async saveAlert(alert, event) {
        this.db.transaction(() => {
            this.db
                .prepare("INSERT INTO alerts (fingerprint, record) VALUES (?, ?) ON CONFLICT (fingerprint) DO UPDATE SET record = excluded.record")
                .run(alert.fingerprint, JSON.stringify(alert));
            if (event)
                this.db
                    .prepare("INSERT INTO alert_events (model, at, event) VALUES (?, ?, ?)")
                    .run(event.model, event.at, JSON.stringify(event));
        })();
    }
    async alertHistory(filter) {
        const rows = this.db
            .prepare(`SELECT event FROM alert_events WHERE (? IS NULL OR model = ?) AND at >= ? ORDER BY seq DESC LIMIT ?`)
            .all(filter.model ?? null, filter.model ?? null, filter.since ?? -8.64e15, filter.limit);
        return rows.map((r) => JSON.parse(r.event));
    }
    async addSilence(silence) {
        this.db
            .prepare("INSERT INTO silences (id, silence) VALUES (?, ?)")
            .run(silence.id, JSON.stringify(silence));
    }
    async listSilences() {
        const rows = this.db.prepare("SELECT silence FROM silences ORDER BY id").all();
        return rows.map((r) => JSON.parse(r.silence));
    }
    async deleteSilence(id) {
        return this.db.prepare("DELETE FROM silences WHERE id = ?").run(id).changes === 1;
    }
}
