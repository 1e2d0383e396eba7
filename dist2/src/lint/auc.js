/**
 * ROC AUC of one feature for a binary label, from per-value counts: the probability that a random
 * positive scores above a random negative, ties counting one half (Mann–Whitney U / (n₊·n₋)), as
 * scikit-learn's roc_auc_score. Groups must be sorted by score, ascending.
 */
export function aucFromGroups(groups) {
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
    if (positives === 0 || negatives === 0)
        return null;
    return u / (positives * negatives);
}
