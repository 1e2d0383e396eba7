/**
 * L∞ (Chebyshev) distance of two frequency vectors over the same categories: maxₖ |pₖ − qₖ|, the
 * proportions given as they are (no normalisation). TFDV's categorical drift comparator;
 * scipy.spatial.distance.chebyshev(p, q).
 */
export function linf(p, q) {
    let max = 0;
    for (let i = 0; i < p.length; i++)
        max = Math.max(max, Math.abs(p[i] - q[i]));
    return max;
}
