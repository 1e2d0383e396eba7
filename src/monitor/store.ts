import type { FoldJob } from "./fold.js";
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

/**
 * The monitor's one storage interface. Two implementations sit at the edge, one file each:
 * `sqlite-store.ts` (embedded default) and `postgres-store.ts` (shared deployments). Both pass the same
 * test suite (test/monitor/store.test.ts). Every write resolves only after its transaction is durable.
 */

export type Scope = "ingest" | "read" | "admin";
export const SCOPES: readonly Scope[] = ["ingest", "read", "admin"];

export interface WriteResult {
  /** Records newly stored. */
  accepted: number;
  /** Records whose id was already stored (idempotent re-sends). */
  duplicates: number;
}

export interface UnfoldedRows {
  pending: number;
  oldestReceived: number | null;
  rows: RawPrediction[];
}

export interface ModelCounts {
  predictions: number;
  labels: number;
  /** Data time range covered by the stored predictions (ms), null when there are none. */
  firstTimestamp: number | null;
  lastTimestamp: number | null;
}

export interface TokenRecord {
  /** The first 12 hex digits of the token's hash: names a token in lists and revocation, reveals nothing. */
  id: string;
  name: string;
  scopes: Scope[];
  createdAt: string;
  /** When the token stops working (ms); null: never. */
  expiresAt: number | null;
  /** The models the token may touch; null: every model. */
  models: string[] | null;
}

export interface TokenOptions {
  expiresAt?: number | null;
  models?: string[] | null;
}

/** A stored token row as both stores read it. */
export function tokenFromRow(row: {
  hash: string;
  name: string;
  scopes: string;
  created_at: string;
  expires_at: number | string | null;
  models: string | null;
}): TokenRecord {
  return {
    id: row.hash.slice(0, 12),
    name: row.name,
    scopes: row.scopes.split(",") as Scope[],
    createdAt: row.created_at,
    expiresAt: row.expires_at === null ? null : Number(row.expires_at),
    models: row.models === null ? null : (JSON.parse(row.models) as string[]),
  };
}

type AlertState = "pending" | "firing" | "resolved";

export interface AlertRecord {
  fingerprint: string;
  rule: string;
  model: string;
  subject: string;
  severity: string;
  labels: Record<string, string>;
  state: AlertState;
  value: number | null;
  /** When the condition first held in this episode (ms). */
  activeSince: number;
  firedAt: number | null;
  resolvedAt: number | null;
  lastEvaluated: number;
  message: string;
}

export interface AlertEvent {
  fingerprint: string;
  rule: string;
  model: string;
  state: AlertState | "inactive";
  at: number;
  value: number | null;
  severity: string;
  labels: Record<string, string>;
  message: string;
}

export interface Silence {
  id: string;
  /** Label name → exact value; every matcher must match an alert's labels. */
  matchers: Record<string, string>;
  startsAt: number;
  endsAt: number;
  comment: string;
  createdBy: string;
}

export interface MonitorStore {
  readonly kind: "sqlite" | "postgres";
  /** Creates tables if missing (idempotent). */
  init(): Promise<void>;
  close(): Promise<void>;

  addToken(hash: string, name: string, scopes: Scope[], options?: TokenOptions): Promise<void>;
  /** The token with this hash, expired or not (the caller checks `expiresAt`). */
  findToken(hash: string): Promise<TokenRecord | null>;
  listTokens(): Promise<TokenRecord[]>;
  /** Deletes the tokens whose id (a hash prefix of ≥ 8 hex digits) or name is `idOrName`; returns how many. */
  revokeTokens(idOrName: string): Promise<number>;

  /** Creates a model; false when one of that name exists already. */
  createModel(spec: ModelSpec): Promise<boolean>;
  updateModel(spec: ModelSpec): Promise<void>;
  /**
   * Reads a model's spec and writes `change(spec)` back in one transaction (no other writer in between);
   * `change` returns null to leave it. Resolves with the spec stored afterwards (null: no such model).
   */
  changeModel(name: string, change: (spec: ModelSpec) => ModelSpec | null): Promise<ModelSpec | null>;
  getModel(name: string): Promise<ModelSpec | null>;
  listModels(): Promise<ModelSpec[]>;

  putReference(model: string, version: string, profile: unknown): Promise<void>;
  getReference(model: string, version: string): Promise<unknown | null>;
  listReferenceVersions(model: string): Promise<string[]>;

