/**
 * Black-box adversarial search (`assay robustness`, part two): per row, the smallest change that flips
 * the decision, as an L∞ distance on the numeric features in units of their SD (within the data's
 * range, immutable features left alone), or else one categorical feature changed (L0 = 1).
 *   1. the sign of the score's slope along each mutable numeric feature, from one probe each (a step of
 *      0.1 SD; 0.8 SD when every probe is flat), all rows' probes in one call;
 *   2. the corner of the L∞ ball that moves the score toward the threshold: checked at the largest
 *      radius, then narrowed to the smallest radius that still flips, within maxRadius/256, by
 *      interpolating the logit of the score (two queries a round; bisection if it stalls);
 *   3. rows that do not flip within the radius: each mutable categorical feature set to each of its
 *      most frequent other values.
 * Model calls are counted as rows scored (queries), the base score of each row excluded. The metrics of
 * Bastani et al. (2016): pointwise robustness ρ(x) (the radius found), adversarial frequency
 * P(ρ ≤ ε) and adversarial severity E[ρ | ρ ≤ ε].
 */
import { takeRows } from "../model/features.js";
import type { Model } from "../model/model.js";
import { predictTable } from "../model/predict.js";
import type { Batch, NumericColumn, StringColumn } from "../table/types.js";
import { standardDeviation } from "./noise-curve.js";

interface AdversarialOptions {
  threshold: number;
  /** The largest radius searched (SD units). */
  maxRadius: number;
  immutable: string[];
  /** Ranges the numeric features must stay in (the contract's); the data's range where absent. */
  ranges?: Record<string, { min: number | null; max: number | null }>;
  /** Most frequent other categories tried per text feature. */
  categories?: number;
  bisections?: number;
}

export interface Flip {
  row: number;
  score: number;
  flippedScore: number;
  /** L∞ radius in SD units of the numeric change; null for a categorical flip. */
  radius: number | null;
  /** Number of categorical features changed (0 or 1). */
  l0: number;
  changes: { feature: string; from: unknown; to: unknown }[];
  queries: number;
}

export interface AdversarialResult {
  rows: number;
  /** Per row (in the order of the rows searched): the radius that flips it, null when none was found. */
  radius: (number | null)[];
  flips: Flip[];
  queries: number;
  numericFeatures: string[];
  categoricalFeatures: string[];
}

interface Numeric {
  name: string;
  column: number;
  sd: number;
  min: number;
  max: number;
}

/**
 * The features the search may change, with each numeric one's SD and the range it must stay in: the
 * contract's range where `ranges` has one (from --schema), else the data's.
 */
export function mutableFeatures(
  data: Batch,
  features: string[],
  immutable: string[],
  ranges: Record<string, { min: number | null; max: number | null }> = {},
): { numeric: Numeric[]; text: string[] } {
  const numeric: Numeric[] = [];
  const text: string[] = [];
  for (const name of features) {
    if (immutable.includes(name)) continue;
    const k = data.columns.findIndex((c) => c.name === name);
    if (k < 0) continue;
    const c = data.columns[k];
    if (c.type === "string") {
      text.push(name);
      continue;
    }
    const sd = standardDeviation(c.values, c.valid);
    if (!(sd > 0)) continue;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < data.length; i++)
      if (c.valid[i] && Number.isFinite(c.values[i])) {
        min = Math.min(min, c.values[i]);
        max = Math.max(max, c.values[i]);
      }
    const contract = ranges[name];
    if (contract?.min !== null && contract?.min !== undefined) min = contract.min;
    if (contract?.max !== null && contract?.max !== undefined) max = contract.max;
    numeric.push({ name, column: k, sd, min, max });
  }
  return { numeric, text };
}

/** Copies of rows `rows[k]` with numeric deltas (SD units) `delta(k, j)`, clipped to each feature's range. */
export function shiftedRows(
  data: Batch,
  rows: ArrayLike<number>,
  numeric: Numeric[],
  delta: (k: number, j: number) => number,
): Batch {
  const out = takeRows(data, rows);
  numeric.forEach((f, j) => {
    const c = out.columns[f.column] as NumericColumn;
    for (let k = 0; k < out.length; k++) {
      const d = delta(k, j);
      if (d !== 0 && c.valid[k] && Number.isFinite(c.values[k]))
        c.values[k] = Math.min(f.max, Math.max(f.min, c.values[k] + d * f.sd));
    }
  });
  return out;
}

