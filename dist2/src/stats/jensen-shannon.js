/**
 * Jensen–Shannon distance, base 2 (the square root of the divergence; in [0, 1]), as
 * scipy.spatial.distance.jensenshannon(p, q, base=2): both vectors are normalised to sum 1,
 * m = (p + q)/2, JS = √((KL(p‖m) + KL(q‖m)) / 2 / ln 2), with 0·log 0 = 0.
 */
export function jensenShannon(p, q) {
    let sp = 0;
    let sq = 0;
    for (let i = 0; i < p.length; i++) {
        sp += p[i];
        sq += q[i];
    }
    if (sp === 0 || sq === 0)
        return Number.NaN;
    let divergence = 0;
    for (let i = 0; i < p.length; i++) {
        const a = p[i] / sp;
        const b = q[i] / sq;
        const m = (a + b) / 2;
        if (a > 0)
            divergence += a * Math.log(a / m);
        if (b > 0)
            divergence += b * Math.log(b / m);
    }
    return Math.sqrt(Math.max(0, divergence / 2 / Math.LN2));
}
