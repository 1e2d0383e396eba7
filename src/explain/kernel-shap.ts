/**
 * Kernel SHAP (Lundberg & Lee 2017) for any Model: the Shapley values of the interventional game
 * v(S) = mean over background rows b of link(f(x_S, b_rest)), estimated by the weighted least
 * squares fit of v over coalitions under the Shapley kernel π(S) = (M−1) / (C(M,|S|)·|S|·(M−|S|)),
 * with Σφ = v(N) − v(∅) imposed exactly (local accuracy holds to rounding).
 * - M small enough that 2^M − 2 ≤ samples: every coalition is valued and φ follows from the Shapley
 *   formula itself (exactShapley; the same numbers as the weighted fit over all coalitions, but a
 *   feature the model ignores gets exactly 0 rather than 1e-16).
 * - otherwise: coalitions drawn with probability ∝ π (a size, then a uniform subset of it; each with
 *   its complement, which lowers the variance), split into `replicates` independent fits. The
 *   estimate is their mean and its sampling error their standard deviation / √replicates, stated
 *   for every attribution (coverage measured in test/explain/kernel-shap.test.ts).
 * link "logit" explains log-odds: each score is turned into logit(score) before the mean, so for a
 * model linear in log-odds φ_j = w_j·(x_j − mean_b x_j) exactly. Browser-safe.
 */
import type { Model } from "../model/model.js";
import { predictTable } from "../model/predict.js";
import { seededRandom } from "../stats/random.js";
import { InputError } from "../table/errors.js";
import type { Batch } from "../table/types.js";
import { binomial, exactShapley, MAX_EXACT_PLAYERS, popcount } from "./exact-shapley.js";
import { maskedRows } from "./masked-rows.js";

export type ShapLink = "identity" | "logit";

export interface KernelShapOptions {
  /** Coalitions per explained row (default 2048). */
  samples?: number;
  replicates?: number;
  seed?: number;
  link?: ShapLink;
}

export interface KernelShapResult {
  features: string[];
  /** Row-major [rows × features]. */
  phi: Float64Array;
  /** Standard error of each φ (0 when every coalition was enumerated). */
  standardError: Float64Array;
  base: number;
  exact: boolean;
  coalitions: number;
  link: ShapLink;
}

export const KERNEL_SHAP_DEFAULTS = { samples: 2048, replicates: 8, seed: 1, link: "identity" as ShapLink };

export async function kernelShap(
  model: Model,
  explained: Batch,
  background: Batch,
  features: string[],
  options: KernelShapOptions = {},
): Promise<KernelShapResult> {
  const m = features.length;
  if (m === 0) throw new InputError("Kernel SHAP needs at least one feature");
  const samples = options.samples ?? KERNEL_SHAP_DEFAULTS.samples;
  const replicates = options.replicates ?? KERNEL_SHAP_DEFAULTS.replicates;
  const link = options.link ?? KERNEL_SHAP_DEFAULTS.link;
  const random = seededRandom(options.seed ?? KERNEL_SHAP_DEFAULTS.seed);
  const exact = m <= MAX_EXACT_PLAYERS && 2 ** m - 2 <= samples;
  const perReplicate = Math.floor(samples / replicates / 2) * 2;
  if (!exact && perReplicate < 2 * m)
    throw new InputError(
      `Kernel SHAP with ${m} features needs at least ${2 * m * replicates} coalitions (--samples), got ${samples}`,
    );
  const transform = link === "logit" ? logit : (p: number) => p;
  const backgroundScores = (await predictTable(model, background)).scores;
  let base = 0;
  for (const s of backgroundScores) base += transform(s);
  base /= background.length;
  const full = (await predictTable(model, explained)).scores;
  const phi = new Float64Array(explained.length * m);
  const standardError = new Float64Array(explained.length * m);
  const groups = exact ? [allCoalitions(m)] : [];
  let coalitions = exact ? 2 ** m - 2 : 0;
  for (let i = 0; i < explained.length; i++) {
    if (!exact) {
      groups.length = 0;
      for (let g = 0; g < replicates; g++) groups.push(sampledCoalitions(m, perReplicate, random));
      coalitions = perReplicate * replicates;
    }
    const delta = transform(full[i]) - base;
    const estimates: Float64Array[] = [];
    if (exact) {
      const value = await coalitionValues(
        model,
        explained,
        i,
        background,
        features,
        groups[0].masks,
        transform,
      );
      // Coalition s (1 ≤ s ≤ 2^M − 2) is row s − 1 of allCoalitions.
      const size = 2 ** m - 1;
      estimates.push(exactShapley(m, (s) => (s === 0 ? base : s === size ? base + delta : value[s - 1])));
    } else
      for (const group of groups) {
        const value = await coalitionValues(
          model,
          explained,
          i,
          background,
          features,
          group.masks,
          transform,
        );
        estimates.push(solveConstrained(group.masks, group.weights, value, base, delta, m));
      }
    for (let j = 0; j < m; j++) {
      let mean = 0;
      for (const e of estimates) mean += e[j];
      mean /= estimates.length;
      phi[i * m + j] = mean;
      if (estimates.length > 1) {
        let ss = 0;
        for (const e of estimates) ss += (e[j] - mean) ** 2;
        standardError[i * m + j] = Math.sqrt(ss / (estimates.length - 1) / estimates.length);
      }
    }
  }
  return { features, phi, standardError, base, exact, coalitions, link };
}