  /** Stores a model version's trust bundle (replacing that version's earlier one). */
  putTrustBundle(model: string, version: string, bundle: unknown): Promise<void>;
  /** Every trust bundle of a model, oldest upload first. */
  listTrustBundles(model: string): Promise<{ version: string; bundle: unknown; createdAt: string }[]>;

  /** Stores new predictions (by id; re-sent ids are ignored) durably. `bucketMs` sets their time bucket. */
  insertPredictions(model: string, records: PredictionRecord[], bucketMs: number): Promise<WriteResult>;
  insertLabels(model: string, records: LabelRecord[]): Promise<WriteResult>;
  counts(model: string): Promise<ModelCounts>;
  /** The time of the `rank`-th newest prediction (1: the newest), or null when there are fewer. */
  newestTimestamp(model: string, rank: number): Promise<number | null>;
  /** Ids among `ids` that are stored as predictions (tests and clients checking acknowledgements). */
  existingPredictionIds(model: string, ids: string[]): Promise<string[]>;

  /**
   * Folds up to `limit` raw predictions into bucket parts, in one transaction: `plan` (pure) turns the raw
   * rows into parts; the store saves them, keeps the features of `keepAsSample`, drops the rest.
   * Returns how many raw rows were folded (0 when none were left).
   */
  compact(model: string, limit: number, plan: (rows: RawPrediction[]) => CompactionPlan): Promise<number>;
  /**
   * Optional: a store that can fold on its own writer (the SQLite writer thread) does the whole job —
   * compaction in batches, then merging fragmented buckets — and returns the rows folded.
   */
  foldJob?(job: FoldJob): Promise<number>;
  /**
   * The fold queue of a model: how many raw predictions wait, when the oldest of them was received
   * (server ms; null if none or unknown), and the oldest `limit` of them (the ones folded next).
   */
  unfolded(model: string, limit: number): Promise<UnfoldedRows>;
  /** How many sampled rows each of these buckets keeps already. */
  sampleCounts(model: string, buckets: number[]): Promise<Map<number, number>>;
  bucketParts(model: string, fromBucket: number, toBucket: number): Promise<BucketPart[]>;
  /**
   * Per span-aligned group of buckets in [fromBucket, toBucket): how many parts it holds and its largest
   * part seq — a fingerprint that changes whenever a part is added or replaced (window caching).
   */
  partGroups(
    model: string,
    fromBucket: number,
    toBucket: number,
    span: number,
  ): Promise<{ group: number; parts: number; maxSeq: number }[]>;
  /** Buckets among `buckets` stored in more than `atLeast` parts. */
  fragmentedBuckets(model: string, buckets: number[], atLeast: number): Promise<number[]>;
  /**
   * Replaces the parts `seqs` of a bucket by their merge, in one transaction. If another writer replaced
   * any of them meanwhile, nothing changes and false is returned (the caller may retry).
   */
  replaceParts(model: string, bucket: number, seqs: number[], merged: BucketPart): Promise<boolean>;
  /** Predictions with a label, by prediction time in [from, to), at most `limit` (newest first). */
  labeled(model: string, from: number, to: number, limit: number): Promise<LabeledPrediction[]>;
  /** Scores and predictions (no labels needed) in [from, to), at most `limit`. */
  scored(
    model: string,
    from: number,
    to: number,
    limit: number,
  ): Promise<{ score: number | null; prediction: unknown }[]>;
  samples(model: string, limit: number): Promise<SampleRecord[]>;
  /** Deletes data with a timestamp before `before` (ms). Returns rows deleted. */
  deleteBefore(model: string, before: number): Promise<number>;

  getAlerts(): Promise<AlertRecord[]>;
  saveAlert(alert: AlertRecord, event: AlertEvent | null): Promise<void>;
  alertHistory(filter: { model?: string; since?: number; limit: number }): Promise<AlertEvent[]>;
  addSilence(silence: Silence): Promise<void>;
  listSilences(): Promise<Silence[]>;
  deleteSilence(id: string): Promise<boolean>;
}

/** Encodes an arbitrary JSON value for a TEXT column (undefined → null). */
export function encodeJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

export function decodeJson(text: unknown): unknown {
  return text === null || text === undefined ? null : JSON.parse(String(text));
}
