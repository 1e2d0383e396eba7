import { seededRandom } from "./random.js";
/** The seed every permutation p-value of Assay starts from, so a report is reproducible. */
export const PERMUTATION_SEED = 0x5eed;
/**
 * A Monte-Carlo p-value, P(T* ≥ t) under the null, from draws of the null statistic, with the
 * sequential stopping rule of Besag & Clifford (1991): draw until `exceedances` draws reach the
 * observed value (then p = exceedances / draws made) or until `maxDraws` (then p = (1 + k)/(maxDraws + 1)).
 * Both are valid p-values — P(p ≤ α) ≤ α for every α — and neither is ever 0: the smallest is
 * 1/(maxDraws + 1). Under the null the rule stops after about exceedances / p draws.
 * `larger(draw)` says whether a null draw is at least as extreme as the observation; compare exact
 * (integer) statistics so that ties count.
 */
export function monteCarloPValue(larger, options = {}) {
    const random = seededRandom(options.seed ?? PERMUTATION_SEED);
    const maxDraws = options.maxDraws ?? 9_999;
    const h = options.exceedances ?? 20;
    let k = 0;
    for (let draw = 1; draw <= maxDraws; draw++) {
        if (larger(random)) {
            k++;
            if (k >= h)
                return { pValue: k / draw, draws: draw };
        }
    }
    return { pValue: (1 + k) / (maxDraws + 1), draws: maxDraws };
}
