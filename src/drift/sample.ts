import type { QuantileSketch } from "../sketch/quantiles.js";
import type { Distribution } from "../stats/distribution.js";

/**
 * One column of one side (reference or current), reduced to what drift needs. Both the raw-data
 * path and the profile (sketch) path produce these, so the statistics code does not care where a
 * sample came from.
 */
export type ColumnSample = NumericSample | CategoricalSample;

export interface NumericSample {
  kind: "numeric";
  /** Finite values. */
  distribution: Distribution;
  /** SQL NULLs / empty cells. */
  missing: number;
  /** NaN and ±Inf: present but left out of the distribution. */
  nonFinite: number;
  /** All rows: finite + nonFinite + missing. */
  rows: number;
  /** True when the distribution is a sketch approximation, not the data. */
  approximate?: boolean;
  /** The quantile sketch the distribution was read from, so the other side can be bucketed alike. */
  sketch?: QuantileSketch;
}

export interface CategoricalSample {
  kind: "categorical";
  /** Category → count, nulls excluded. */
  counts: Map<string, number>;
  missing: number;
  rows: number;
  /** True when the counts are a capped frequency sketch (heavy hitters only). */
  approximate?: boolean;
  /** More categories than the readers keep (the counts list only the most frequent). */
  highCardinality?: boolean;
  /** Both sides were pooled together over the same category list (no further alignment needed). */
  pooled?: boolean;
  /** Unseen-category figures computed over all categories when `counts` is pooled (current side). */
  unseen?: {
    count: number;
    /** Pooled category size (reference + current count) → number of categories of that size, over all categories. */
    sizes: [number, number][];
    referenceTotal: number;
    examples: { value: string; count: number }[];
  };
}
