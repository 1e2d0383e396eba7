import { type ColumnCore, MAX_EXAMPLES } from "../profile/column.js";
import { DDSketch } from "../sketch/ddsketch.js";
import { boundOf, type FrequencyState, frequencyState } from "../sketch/frequency.js";
import { GridSketch } from "../sketch/grid.js";
import { HyperLogLog } from "../sketch/hll.js";
import { combineMoments } from "../stats/moments.js";

/**
 * Merges many column cores at once — what a window over hundreds of buckets needs. Same result as folding
 * the profile engine's pairwise `mergeCores` (src/profile/merge.ts) over the list, but each sketch is
 * decoded and encoded once instead of once per pair (HyperLogLog registers dominate otherwise). Frequency
 * tables: counts are added over the union, which stays exact while it fits the capacity; past it the top
 * capacity/2 are kept and the error bound is the sum of the inexact inputs' bounds or the largest dropped
 * count, whichever is larger — as the pairwise merge, applied once.
 * Cores of one column must share a type family (the caller keeps a bucket summary's columns consistent).
 */
export function mergeColumnCores(cores: ColumnCore[]): ColumnCore {
  const first = cores[0];
  if (cores.length === 1) return first;
  const hll = HyperLogLog.deserialize(first.hll);
  let dd: DDSketch | null = null;
  let grid: GridSketch | null = null;
  const counts = new Map<string, number>();
  let exact = true;
  let capacity = 0;
  let error = 0;
  // Copies of every nested object that is updated below: the inputs may be cached summaries.
  const out: ColumnCore = {
    ...first,
    patterns: first.patterns ? { ...first.patterns } : null,
    length: first.length ? { ...first.length } : null,
  };
  let lengthWeight = first.length ? first.count : 0;
  let lengthSum = first.length ? first.length.mean * first.count : 0;
  const examples = new Set(first.nonNumericExamples ?? []);
  cores.forEach((c, i) => {
    if (c.type !== out.type) out.type = "float";
    if (c.sketch?.kind === "ddsketch") {
      if (!dd) dd = DDSketch.fromState(c.sketch);
      else dd.merge(c.sketch);
    } else if (c.sketch?.kind === "grid") {
      if (!grid) grid = GridSketch.fromState(c.sketch);
      else grid.merge(c.sketch);
    }
    const f: FrequencyState = c.frequencies;
    capacity = Math.max(capacity, f.capacity);
    if (!f.exact) {
      exact = false;
      error += boundOf(f);
    }
    for (const [k, n] of Object.entries(f.counts)) counts.set(k, (counts.get(k) ?? 0) + n);
    if (i === 0) return;
    hll.merge(HyperLogLog.deserialize(c.hll));
    out.count += c.count;
    out.missing += c.missing;
    out.nan += c.nan;
    out.posInf += c.posInf;
    out.negInf += c.negInf;
    out.zeros += c.zeros;
    out.negatives += c.negatives;
    if (c.min !== null) out.min = out.min === null ? c.min : Math.min(out.min, c.min);
    if (c.max !== null) out.max = out.max === null ? c.max : Math.max(out.max, c.max);
    out.moments = combineMoments(out.moments, c.moments);
    if (c.length) {
      out.length = out.length
        ? {
            min: Math.min(out.length.min, c.length.min),
            max: Math.max(out.length.max, c.length.max),
            mean: 0,
          }
        : { ...c.length };
      lengthSum += c.length.mean * c.count;
      lengthWeight += c.count;
    }
    if (c.patterns) {
      if (!out.patterns) out.patterns = { ...c.patterns };
      else
        for (const k of Object.keys(c.patterns) as (keyof typeof c.patterns)[])
          out.patterns[k] += c.patterns[k];
    }
    for (const e of c.nonNumericExamples ?? []) examples.add(e);
  });
  if (out.length) out.length.mean = lengthWeight > 0 ? lengthSum / lengthWeight : out.length.mean;
  out.frequencies = frequencyState(counts, capacity, exact, error);
  out.hll = hll.serialize();
  out.sketch = dd ? (dd as DDSketch).toState() : grid ? (grid as GridSketch).toState() : null;
  out.nonNumericExamples =
    examples.size > 0 ? [...examples].slice(0, MAX_EXAMPLES) : first.nonNumericExamples;
  delete out.exactDistinct;
  return out;
}
