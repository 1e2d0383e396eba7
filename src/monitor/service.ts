import type { TableProfile } from "../profile/types.js";
import type { CheckResult } from "../report/report.js";
import { InputError } from "../table/errors.js";
import { parseTrustBundle, type TrustBundle } from "../trust/bundle.js";
import {
  type BucketSummary,
  featuresFromProfile,
  inferFeatures,
  inferredSchema,
  mergeSummaries,
  type ReferenceFacts,
  referenceFacts,
} from "./bucket-summary.js";
import { planFold } from "./fold.js";
import type { MonitorOptions } from "./monitors/inputs.js";
import { runMonitors } from "./monitors/registry.js";
import type { CompactionPlan, LabelRecord, ModelSpec, PredictionRecord, RawPrediction } from "./records.js";
import type { MonitorStore, WriteResult } from "./store.js";
import { DEFAULT_TIME_BOUNDS, type TimeBounds } from "./time-bounds.js";
import { type TrustBundles, trustBundles } from "./trust-counts.js";
import { bucketStart, snapWindow } from "./windows.js";

export interface ServiceOptions {
  /** Width of a time bucket (ms); 1 minute by default. */
  bucketMs: number;
  /** Raw records kept per bucket for debugging. */
  sampleSize: number;
  /**
   * Data older than the retention clock minus this is deleted; null keeps everything. The retention clock
   * is the model's robust data clock (see `retentionClock`), never later than the server clock.
   */
  retentionMs: number | null;
  /** The data times ingest accepts (a floor, and a skew past the server clock). */
  timeBounds: TimeBounds;
  /** The server clock (ms); injectable for tests. */
  clock: () => number;
  /** Raw rows folded per compaction transaction. */
  foldBatch: number;
  /** Parts a bucket may hold before they are merged into one. */
  maxParts: number;
  /** Bucket and hour merges kept in memory (least recently used dropped first). */
  groupCache: number;
  /**
   * Raw (not yet folded) rows a window read folds in memory on top of the folded parts — the oldest ones,
   * next in the fold queue. Bounds the cost of a read under an ingest backlog; what it leaves out is said.
   */
  tailRows: number;
  /** Labeled rows read per window for realized performance (the newest ones). */
  maxLabeled: number;
  monitor: MonitorOptions;
}

const DEFAULT_SERVICE_OPTIONS: ServiceOptions = {
  bucketMs: 60_000,
  sampleSize: 20,
  retentionMs: null,
  timeBounds: DEFAULT_TIME_BOUNDS,
  clock: Date.now,
  foldBatch: 1000,
  maxParts: 8,
  groupCache: 5000,
  tailRows: 1000,
  maxLabeled: 100_000,
  monitor: {},
};

const HOUR_SPAN = 3_600_000;

/** What a window read left to the fold queue. */
interface UnfoldedInfo {
  /** Raw predictions of the model waiting to be folded. */
  pending: number;
  /** How many of them the answer includes (those of the tail that fall in the window). */
  included: number;
  /** How many were not read at all (beyond the tail); some may belong to the window. */
  notRead: number;
  /** How long the oldest waiting prediction has waited (ms), null when none or unknown. */
  lagMs: number | null;
}

interface WindowRead {
  summary: BucketSummary | null;
  unfolded: UnfoldedInfo;
}

interface CachedReference {
  version: string;
  profile: TableProfile;
  facts: ReferenceFacts | null;
}

/** The monitoring logic between HTTP and the store: ingest, folding into buckets, windows, monitors. */
export class MonitorService {
  readonly options: ServiceOptions;
  private readonly models = new Map<string, ModelSpec>();
  /** Bumped on every spec write, so a read that started before a write cannot cache what it read. */
  private specWrites = 0;
  private readonly references = new Map<string, CachedReference | null>();
  private readonly trusts = new Map<string, TrustBundles | null>();
  private readonly folding = new Map<string, Promise<number>>();
  private readonly groups = new Map<string, { parts: number; maxSeq: number; summary: BucketSummary }>();

  constructor(
    readonly store: MonitorStore,
    options: Partial<ServiceOptions> = {},
  ) {
    this.options = { ...DEFAULT_SERVICE_OPTIONS, ...options };
  }

  async model(name: string): Promise<ModelSpec | null> {
    const cached = this.models.get(name);
    if (cached) return cached;
    const writes = this.specWrites;
    const spec = await this.store.getModel(name);
    if (spec && writes === this.specWrites) this.models.set(name, spec);
    return spec;
  }

