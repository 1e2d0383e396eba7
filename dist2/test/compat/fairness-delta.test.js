import assert from "node:assert/strict";
import { test } from "node:test";
import { FAIRNESS_GAPS, fairnessDelta } from "../../src/compat/fairness-delta.js";
import { columnPartition } from "../../src/compat/slices.js";
import { adultPredictions, close, oracles, textColumn } from "./adult-fixture.js";
const adult = adultPredictions();
const predicted = (scores) => Uint8Array.from(scores, (s) => (s >= 0.5 ? 1 : 0));
const SNAKE = {
    demographicParityDifference: "demographic_parity_difference",
    equalizedOddsDifference: "equalized_odds_difference",
    equalOpportunityDifference: "equal_opportunity_difference",
};
test("fairness gaps of v1 and v2 match the Fairlearn oracle; the delta is new − old with a paired interval", () => {
    for (const attribute of ["sex", "race"]) {
        const partition = columnPartition(textColumn(attribute, adult[attribute]), "sensitive");
        const f = fairnessDelta(partition, adult.labels, predicted(adult.scoreV1), predicted(adult.scoreV2), {
            resamples: 200,
            seed: 5,
        });
        for (const gap of FAIRNESS_GAPS) {
            const before = oracles.fairness_gaps.v1[attribute][SNAKE[gap]];
            const after = oracles.fairness_gaps.v2[attribute][SNAKE[gap]];
            assert.ok(close(f.gaps[gap].old, before), `${attribute} ${gap} old ${f.gaps[gap].old} vs ${before}`);
            assert.ok(close(f.gaps[gap].new, after), `${attribute} ${gap} new`);
            assert.ok(close(f.gaps[gap].delta.value, after - before));
            const ci = f.gaps[gap].delta.ci;
            assert.ok(ci && ci[0] <= after - before && after - before <= ci[1]);
        }
    }
});
test("the sex demographic-parity gap narrows significantly from v1 to v2", () => {
    const partition = columnPartition(textColumn("sex", adult.sex), "sensitive");
    const f = fairnessDelta(partition, adult.labels, predicted(adult.scoreV1), predicted(adult.scoreV2), {
        resamples: 300,
    });
    const ci = f.gaps.demographicParityDifference.delta.ci;
    assert.ok(ci && ci[1] < 0, `CI ${ci}`);
    assert.ok(f.groups.Male.selectionRate.new < f.groups.Male.selectionRate.old);
});
test("small groups are listed but left out of the gaps", () => {
    const partition = columnPartition(textColumn("race", adult.race), "sensitive");
    const f = fairnessDelta(partition, adult.labels, predicted(adult.scoreV1), predicted(adult.scoreV2), {
        resamples: 0,
        minGroupRows: 200,
    });
    assert.equal(f.groups.Other.included, false);
    assert.equal(f.groups.White.included, true);
    assert.equal(f.gaps.equalizedOddsDifference.delta.ci, null);
});
