/**
 * Out-of-reference-range share. Under no drift the pooled sample is exchangeable, so "at least k
 * current values exceed every reference value" means the top k pooled values are all current:
 * P = C(m, k)/C(n + m, k) = Πᵢ<ₖ (m − i)/(n + m − i). Ties with the reference extremes are not
 * counted as out of range, which only makes the test more conservative on discrete data.
 */
export function outOfRange(reference, current) {
    const n = reference.total;
    const m = current.total;
    if (n === 0 || m === 0)
        return { share: Number.NaN, below: 0, above: 0, pValue: Number.NaN };
    const min = reference.values[0];
    const max = reference.values[reference.values.length - 1];
    let below = 0;
    let above = 0;
    for (let i = 0; i < current.values.length; i++) {
        if (current.values[i] < min)
            below += current.counts[i];
        else
            break;
    }
    for (let i = current.values.length - 1; i >= 0; i--) {
        if (current.values[i] > max)
            above += current.counts[i];
        else
            break;
    }
    const tail = (k) => {
        let p = 1;
        for (let i = 0; i < k && p > 1e-300; i++)
            p *= (m - i) / (n + m - i);
        return p;
    };
    const pValue = Math.min(1, 2 * Math.min(tail(below), tail(above)));
    return { share: (below + above) / m, below, above, pValue };
}
