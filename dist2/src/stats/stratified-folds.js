/**
 * Stratified k-fold assignment of 0/1-labelled rows: each class is shuffled with the seeded source
 * (./random.ts) and dealt round-robin to the folds, so every fold holds each class in (nearly) the
 * proportion of the whole. Counterpart: sklearn.model_selection.StratifiedKFold(shuffle=True) — the
 * same guarantee, a different shuffle.
 */
import { seededRandom } from "./random.js";
export function stratifiedFolds(labels, folds, seed) {
    const random = seededRandom(seed);
    const fold = new Uint8Array(labels.length);
    for (const cls of [0, 1]) {
        const rows = [];
        for (let i = 0; i < labels.length; i++)
            if (labels[i] === cls)
                rows.push(i);
        for (let i = rows.length - 1; i > 0; i--) {
            const j = random.below(i + 1);
            [rows[i], rows[j]] = [rows[j], rows[i]];
        }
        rows.forEach((row, k) => {
            fold[row] = k % folds;
        });
    }
    return fold;
}
