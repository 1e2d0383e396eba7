/**
 * The simulations behind docs/stats.md: the level of the 2×2 χ² test with and without Yates' correction
 * under no drift, and the coverage of the percentile bootstrap interval of a skewed mean.
 * Run: npx tsc -p . && node dist/bench/stats-calibration.js   (about 30 s)
 */
import { allRows, percentileInterval, stratifiedBootstrap } from "../src/stats/bootstrap.js";
import { chi2Homogeneity, chi2Sf } from "../src/stats/chi2.js";
import { seededRandom } from "../src/stats/random.js";
const random = seededRandom(2024);
const binomial = (n, p) => {
    let k = 0;
    for (let i = 0; i < n; i++)
        if (random.next() < p)
            k++;
    return k;
};
/** Pearson's χ² on a 2×2 table without the continuity correction, for comparison. */
function uncorrectedP(reference, current) {
    const r = reference[0] + reference[1];
    const c = current[0] + current[1];
    let statistic = 0;
    for (let i = 0; i < 2; i++) {
        const column = reference[i] + current[i];
        for (const [observed, row] of [
            [reference[i], r],
            [current[i], c],
        ]) {
            const expected = (row * column) / (r + c);
            statistic += (observed - expected) ** 2 / expected;
        }
    }
    return chi2Sf(statistic, 1);
}
const tables = 20_000;
console.log(`2×2 χ² under no drift, ${tables} tables per cell: rejection rate Yates / uncorrected`);
for (const alpha of [0.05, 0.01])
    for (const n of [10, 20, 50, 200, 1000])
        for (const p of [0.1, 0.3, 0.5]) {
            let yates = 0;
            let plain = 0;
            let tested = 0;
            for (let t = 0; t < tables; t++) {
                const a = binomial(n, p);
                const b = binomial(n, p);
                const reference = [a, n - a];
                const current = [b, n - b];
                const r = chi2Homogeneity(reference, current);
                if (r.dof !== 1)
                    continue; // one category on both sides: nothing to test
                tested++;
                if (r.pValue < alpha)
                    yates++;
                if (uncorrectedP(reference, current) < alpha)
                    plain++;
            }
            const pct = (k) => `${((100 * k) / tested).toFixed(2)}%`;
            console.log(`α ${alpha}  n ${n}  share ${p}:  ${pct(yates)} / ${pct(plain)}  (${tested} tables)`);
        }
console.log("\npercentile bootstrap (400 resamples) of the mean of Exponential(1): coverage of the 95% interval");
for (const [replicates, n] of [
    [2000, 100],
    [2000, 30],
]) {
    let covered = 0;
    for (let r = 0; r < replicates; r++) {
        const x = Float64Array.from({ length: n }, () => -Math.log(1 - random.next()));
        const [means] = stratifiedBootstrap(allRows(n), n, (counts) => {
            let s = 0;
            for (let i = 0; i < n; i++)
                s += counts[i] * x[i];
            return [s / n];
        }, { resamples: 400, seed: r + 1 });
        const ci = percentileInterval(means);
        if (ci[0] <= 1 && 1 <= ci[1])
            covered++;
    }
    console.log(`n ${n}, ${replicates} replicates: ${((100 * covered) / replicates).toFixed(1)}%`);
}
