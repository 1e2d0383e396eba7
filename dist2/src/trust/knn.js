export function knnReference(encoded, rows, p, q, k) {
    const m = rows.length;
    const z = new Float64Array(m * p);
    const codes = new Int32Array(m * q);
    for (let r = 0; r < m; r++) {
        const i = rows[r];
        for (let j = 0; j < p; j++)
            z[r * p + j] = encoded.z[i * p + j];
        for (let j = 0; j < q; j++)
            codes[r * q + j] = encoded.codes[i * q + j];
    }
    return { k: Math.min(k, Math.max(1, m - 1)), z, codes, m, p, q };
}
/** Squared distance between reference point r and row i of `encoded`, or Infinity once it exceeds `bound`. */
export function squaredDistance(ref, r, encoded, i, bound) {
    const { p, q } = ref;
    let sum = 0;
    for (let j = 0; j < q; j++)
        if (ref.codes[r * q + j] !== encoded.codes[i * q + j])
            sum += 1;
    if (sum > bound)
        return Number.POSITIVE_INFINITY;
    for (let j = 0; j < p; j++) {
        const d = ref.z[r * p + j] - encoded.z[i * p + j];
        sum += d * d;
    }
    return sum;
}
/**
 * The distance of each row to its k-th nearest reference point. `skip[i]` names a reference point
 * row i must not count (itself, when the reference points score themselves); −1 for none.
 */
export function knnDistances(ref, encoded, skip) {
    const { k, m, p, q } = ref;
    // The distance is written out here rather than calling squaredDistance: typed arrays in locals and
    // an early exit once a partial sum passes the current k-th best make it 5× faster on adult.
    const rz = Float64Array.from(ref.z);
    const rc = Int32Array.from(ref.codes);
    const { z, codes } = encoded;
    const out = new Float64Array(encoded.n);
    const best = new Float64Array(k);
    const row = new Float64Array(p);
    const cats = new Int32Array(q);
    for (let i = 0; i < encoded.n; i++) {
        best.fill(Number.POSITIVE_INFINITY);
        for (let j = 0; j < p; j++)
            row[j] = z[i * p + j];
        for (let j = 0; j < q; j++)
            cats[j] = codes[i * q + j];
        const self = skip ? skip[i] : -1;
        for (let r = 0; r < m; r++) {
            if (r === self)
                continue;
            const bound = best[k - 1];
            let sum = 0;
            for (let j = 0; j < p; j++) {
                const d = rz[r * p + j] - row[j];
                sum += d * d;
            }
            if (sum >= bound)
                continue;
            for (let j = 0; j < q && sum < bound; j++)
                if (rc[r * q + j] !== cats[j])
                    sum += 1;
            if (sum >= bound)
                continue;
            let at = k - 1;
            while (at > 0 && best[at - 1] > sum) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = sum;
        }
        out[i] = Math.sqrt(best[k - 1]);
    }
    return out;
}
