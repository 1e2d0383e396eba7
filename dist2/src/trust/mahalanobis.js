/**
 * Squared Mahalanobis distance d² = (z − m)ᵀ Σ⁻¹ (z − m) of standardised numeric features, with Σ the
 * Ledoit–Wolf covariance of the reference rows (scikit-learn's LedoitWolf().mahalanobis returns the
 * same squared distance). Its per-feature terms (z − m)ⱼ·(Σ⁻¹(z − m))ⱼ sum to d²: a row's distance
 * splits into the features that make it up (a term is negative when a feature pulls the row back
 * toward the bulk, given the others).
 */
import { solveSymmetric } from "../model/baselines/logistic.js";
import { ledoitWolf } from "./ledoit-wolf.js";
export function fitMahalanobis(z, n, p) {
    const { location, covariance, shrinkage } = ledoitWolf(z, n, p);
    const precision = new Float64Array(p * p);
    const unit = new Float64Array(p);
    for (let j = 0; j < p; j++) {
        unit.fill(0);
        unit[j] = 1;
        const column = solveSymmetric(covariance, unit, p);
        for (let i = 0; i < p; i++)
            precision[i * p + j] = column[i];
    }
    return { location, precision, shrinkage };
}
export function mahalanobisSquared(model, z, n) {
    const p = model.location.length;
    // Σ⁻¹ is symmetric: d² = Σₐ Pₐₐdₐ² + Σ_{a<b} 2Pₐᵦdₐdᵦ, p(p+1)/2 products instead of p², with the
    // coefficients in a typed local: 18 M rows/s for p = 6, against 10 M for the full double loop and
    // 5 M for one pass per term over column-major copies (measured on 16,281 rows).
    const coefficients = new Float64Array((p * (p + 1)) / 2);
    for (let a = 0, k = 0; a < p; a++)
        for (let b = a; b < p; b++, k++)
            coefficients[k] = (a === b ? 1 : 2) * model.precision[a * p + b];
    const location = Float64Array.from(model.location);
    const out = new Float64Array(n);
    const d = new Float64Array(p);
    for (let i = 0; i < n; i++) {
        for (let j = 0; j < p; j++)
            d[j] = z[i * p + j] - location[j];
        let sum = 0;
        for (let a = 0, k = 0; a < p; a++) {
            let t = 0;
            for (let b = a; b < p; b++, k++)
                t += coefficients[k] * d[b];
            sum += d[a] * t;
        }
        out[i] = sum;
    }
    return out;
}
/** The per-feature terms of one row's d² (row `i` of z). */
export function mahalanobisTerms(model, z, i) {
    const p = model.location.length;
    const d = Array.from({ length: p }, (_, j) => z[i * p + j] - model.location[j]);
    return d.map((dj, a) => {
        let t = 0;
        for (let b = 0; b < p; b++)
            t += model.precision[a * p + b] * d[b];
        return dj * t;
    });
}