export async function adversarialSearch(
  model: Model,
  data: Batch,
  features: string[],
  options: AdversarialOptions,
): Promise<AdversarialResult> {
  const n = data.length;
  const t = options.threshold;
  const { numeric, text } = mutableFeatures(data, features, options.immutable, options.ranges);
  const p = numeric.length;
  const base = (await predictTable(model, data)).scores;
  const positive = Array.from(base, (s) => s >= t);
  const flipped = (s: number, i: number) => Number.isFinite(s) && s >= t !== positive[i];
  const queries = new Float64Array(n);
  const all = Uint32Array.from({ length: n }, (_, i) => i);

  // 1. Slope signs along each feature.
  const direction = new Float64Array(n * p);
  for (const step of [0.1, 0.8]) {
    const pending = [...all].filter((i) => direction.subarray(i * p, (i + 1) * p).every((d) => d === 0));
    if (pending.length === 0 || p === 0) break;
    const rows = pending.flatMap((i) => Array.from({ length: p }, () => i));
    const probe = shiftedRows(data, rows, numeric, (k, j) => {
      const i = pending[Math.floor(k / p)];
      const f = numeric[j];
      const x = (data.columns[f.column] as NumericColumn).values[i];
      // Probe inward at the top of the range, so the clip does not swallow the step.
      return k % p === j ? (x + step * f.sd > f.max ? -step : step) : 0;
    });
    const scores = (await predictTable(model, probe)).scores;
    pending.forEach((i, r) => {
      queries[i] += p;
      for (let j = 0; j < p; j++) {
        const f = numeric[j];
        const x = (data.columns[f.column] as NumericColumn).values[i];
        const sign = x + step * f.sd > f.max ? -1 : 1;
        const slope = sign * (scores[r * p + j] - base[i]);
        // Toward the threshold: down for a positive decision, up for a negative one.
        direction[i * p + j] =
          slope === 0 || !Number.isFinite(slope) ? 0 : Math.sign(slope) * (positive[i] ? -1 : 1);
      }
    });
  }

  // 2. The corner at the largest radius, then bisection.
  const radius: (number | null)[] = new Array(n).fill(null);
  const flipScore = new Float64Array(n);
  const didFlip = new Uint8Array(n);
  const corner = async (rows: number[], r: (i: number) => number) => {
    const batch = shiftedRows(data, rows, numeric, (k, j) => r(rows[k]) * direction[rows[k] * p + j]);
    const scores = (await predictTable(model, batch)).scores;
    for (const i of rows) queries[i]++;
    return scores;
  };
  const movable = [...all].filter((i) => direction.subarray(i * p, (i + 1) * p).some((d) => d !== 0));
  const lo = new Float64Array(n);
  const hi = new Float64Array(n).fill(options.maxRadius);
  const live: number[] = [];
  if (movable.length > 0) {
    const scores = await corner(movable, () => options.maxRadius);
    movable.forEach((i, k) => {
      if (flipped(scores[k], i)) {
        live.push(i);
        didFlip[i] = 1;
        flipScore[i] = scores[k];
      }
    });
  }
  // Where the score crosses the threshold, by interpolating its logit between the bracket's ends
  // (exact along the corner ray for a logistic model), checked at ±tol/2 around the estimate in one
  // call: both flip → the top comes down; neither → the bottom goes up; one each → done.
  const tol = options.maxRadius / 2 ** (options.bisections ?? 8);
  const sLo = Float64Array.from(base);
  const sHi = Float64Array.from(flipScore);
  let open = live.slice();
  for (let round = 0; round < 12 && open.length > 0; round++) {
    const estimate = new Map<number, number>();
    for (const i of open) {
      const fLo = logit(sLo[i]) - logit(t);
      const fHi = logit(sHi[i]) - logit(t);
      let r = lo[i] + ((hi[i] - lo[i]) * fLo) / (fLo - fHi);
      if (!Number.isFinite(r) || round >= 6) r = (lo[i] + hi[i]) / 2; // bisection when interpolation stalls
      estimate.set(i, Math.min(hi[i] - tol / 2, Math.max(lo[i] + tol / 2, r)));
    }
    const pairs = open.flatMap((i) => [i, i]);
    const batch = shiftedRows(
      data,
      pairs,
      numeric,
      (k, j) => (estimate.get(pairs[k])! + (k % 2 === 0 ? -tol / 2 : tol / 2)) * direction[pairs[k] * p + j],
    );
    const scores = (await predictTable(model, batch)).scores;
    const next: number[] = [];
    open.forEach((i, k) => {
      queries[i] += 2;
      const r = estimate.get(i)!;
      const below = flipped(scores[2 * k], i);
      const above = flipped(scores[2 * k + 1], i);
      if (below) {
        hi[i] = r - tol / 2;
        sHi[i] = flipScore[i] = scores[2 * k];
      } else if (above) {
        lo[i] = r - tol / 2;
        sLo[i] = scores[2 * k];
        hi[i] = r + tol / 2;
        sHi[i] = flipScore[i] = scores[2 * k + 1];
      } else {
        lo[i] = r + tol / 2;
        sLo[i] = scores[2 * k + 1];
      }
      if (hi[i] - lo[i] > tol * 1.000001) next.push(i);
    });
    open = next;
  }
  const flips: Flip[] = [];
  for (const i of movable) {
    if (!didFlip[i]) continue;
    radius[i] = hi[i];
    const changes = numeric
      .map((f, j) => {
        const c = data.columns[f.column] as NumericColumn;
        const from = c.values[i];
        const to = Math.min(f.max, Math.max(f.min, from + hi[i] * direction[i * p + j] * f.sd));
        return { feature: f.name, from, to };
      })
      .filter((ch) => ch.to !== ch.from);
    flips.push({
      row: i,
      score: base[i],
      flippedScore: flipScore[i],
      radius: hi[i],
      l0: 0,
      changes,
      queries: queries[i],
    });
  }

  // 3. One categorical change for the rows the numeric search did not flip.
  const rest = [...all].filter((i) => radius[i] === null);
  for (const name of text) {
    const k = data.columns.findIndex((c) => c.name === name);
    const column = data.columns[k] as StringColumn;
    const counts = new Map<string, number>();
    for (let i = 0; i < n; i++)
      if (column.valid[i] && column.values[i] !== null)
        counts.set(column.values[i]!, (counts.get(column.values[i]!) ?? 0) + 1);
    const top = [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, (options.categories ?? 5) + 1)
      .map(([v]) => v);
    const pending = rest.filter((i) => !didFlip[i]);
    const trials = pending.flatMap((i) => top.filter((v) => v !== column.values[i]).map((v) => ({ i, v })));
    if (trials.length === 0) continue;
    const batch = takeRows(
      data,
      trials.map((x) => x.i),
    );
    const target = batch.columns[k] as StringColumn;
    trials.forEach((x, r) => {
      target.values[r] = x.v;
      target.valid[r] = 1;
    });
    const scores = (await predictTable(model, batch)).scores;
    const done = new Set<number>();
    trials.forEach((x, r) => {
      queries[x.i]++;
      if (done.has(x.i) || !flipped(scores[r], x.i)) return;
      done.add(x.i);
      didFlip[x.i] = 1;
      flips.push({
        row: x.i,
        score: base[x.i],
        flippedScore: scores[r],
        radius: null,
        l0: 1,
        changes: [{ feature: name, from: column.values[x.i], to: x.v }],
        queries: 0,
      });
    });
  }
  for (const f of flips) f.queries = queries[f.row];
  let total = 0;
  for (const q of queries) total += q;
  return {
    rows: n,
    radius,
    flips,
    queries: total,
    numericFeatures: numeric.map((f) => f.name),
    categoricalFeatures: text,
  };
}

function logit(x: number): number {
  const q = Math.min(1 - 1e-12, Math.max(1e-12, x));
  return Math.log(q / (1 - q));
}
