/** Small interval helpers shared by the compatibility measures. */
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";

/** z such that P(|Z| ≤ z) = level. */
export function twoSidedZ(level: number): number {
  return normalQuantile(1 - (1 - level) / 2, 0, 1);
}

/**
 * Wilson score interval for a proportion k/n (no continuity correction), as
 * statsmodels proportion_confint(method="wilson"). Null for n = 0.
 */
export function wilsonInterval(k: number, n: number, level = 0.95): [number, number] | null {
  if (n <= 0) return null;
  const z = twoSidedZ(level);
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
