/**
 * The n = 5,000 half of coverage-simulation.test.ts: 500 samples (a coverage of 95% falls below 93%
 * with probability ≈ 3%, one of 90% reaches 93% with ≈ 1%), 200 resamples each.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { GOAL, makePopulation, simulateCoverage, TWO_GROUPS } from "./simulate-coverage.js";

test("at n = 5,000, intervals cover at least 93% (500 samples, 200 resamples each)", () => {
  const population = makePopulation(TWO_GROUPS, 200_000);
  const result = simulateCoverage(population, 5000, 500, { resamples: 200, seed: 8 });
  for (const name of GOAL) {
    const m = result.metrics[name];
    assert.equal(m.withInterval, 500, `${name}: every sample has an interval`);
    assert.ok(m.coverage >= 0.93, `${name}: coverage ${(100 * m.coverage).toFixed(1)}% < 93%`);
  }
});
