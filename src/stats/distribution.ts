import { gcd } from "./gcd.js";
import { sortFloat64 } from "./sort.js";

/**
 * An empirical distribution of finite numbers as sorted distinct values with their counts.
 * It is what every numeric drift statistic reads: sorting (or counting) happens once, and a
 * column of a million integers with 900 distinct values becomes 900 pairs. Counts may be
 * fractional when the distribution comes from a sketch.
 */
export interface Distribution {
  /** Distinct finite values, ascending. */
  values: Float64Array;
  /** How many observations take each value. */
  counts: Float64Array;
  /** Σ counts. */
  total: number;
}

/** Integer columns whose range is at most this many cells are counted, not sorted. */
const MAX_COUNTING_RANGE = 1 << 22;

/** Builds the distribution of the finite values in `values` (NaN and ±Inf are skipped). */
export function distributionOf(values: Float64Array): Distribution {
  const n = values.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let integers = true;
  let finite = 0;
  // the greatest common step of the values, relative to the first one (0 until two differ)
  let first = Number.NaN;
  let step = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v - v !== 0) continue; // NaN or ±Inf
    finite++;
    if (v < min) min = v;
    if (v > max) max = v;
    if (!integers) continue;
    if (v !== Math.floor(v)) {
      integers = false;
      continue;
    }
    if (step === 1) continue;
    if (finite === 1) {
      first = v;
      continue;
    }
    const a = Math.abs(v - first);
    if (step === 0) step = a;
    else {
      const q = a / step; // exact divisibility test for integers below 2^53, cheaper than %
      if (q !== Math.floor(q)) step = gcd(a, step);
    }
  }
  if (finite === 0) return { values: new Float64Array(0), counts: new Float64Array(0), total: 0 };
  const range = max - min;
  // Integer data is counted rather than sorted when its range, in units of the greatest common
  // step of the values (1 for counts, 60 000 for minute-resolution timestamps in ms), is small.
  if (integers && range < Number.MAX_SAFE_INTEGER) {
    const unit = step > 0 && range >= MAX_COUNTING_RANGE ? step : 1;
    const cellsNeeded = range / unit;
    if (cellsNeeded < MAX_COUNTING_RANGE && cellsNeeded <= 4 * finite + 65536)
      return countIntegers(values, min, unit, cellsNeeded, finite);
  }
  let finiteValues = values;
  if (finite !== n) {
    finiteValues = new Float64Array(finite);
    let k = 0;
    for (let i = 0; i < n; i++) if (values[i] - values[i] === 0) finiteValues[k++] = values[i];
  }
  return distributionOfSorted(sortFloat64(finiteValues));
}

function countIntegers(
  values: Float64Array,
  min: number,
  step: number,
  span: number,
  finite: number,
): Distribution {
  const cells = new Uint32Array(span + 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v - v === 0) cells[((v - min) / step) | 0]++; // an int32 index keeps the fast element path
  }
  let distinct = 0;
  for (let c = 0; c <= span; c++) if (cells[c] !== 0) distinct++;
  const out = new Float64Array(distinct);
  const counts = new Float64Array(distinct);
  let k = 0;
  for (let c = 0; c <= span; c++)
    if (cells[c] !== 0) {
      out[k] = min + c * step;
      counts[k++] = cells[c];
    }
  return { values: out, counts, total: finite };
}

/** Collapses an ascending array of finite values into distinct values and counts. */
function distributionOfSorted(sorted: Float64Array): Distribution {
  const n = sorted.length;
  if (n === 0) return { values: new Float64Array(0), counts: new Float64Array(0), total: 0 };
  let distinct = 1;
  for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  if (distinct === n) return { values: sorted, counts: new Float64Array(n).fill(1), total: n };
  const values = new Float64Array(distinct);
  const counts = new Float64Array(distinct);
  let k = 0;
  values[0] = sorted[0];
  counts[0] = 1;
  for (let i = 1; i < n; i++) {
    if (sorted[i] === sorted[i - 1]) counts[k]++;
    else {
      k++;
      values[k] = sorted[i];
      counts[k] = 1;
    }
  }
  return { values, counts, total: n };
}

/** Builds a distribution from (value, count) pairs already in ascending value order (e.g. SQL GROUP BY … ORDER BY). */
export function distributionOfPairs(values: Float64Array, counts: Float64Array): Distribution {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  return { values, counts, total };
}

/** Builds a distribution from a frequency table keyed by numbers' string forms; keys that are not finite numbers are skipped. */
export function distributionOfFrequencies(counts: Record<string, number>): Distribution {
  const pairs = Object.entries(counts)
    .map(([k, c]) => [Number(k), c] as const)
    .filter(([v]) => Number.isFinite(v))
    .sort((a, b) => a[0] - b[0]);
  return distributionOfPairs(
    Float64Array.from(pairs, (p) => p[0]),
    Float64Array.from(pairs, (p) => p[1]),
  );
}

/** Mean and population standard deviation (ddof = 0), two-pass for accuracy. */
export function moments(d: Distribution): { mean: number; std: number } {
  if (d.total === 0) return { mean: Number.NaN, std: Number.NaN };
  let sum = 0;
  for (let i = 0; i < d.values.length; i++) sum += d.values[i] * d.counts[i];
  const mean = sum / d.total;
  let m2 = 0;
  for (let i = 0; i < d.values.length; i++) {
    const dev = d.values[i] - mean;
    m2 += dev * dev * d.counts[i];
  }
  return { mean, std: Math.sqrt(m2 / d.total) };
}
