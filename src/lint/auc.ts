/**
 * ROC AUC of one feature for a binary label, from per-value counts: the probability that a random
 * positive scores above a random negative, ties counting one half (Mann–Whitney U / (n₊·n₋)), as
 * scikit-learn's roc_auc_score. Groups must be sorted by score, ascending.
 */
export function aucFromGroups(groups: { positives: number; negatives: number }[]): number | null {
  let negativesBelow = 0;
  let u = 0;
  let positives = 0;
  let negatives = 0;
  for (const g of groups) {
    u += g.positives * (negativesBelow + g.negatives / 2);
    negativesBelow += g.negatives;
    positives += g.positives;
    negatives += g.negatives;
  }
  if (positives === 0 || negatives === 0) return null;
  return u / (positives * negatives);
}

/**
 * AUC of a categorical feature used as a lookup table: each category scores its own positive rate
 * (in-sample target encoding). It is the best AUC any model using only this feature can reach on
 * these rows — an optimistic bound, which is what a leakage screen wants.
 */
export function targetEncodedAuc(groups: { positives: number; negatives: number }[]): number | null {
  const scored = groups
    .filter((g) => g.positives + g.negatives > 0)
    .map((g) => ({ ...g, rate: g.positives / (g.positives + g.negatives) }))
    .sort((a, b) => a.rate - b.rate);
  // categories with equal rates tie: merge them so the tie counts one half
  const merged: { positives: number; negatives: number }[] = [];
  let last = Number.NaN;
  for (const g of scored) {
    if (g.rate === last) {
      merged[merged.length - 1].positives += g.positives;
      merged[merged.length - 1].negatives += g.negatives;
    } else merged.push({ positives: g.positives, negatives: g.negatives });
    last = g.rate;
  }
  return aucFromGroups(merged);
}