  async createModel(spec: ModelSpec): Promise<boolean> {
    const created = await this.store.createModel(spec);
    this.specWrites++;
    if (created) this.models.set(spec.name, spec);
    return created;
  }

  async updateModel(spec: ModelSpec): Promise<void> {
    await this.store.updateModel(spec);
    this.specWrites++;
    this.models.delete(spec.name);
    this.forgetReferences(spec.name);
  }

  async ingestPredictions(spec: ModelSpec, records: PredictionRecord[]): Promise<WriteResult> {
    if ((spec.features.length === 0 || spec.featuresInferred) && records.length > 0) {
      // No declared schema and no reference: the records' features are the schema, the union over
      // batches (docs/monitor.md). Read-modify-write in one store transaction, only when a name is new.
      const inferred = inferFeatures(records);
      if (inferredSchema(spec, inferred) !== null) {
        const stored = await this.store.changeModel(spec.name, (current) =>
          inferredSchema(current, inferred),
        );
        if (stored) {
          // Two racing batches' changes can resolve in either order: drop the cached spec rather than
          // set it, so the next read takes the store's (the later commit's) spec.
          this.specWrites++;
          this.models.delete(spec.name);
          this.forgetReferences(spec.name);
        }
      }
    }
    return this.store.insertPredictions(spec.name, records, this.options.bucketMs);
  }

  ingestLabels(spec: ModelSpec, records: LabelRecord[]): Promise<WriteResult> {
    return this.store.insertLabels(spec.name, records);
  }

  async putReference(
    spec: ModelSpec,
    version: string,
    profile: TableProfile,
    exclude: string[] = [],
  ): Promise<void> {
    const scoreColumn = spec.scoreColumn === undefined ? "score" : spec.scoreColumn;
    const skip = [...exclude, ...(scoreColumn ? [scoreColumn] : [])];
    if (spec.features.length === 0) {
      const reserved = profile.columns.find((c) => c.name.startsWith("@") && !skip.includes(c.name));
      if (reserved)
        throw new InputError(
          `reference column "${reserved.name}": names starting with '@' are reserved (@score, @prediction); exclude it ("exclude": ["${reserved.name}"]) or rename it`,
        );
    }
    await this.store.putReference(spec.name, version, profile);
    this.forgetReferences(spec.name);
    if (spec.features.length === 0) {
      await this.updateModel({ ...spec, features: featuresFromProfile(profile, skip) });
    }
  }

  /** The reference for a version (or, without one, the latest uploaded). */
  async reference(model: string, version?: string | null): Promise<CachedReference | null> {
    const key = `${model}\u0000${version ?? ""}`;
    if (this.references.has(key)) return this.references.get(key)!;
    let chosen = version ?? null;
    let profile =
      chosen === null ? null : ((await this.store.getReference(model, chosen)) as TableProfile | null);
    if (!profile) {
      const versions = await this.store.listReferenceVersions(model);
      chosen = versions[versions.length - 1] ?? null;
      profile =
        chosen === null ? null : ((await this.store.getReference(model, chosen)) as TableProfile | null);
    }
    const result =
      profile && chosen !== null ? { version: chosen, profile, facts: referenceFacts(profile) } : null;
    this.references.set(key, result);
    return result;
  }

  /**
   * Stores a version's trust bundle (checked first: a bad one is an InputError, 400). Predictions folded
   * from now on are scored with it; buckets folded before keep what they had.
   */
  async putTrustBundle(spec: ModelSpec, version: string, raw: unknown): Promise<TrustBundle> {
    const bundle = parseTrustBundle(raw);
    if ((bundle.model.task === "regression") !== (spec.task === "regression"))
      throw new InputError(
        `trust bundle: it is for a ${bundle.model.task} model, '${spec.name}' is ${spec.task}`,
      );
    await this.store.putTrustBundle(spec.name, version, bundle);
    this.trusts.delete(spec.name);
    return bundle;
  }

  /** A model's trust bundles (null: none uploaded). */
  async trust(model: string): Promise<TrustBundles | null> {
    if (this.trusts.has(model)) return this.trusts.get(model)!;
    const bundles = trustBundles(await this.store.listTrustBundles(model));
    this.trusts.set(model, bundles);
    return bundles;
  }

  private forgetReferences(model: string): void {
    this.trusts.delete(model);
    for (const key of [...this.references.keys()])
      if (key.startsWith(`${model}\u0000`)) this.references.delete(key);
  }

  /** Folds every raw prediction of a model into bucket parts. One fold at a time per model. */
  fold(model: string): Promise<number> {
    const running = this.folding.get(model);
    if (running) return running.then(() => this.fold(model));
    const work = this.foldAll(model).finally(() => this.folding.delete(model));
    this.folding.set(model, work);
    return work;
  }

