/**
 * What the monitoring service keeps about a model and its traffic: the spec, predictions and labels as
 * ingested, and the bucket parts folding makes of them. Plain data shared by the store, folding and the
 * bucket summaries, below all three so that none of them imports another for its types.
 */

/** multiclass: a prediction is the class served (as written), the label the true class. */
export type Task = "binary" | "multiclass" | "regression";

export interface FeatureSpec {
  name: string;
  type: "number" | "string" | "boolean";
}

export interface ModelSpec {
  name: string;
  task: Task;
  /** The label value counted as positive (binary task); labels are compared as strings. */
  positiveLabel: string;
  /** Score at or above which a prediction counts as positive, when predictions are scores. */
  threshold: number;
  /** The expected features; empty until declared or taken from the first reference profile. */
  features: FeatureSpec[];
  /** Set when `features` were inferred from ingested records (not declared, not from a reference). */
  featuresInferred?: boolean;
  /** When the model was trained (ISO time), for the model-age monitor. */
  trainedAt: string | null;
  createdAt: string;
  description: string;
  /** The reference profile's column holding the model's scores (prediction drift); null: none. */
  scoreColumn?: string | null;
  /** Bounds on the rate of positive predictions (action limits). */
  actionLimits?: { minPositiveRate?: number; maxPositiveRate?: number };
}

/** One prediction as ingested (validated, timestamp in ms since the epoch). */
export interface PredictionRecord {
  id: string;
  timestamp: number;
  version: string | null;
  features: Record<string, unknown>;
  prediction: unknown;
  score: number | null;
}

export interface LabelRecord {
  id: string;
  label: unknown;
  timestamp: number;
}

/** A stored prediction whose features have not yet been folded into bucket summaries. */
export interface RawPrediction extends PredictionRecord {
  bucket: number;
}

/** A mergeable summary of (part of) one time bucket; the JSON is opaque to the store. */
export interface BucketPart {
  /** Storage order; set on parts read back from the store. */
  seq?: number;
  bucket: number;
  rows: number;
  summary: unknown;
}

/** The result of folding raw rows: parts to store, and which raw rows to keep as the debugging sample. */
export interface CompactionPlan {
  parts: BucketPart[];
  keepAsSample: string[];
}

export interface LabeledPrediction {
  id: string;
  timestamp: number;
  score: number | null;
  prediction: unknown;
  label: unknown;
  version: string | null;
}

export interface SampleRecord extends PredictionRecord {
  label: unknown;
}
