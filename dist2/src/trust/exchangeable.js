/**
 * What exchangeability allows a split-conformal count to be. With n calibration scores and a threshold
 * at the r-th order statistic, the chance that a new row falls on the counted side, given the
 * calibration set, is Beta(r, n + 1 − r) distributed (for continuous scores), so the count among m new
 * rows is Beta-Binomial(m, r, n + 1 − r). Its mean is r/(n + 1); its spread includes the luck of the
 * calibration draw, which a binomial interval around the promised rate leaves out. Ties only push
 * counts toward the safe side (more coverage, fewer flags), so the tails stay conservative.
 *
 * Coverage: a row is covered when its score is ≤ the k-th smallest, r = k.
 * OOD flags: p ≤ α means the score exceeds the l-th largest calibration score, r = l = ⌊α(n + 1)⌋.
 */
import binomialCdf from "@stdlib/stats-base-dists-binomial-cdf";
export function exchangeableCount(calibrationRows, rank, rows, observed, level = 0.95) {
    if (rank < 1 || rank > calibrationRows || rows < 1)
        return null;
    const pmf = betaBinomialPmf(rows, rank, calibrationRows + 1 - rank);
    const tail = (1 - level) / 2;
    let cumulative = 0;
    let lo = -1;
    let hi = rows;
    let lowerTail = 0;
    for (let x = 0; x <= rows; x++) {
        cumulative += pmf[x];
        if (x <= observed)
            lowerTail = cumulative;
        if (lo < 0 && cumulative > tail)
            lo = x;
        if (cumulative >= 1 - tail && hi === rows)
            hi = x;
    }
    let upperTail = 0;
    for (let x = rows; x >= observed; x--)
        upperTail += pmf[x];
    return {
        expectedShare: rank / (calibrationRows + 1),
        band: [lo / rows, hi / rows],
        lowerTail: Math.min(1, lowerTail),
        upperTail: Math.min(1, upperTail),
        level,
    };
}
/** The count of flags at p ≤ α; null when α < 1/(n + 1), where nothing can be flagged. */
export function flagsUnderExchangeability(calibrationRows, alpha, rows, flagged, level = 0.95) {
    return exchangeableCount(calibrationRows, Math.floor(alpha * (calibrationRows + 1) + 1e-9), rows, flagged, level);
}
/** P(X = x), x = 0…m, X ~ Beta-Binomial(m, a, b), by the ratio of consecutive terms (no gamma functions). */
export function betaBinomialPmf(m, a, b) {
    // log P(0) = log B(a, m + b) − log B(a, b) = Σ_{i<m} log((b + i)/(a + b + i))
    const logs = new Float64Array(m + 1);
    for (let i = 0; i < m; i++)
        logs[0] += Math.log((b + i) / (a + b + i));
    for (let x = 0; x < m; x++)
        logs[x + 1] = logs[x] + Math.log(((m - x) * (a + x)) / ((x + 1) * (b + m - x - 1)));
    let max = Number.NEGATIVE_INFINITY;
    for (const v of logs)
        if (v > max)
            max = v;
    const out = Float64Array.from(logs, (v) => Math.exp(v - max));
    let sum = 0;
    for (const v of out)
        sum += v;
    for (let x = 0; x <= m; x++)
        out[x] /= sum;
    return out;
}
/**
 * The δ-quantile of Beta(r, n + 1 − r): with probability 1 − δ over the calibration draw, the chance
 * of a new row landing on the counted side is at least this (for coverage, r = k: the training-
 * conditional guarantee of Vovk 2012). Found by bisection on P(U₍ᵣ₎ ≤ t) = P(Binomial(n, t) ≥ r).
 */
export function orderStatisticQuantile(calibrationRows, rank, delta) {
    if (rank < 1)
        return 0;
    if (rank > calibrationRows)
        return 1;
    let lo = 0;
    let hi = 1;
    for (let step = 0; step < 60; step++) {
        const t = (lo + hi) / 2;
        const below = 1 - binomialCdf(rank - 1, calibrationRows, t);
        if (below < delta)
            lo = t;
        else
            hi = t;
    }
    return (lo + hi) / 2;
}
