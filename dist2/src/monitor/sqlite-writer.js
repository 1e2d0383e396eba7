import { isMainThread, parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { mergeSummaries } from "./bucket-summary.js";
import { planFold } from "./fold.js";
import { rawFromRow } from "./raw-row.js";
/**
 * Raw rows folded per turn of the writer (a few milliseconds): ingest commits wait at most one step, so a
 * fold backlog slows single-event ingest only a little. More parts per bucket result; they are merged later.
 */
const FOLD_STEP = 1000;
/**
 * Folding on the writer: one batch of raw rows per call, in its own transaction, so ingest commits queued
 * meanwhile go in between. When the queue of raw rows is empty, fragmented buckets are merged.
 */
export class Folder {
    db;
    select;
    insertPart;
    keep;
    done;
    countParts;
    partsOf;
    removePart;
    constructor(db) {
        this.db = db;
        this.select = db.prepare(`SELECT seq, id, ts, bucket, version, score, prediction, features FROM raw_predictions
       WHERE model = ? ORDER BY seq LIMIT ?`);
        this.insertPart = db.prepare("INSERT INTO bucket_parts (model, bucket, rows, summary) VALUES (?, ?, ?, ?)");
        this.keep = db.prepare(`INSERT OR IGNORE INTO samples (model, id, ts, bucket, version, score, prediction, features)
       SELECT model, id, ts, bucket, version, score, prediction, features FROM raw_predictions WHERE model = ? AND seq = ?`);
        this.done = db.prepare("DELETE FROM raw_predictions WHERE model = ? AND seq <= ?");
        this.countParts = db.prepare("SELECT count(*) AS n FROM bucket_parts WHERE model = ? AND bucket = ?");
        this.partsOf = db.prepare("SELECT seq, summary FROM bucket_parts WHERE model = ? AND bucket = ? ORDER BY seq");
        this.removePart = db.prepare("DELETE FROM bucket_parts WHERE model = ? AND seq = ?");
    }
    /** Folds one batch; returns the rows folded and the buckets touched. */
    step(job, touched) {
        return this.db
            .transaction(() => {
            const raw = this.select.all(job.model, Math.min(job.foldBatch, FOLD_STEP));
            if (raw.length === 0)
                return 0;
            const rows = raw.map(rawFromRow);
            for (const r of rows)
                touched.add(r.bucket);
            const plan = planFold(job.spec, rows, job.facts, job.sampleSize);
            for (const part of plan.parts)
                this.insertPart.run(job.model, part.bucket, part.rows, JSON.stringify(part.summary));
            const sample = new Set(plan.keepAsSample);
            for (const r of raw)
                if (sample.has(r.id))
                    this.keep.run(job.model, r.seq);
            this.done.run(job.model, raw[raw.length - 1].seq);
            return raw.length;
        })
            .immediate();
    }
    /** Merges the parts of a bucket that holds more than maxParts. */
    consolidate(job, bucket) {
        if (this.countParts.get(job.model, bucket).n <= job.maxParts)
            return;
        this.db
            .transaction(() => {
            const parts = this.partsOf.all(job.model, bucket);
            const merged = mergeSummaries(parts.map((p) => JSON.parse(p.summary)));
            if (!merged)
                return;
            for (const p of parts)
                this.removePart.run(job.model, p.seq);
            this.insertPart.run(job.model, bucket, merged.rows, JSON.stringify(merged));
        })
            .immediate();
    }
}
export function openWriterDatabase(path) {
    const db = new Database(path);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("busy_timeout = 10000");
    return db;
}
/** Applies writes to a connection; prepared statements are made once. */
export class BatchWriter {
    db;
    insertPrediction;
    queueRaw;
    insertLabel;
    constructor(db) {
        this.db = db;
        this.insertPrediction = db.prepare("INSERT OR IGNORE INTO predictions (model, id, ts, version, score, prediction) VALUES (?, ?, ?, ?, ?, ?)");
        this.queueRaw = db.prepare(`INSERT INTO raw_predictions (model, id, ts, bucket, version, score, prediction, features)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
        this.insertLabel = db.prepare("INSERT OR IGNORE INTO labels (model, id, label, ts) VALUES (?, ?, ?, ?)");
    }
    apply(request) {
        let accepted = 0;
        if (request.kind === "predictions") {
            const { model, bucketMs } = request;
            for (const r of request.records) {
                const prediction = r.prediction === null || r.prediction === undefined ? null : JSON.stringify(r.prediction);
                if (this.insertPrediction.run(model, r.id, r.timestamp, r.version, r.score, prediction).changes === 0)
                    continue;
                accepted++;
                const bucket = Math.floor(r.timestamp / bucketMs) * bucketMs;
                this.queueRaw.run(model, r.id, r.timestamp, bucket, r.version, r.score, prediction, JSON.stringify(r.features));
            }
        }
        else {
            for (const r of request.records) {
                const label = r.label === null || r.label === undefined ? null : JSON.stringify(r.label);
                accepted += this.insertLabel.run(request.model, r.id, label, r.timestamp).changes;
            }
        }
        return { accepted, duplicates: request.records.length - accepted };
    }
    /** Writes a group in one IMMEDIATE transaction; if any write fails, each is retried alone. */
    writeGroup(group) {
        try {
            const results = this.db.transaction(() => group.map((w) => this.apply(w))).immediate();
            return group.map((w, i) => ({ seq: w.seq, result: results[i] }));
        }
        catch {
            return group.map((w) => {
                try {
                    return { seq: w.seq, result: this.db.transaction(() => this.apply(w)).immediate() };
                }
                catch (error) {
                    return { seq: w.seq, error: error.message };
                }
            });
        }
    }
}
// Worker entry point: collects requests until the event loop turns, then commits them together.
if (!isMainThread && parentPort && workerData?.assaySqliteWriter) {
    const port = parentPort;
    const db = openWriterDatabase(workerData.assaySqliteWriter);
    const writer = new BatchWriter(db);
    const folder = new Folder(db);
    let pending = [];
    const folds = [];
    let scheduled = false;
    const schedule = () => {
        if (!scheduled) {
            scheduled = true;
            setImmediate(turn);
        }
    };
    port.on("message", (message) => {
        if ("close" in message) {
            flushWrites();
            db.close();
            port.postMessage({ closed: true });
            return;
        }
        if (message.kind === "fold")
            folds.push({ seq: message.seq, job: message.job, folded: 0, touched: new Set() });
        else
            pending.push(message);
        schedule();
    });
    function flushWrites() {
        const group = pending;
        pending = [];
        recentWrites += group.length;
        if (group.length > 0)
            port.postMessage(writer.writeGroup(group));
    }
    // One turn: commit the writes that arrived, then fold one step. While writes keep coming, folding takes at
    // most half of the writer's time (after a step of t ms, the next waits t ms), so ingest latency stays low
    // and a fold backlog still drains; with no writes waiting, folding runs back to back.
    let foldAfter = 0;
    function turn() {
        scheduled = false;
        flushWrites();
        const fold = folds[0];
        if (!fold)
            return;
        const now = performance.now();
        if (now < foldAfter && pending.length + queuedWrites() > 0) {
            setTimeout(schedule, Math.max(1, foldAfter - now));
            return;
        }
        try {
            const n = folder.step(fold.job, fold.touched);
            fold.folded += n;
            if (n < Math.min(fold.job.foldBatch, FOLD_STEP)) {
                for (const bucket of fold.touched)
                    folder.consolidate(fold.job, bucket);
                folds.shift();
                port.postMessage([{ seq: fold.seq, folded: fold.folded }]);
            }
        }
        catch (error) {
            folds.shift();
            port.postMessage([{ seq: fold.seq, error: error.message }]);
        }
        const spent = performance.now() - now;
        foldAfter = performance.now() + spent;
        if (folds.length > 0 || pending.length > 0)
            schedule();
    }
    // Writes answered in the last turn are a sign more are coming.
    let recentWrites = 0;
    function queuedWrites() {
        const n = recentWrites;
        recentWrites = 0;
        return n;
    }
}
