/**
 * Goal of issue 13: nominal 95% intervals cover at least 93% of the time, measured by simulation
 * (test/evaluate/simulate-coverage.ts; the full version with more samples is bench/coverage.ts and
 * its numbers are in docs/evaluate.md). With 800 samples a coverage of 95% falls below 93% with
 * probability ≈ 0.4% and one of 90% reaches 93% with probability ≈ 0.2%, so the test tells them apart.
 * n = 5,000 is in coverage-simulation-5000.test.ts, so the two run side by side.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { GOAL, makePopulation, simulateCoverage, TWO_GROUPS } from "./simulate-coverage.js";
test("at n = 500, intervals cover at least 93% (800 samples, 200 resamples each)", () => {
    const population = makePopulation(TWO_GROUPS, 200_000);
    const result = simulateCoverage(population, 500, 800, { resamples: 200 });
    for (const name of GOAL) {
        const m = result.metrics[name];
        assert.equal(m.withInterval, 800, `${name}: every sample has an interval`);
        assert.ok(m.coverage >= 0.93, `${name}: coverage ${(100 * m.coverage).toFixed(1)}% < 93%`);
    }
    // The other intervals are held to the level they reach (docs/evaluate.md): no collapse.
    for (const [name, m] of Object.entries(result.metrics))
        assert.ok(m.coverage >= 0.9, `${name}: coverage ${(100 * m.coverage).toFixed(1)}% < 90%`);
});
