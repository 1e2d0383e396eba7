/**
 * First Wasserstein (earth mover's) distance between two empirical distributions:
 * W₁ = ∫ |F_ref(x) − F_cur(x)| dx, summed exactly between consecutive pooled values
 * (scipy.stats.wasserstein_distance with unit weights). One merge walk.
 */
export function wasserstein(reference, current) {
    const a = reference.values;
    const ca = reference.counts;
    const b = current.values;
    const cb = current.counts;
    const na = reference.total;
    const nb = current.total;
    if (na === 0 || nb === 0)
        return Number.NaN;
    let i = 0;
    let j = 0;
    let cumA = 0;
    let cumB = 0;
    let previous = Number.NaN;
    let gap = 0;
    let sum = 0;
    while (i < a.length || j < b.length) {
        let v;
        if (j >= b.length || (i < a.length && a[i] < b[j]))
            v = a[i];
        else
            v = b[j];
        if (!Number.isNaN(previous))
            sum += gap * (v - previous);
        while (i < a.length && a[i] === v)
            cumA += ca[i++];
        while (j < b.length && b[j] === v)
            cumB += cb[j++];
        gap = Math.abs(cumA / na - cumB / nb);
        previous = v;
    }
    return sum;
}
