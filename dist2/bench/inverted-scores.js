/**
 * The simulation behind docs/evaluate.md's "inverted scores" figures: how often the finding fires on a
 * useless model (true ROC AUC 0.5: its false-alarm rate) and on models slightly and clearly below chance
 * (its power), with the Hanley–McNeil 95% interval that compare, conformal and the monitor use.
 * Binormal scores: negatives N(0, 1), positives N(d, 1), so the true AUC is Φ(d/√2).
 * Run: npx tsc -p . && node dist/bench/inverted-scores.js   (about a minute)
 */
import { rocAuc } from "../src/evaluate/ranking.js";
import { hanleyMcNeilInterval } from "../src/stats/hanley-mcneil.js";
import { seededRandom } from "../src/stats/random.js";
const random = seededRandom(20261203);
const normal = () => Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
for (const [n, prevalence] of [
    [100, 0.24],
    [2110, 0.24],
    [20_000, 0.1],
])
    for (const d of [0, -0.1, -0.25]) {
        const reps = n > 5000 ? 500 : 4000;
        let flagged = 0;
        let runs = 0;
        let aucSum = 0;
        for (let r = 0; r < reps; r++) {
            const labels = new Uint8Array(n);
            const scores = new Float64Array(n);
            let positives = 0;
            for (let i = 0; i < n; i++) {
                labels[i] = random.next() < prevalence ? 1 : 0;
                positives += labels[i];
                scores[i] = normal() + (labels[i] ? d : 0);
            }
            if (positives === 0 || positives === n)
                continue;
            runs++;
            const auc = rocAuc(scores, labels);
            aucSum += auc;
            const ci = hanleyMcNeilInterval(auc, positives, n - positives);
            if (ci && ci[1] < 0.5)
                flagged++;
        }
        console.log(JSON.stringify({
            n,
            prevalence,
            d,
            meanAuc: +(aucSum / runs).toFixed(4),
            flagged: flagged / runs,
            runs,
        }));
    }
