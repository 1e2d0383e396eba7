import gammaln from "@stdlib/math-base-special-gammaln";
/**
 * One draw from the hypergeometric distribution: the number of marked items among `draws` items
 * taken without replacement from `total` items of which `marked` are marked (NumPy's
 * `Generator.hypergeometric(marked, total − marked, draws)`; the streams differ).
 *
 * Exact inversion: a uniform u is compared with the cumulative probability accumulated over the
 * support in the fixed order mode, mode+1, mode−1, mode+2, … (any fixed order of the support gives
 * an exact sampler), with the pmf at the mode from log-gamma and its neighbours by the ratio
 * p(k+1)/p(k) = (K−k)(n−k)/((k+1)(N−K−n+k+1)). Expected work is O(1 + standard deviation).
 * Small draws (≤ 16) are simulated item by item instead.
 */
export function hypergeometricSample(random, total, marked, draws) {
    if (draws <= 0 || marked <= 0)
        return 0;
    if (marked >= total)
        return draws;
    if (draws >= total)
        return marked;
    if (marked < draws)
        return hypergeometricSample(random, total, draws, marked); // symmetric in the two
    if (draws <= 16) {
        let k = 0;
        let left = marked;
        let rest = total;
        for (let i = 0; i < draws; i++) {
            if (random.next() * rest < left) {
                k++;
                left--;
            }
            rest--;
        }
        return k;
    }
    const lo = Math.max(0, draws - (total - marked));
    const hi = Math.min(marked, draws);
    const mode = Math.min(hi, Math.max(lo, Math.floor(((draws + 1) * (marked + 1)) / (total + 2))));
    const logPmf = lchoose(marked, mode) + lchoose(total - marked, draws - mode) - lchoose(total, draws);
    const pMode = Math.exp(logPmf);
    let u = random.next() - pMode;
    if (u <= 0)
        return mode;
    const up = (k) => ((marked - k) * (draws - k)) / ((k + 1) * (total - marked - draws + k + 1));
    let kUp = mode;
    let pUp = pMode;
    let kDown = mode;
    let pDown = pMode;
    for (;;) {
        const canUp = kUp < hi;
        const canDown = kDown > lo;
        if (!canUp && !canDown)
            return mode; // rounding left a sliver of probability unassigned
        if (canUp) {
            pUp *= up(kUp);
            kUp++;
            u -= pUp;
            if (u <= 0)
                return kUp;
        }
        if (canDown) {
            pDown /= up(kDown - 1);
            kDown--;
            u -= pDown;
            if (u <= 0)
                return kDown;
        }
    }
}
function lchoose(n, k) {
    return gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1);
}
