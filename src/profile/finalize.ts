import { HLL_RELATIVE_ERROR, HyperLogLog } from "../sketch/hll.js";
import { sketchBuckets, sketchQuantile } from "../sketch/quantiles.js";
import { type Distribution, distributionOfFrequencies } from "../stats/distribution.js";
import { quantile } from "../stats/quantile.js";
import type { ColumnCore } from "./column.js";
import { inferFromPatterns } from "./patterns.js";
import { type ColumnProfile, type Histogram, PROFILE_QUANTILES } from "./types.js";

const TOP_K = 10;
const HISTOGRAM_BINS = 20;

/** Derives the reported statistics (distinct, std, quantiles, histogram, top, inferred type) from the core. */
export function finalizeColumn(core: ColumnCore): ColumnProfile {
  const numeric = core.type !== "string";
  const freq = core.frequencies;
  let distinct: number;
  let distinctExact: boolean;
  if (freq.exact) {
    distinct = Object.keys(freq.counts).length;
    distinctExact = true;
  } else if (core.exactDistinct !== undefined) {
    distinct = core.exactDistinct;
    distinctExact = true;
  } else {
    distinct = HyperLogLog.deserialize(core.hll).estimate();
    distinctExact = false;
  }
  const m = core.moments;
  const exactValues = numeric && freq.exact ? distributionOfFrequencies(freq.counts) : null;
  const quantiles = numeric ? quantilesOf(core, exactValues) : null;
  const top = Object.entries(freq.counts)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, TOP_K)
    .map(([value, count]) => ({ value: numeric ? Number(value) : value, count }));
  const profile: ColumnProfile = {
    name: core.name,
    type: core.type,
    count: core.count,
    missing: core.missing,
    distinct,
    distinctExact,
    distinctError: distinctExact ? 0 : HLL_RELATIVE_ERROR,
    min: core.min,
    max: core.max,
    mean: m && m.n > 0 ? m.mean : null,
    std: m && m.n > 1 ? Math.sqrt(m.m2 / (m.n - 1)) : null,
    moments: core.moments,
    zeros: core.zeros,
    negatives: core.negatives,
    nan: core.nan,
    posInf: core.posInf,
    negInf: core.negInf,
    quantiles,
    sketch: core.sketch,
    histogram: numeric ? histogramOf(core, exactValues) : null,
    top,
    frequencies: freq,
    hll: core.hll,
    length: core.length,
    patterns: core.patterns,
    nonNumericExamples: core.patterns
      ? inferFromPatterns(core.patterns).issue === "mixed_types"
        ? (core.nonNumericExamples ?? [])
        : []
      : null,
    inferred: core.patterns ? inferFromPatterns(core.patterns) : { type: core.type, issue: null },
  };
  if (core.exactDistinct !== undefined && !freq.exact)
    (profile as ColumnProfile & { exactDistinct?: number }).exactDistinct = core.exactDistinct;
  return profile;
}

/**
 * Exact quantiles (NumPy's 'linear', src/stats/quantile.ts) when every distinct value is known;
 * otherwise the sketch's estimate at rank floor(q·(n−1)), clamped to [min, max].
 */
function quantilesOf(core: ColumnCore, exact: Distribution | null): Record<string, number> | null {
  const n = core.moments?.n ?? 0;
  if (n === 0) return null;
  const out: Record<string, number> = {};
  for (const key of PROFILE_QUANTILES) {
    const q = Number(key);
    if (exact) out[key] = quantile(exact, q);
    else {
      const v = core.sketch ? sketchQuantile(core.sketch, q) : null;
      if (v !== null) out[key] = Math.min(core.max ?? v, Math.max(core.min ?? v, v));
    }
  }
  return out;
}

/** Equal-width bins over [min, max]: exact from the frequency table when known, else from sketch buckets. */
function histogramOf(core: ColumnCore, exact: Distribution | null): Histogram | null {
  if (core.min === null || core.max === null) return null;
  const bins = core.min === core.max ? 1 : HISTOGRAM_BINS;
  const width = (core.max - core.min) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? core.max! : core.min! + i * width));
  const counts = new Array<number>(bins).fill(0);
  const place = (v: number, c: number) => {
    const clamped = Math.min(core.max!, Math.max(core.min!, v));
    const i = width === 0 ? 0 : Math.min(bins - 1, Math.floor((clamped - core.min!) / width));
    counts[i] += c;
  };
  if (exact) for (let i = 0; i < exact.values.length; i++) place(exact.values[i], exact.counts[i]);
  else if (core.sketch) for (const b of sketchBuckets(core.sketch)) place(b.value, b.count);
  return { edges, counts, method: exact ? "exact" : "sketch" };
}
