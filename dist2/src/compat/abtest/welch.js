/**
 * Two-arm continuous outcome: Welch's t-test and interval for treatment − control, with the
 * Welch–Satterthwaite degrees of freedom (scipy.stats.ttest_ind(equal_var=False)). Sample standard
 * deviations use ddof = 1.
 */
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { InputError } from "../../table/errors.js";
/** Mean and ddof-1 standard deviation (Welford's update, stable for large n). */
export function summarize(values) {
    let mean = 0;
    let m2 = 0;
    for (let i = 0; i < values.length; i++) {
        const delta = values[i] - mean;
        mean += delta / (i + 1);
        m2 += delta * (values[i] - mean);
    }
    const n = values.length;
    return { mean: n > 0 ? mean : Number.NaN, sd: n > 1 ? Math.sqrt(m2 / (n - 1)) : Number.NaN, n };
}
export function welchTest(control, treatment, level = 0.95) {
    if (control.n < 2 || treatment.n < 2)
        throw new InputError("each arm needs at least 2 observations");
    const v1 = (control.sd * control.sd) / control.n;
    const v2 = (treatment.sd * treatment.sd) / treatment.n;
    const se = Math.sqrt(v1 + v2);
    const df = (v1 + v2) ** 2 / ((v1 * v1) / (control.n - 1) + (v2 * v2) / (treatment.n - 1));
    const d = treatment.mean - control.mean;
    const t = d / se;
    const q = tQuantile(1 - (1 - level) / 2, df);
    return {
        control,
        treatment,
        difference: d,
        standardError: se,
        df,
        t,
        pValue: se === 0 ? (d === 0 ? 1 : 0) : 2 * tCdf(-Math.abs(t), df),
        ci: [d - q * se, d + q * se],
        relativeLift: control.mean !== 0 ? treatment.mean / control.mean - 1 : null,
        level,
    };
}
