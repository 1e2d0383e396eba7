/**
 * Do the rows flagged as out of distribution also get less confident predictions (and more errors)?
 * Mean confidence (the predicted class's probability) in flagged and other rows, and their difference
 * with a seeded percentile bootstrap stratified by flag (each group resampled to its own size). A model
 * that is as confident on flagged rows as on the rest is the dangerous case: it does not know it
 * does not know.
 */
import { estimates } from "../evaluate/estimate.js";
import { stratifiedBootstrap } from "../stats/bootstrap.js";
import { wilsonInterval } from "../stats/wilson.js";
export function flaggedConfidence(confidence, flags, errors, options = {}) {
    const level = options.level ?? 0.95;
    const lists = [[], []];
    flags.forEach((f, i) => lists[f].push(i));
    const groups = lists.map((rows) => Uint32Array.from(rows));
    const meanDifference = (w) => {
        const sums = [0, 0];
        const counts = [0, 0];
        for (let i = 0; i < confidence.length; i++) {
            const weight = w ? w[i] : 1;
            sums[flags[i]] += weight * confidence[i];
            counts[flags[i]] += weight;
        }
        return sums[1] / counts[1] - sums[0] / counts[0];
    };
    const both = groups[0].length > 0 && groups[1].length > 0;
    const samples = both
        ? stratifiedBootstrap(groups, confidence.length, (w) => [meanDifference(w)], options)
        : [];
    const [difference] = estimates([both ? meanDifference() : Number.NaN], samples, confidence.length, level);
    const side = (rows) => {
        let conf = 0;
        let wrong = 0;
        for (const i of rows) {
            conf += confidence[i];
            if (errors)
                wrong += errors[i];
        }
        const n = rows.length;
        return {
            n,
            meanConfidence: n > 0 ? conf / n : null,
            errorRate: errors && n > 0 ? wrong / n : null,
            errorCi: errors ? wilsonInterval(wrong, n, level) : null,
        };
    };
    return {
        others: side(groups[0]),
        flagged: side(groups[1]),
        difference: both
            ? difference
            : { value: null, ci: null, n: confidence.length, reason: "needs flagged and unflagged rows" },
    };
}
