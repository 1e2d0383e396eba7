import assert from "node:assert/strict";
import { test } from "node:test";
import { correctness } from "../../src/compat/flips.js";
import { binaryMetricPass } from "../../src/compat/metric-pass.js";
import { pairedAccuracyDelta, pairedMetricDeltas } from "../../src/compat/paired-bootstrap.js";
import { adultPredictions, close, oracles } from "./adult-fixture.js";
const adult = adultPredictions();
const n = adult.labels.length;
const ones = new Uint32Array(n).fill(1);
test("the metric pass (evaluate's engine, row-weighted) reproduces the scikit-learn metrics of v1 and v2", () => {
    for (const [model, scores] of [
        ["v1", adult.scoreV1],
        ["v2", adult.scoreV2],
    ]) {
        const e = oracles.performance_test[model];
        const v = binaryMetricPass(scores, adult.labels).compute(ones);
        const expected = [
            e.accuracy,
            e.precision,
            e.recall,
            e.f1,
            e.roc_auc,
            e.average_precision,
            e.log_loss,
            e.brier,
            e.balanced_accuracy,
            e.matthews_corrcoef,
            e.ece_10_equal_width,
        ];
        for (const [k, x] of expected.entries())
            assert.ok(close(v[k], x, 1e-12), `${model} metric ${k}: ${v[k]} vs ${x}`);
    }
});
test("paired deltas: point values are new − old; intervals are seeded and match the paired-proportion SE", () => {
    const settings = { resamples: 400, seed: 7 };
    const a = pairedMetricDeltas(binaryMetricPass(adult.scoreV1, adult.labels), binaryMetricPass(adult.scoreV2, adult.labels), n, settings);
    const b = pairedMetricDeltas(binaryMetricPass(adult.scoreV1, adult.labels), binaryMetricPass(adult.scoreV2, adult.labels), n, settings);
    assert.deepEqual(a, b);
    const e = oracles.backward_compatibility_test;
    assert.ok(close(a.accuracy.delta.value, e.accuracy_delta_new_minus_old));
    assert.ok(close(a.rocAuc.delta.value, oracles.performance_test.v2.roc_auc - oracles.performance_test.v1.roc_auc));
    const ci = a.accuracy.delta.ci;
    assert.ok(ci && ci[0] < e.accuracy_delta_new_minus_old && e.accuracy_delta_new_minus_old < ci[1]);
    // Paired difference of proportions: SE = √((b + c)/n − ((c − b)/n)²) / √n.
    const bb = e.old_correct_new_wrong / n;
    const cc = e.old_wrong_new_correct / n;
    const se = Math.sqrt(bb + cc - (cc - bb) ** 2) / Math.sqrt(n);
    const halfWidth = (ci[1] - ci[0]) / 2;
    assert.ok(Math.abs(halfWidth / (1.96 * se) - 1) < 0.12, `half width ${halfWidth} vs ${1.96 * se}`);
    // The two models are correlated: the paired interval is much narrower than an unpaired one would be.
    const unpaired = 1.96 * Math.sqrt((e.accuracy_old * (1 - e.accuracy_old) + e.accuracy_new * (1 - e.accuracy_new)) / n);
    assert.ok(halfWidth < unpaired / 2);
});
test("the fast accuracy path agrees with the full pass on a group", () => {
    const oldCorrect = correctness(adult.scoreV1, adult.labels);
    const newCorrect = correctness(adult.scoreV2, adult.labels);
    const rows = Uint32Array.from(adult.sex.flatMap((s, i) => (s === "Male" ? [i] : [])));
    const d = pairedAccuracyDelta(oldCorrect, newCorrect, rows, { resamples: 300, seed: 3 });
    assert.ok(close(d.value, oracles.groups.sex.Male.accuracy_delta));
    assert.ok(d.ci && d.ci[1] < 0, "the drop for men is clearly below zero");
    assert.deepEqual(pairedAccuracyDelta(oldCorrect, newCorrect, rows, { resamples: 0 }).ci, null);
});
test("a slice without flips gets a real accuracy-delta interval, not [0, 0]", () => {
    // 60 rows that both models get right (45) or wrong (15) alike: the delta is 0, but it is not known to be 0.
    const oldCorrect = Uint8Array.from({ length: 60 }, (_, i) => (i < 45 ? 1 : 0));
    const newCorrect = oldCorrect.slice();
    const rows = Uint32Array.from({ length: 60 }, (_, i) => i);
    const d = pairedAccuracyDelta(oldCorrect, newCorrect, rows, { resamples: 100 });
    assert.equal(d.value, 0);
    assert.ok(d.ci && d.ci[0] < -0.02 && d.ci[1] > 0.02, `CI ${d.ci}`);
});
