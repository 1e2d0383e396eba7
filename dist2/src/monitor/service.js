import { InputError } from "../table/errors.js";
import { featuresFromProfile, inferFeatures, inferredSchema, mergeSummaries, referenceFacts, } from "./bucket-summary.js";
import { planFold } from "./fold.js";
import { runMonitors } from "./monitors/registry.js";
import { DEFAULT_TIME_BOUNDS } from "./time-bounds.js";
import { bucketStart, snapWindow } from "./windows.js";
export const DEFAULT_SERVICE_OPTIONS = {
    bucketMs: 60_000,
    sampleSize: 20,
    retentionMs: null,
    timeBounds: DEFAULT_TIME_BOUNDS,
    clock: Date.now,
    foldBatch: 1000,
    maxParts: 8,
    hourCache: 500,
    maxLabeled: 100_000,
    monitor: {},
};
const HOUR_SPAN = 3_600_000;
/** The monitoring logic between HTTP and the store: ingest, folding into buckets, windows, monitors. */
export class MonitorService {
    store;
    options;
    models = new Map();
    references = new Map();
    folding = new Map();
    hours = new Map();
    constructor(store, options = {}) {
        this.store = store;
        this.options = { ...DEFAULT_SERVICE_OPTIONS, ...options };
    }
    async model(name) {
        const cached = this.models.get(name);
        if (cached)
            return cached;
        const spec = await this.store.getModel(name);
        if (spec)
            this.models.set(name, spec);
        return spec;
    }
    async createModel(spec) {
        const created = await this.store.createModel(spec);
        if (created)
            this.models.set(spec.name, spec);
        return created;
    }
    async updateModel(spec) {
        await this.store.updateModel(spec);
        this.models.set(spec.name, spec);
        this.forgetReferences(spec.name);
    }
    async ingestPredictions(spec, records) {
        if ((spec.features.length === 0 || spec.featuresInferred) && records.length > 0) {
            // No declared schema and no reference: the records' features are the schema, the union over
            // batches (docs/monitor.md). Read-modify-write in one store transaction, only when a name is new.
            const inferred = inferFeatures(records);
            if (inferredSchema(spec, inferred) !== null) {
                const stored = await this.store.changeModel(spec.name, (current) => inferredSchema(current, inferred));
                if (stored) {
                    this.models.set(spec.name, stored);
                    this.forgetReferences(spec.name);
                }
            }
        }
        return this.store.insertPredictions(spec.name, records, this.options.bucketMs);
    }
    ingestLabels(spec, records) {
        return this.store.insertLabels(spec.name, records);
    }
    async putReference(spec, version, profile, exclude = []) {
        const scoreColumn = spec.scoreColumn === undefined ? "score" : spec.scoreColumn;
        const skip = [...exclude, ...(scoreColumn ? [scoreColumn] : [])];
        if (spec.features.length === 0) {
            const reserved = profile.columns.find((c) => c.name.startsWith("@") && !skip.includes(c.name));
            if (reserved)
                throw new InputError(`reference column "${reserved.name}": names starting with '@' are reserved (@score, @prediction); exclude it ("exclude": ["${reserved.name}"]) or rename it`);
        }
        await this.store.putReference(spec.name, version, profile);
        this.forgetReferences(spec.name);
        if (spec.features.length === 0) {
            await this.updateModel({ ...spec, features: featuresFromProfile(profile, skip) });
        }
    }
    /** The reference for a version (or, without one, the latest uploaded). */
    async reference(model, version) {
        const key = `${model}\u0000${version ?? ""}`;
        if (this.references.has(key))
            return this.references.get(key);
        let chosen = version ?? null;
        let profile = chosen === null ? null : (await this.store.getReference(model, chosen));
        if (!profile) {
            const versions = await this.store.listReferenceVersions(model);
            chosen = versions[versions.length - 1] ?? null;
            profile =
                chosen === null ? null : (await this.store.getReference(model, chosen));
        }
        const result = profile && chosen !== null ? { version: chosen, profile, facts: referenceFacts(profile) } : null;
        this.references.set(key, result);
        return result;
    }
    forgetReferences(model) {
        for (const key of [...this.references.keys()])
            if (key.startsWith(`${model}\u0000`))
                this.references.delete(key);
    }
    /** Folds every raw prediction of a model into bucket parts. One fold at a time per model. */
    fold(model) {
        const running = this.folding.get(model);
        if (running)
            return running.then(() => this.fold(model));
        const work = this.foldAll(model).finally(() => this.folding.delete(model));
        this.folding.set(model, work);
        return work;
    }
    async foldAll(model) {
        const spec = await this.model(model);
        if (!spec)
            return 0;
        if (this.store.foldJob) {
            // The store folds on its own writer (SQLite: the writer thread), off the request loop.
            const reference = await this.reference(model);
            return this.store.foldJob({
                model,
                spec,
                facts: reference?.facts ?? null,
                sampleSize: this.options.sampleSize,
                foldBatch: this.options.foldBatch,
                maxParts: this.options.maxParts,
            });
        }
        let total = 0;
        const touched = new Set();
        for (;;) {
            const current = (await this.model(model)) ?? spec;
            const reference = await this.reference(model);
            const n = await this.store.compact(model, this.options.foldBatch, (rows) => {
                for (const r of rows)
                    touched.add(r.bucket);
                return this.plan(current, rows, reference);
            });
            total += n;
            if (n < this.options.foldBatch)
                break;
            // Small transactions with a turn of the event loop between them keep ingest latency low while folding.
            await new Promise((r) => setImmediate(r));
        }
        await this.consolidate(model, [...touched]);
        return total;
    }
    /**
     * Each fold adds a part per bucket it touched; a busy bucket would collect hundreds, and every window
     * read would merge them all. Buckets with more than `maxParts` parts are merged back into one.
     */
    async consolidate(model, buckets) {
        if (buckets.length === 0)
            return;
        for (const bucket of await this.store.fragmentedBuckets(model, buckets, this.options.maxParts)) {
            const parts = await this.store.bucketParts(model, bucket, bucket + 1);
            const merged = mergeSummaries(parts.map((p) => p.summary));
            if (!merged)
                continue;
            const seqs = parts.map((p) => p.seq);
            await this.store.replaceParts(model, bucket, seqs, { bucket, rows: merged.rows, summary: merged });
            await new Promise((r) => setImmediate(r));
        }
    }
    plan(spec, rows, reference) {
        return planFold(spec, rows, reference?.facts ?? null, this.options.sampleSize);
    }
    /**
     * The merged summary of the buckets in [from, to), after folding what is pending. Whole hours inside a
     * long window come from an in-memory cache of hour merges, keyed by the hour's part fingerprint (count
     * and largest seq), so a day window re-merges only the hours that changed.
     */
    async window(model, from, to) {
        await this.fold(model);
        const w = snapWindow(from, to, this.options.bucketMs);
        const hour = HOUR_SPAN;
        const firstHour = Math.ceil(w.from / hour) * hour;
        const lastHour = Math.floor(w.to / hour) * hour;
        if (hour % this.options.bucketMs !== 0 || lastHour - firstHour < 2 * hour) {
            const parts = await this.store.bucketParts(model, w.from, w.to);
            return mergeSummaries(parts.map((p) => p.summary));
        }
        const pieces = [];
        const edges = [
            ...(await this.store.bucketParts(model, w.from, firstHour)),
            ...(await this.store.bucketParts(model, lastHour, w.to)),
        ];
        for (const p of edges)
            pieces.push(p.summary);
        for (const g of await this.store.partGroups(model, firstHour, lastHour, hour)) {
            const key = `${model}\u0000${g.group}`;
            const cached = this.hours.get(key);
            if (cached && cached.parts === g.parts && cached.maxSeq === g.maxSeq) {
                this.hours.delete(key);
                this.hours.set(key, cached); // most recently used last
                pieces.push(cached.summary);
                continue;
            }
            const parts = await this.store.bucketParts(model, g.group, g.group + hour);
            const summary = mergeSummaries(parts.map((p) => p.summary));
            if (!summary)
                continue;
            this.hours.set(key, { parts: g.parts, maxSeq: g.maxSeq, summary });
            if (this.hours.size > this.options.hourCache)
                this.hours.delete(this.hours.keys().next().value);
            pieces.push(summary);
        }
        return mergeSummaries(pieces);
    }
    /** Every monitor over [from, to). `now` is the evaluation time (model age); the data clock by default. */
    async monitors(spec, from, to, now = to, version) {
        const summary = await this.window(spec.name, from, to);
        let chosen = version ?? null;
        if (chosen === null && summary) {
            // The version that served most of the window, when it has a reference of its own.
            const [top] = Object.entries(summary.versions).sort((a, b) => b[1] - a[1]);
            if (top && top[0] !== "")
                chosen = top[0];
        }
        const reference = await this.reference(spec.name, chosen);
        const labeled = await this.store.labeled(spec.name, from, to, this.options.maxLabeled);
        const calibrationLabeled = labeled.length >= 200 ? [] : await this.store.labeled(spec.name, Number.MIN_SAFE_INTEGER, from, 20_000);
        const results = runMonitors({
            spec: (await this.model(spec.name)) ?? spec,
            window: { from, to },
            summary,
            reference: reference?.profile ?? null,
            referenceVersion: reference?.version ?? null,
            labeled,
            calibrationLabeled,
            now,
            options: this.options.monitor,
        });
        return { results, referenceVersion: reference?.version ?? null, summary };
    }
    /**
     * The clock retention is measured on: the k-th newest prediction time, k = max(2, 1% of the model's
     * predictions), capped at the server clock. A replay of old data keeps its own clock (it is not deleted
     * on arrival), but moving the clock takes k records ahead of the rest — one record cannot do it — and
     * the cap means nothing younger than the retention on the server's clock is ever deleted.
     */
    async retentionClock(model) {
        const { predictions } = await this.store.counts(model);
        const rank = Math.max(2, Math.ceil(predictions / 100));
        if (predictions < rank)
            return null;
        const robust = await this.store.newestTimestamp(model, rank);
        return robust === null ? null : Math.min(robust, this.options.clock());
    }
    /** Applies retention to one model, measured on its retention clock. */
    async applyRetention(model) {
        if (this.options.retentionMs === null)
            return 0;
        const clock = await this.retentionClock(model);
        if (clock === null)
            return 0;
        // Cut at a bucket boundary (downwards, so never later than the retention allows) so a bucket's summary
        // and its rows go (or stay) together.
        const before = bucketStart(clock - this.options.retentionMs, this.options.bucketMs);
        return this.store.deleteBefore(model, before);
    }
    /** Drops cached specs and references (after another server changed them). */
    invalidate(model) {
        this.models.delete(model);
        this.forgetReferences(model);
    }
}
