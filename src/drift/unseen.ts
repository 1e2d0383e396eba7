import binomialCdf from "@stdlib/stats-base-dists-binomial-cdf";

export interface UnseenResult {
  /** Share of current (non-missing) values whose category never occurs in the reference. */
  share: number;
  count: number;
  /** The chance of an unseen value under no drift, estimated from the reference (Good–Turing). */
  expectedShare: number;
  pValue: number;
  /** A few of the unseen categories, most frequent first. */
  examples: { value: string; count: number }[];
}

/**
 * Unseen categories as a drift signal. Under no drift the current values are draws from the
 * reference's distribution, and the chance that a draw falls in a category the reference sample
 * missed is its missing mass, estimated by Good–Turing as (singletons + 1)/(n + 1) (the +1 keeps
 * it positive and errs towards fewer alarms). The unseen count is then Binomial(m, that chance);
 * p = P(X ≥ observed).
 */
export function unseenCategories(reference: Map<string, number>, current: Map<string, number>): UnseenResult {
  let n = 0;
  let singletons = 0;
  for (const count of reference.values()) {
    n += count;
    if (count === 1) singletons++;
  }
  let m = 0;
  let count = 0;
  const unseen: { value: string; count: number }[] = [];
  for (const [value, c] of current) {
    m += c;
    if (!reference.has(value)) {
      count += c;
      unseen.push({ value, count: c });
    }
  }
  unseen.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  return unseenFromCounts(count, m, singletons, n, unseen.slice(0, 5));
}

/** The same result from counts alone: unseen count, current size, reference singletons and size. */
export function unseenFromCounts(
  count: number,
  m: number,
  singletons: number,
  n: number,
  examples: { value: string; count: number }[],
): UnseenResult {
  const expectedShare = (singletons + 1) / (n + 1);
  const pValue = count === 0 ? 1 : Math.max(0, 1 - binomialCdf(count - 1, m, expectedShare));
  return { share: m > 0 ? count / m : Number.NaN, count, expectedShare, pValue, examples };
}
