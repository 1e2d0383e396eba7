/**
 * Confidence interval for ROC AUC: DeLong's variance (DeLong, DeLong & Clarke-Pearson 1988) from the
 * placement values, and a Wald interval on the logit scale, expit(logit Â ± z·√V / (Â(1 − Â))), which
 * stays inside [0, 1] and keeps its coverage near the boundary where a percentile bootstrap collapses
 * (measured in docs/evaluate.md: 78% for a percentile interval at AUC 0.998, n = 500).
 *   V10(i) = P̂(s⁻ < sᵢ) + ½ P̂(s⁻ = sᵢ) for each positive i, V01(j) = P̂(s⁺ > sⱼ) + ½ P̂(s⁺ = sⱼ) for
 *   each negative j; Â = mean V10 = mean V01; V = S10/n₁ + S01/n₀ with sample variances (ddof 1).
 * When V = 0 (perfect separation, or all scores tied) the data say nothing about the spread, so the
 * interval is Wilson's for Â as a proportion of min(n₁, n₀) trials: at Â = 1, [m/(m + z²), 1].
 * Counterpart: the DeLong variance equals R pROC's var(roc, method = "delong") and the
 * `delong_roc_variance` of the yandexdataschool fast-DeLong implementation.
 *
 * `aucStudentizedInterval` is the studentised (bootstrap-t) version on the same logit scale, for when
 * resamples are at hand: t* = (logit Â* − logit Â)/se*, interval expit(logit Â − t*₍₁₋α/₂₎·se,
 * logit Â − t*₍α/₂₎·se) (Efron & Tibshirani 1993, ch. 12). It corrects the skew that the Wald interval
 * misses at small n near 1 (measured: 89.8% → see docs/evaluate.md at AUC 0.998, n = 500).
 *
 * Input: scores in descending order with their 0/1 labels (ties adjacent).
 */
import { quantileSorted } from "./quantile.js";
import { twoSidedZ } from "./two-sided-z.js";
import { wilsonInterval } from "./wilson.js";

export interface AucInterval {
  auc: number;
  variance: number;
  ci: [number, number];
}

export function aucInterval(
  sortedScores: ArrayLike<number>,
  sortedLabels: ArrayLike<number>,
  level = 0.95,
): AucInterval | null {
  const n = sortedScores.length;
  let n1 = 0;
  for (let i = 0; i < n; i++) n1 += sortedLabels[i];
  const n0 = n - n1;
  if (n1 === 0 || n0 === 0) return null;
  // Tie groups: the placement value is the same for every positive (negative) of a group.
  const groupPos: number[] = [];
  const groupNeg: number[] = [];
  const v10: number[] = [];
  const v01: number[] = [];
  let posAbove = 0;
  let negAbove = 0;
  let gp = 0;
  let gn = 0;
  for (let i = 0; i < n; i++) {
    if (sortedLabels[i] === 1) gp++;
    else gn++;
    if (i === n - 1 || sortedScores[i + 1] !== sortedScores[i]) {
      groupPos.push(gp);
      groupNeg.push(gn);
      v10.push((n0 - negAbove - gn + gn / 2) / n0);
      v01.push((posAbove + gp / 2) / n1);
      posAbove += gp;
      negAbove += gn;
      gp = 0;
      gn = 0;
    }
  }
  let sum10 = 0;
  for (let g = 0; g < v10.length; g++) sum10 += groupPos[g] * v10[g];
  const auc = sum10 / n1;
  let ss10 = 0;
  let ss01 = 0;
  for (let g = 0; g < v10.length; g++) {
    ss10 += groupPos[g] * (v10[g] - auc) ** 2;
    ss01 += groupNeg[g] * (v01[g] - auc) ** 2;
  }
  const variance = (n1 > 1 ? ss10 / (n1 - 1) / n1 : 0) + (n0 > 1 ? ss01 / (n0 - 1) / n0 : 0);
  if (!(variance > 0) || auc <= 0 || auc >= 1) {
    const m = Math.min(n1, n0);
    return { auc, variance, ci: wilsonInterval(auc * m, m, level)! };
  }
  const z = twoSidedZ(level);
  const logit = Math.log(auc / (1 - auc));
  const half = (z * Math.sqrt(variance)) / (auc * (1 - auc));
  const expit = (x: number) => 1 / (1 + Math.exp(-x));
  return { auc, variance, ci: [expit(logit - half), expit(logit + half)] };
}

const logit = (p: number) => Math.log(p / (1 - p));
const expit = (x: number) => 1 / (1 + Math.exp(-x));
/** Stands for an infinite t (a resample with perfect separation) inside a sortable finite array. */
const HUGE = 1e300;

/**
 * The bootstrap-t interval of an AUC on the logit scale, from the point AUC and DeLong variance and
 * their resample distributions. `trials` = min(positives, negatives): where the point estimate (or a
 * needed tail of t*) is infinite, the bound is Wilson's for the AUC as a proportion of that many trials.
 */
export function aucStudentizedInterval(
  auc: number,
  variance: number,
  aucSamples: Float64Array,
  varianceSamples: Float64Array,
  trials: number,
  level = 0.95,
): [number, number] | null {
  if (!Number.isFinite(auc) || trials <= 0) return null;
  const fallback = wilsonInterval(auc * trials, trials, level)!;
  if (!(variance > 0) || auc <= 0 || auc >= 1) return fallback;
  const centre = logit(auc);
  const se = Math.sqrt(variance) / (auc * (1 - auc));
  const t: number[] = [];
  for (let r = 0; r < aucSamples.length; r++) {
    const a = aucSamples[r];
    const v = varianceSamples[r];
    if (!Number.isFinite(a) || !Number.isFinite(v)) continue;
    if (a >= 1) t.push(HUGE);
    else if (a <= 0) t.push(-HUGE);
    else if (v > 0) t.push((logit(a) - centre) / (Math.sqrt(v) / (a * (1 - a))));
  }
  if (t.length === 0) return fallback;
  const sorted = Float64Array.from(t).sort();
  const alpha = 1 - level;
  const upperT = quantileSorted(sorted, 1 - alpha / 2);
  const lowerT = quantileSorted(sorted, alpha / 2);
  const lo = upperT > 1e200 ? fallback[0] : expit(centre - upperT * se);
  const hi = lowerT < -1e200 ? fallback[1] : expit(centre - lowerT * se);
  return [Math.min(lo, auc), Math.max(hi, auc)];
}
