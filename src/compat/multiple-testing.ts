/**
 * Multiple-testing control over a family of p-values (one per slice or group). Adjusted p-values are
 * returned in input order; a hypothesis is rejected at level α when its adjusted p-value is < α.
 */
export type Adjustment = "holm" | "bh";

/** Holm's step-down adjustment: controls the family-wise error rate under any dependence. */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b]);
  const out = new Array<number>(m);
  let running = 0;
  for (let rank = 0; rank < m; rank++) {
    const i = order[rank];
    running = Math.max(running, Math.min(1, (m - rank) * pValues[i]));
    out[i] = running;
  }
  return out;
}

/** Benjamini–Hochberg step-up adjustment: controls the false discovery rate (independent or PRDS tests). */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b]);
  const out = new Array<number>(m);
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank--) {
    const i = order[rank];
    running = Math.min(running, (m / (rank + 1)) * pValues[i]);
    out[i] = Math.min(1, running);
  }
  return out;
}

export function adjustPValues(pValues: readonly number[], method: Adjustment): number[] {
  return method === "holm" ? holm(pValues) : benjaminiHochberg(pValues);
}
