/**
 * Coverage of evaluate's 95% intervals by simulation, the full version of
 * test/evaluate/coverage-simulation.test.ts: each population at n = 500, 5,000 (and --sizes), --samples
 * samples each (default 2,000), 1,000 bootstrap resamples (--resamples). Prints, per population, size
 * and quantity: coverage, its binomial standard error and the mean interval width.
 *
 * usage: npx tsc -p . && node dist/bench/coverage.js [--samples 2000] [--resamples 1000] [--sizes 500,5000]
 *        [--populations two-groups,strong,near-perfect] [--seed 7]
 */
import { COVERED, makePopulation, NEAR_PERFECT, STRONG, simulateCoverage, TWO_GROUPS, } from "../test/evaluate/simulate-coverage.js";
const arg = (name, fallback) => {
    const k = process.argv.indexOf(`--${name}`);
    return k >= 0 ? process.argv[k + 1] : fallback;
};
const samples = Number(arg("samples", "2000"));
const resamples = Number(arg("resamples", "1000"));
const sizes = arg("sizes", "500,5000").split(",").map(Number);
const seed = Number(arg("seed", "7"));
const LAWS = {
    "two-groups": TWO_GROUPS,
    strong: STRONG,
    "near-perfect": NEAR_PERFECT,
};
const laws = arg("populations", Object.keys(LAWS).join(","))
    .split(",")
    .map((p) => LAWS[p]);
console.log(`samples ${samples}, resamples ${resamples}, sampling seed ${seed}, nominal 95%`);
console.log("population | n | quantity | truth | coverage | ± s.e. | mean width");
for (const law of laws) {
    const population = makePopulation(law, 1_000_000);
    for (const n of sizes) {
        const started = Date.now();
        const result = simulateCoverage(population, n, samples, { resamples, seed });
        for (const name of COVERED) {
            const m = result.metrics[name];
            const se = Math.sqrt((m.coverage * (1 - m.coverage)) / Math.max(1, m.withInterval));
            console.log([
                law.name,
                n,
                name,
                population.truth[name].toFixed(4),
                `${(100 * m.coverage).toFixed(1)}%${m.withInterval < samples ? ` (${m.withInterval} with an interval)` : ""}`,
                `${(100 * se).toFixed(1)}`,
                m.meanWidth.toFixed(4),
            ].join(" | "));
        }
        console.error(`${law.name}, n = ${n}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
}
