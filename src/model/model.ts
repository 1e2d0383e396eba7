/**
 * The one interface every model adapter implements (ONNX, HTTP endpoint, JS module, score column,
 * built-in baselines). Browser-safe: the adapters that need Node live in their own files.
 */
import { InputError } from "../table/errors.js";
import type { Batch } from "../table/types.js";

export type ModelKind = "onnx" | "http" | "module" | "score" | "baseline";
// "score" covers every column-held output: one score column, probability columns, a JSON array column
export type ModelTask = "binary" | "multiclass" | "regression";

/** What a model returns for a batch of rows, in row order. */
export interface Prediction {
  /** Binary: P(positive class). Regression: the predicted value. Multiclass: the arg-max class index. */
  scores: Float64Array;
  /** Multiclass only: row-major probabilities, probabilities[i·classes + c]. */
  probabilities?: Float64Array;
  classes?: number;
}

export interface ModelMetadata {
  /** Where it came from: a file path, a URL, a column name. */
  source: string;
  task: ModelTask;
  /** The label value whose probability `scores` holds (from the descriptor, when it says). */
  positiveClass?: string;
  /** Multiclass: the label value of each probability column, in output order (when known). */
  classes?: string[];
  /** sha256 of the model file, when there is one (evidence digests). */
  digest?: string;
  /** Anything adapter-specific worth reporting (tensor names, endpoint settings …). */
  [detail: string]: unknown;
}

export interface Model {
  /** A short human name ("adult_v1.onnx", "score:score_v1", "logistic regression"). */
  readonly name: string;
  readonly kind: ModelKind;
  /**
   * Input columns, in the order the model consumes them. null: the model takes whatever columns it is
   * given (HTTP endpoints and JS modules without a declared feature list get every non-label column).
   */
  readonly features: string[] | null;
  readonly metadata: ModelMetadata;
  /** Scores one batch. The batch must hold every column in `features`; other columns are ignored. */
  predict(batch: Batch): Promise<Prediction>;
  /** Frees sessions and sockets. Idempotent. */
  close(): Promise<void>;
}

/** Thrown for problems the user can fix in the model or its configuration (bad spec, shape mismatch …). */
export class ModelError extends InputError {
  override name = "ModelError";
}
