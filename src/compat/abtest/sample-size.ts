/**
 * Units per arm for a two-sided test at level α with power 1 − β (equal arms).
 *   proportions (normal approximation, pooled variance under H0, no continuity correction):
 *     n = (z₁₋α/₂·√(2·p̄·q̄) + z₁₋β·√(p₁q₁ + p₂q₂))² / (p₂ − p₁)²,  p̄ = (p₁ + p₂)/2
 *   means (Welch/Student with equal SDs): n = 2σ²(t₁₋α/₂,ν + t₁₋β,ν)² / δ², ν = 2n − 2, iterated
 *     from the normal-quantile solution until n stops changing.
 * n is rounded up.
 */
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { InputError } from "../../table/errors.js";

interface PowerSettings {
  alpha?: number;
  power?: number;
}

export function sampleSizeProportions(
  baseline: number,
  target: number,
  settings: PowerSettings = {},
): number {
  const alpha = settings.alpha ?? 0.05;
  const power = settings.power ?? 0.8;
  if (!(baseline > 0 && baseline < 1 && target > 0 && target < 1))
    throw new InputError("conversion rates must lie strictly between 0 and 1");
  if (baseline === target) throw new InputError("the effect to detect must not be 0");
  const za = normalQuantile(1 - alpha / 2, 0, 1);
  const zb = normalQuantile(power, 0, 1);
  const mean = (baseline + target) / 2;
  const numerator =
    za * Math.sqrt(2 * mean * (1 - mean)) + zb * Math.sqrt(baseline * (1 - baseline) + target * (1 - target));
  return Math.ceil((numerator * numerator) / (target - baseline) ** 2);
}

export function sampleSizeMeans(sd: number, effect: number, settings: PowerSettings = {}): number {
  const alpha = settings.alpha ?? 0.05;
  const power = settings.power ?? 0.8;
  if (!(sd > 0)) throw new InputError("the standard deviation must be positive");
  if (effect === 0) throw new InputError("the effect to detect must not be 0");
  const ratio = (2 * sd * sd) / (effect * effect);
  let n = Math.ceil(ratio * (normalQuantile(1 - alpha / 2, 0, 1) + normalQuantile(power, 0, 1)) ** 2);
  for (let i = 0; i < 50; i++) {
    const df = Math.max(1, 2 * n - 2);
    const next = Math.ceil(ratio * (tQuantile(1 - alpha / 2, df) + tQuantile(power, df)) ** 2);
    if (next === n) break;
    n = next;
  }
  return Math.max(2, n);
}
