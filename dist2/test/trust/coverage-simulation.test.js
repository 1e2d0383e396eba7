import assert from "node:assert/strict";
import { test } from "node:test";
import { orderStatisticQuantile } from "../../src/trust/exchangeable.js";
import { SCENARIOS, simulate } from "./simulate.js";
/**
 * The stated finite-sample slack: coverage below 1 − α − slack has probability at most δ = 1e-6 per
 * seed under the Beta(k, n + 1 − k) law of split conformal (continuous scores; atoms only raise
 * coverage). 200 seeds × 21 settings: a correct implementation fails a seed with probability < 0.5%.
 */
const DELTA = 1e-6;
const slackOf = (alpha) => (rows, rank) => 1 - alpha - orderStatisticQuantile(rows, rank, DELTA);
for (const scenario of SCENARIOS)
    test(`coverage ≥ 1 − α − slack over 200 seeds at n = 100, 1,000, 10,000: ${scenario.name}`, () => {
        for (const n of [100, 1000, 10_000])
            for (const s of simulate(scenario, n, 200, slackOf(scenario.alpha))) {
                const what = `${scenario.name}, n=${n}, group ${s.group}: mean ${s.mean.toFixed(4)}, min ${s.min.toFixed(4)}`;
                assert.equal(s.belowSlack, 0, `${what}: ${s.belowSlack} seeds below 1 − α − slack`);
                // E[coverage] ≥ 1 − α: the mean over seeds may fall short only by sampling error.
                assert.ok(s.mean >= 1 - scenario.alpha - 4 * s.standardError, `${what} is below 1 − α`);
                // Without atoms E[coverage] = k/(n+1) exactly, so the mean also cannot be far above it.
                if (!scenario.atoms)
                    assert.ok(Math.abs(s.mean - s.expected) <= 4 * s.standardError, `${what} vs k/(n+1) = ${s.expected}`);
            }
    });
