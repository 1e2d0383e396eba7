/**
 * Benjamini–Hochberg adjusted p-values (q-values): q₍ᵢ₎ = min_{j ≥ i} p₍ⱼ₎ · m / j over the
 * ascending p-values, capped at 1. Rejecting q ≤ α controls the false discovery rate at α for
 * independent or positively dependent tests. NaN p-values are left out of the family and stay NaN.
 */
export function benjaminiHochberg(pValues: number[]): number[] {
  const order = pValues
    .map((p, i) => ({ p, i }))
    .filter((e) => !Number.isNaN(e.p))
    .sort((a, b) => a.p - b.p);
  const m = order.length;
  const q = pValues.map(() => Number.NaN);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    running = Math.min(running, (order[k].p * m) / (k + 1));
    q[order[k].i] = Math.min(1, running);
  }
  return q;
}
