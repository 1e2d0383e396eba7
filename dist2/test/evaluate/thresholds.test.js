import assert from "node:assert/strict";
import { test } from "node:test";
import { learnThresholds } from "../../src/evaluate/thresholds.js";
import { close, oracle, oraclePredictions } from "./oracle.js";
for (const version of ["v1", "v2"])
    test(`max-F1 threshold of ${version} matches the oracle`, () => {
        const p = oraclePredictions();
        const want = oracle.performance_test[version].best_f1_threshold;
        const got = learnThresholds(p[version], p.label).maxF1;
        close(got.threshold, want.threshold, 0, "threshold");
        close(got.f1, want.f1, 1e-12, "f1");
        assert.deepEqual([got.tp, got.fp, got.fn], [want.tp, want.fp, want.fn]);
    });
test("Youden, cost and precision-at-recall pick the right points", () => {
    // scores (desc): .9 P, .8 N, .7 P, .6 P, .4 N, .3 N, .2 P, .1 N
    const s = [0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2, 0.1];
    const y = [1, 0, 1, 1, 0, 0, 1, 0];
    const t = learnThresholds(s, y, { costFalsePositive: 1, costFalseNegative: 5, minRecall: 1 });
    // J at 0.6: 3/4 − 1/4 = 0.5; at 0.2: 1 − 3/4 = 0.25 → 0.6
    assert.equal(t.youden.threshold, 0.6);
    close(t.youden.objective, 0.5, 1e-12, "J");
    // cost FN×5: t=0.2 → fp 3, fn 0 → 3; t=0.6 → fp 1, fn 1 → 6 → 0.2
    assert.equal(t.cost.threshold, 0.2);
    assert.equal(t.cost.objective, 3);
    // recall 1 first reached at 0.2 (precision 4/7); lower thresholds only add negatives
    assert.equal(t.precisionAtRecall?.threshold, 0.2);
    close(t.precisionAtRecall.precision, 4 / 7, 1e-12, "precision");
    assert.equal(learnThresholds(s, y, { minRecall: 1.1 }).precisionAtRecall, null);
});
