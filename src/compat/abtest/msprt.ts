/**
 * Mixture sequential probability ratio test (mSPRT; Johari, Pekelis & Walsh, "Always valid
 * inference", 2017/2022) for a difference of two means (or proportions, through the normal
 * approximation). With θ̂ the current difference (treatment − control), v its variance
 * (σ₁²/n₁ + σ₂²/n₂) and a N(θ₀, τ²) mixture over the effect:
 *
 *   Λ = √(v / (v + τ²)) · exp( τ²(θ̂ − θ₀)² / (2v(v + τ²)) )
 *
 * Rejecting the first time Λ ≥ 1/α keeps the type-I error ≤ α however often one looks. The
 * always-valid p-value is min(1, minₖ 1/Λₖ) over the looks so far; the confidence sequence is
 * θ̂ ± √( v(v + τ²)/τ² · (2·ln(1/α) + ln((v + τ²)/v)) ).
 * Validity is exact for known variances; with plug-in variances (what the CLI uses) it holds
 * asymptotically, so looks start after a burn-in of a few observations per arm.
 */

interface MsprtLook {
  /** Mixture likelihood ratio Λ. */
  likelihoodRatio: number;
  /** 1/Λ capped at 1 (not yet the running minimum). */
  pValue: number;
  confidenceSequence: [number, number];
}

export function msprtLook(
  estimate: number,
  variance: number,
  tau: number,
  alpha: number,
  theta0 = 0,
): MsprtLook {
  const tau2 = tau * tau;
  const v = variance;
  if (!(v > 0)) return { likelihoodRatio: 1, pValue: 1, confidenceSequence: [-Infinity, Infinity] };
  const d = estimate - theta0;
  const logLambda = 0.5 * Math.log(v / (v + tau2)) + (tau2 * d * d) / (2 * v * (v + tau2));
  const likelihoodRatio = Math.exp(logLambda);
  const half = Math.sqrt(((v * (v + tau2)) / tau2) * (2 * Math.log(1 / alpha) + Math.log((v + tau2) / v)));
  return {
    likelihoodRatio,
    pValue: Math.min(1, Math.exp(-logLambda)),
    confidenceSequence: [estimate - half, estimate + half],
  };
}

export interface SequentialResult {
  /** Always-valid p-value after the last look: min over looks of 1/Λ. */
  alwaysValidPValue: number;
  /** Intersection of the confidence sequences over all looks (still valid, never wider). */
  confidenceSequence: [number, number];
  /** Whether Λ crossed 1/α at some look, and the total number of observations at the first crossing. */
  crossed: boolean;
  crossedAt: number | null;
  looks: number;
  tau: number;
  alpha: number;
}

/**
 * Runs the mSPRT over a stream of observations in arrival order: arm[i] is 0 (control) or 1
 * (treatment), value[i] the outcome. Looks happen after every observation once both arms have
 * `burnIn` observations; variances are the running plug-in (ddof = 1) estimates, or `knownSd` when given.
 */
export function sequentialTest(
  arm: ArrayLike<number>,
  value: ArrayLike<number>,
  options: { tau: number; alpha?: number; burnIn?: number; knownSd?: [number, number]; every?: number },
): SequentialResult {
  const alpha = options.alpha ?? 0.05;
  const burnIn = options.burnIn ?? 10;
  const every = options.every ?? 1;
  const n = [0, 0];
  const mean = [0, 0];
  const m2 = [0, 0];
  let minP = 1;
  let lo = -Infinity;
  let hi = Infinity;
  let crossedAt: number | null = null;
  let looks = 0;
  for (let i = 0; i < value.length; i++) {
    const a = arm[i];
    const x = value[i];
    n[a]++;
    const delta = x - mean[a];
    mean[a] += delta / n[a];
    m2[a] += delta * (x - mean[a]);
    if (n[0] < burnIn || n[1] < burnIn || (i + 1) % every !== 0) continue;
    const var0 = options.knownSd ? options.knownSd[0] ** 2 : m2[0] / (n[0] - 1);
    const var1 = options.knownSd ? options.knownSd[1] ** 2 : m2[1] / (n[1] - 1);
    const look = msprtLook(mean[1] - mean[0], var0 / n[0] + var1 / n[1], options.tau, alpha);
    looks++;
    minP = Math.min(minP, look.pValue);
    lo = Math.max(lo, look.confidenceSequence[0]);
    hi = Math.min(hi, look.confidenceSequence[1]);
    if (crossedAt === null && look.likelihoodRatio >= 1 / alpha) crossedAt = i + 1;
  }
  return {
    alwaysValidPValue: minP,
    confidenceSequence: [lo, hi],
    crossed: crossedAt !== null,
    crossedAt,
    looks,
    tau: options.tau,
    alpha,
  };
}
