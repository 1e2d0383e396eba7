/**
 * Normalised mutual information of two discrete variables from their contingency counts:
 * NMI = I(X;Y) / mean(H(X), H(Y)) with the arithmetic mean (scikit-learn's
 * normalized_mutual_info_score default). Natural logs; the normalisation cancels the base.
 * 1 when one variable determines the other, 0 when independent; by convention 1 when both are constant.
 */
export function normalizedMutualInformation(cells) {
    const total = cells.reduce((s, c) => s + c.n, 0);
    if (total === 0)
        return null;
    const px = new Map();
    const py = new Map();
    for (const c of cells) {
        px.set(c.x, (px.get(c.x) ?? 0) + c.n);
        py.set(c.y, (py.get(c.y) ?? 0) + c.n);
    }
    const entropy = (m) => {
        let h = 0;
        for (const n of m.values())
            if (n > 0)
                h -= (n / total) * Math.log(n / total);
        return h;
    };
    const hx = entropy(px);
    const hy = entropy(py);
    if (hx === 0 && hy === 0)
        return 1;
    let mi = 0;
    for (const c of cells) {
        if (c.n === 0)
            continue;
        const pxy = c.n / total;
        mi += pxy * Math.log((c.n * total) / ((px.get(c.x) ?? 0) * (py.get(c.y) ?? 0)));
    }
    const denominator = (hx + hy) / 2;
    return denominator > 0 ? Math.max(0, mi) / denominator : 0;
}
