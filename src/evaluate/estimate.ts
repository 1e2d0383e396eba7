/** A metric estimated from a sample, with its bootstrap interval (src/stats/bootstrap.ts) and sample size. */
import {
  type BootstrapOptions,
  DEFAULT_LEVEL,
  DEFAULT_RESAMPLES,
  percentileInterval,
} from "../stats/bootstrap.js";

/** A value estimated from a sample: its point estimate, its percentile interval and the sample size. */
export interface Estimate {
  value: number | null;
  ci: [number, number] | null;
  n: number;
  /** Why value is null, when it is. */
  reason?: string;
}

/** Builds Estimates from point values and their resample distributions. */
export function estimates(
  values: ArrayLike<number>,
  samples: Float64Array[],
  n: number,
  level = DEFAULT_LEVEL,
): Estimate[] {
  return Array.from({ length: values.length }, (_, k) => {
    const value = values[k];
    if (!Number.isFinite(value)) return { value: null, ci: null, n, reason: "undefined on this sample" };
    return { value, ci: samples[k] ? percentileInterval(samples[k], level) : null, n };
  });
}

/**
 * Row visits allowed to a secondary bootstrap (slices, baselines), beyond the main metrics. Past it
 * the number of resamples is reduced (never below 100), so a million-row evaluation stays minutes,
 * not hours; the resamples actually used are reported next to the intervals.
 */
export const SECONDARY_BUDGET = 2e8;

export function budgetedResamples(options: BootstrapOptions, rowsPerResample: number): number {
  const requested = options.resamples ?? DEFAULT_RESAMPLES;
  const cap = Math.max(100, Math.floor(SECONDARY_BUDGET / Math.max(1, rowsPerResample)));
  return Math.min(requested, cap);
}
