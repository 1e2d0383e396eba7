/**
 * Selective prediction: accept rows in order of trust and abstain on the rest. The risk–coverage
 * curve gives, for each acceptance rule of the form "accept when the key is at most t", the share of
 * rows accepted (coverage) and the mean loss among them (risk; the error rate for 0/1 losses).
 * Rows with equal keys are accepted or abstained together, since a threshold cannot split them.
 * Geifman & El-Yaniv (2017) give the guarantee used for the abstention a target needs.
 */
import { wilsonInterval } from "../stats/wilson.js";

interface RiskCoveragePoint {
  coverage: number;
  accepted: number;
  risk: number;
}

export interface RiskCoverage {
  /** The curve at every cut (rows with equal keys cut together), thinned to at most `maxPoints`. */
  points: RiskCoveragePoint[];
  /** Area under the risk–coverage curve (mean of the risk over all cuts, Geifman et al. 2019's AURC). */
  aurc: number;
  n: number;
}

/** Rows ordered by their keys, lexicographically ascending (first key first): most trusted first. */
function acceptanceOrder(keys: ArrayLike<number>[]): Uint32Array {
  const n = keys[0].length;
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    for (const key of keys) if (key[a] !== key[b]) return key[a] - key[b];
    return a - b;
  });
  return order;
}

/** Where a cut may fall: after position j when row j's keys differ from the next row's. */
function cuts(keys: ArrayLike<number>[], order: Uint32Array): number[] {
  const out: number[] = [];
  for (let j = 0; j < order.length; j++)
    if (j === order.length - 1 || keys.some((key) => key[order[j]] !== key[order[j + 1]])) out.push(j + 1);
  return out;
}

export function riskCoverage(
  loss: ArrayLike<number>,
  keys: ArrayLike<number>[],
  maxPoints = 101,
): RiskCoverage {
  const n = loss.length;
  const order = acceptanceOrder(keys);
  const prefix = new Float64Array(n + 1);
  for (let j = 0; j < n; j++) prefix[j + 1] = prefix[j] + loss[order[j]];
  const all = cuts(keys, order).map((m) => ({ coverage: m / n, accepted: m, risk: prefix[m] / m }));
  // AURC as the average of the risk at each accepted count 1…n, every row counted once.
  let area = 0;
  let previous = 0;
  for (const p of all) {
    area += p.risk * (p.accepted - previous);
    previous = p.accepted;
  }
  const step = Math.max(1, Math.ceil(all.length / maxPoints));
  const points = all.filter((_, j) => j % step === 0 || j === all.length - 1);
  return { points, aurc: n > 0 ? area / n : Number.NaN, n };
}

export interface Abstention {
  target: number;
  /** The largest coverage whose observed risk is at most the target (null when none is). */
  observed: { abstention: number; coverage: number; accepted: number; risk: number } | null;
  /**
   * The largest coverage, among at most `candidates` cuts spread over the curve, whose Wilson upper
   * bound on the risk — at level 1 − (1 − level)/candidates, a Bonferroni correction for choosing
   * among them — is at most the target. 0/1 losses only.
   */
  guaranteed: {
    abstention: number;
    coverage: number;
    accepted: number;
    risk: number;
    riskUpper: number;
  } | null;
  level: number;
  candidates: number;
}

export function abstentionForTarget(
  loss: ArrayLike<number>,
  keys: ArrayLike<number>[],
  target: number,
  options: { level?: number; candidates?: number; binary?: boolean } = {},
): Abstention {
  const level = options.level ?? 0.95;
  const n = loss.length;
  const order = acceptanceOrder(keys);
  const prefix = new Float64Array(n + 1);
  for (let j = 0; j < n; j++) prefix[j + 1] = prefix[j] + loss[order[j]];
  const at = cuts(keys, order);
  let observed: Abstention["observed"] = null;
  for (let j = at.length - 1; j >= 0 && !observed; j--) {
    const m = at[j];
    if (prefix[m] / m <= target)
      observed = { abstention: 1 - m / n, coverage: m / n, accepted: m, risk: prefix[m] / m };
  }
  const wanted = Math.min(options.candidates ?? 100, at.length);
  let guaranteed: Abstention["guaranteed"] = null;
  if (options.binary !== false && wanted > 0) {
    const tested = new Set<number>();
    for (let g = 1; g <= wanted; g++) tested.add(at[Math.ceil((g * at.length) / wanted) - 1]);
    const adjusted = 1 - (1 - level) / tested.size;
    // One-sided bound at `adjusted` is the upper end of the two-sided interval at 2·adjusted − 1.
    for (const m of [...tested].sort((a, b) => b - a)) {
      const upper = wilsonInterval(prefix[m], m, 2 * adjusted - 1)![1];
      if (upper <= target) {
        guaranteed = {
          abstention: 1 - m / n,
          coverage: m / n,
          accepted: m,
          risk: prefix[m] / m,
          riskUpper: upper,
        };
        break;
      }
    }
    return { target, observed, guaranteed, level, candidates: tested.size };
  }
  return { target, observed, guaranteed, level, candidates: 0 };
}
