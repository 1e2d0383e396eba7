import type { DDSketchState } from "../sketch/ddsketch.js";
import type { FrequencyState } from "../sketch/frequency.js";
import type { GridState } from "../sketch/grid.js";
import type { ColumnType } from "../table/types.js";

/**
 * The profile: Assay's one statistical summary of a table (format "assay.profile", version 1).
 * It is mergeable: merge(profile(A), profile(B)) equals profile(A ∪ B) — exactly for counts and
 * moments, and within the stated bound for the sketches. Documented in docs/formats.md.
 */
export const PROFILE_FORMAT = "assay.profile";
export const PROFILE_VERSION = 1;

export interface TableProfile {
  format: typeof PROFILE_FORMAT;
  version: typeof PROFILE_VERSION;
  /** Which engine computed it: "stream" (JS over batches) or "sql" (DuckDB push-down). */
  engine: "stream" | "sql";
  source: { name: string; digest: string };
  rows: number;
  columns: ColumnProfile[];
}

export interface ColumnProfile {
  name: string;
  type: ColumnType;
  /** Non-missing values (NaN and ±Inf included: they are present, just not finite). */
  count: number;
  /** SQL NULLs / empty cells. */
  missing: number;
  /** Distinct non-missing values: exact while `distinctExact`, else a HyperLogLog estimate. */
  distinct: number;
  distinctExact: boolean;
  /** Relative standard error of `distinct` (0 when exact). */
  distinctError: number;
  /** Finite-value statistics; null when there are none (or for strings). */
  min: number | null;
  max: number | null;
  mean: number | null;
  /** Sample standard deviation, ddof = 1; null with fewer than 2 finite values. */
  std: number | null;
  /** Count of finite values and their sum of squared deviations (M2): what merging needs. */
  moments: { n: number; mean: number; m2: number } | null;
  zeros: number;
  negatives: number;
  nan: number;
  posInf: number;
  negInf: number;
  /** Quantiles of finite values at 0.01 0.05 0.25 0.5 0.75 0.95 0.99, from `sketch`. */
  quantiles: Record<string, number> | null;
  /** The mergeable quantile sketch behind `quantiles` and `histogram`. */
  sketch: QuantileSketchState | null;
  histogram: Histogram | null;
  /** Most frequent values, most frequent first (exact when `frequencies.exact`). */
  top: { value: string | number; count: number }[];
  frequencies: FrequencyState;
  hll: string;
  /** Length statistics of string values (in UTF-16 code units). */
  length: { min: number; max: number; mean: number } | null;
  /** For string columns: how many values look like numbers, booleans, dates … */
  patterns: PatternCounts | null;
  /** Up to 5 distinct values that are not numbers, kept for string columns: the evidence behind "mixed types". */
  nonNumericExamples: string[] | null;
  /** The type the values suggest, and the problem when it differs from the stored type. */
  inferred: { type: ColumnType; issue: "numbers_as_strings" | "mixed_types" | null };
  /** Set when the column holds personal data and was redacted (src/privacy/redact-profile.ts). */
  personal?: { kind: string; by: "values" | "schema"; share: number | null };
}

export interface PatternCounts {
  integer: number;
  float: number;
  boolean: number;
  date: number;
  timestamp: number;
  other: number;
}

export interface Histogram {
  /** Bin edges, ascending; bin i is [edges[i], edges[i+1]) and the last bin is closed. */
  edges: number[];
  counts: number[];
  /** "exact" from the full frequency table; "sketch" from sketch buckets (a bucket counts in the bin of its representative value). */
  method: "exact" | "sketch";
}

/** DDSketch for integer/float columns; a power-of-two time grid for date/timestamp columns. */
export type QuantileSketchState = DDSketchState | GridState;
export type { FrequencyState };

export const PROFILE_QUANTILES = ["0.01", "0.05", "0.25", "0.5", "0.75", "0.95", "0.99"] as const;
