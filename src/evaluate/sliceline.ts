/**
 * Automatic discovery of weak slices with SliceLine (Sagadeeva & Boehm, SIGMOD 2021). A slice is a
 * conjunction of up to `maxLevel` predicates on different columns; its score is
 *   sc(S) = α·((e_S/|S|)/ē − 1) − (1 − α)·(n/|S| − 1)
 * with e_S the errors in S and ē the mean error: positive when S is worse than average, penalised
 * when S is small. The lattice is searched level by level; a candidate is formed from two parents
 * sharing all but one predicate, and is dropped without being evaluated when any sub-slice failed
 * the minimum support or when its score's upper bound (from its parents' sizes and errors) cannot
 * beat the current top k.
 */
import type { Batch } from "../table/types.js";
import { budgetedResamples } from "./estimate.js";
import { type Predicate, type PredicateOptions, popcount, tablePredicates } from "./predicates.js";
import { andBits, describeSlice, errorBits, type SliceOptions, type SliceResult } from "./slices.js";

/** See SliceLineOptions.sliceAlpha for why not 0.5. */
const DEFAULT_SLICE_ALPHA = 0.95;

export interface SliceLineOptions extends SliceOptions, PredicateOptions {
  /**
   * Weight of the error term against the size term (default 0.95). With α ≤ 0.5 no slice can score
   * above 0: (e_S/|S|)/ē ≤ n/|S| because e_S ≤ e_total, so sc ≤ (2α − 1)(n/|S| − 1) ≤ 0.
   */
  sliceAlpha?: number;
  /** Minimum rows in a slice (default 32). */
  minSupport?: number;
  /** Most predicates per slice (default 3). */
  maxLevel?: number;
  /** Slices reported (default 10). */
  topK?: number;
}

interface Candidate {
  ids: number[];
  rows: Uint32Array;
  size: number;
  errors: number;
  score: number;
}

interface SliceLineResult {
  slices: SliceResult[];
  /** Slices whose size and errors were computed. */
  examined: number;
  columns: string[];
  alpha: number;
  minSupport: number;
  maxLevel: number;
}

export function sliceLine(
  table: Batch,
  columns: string[],
  scores: Float64Array,
  labels: Uint8Array,
  threshold: number,
  options: SliceLineOptions = {},
): SliceLineResult {
  const alpha = options.sliceAlpha ?? DEFAULT_SLICE_ALPHA;
  const minSupport = options.minSupport ?? 32;
  const maxLevel = options.maxLevel ?? 3;
  const k = options.topK ?? 10;
  const n = labels.length;
  const errors = errorBits(scores, labels, threshold);
  const meanError = errors.errors / n;
  const base = { columns, alpha, minSupport, maxLevel };
  if (errors.errors === 0 || n === 0) return { slices: [], examined: 0, ...base };
  const predicates: Predicate[] = tablePredicates(table, columns, options);
  const score = (size: number, err: number) =>
    alpha * (err / size / meanError - 1) - (1 - alpha) * (n / size - 1);
  const upperBound = (sizeUb: number, errorUb: number) => {
    let best = Number.NEGATIVE_INFINITY;
    for (const s of [minSupport, Math.max(minSupport, errorUb), sizeUb])
      if (s >= minSupport && s <= sizeUb) best = Math.max(best, score(s, Math.min(errorUb, s)));
    return best;
  };
  const top: Candidate[] = [];
  const bar = () => (top.length < k ? 0 : top[top.length - 1].score);
  const offer = (c: Candidate) => {
    if (!(c.score > 0) || (top.length >= k && c.score <= bar())) return;
    top.push(c);
    top.sort((a, b) => b.score - a.score || a.ids.length - b.ids.length);
    if (top.length > k) top.pop();
  };
  let examined = 0;
  const evaluate = (ids: number[], rows: Uint32Array): Candidate => {
    examined++;
    const size = popcount(rows);
    const err = size === 0 ? 0 : popcount(andBits(rows, errors.bits));
    return { ids, rows, size, errors: err, score: size === 0 ? Number.NEGATIVE_INFINITY : score(size, err) };
  };

  let level: Candidate[] = [];
  predicates.forEach((p, id) => {
    if (p.size < minSupport) return;
    const c = evaluate([id], p.rows);
    if (c.errors > 0) {
      level.push(c);
      offer(c);
    }
  });
  for (let depth = 2; depth <= maxLevel && level.length > 1; depth++) {
    const known = new Map(level.map((c) => [c.ids.join(","), c]));
    // Parents that cannot lead anywhere better than the current top k are not extended.
    const parents = level.filter((c) => upperBound(c.size, c.errors) > bar());
    const buckets = new Map<string, Candidate[]>();
    for (const c of parents) {
      const key = c.ids.slice(0, -1).join(",");
      const list = buckets.get(key);
      if (list) list.push(c);
      else buckets.set(key, [c]);
    }
    const next: Candidate[] = [];
    for (const list of buckets.values()) {
      list.sort((a, b) => a.ids[a.ids.length - 1] - b.ids[b.ids.length - 1]);
      for (let a = 0; a < list.length; a++)
        for (let b = a + 1; b < list.length; b++) {
          const last = list[b].ids[list[b].ids.length - 1];
          const prev = list[a].ids[list[a].ids.length - 1];
          if (predicates[last].columnIndex === predicates[prev].columnIndex) continue;
          if (list[a].ids.some((id) => predicates[id].columnIndex === predicates[last].columnIndex)) continue;
          const ids = [...list[a].ids, last];
          // Apriori: every sub-slice one predicate shorter must have survived.
          let sizeUb = Number.POSITIVE_INFINITY;
          let errorUb = Number.POSITIVE_INFINITY;
          let ok = true;
          for (let drop = 0; drop < ids.length && ok; drop++) {
            const sub = known.get(ids.filter((_, j) => j !== drop).join(","));
            if (!sub) ok = false;
            else {
              sizeUb = Math.min(sizeUb, sub.size);
              errorUb = Math.min(errorUb, sub.errors);
            }
          }
          if (!ok || sizeUb < minSupport || upperBound(sizeUb, errorUb) <= bar()) continue;
          const c = evaluate(ids, andBits(list[a].rows, predicates[last].rows));
          if (c.size >= minSupport && c.errors > 0) {
            next.push(c);
            // A predicate that removes no rows from a parent adds words, not information.
            // (sizeUb is the smallest sub-slice: equal size means equal rows.)
            if (c.size < sizeUb) offer(c);
          }
        }
    }
    level = next;
  }
  const visits = top.reduce((sum, c) => sum + c.size, 0);
  const budget = { ...options, resamples: budgetedResamples(options, visits) };
  const slices = top.map((c) => ({
    ...describeSlice(
      c.ids.map((id) => predicates[id].label),
      c.rows,
      scores,
      labels,
      threshold,
      errors,
      examined,
      budget,
    ),
    score: c.score,
  }));
  return { slices, examined, ...base };
}
