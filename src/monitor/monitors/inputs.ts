import type { DriftPolicy } from "../../drift/policy.js";
import type { ColumnProfile, TableProfile } from "../../profile/types.js";
import type { CheckResult } from "../../report/report.js";
import type { BucketSummary } from "../bucket-summary.js";
import type { LabeledPrediction, ModelSpec } from "../records.js";
import type { TrustBundles } from "../trust-counts.js";

/** What every monitor reads: one window of one model, its reference and its labels. */
export interface MonitorInputs {
  spec: ModelSpec;
  window: { from: number; to: number };
  summary: BucketSummary | null;
  reference: TableProfile | null;
  referenceVersion: string | null;
  /** Labeled predictions in the window. */
  labeled: LabeledPrediction[];
  /** Labeled predictions before the window, to check CBPE's calibration assumption when the window has few. */
  calibrationLabeled: LabeledPrediction[];
  /** The model's trust bundles (null or absent: none uploaded; the trust monitors stay silent). */
  trust?: TrustBundles | null;
  /** Evaluation time (ms), for model age. */
  now: number;
  options?: MonitorOptions;
}

export interface MonitorOptions {
  /** The drift policy for feature_drift and dataset_drift_share (default: src/drift/policy.ts defaults). */
  policy?: DriftPolicy;
  /** PSI threshold and test level of feature_psi and prediction_drift. */
  psiThreshold?: number;
  alpha?: number;
  /** Largest ECE at which scores count as calibrated for CBPE. */
  maxCalibrationError?: number;
  /** Fewest labeled rows for realized performance, bias and the calibration check. */
  minLabeled?: number;
}

/** One monitor: the ids it reports under (as alert rules name them) and its reading of a window. Pure. */
export interface Monitor {
  readonly ids: readonly string[];
  run(inputs: MonitorInputs): CheckResult[];
}

export const DEFAULT_MIN_LABELED = 30;

export function column(profile: TableProfile | null | undefined, name: string): ColumnProfile | undefined {
  return profile?.columns.find((c) => c.name === name);
}
