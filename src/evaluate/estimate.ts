/**
 * A metric estimated from a sample, with its interval, the method behind the interval and the sample
 * size. Which interval each metric gets, and why, is written down in docs/evaluate.md ("Confidence
 * intervals"): a count over a denominator gets the Wilson interval on that denominator; any other
 * metric a percentile bootstrap that resamples the way the metric's sampling works (plain rows for
 * metrics that depend on prevalence, within label for metrics conditional on it).
 */
import {
  type BootstrapOptions,
  DEFAULT_LEVEL,
  DEFAULT_RESAMPLES,
  percentileInterval,
} from "../stats/bootstrap.js";
import { wilsonInterval } from "../stats/wilson.js";

/** How an interval was computed. */
type IntervalMethod =
  | "wilson"
  | "bootstrap-t, logit, rows"
  | "bootstrap percentile, rows"
  | "bootstrap basic, rows"
  | "bootstrap percentile, within group"
  | "bootstrap percentile, within group × label"
  | "newcombe"
  | "newcombe, folded"
  | "mover-wilson, folded";

/** A value estimated from a sample: its point estimate, its interval and the sample size. */
export interface Estimate {
  value: number | null;
  ci: [number, number] | null;
  n: number;
  /** How `ci` was computed. */
  method?: IntervalMethod;
  /** Set when the sample is too small for the metric to be judged (the value is still given). */
  status?: "insufficient";
  /** Why value is null, or why the estimate is insufficient. */
  reason?: string;
}

/**
 * Below these sizes an estimate is `insufficient`: a proportion needs a denominator of at least
 * MIN_DENOMINATOR (Wilson's coverage is within ~2 points of nominal from there on, Brown, Cai &
 * DasGupta 2001, fig. 4), a metric that compares the classes (ROC AUC, PR AUC, MCC …) at least
 * MIN_CLASS_ROWS rows of each class.
 */
const MIN_DENOMINATOR = 10;
export const MIN_CLASS_ROWS = 10;

/** A proportion k/n with its Wilson interval; insufficient below MIN_DENOMINATOR. */
export function proportionEstimate(
  k: number,
  n: number,
  level = DEFAULT_LEVEL,
  what = "rows",
  valueWhenEmpty: number | null = null,
): Estimate {
  if (n <= 0)
    return valueWhenEmpty === null
      ? { value: null, ci: null, n: 0, method: "wilson", reason: `no ${what}` }
      : {
          value: valueWhenEmpty,
          ci: null,
          n: 0,
          method: "wilson",
          status: "insufficient",
          reason: `no ${what}`,
        };
  const out: Estimate = { value: k / n, ci: wilsonInterval(k, n, level), n, method: "wilson" };
  if (n < MIN_DENOMINATOR) {
    out.status = "insufficient";
    out.reason = `${n} ${what} < ${MIN_DENOMINATOR}`;
  }
  return out;
}

/** An estimate from a point value and its resample distribution (percentile interval). */
export function bootstrapEstimate(
  value: number,
  samples: Float64Array | undefined,
  n: number,
  method: IntervalMethod,
  level = DEFAULT_LEVEL,
): Estimate {
  if (!Number.isFinite(value)) return { value: null, ci: null, n, reason: "undefined on this sample" };
  return { value, ci: samples ? percentileInterval(samples, level) : null, n, method };
}

/** Builds Estimates from point values and their resample distributions. */
export function estimates(
  values: ArrayLike<number>,
  samples: Float64Array[],
  n: number,
  level = DEFAULT_LEVEL,
  method: IntervalMethod = "bootstrap percentile, rows",
): Estimate[] {
  return Array.from({ length: values.length }, (_, k) =>
    bootstrapEstimate(values[k], samples[k], n, method, level),
  );
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