  private async foldAll(model: string): Promise<number> {
    const spec = await this.model(model);
    if (!spec) return 0;
    if (this.store.foldJob) {
      // The store folds on its own writer (SQLite: the writer thread), off the request loop.
      const reference = await this.reference(model);
      return this.store.foldJob({
        model,
        spec,
        facts: reference?.facts ?? null,
        trust: await this.trust(model),
        sampleSize: this.options.sampleSize,
        foldBatch: this.options.foldBatch,
        maxParts: this.options.maxParts,
      });
    }
    let total = 0;
    const touched = new Set<number>();
    for (;;) {
      const current = (await this.model(model)) ?? spec;
      const reference = await this.reference(model);
      const trust = await this.trust(model);
      const n = await this.store.compact(model, this.options.foldBatch, (rows) => {
        for (const r of rows) touched.add(r.bucket);
        return this.plan(current, rows, reference, trust);
      });
      total += n;
      if (n < this.options.foldBatch) break;
      // Under sustained ingest this loop may not end for a while: merge busy buckets as it goes.
      if (touched.size > 0 && (total / this.options.foldBatch) % this.options.maxParts === 0) {
        await this.consolidate(model, [...touched]);
        touched.clear();
      }
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
  private async consolidate(model: string, buckets: number[]): Promise<void> {
    if (buckets.length === 0) return;
    for (const bucket of await this.store.fragmentedBuckets(model, buckets, this.options.maxParts)) {
      const parts = await this.store.bucketParts(model, bucket, bucket + 1);
      const merged = mergeSummaries(parts.map((p) => p.summary as BucketSummary));
      if (!merged) continue;
      const seqs = parts.map((p) => p.seq!);
      await this.store.replaceParts(model, bucket, seqs, { bucket, rows: merged.rows, summary: merged });
      await new Promise((r) => setImmediate(r));
    }
  }

  private plan(
    spec: ModelSpec,
    rows: RawPrediction[],
    reference: CachedReference | null,
    trust: TrustBundles | null,
  ): CompactionPlan {
    return planFold(spec, rows, reference?.facts ?? null, this.options.sampleSize, trust);
  }

  /** The merged summary of the buckets in [from, to): folded parts plus a bounded tail (see readWindow). */
  async window(model: string, from: number, to: number): Promise<BucketSummary | null> {
    return (await this.readWindow(model, from, to)).summary;
  }

  /**
   * A window as it stands: the folded parts of its buckets, plus the oldest `tailRows` raw rows of the fold
   * queue that fall inside it, summarized in memory (not stored). A read never waits for the backlog to be
   * folded; `unfolded` says what it could not include. The parts are read before the queue, so a fold step
   * committing in between can leave its rows (≤ 1,000) out of that one answer, never count them twice.
   */
  async readWindow(model: string, from: number, to: number): Promise<WindowRead> {
    const folded = await this.foldedWindow(model, from, to);
    const queue = await this.store.unfolded(model, this.options.tailRows);
    const w = snapWindow(from, to, this.options.bucketMs);
    const inWindow = queue.rows.filter((r) => r.bucket >= w.from && r.bucket < w.to);
    let summary = folded;
    if (inWindow.length > 0) {
      const spec = await this.model(model);
      const reference = await this.reference(model);
      if (spec) {
        const trust = await this.trust(model);
        const tail = planFold(spec, inWindow, reference?.facts ?? null, 0, trust).parts.map(
          (p) => p.summary as BucketSummary,
        );
        summary = mergeSummaries(folded ? [folded, ...tail] : tail);
      }
    }
    const unfolded: UnfoldedInfo = {
      pending: queue.pending,
      included: inWindow.length,
      notRead: queue.pending - queue.rows.length,
      lagMs: queue.oldestReceived === null ? null : Math.max(0, this.options.clock() - queue.oldestReceived),
    };
    return { summary, unfolded };
  }

  /**
   * The merged folded parts of [from, to). Whole hours come from an in-memory cache of hour merges and the
   * buckets at the edges from a cache of bucket merges, each keyed by its part fingerprint (count and
   * largest seq), so a read re-merges only the buckets and hours whose parts changed (the current one).
   */
  private async foldedWindow(model: string, from: number, to: number): Promise<BucketSummary | null> {
    const w = snapWindow(from, to, this.options.bucketMs);
    const hour = HOUR_SPAN;
    const firstHour = Math.ceil(w.from / hour) * hour;
    const lastHour = Math.floor(w.to / hour) * hour;
    const bucket = this.options.bucketMs;
    if (hour % bucket !== 0 || lastHour <= firstHour)
      return mergeSummaries(await this.cachedGroups(model, w.from, w.to, bucket));
    return mergeSummaries([
      ...(await this.cachedGroups(model, w.from, firstHour, bucket)),
      ...(await this.cachedGroups(model, firstHour, lastHour, hour)),
      ...(await this.cachedGroups(model, lastHour, w.to, bucket)),
    ]);
  }

  /** The merged parts of each `span`-long group of buckets in [from, to), from the cache when unchanged. */
  private async cachedGroups(
    model: string,
    from: number,
    to: number,
    span: number,
  ): Promise<BucketSummary[]> {
    if (from >= to) return [];
    const pieces: BucketSummary[] = [];
    for (const g of await this.store.partGroups(model, from, to, span)) {
      const key = `${model}\u0000${span}\u0000${g.group}`;
      const cached = this.groups.get(key);
      if (cached && cached.parts === g.parts && cached.maxSeq === g.maxSeq) {
        this.groups.delete(key);
        this.groups.set(key, cached); // most recently used last
        pieces.push(cached.summary);
        continue;
      }
      const parts = await this.store.bucketParts(model, g.group, g.group + span);
      const summary = mergeSummaries(parts.map((p) => p.summary as BucketSummary));
      if (!summary) continue;
      this.groups.set(key, { parts: g.parts, maxSeq: g.maxSeq, summary });
      if (this.groups.size > this.options.groupCache) this.groups.delete(this.groups.keys().next().value!);
      pieces.push(summary);
    }
    return pieces;
  }

  /** Every monitor over [from, to). `now` is the evaluation time (model age); the data clock by default. */
  async monitors(
    spec: ModelSpec,
    from: number,
    to: number,
    now: number = to,
    version?: string | null,
  ): Promise<{
    results: CheckResult[];
    referenceVersion: string | null;
    summary: BucketSummary | null;
    unfolded: UnfoldedInfo;
  }> {
    const { summary, unfolded } = await this.readWindow(spec.name, from, to);
    let chosen = version ?? null;
    if (chosen === null && summary) {
      // The version that served most of the window, when it has a reference of its own.
      const [top] = Object.entries(summary.versions).sort((a, b) => b[1] - a[1]);
      if (top && top[0] !== "") chosen = top[0];
    }
    const reference = await this.reference(spec.name, chosen);
    const labeled = await this.store.labeled(spec.name, from, to, this.options.maxLabeled);
    const calibrationLabeled =
      labeled.length >= 200 ? [] : await this.store.labeled(spec.name, Number.MIN_SAFE_INTEGER, from, 20_000);
    const results = runMonitors({
      spec: (await this.model(spec.name)) ?? spec,
      window: { from, to },
      summary,
      reference: reference?.profile ?? null,
      referenceVersion: reference?.version ?? null,
      labeled,
      calibrationLabeled,
      trust: await this.trust(spec.name),
      now,
      options: this.options.monitor,
    });
    return { results, referenceVersion: reference?.version ?? null, summary, unfolded };
  }

  /**
   * The clock retention is measured on: the k-th newest prediction time, k = max(2, 1% of the model's
   * predictions), capped at the server clock. A replay of old data keeps its own clock (it is not deleted
   * on arrival), but moving the clock takes k records ahead of the rest — one record cannot do it — and
   * the cap means nothing younger than the retention on the server's clock is ever deleted.
   */
  async retentionClock(model: string): Promise<number | null> {
    const { predictions } = await this.store.counts(model);
    const rank = Math.max(2, Math.ceil(predictions / 100));
    if (predictions < rank) return null;
    const robust = await this.store.newestTimestamp(model, rank);
    return robust === null ? null : Math.min(robust, this.options.clock());
  }

  /** Applies retention to one model, measured on its retention clock. */
  async applyRetention(model: string): Promise<number> {
    if (this.options.retentionMs === null) return 0;
    const clock = await this.retentionClock(model);
    if (clock === null) return 0;
    // Cut at a bucket boundary (downwards, so never later than the retention allows) so a bucket's summary
    // and its rows go (or stay) together.
    const before = bucketStart(clock - this.options.retentionMs, this.options.bucketMs);
    return this.store.deleteBefore(model, before);
  }

  /** Drops cached specs and references (after another server changed them). */
  invalidate(model: string): void {
    this.specWrites++;
    this.models.delete(model);
    this.forgetReferences(model);
  }
}
