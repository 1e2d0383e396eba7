import { twoProportionZ } from "../stats/two-proportion-z.js";
/**
 * Change in the missing rate, tested with the pooled two-proportion z test (src/stats/two-proportion-z.ts).
 * Missingness is a drift signal of its own: it is counted before any value is dropped, and the rates
 * are over all rows.
 */
export function missingRate(referenceMissing, referenceRows, currentMissing, currentRows) {
    const p1 = referenceRows > 0 ? referenceMissing / referenceRows : Number.NaN;
    const p2 = currentRows > 0 ? currentMissing / currentRows : Number.NaN;
    const test = twoProportionZ(referenceMissing, referenceRows, currentMissing, currentRows);
    return { reference: p1, current: p2, difference: p2 - p1, statistic: test.z, pValue: test.pValue };
}
