/**
 * Coverage of split conformal prediction by simulation, the full version of
 * test/trust/coverage-simulation.test.ts: every scenario at calibration sizes 100, 1,000 and 10,000,
 * --seeds seeds each (default 2,000), with the exact coverage of each calibrated predictor. Prints,
 * per scenario and size: mean coverage, k/(n+1), the worst seed, the slack 1 − α − Beta quantile at
 * δ = 1e-6 and at δ = 0.05, and how many seeds fell below 1 − α − slack.
 *
 * usage: npx tsc -p . && node dist/bench/trust-coverage.js [--seeds 2000]
 */
import { orderStatisticQuantile } from "../src/trust/exchangeable.js";
import { SCENARIOS, simulate } from "../test/trust/simulate.js";
const k = process.argv.indexOf("--seeds");
const seeds = k >= 0 ? Number(process.argv[k + 1]) : 2000;
const rows = [
    "scenario | n | group | mean coverage | k/(n+1) | worst seed | slack δ=1e-6 | seeds below | share below 1−α−slack(δ=0.05)",
];
for (const scenario of SCENARIOS)
    for (const n of [100, 1000, 10_000]) {
        const strict = simulate(scenario, n, seeds, (m, r) => 1 - scenario.alpha - orderStatisticQuantile(m, r, 1e-6));
        const loose = simulate(scenario, n, seeds, (m, r) => 1 - scenario.alpha - orderStatisticQuantile(m, r, 0.05));
        strict.forEach((s, j) => rows.push([
            `${scenario.name} (α = ${scenario.alpha})`,
            n,
            s.group,
            s.mean.toFixed(4),
            s.expected.toFixed(4),
            s.min.toFixed(4),
            s.slackAtMedianRows.toFixed(4),
            s.belowSlack,
            (loose[j].belowSlack / seeds).toFixed(3),
        ].join(" | ")));
    }
console.log(`${seeds} seeds per row\n${rows.join("\n")}`);