function logit(p: number): number {
  const q = Math.min(1 - 1e-12, Math.max(1e-12, p));
  return Math.log(q / (1 - q));
}

interface CoalitionSet {
  masks: Uint8Array;
  weights: Float64Array;
}

export function allCoalitions(m: number): CoalitionSet {
  const count = 2 ** m - 2;
  const masks = new Uint8Array(count * m);
  const weights = new Float64Array(count);
  for (let s = 1; s <= count; s++) {
    const k = popcount(s);
    for (let j = 0; j < m; j++) masks[(s - 1) * m + j] = (s >> j) & 1;
    weights[s - 1] = (m - 1) / (binomial(m, k) * k * (m - k));
  }
  return { masks, weights };
}

function sampledCoalitions(m: number, count: number, random: ReturnType<typeof seededRandom>): CoalitionSet {
  const sizeWeight = new Float64Array(m);
  let total = 0;
  for (let k = 1; k < m; k++) total += sizeWeight[k] = (m - 1) / (k * (m - k));
  const masks = new Uint8Array(count * m);
  const order = new Uint32Array(m);
  for (let c = 0; c < count; c += 2) {
    let u = random.next() * total;
    let k = 1;
    while (k < m - 1 && u >= sizeWeight[k]) u -= sizeWeight[k++];
    for (let j = 0; j < m; j++) order[j] = j;
    for (let j = 0; j < k; j++) {
      const pick = j + random.below(m - j);
      [order[j], order[pick]] = [order[pick], order[j]];
      masks[c * m + order[j]] = 1;
    }
    for (let j = 0; j < m; j++) masks[(c + 1) * m + j] = 1 - masks[c * m + j];
  }
  return { masks, weights: new Float64Array(count).fill(1) };
}

async function coalitionValues(
  model: Model,
  explained: Batch,
  row: number,
  background: Batch,
  features: string[],
  masks: Uint8Array,
  transform: (p: number) => number,
): Promise<Float64Array> {
  const count = masks.length / features.length;
  const b = background.length;
  const scores = (await predictTable(model, maskedRows(explained, row, background, features, masks))).scores;
  const value = new Float64Array(count);
  for (let c = 0; c < count; c++) {
    let sum = 0;
    for (let k = 0; k < b; k++) sum += transform(scores[c * b + k]);
    value[c] = sum / b;
  }
  return value;
}

/**
 * Weighted least squares of v(z) − base on z subject to Σφ = delta: φ_last is eliminated, the rest
 * solve the normal equations by Gaussian elimination with partial pivoting.
 */
export function solveConstrained(
  masks: Uint8Array,
  weights: Float64Array,
  value: Float64Array,
  base: number,
  delta: number,
  m: number,
): Float64Array {
  const phi = new Float64Array(m);
  if (m === 1) {
    phi[0] = delta;
    return phi;
  }
  const q = m - 1;
  const a = new Float64Array(q * q);
  const rhs = new Float64Array(q);
  const row = new Float64Array(q);
  for (let c = 0; c < weights.length; c++) {
    const last = masks[c * m + q];
    for (let j = 0; j < q; j++) row[j] = masks[c * m + j] - last;
    const y = value[c] - base - last * delta;
    const w = weights[c];
    for (let j = 0; j < q; j++) {
      rhs[j] += w * row[j] * y;
      for (let k = 0; k < q; k++) a[j * q + k] += w * row[j] * row[k];
    }
  }
  const solved = gaussianSolve(a, rhs, q);
  let sum = 0;
  for (let j = 0; j < q; j++) sum += phi[j] = solved[j];
  phi[q] = delta - sum;
  return phi;
}

function gaussianSolve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r * n + col]) > Math.abs(a[pivot * n + col])) pivot = r;
    if (Math.abs(a[pivot * n + col]) < 1e-12)
      throw new InputError(
        "Kernel SHAP: too few distinct coalitions to solve for every feature (raise --samples)",
      );
    if (pivot !== col) {
      for (let k = 0; k < n; k++) [a[col * n + k], a[pivot * n + k]] = [a[pivot * n + k], a[col * n + k]];
      [b[col], b[pivot]] = [b[pivot], b[col]];
    }
    for (let r = col + 1; r < n; r++) {
      const f = a[r * n + col] / a[col * n + col];
      if (f === 0) continue;
      for (let k = col; k < n; k++) a[r * n + k] -= f * a[col * n + k];
      b[r] -= f * b[col];
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r];
    for (let k = r + 1; k < n; k++) s -= a[r * n + k] * x[k];
    x[r] = s / a[r * n + r];
  }
  return x;
}
