import assert from "node:assert/strict";
import { test } from "node:test";
import { BINARY_METRICS, binaryMetrics, checkBinaryInputs, evaluateBinary, } from "../../src/evaluate/binary.js";
import { accuracy, confusionAt, f1, mcc } from "../../src/evaluate/confusion.js";
import { brier, calibrationCurve, expectedCalibrationError, logLoss, } from "../../src/evaluate/probability.js";
import { averagePrecision, rocAuc } from "../../src/evaluate/ranking.js";
import { newcombeDifference } from "../../src/stats/newcombe.js";
import { close, oracle, oraclePredictions } from "./oracle.js";
const TOL = 1e-12;
const KEYS = {
    accuracy: "accuracy",
    precision: "precision",
    recall: "recall",
    f1: "f1",
    rocAuc: "roc_auc",
    prAuc: "average_precision",
    logLoss: "log_loss",
    brier: "brier",
    balancedAccuracy: "balanced_accuracy",
    mcc: "matthews_corrcoef",
    ece: "ece_10_equal_width",
};
for (const version of ["v1", "v2"]) {
    test(`binary metrics match scikit-learn on adult ${version}`, () => {
        const p = oraclePredictions();
        const expected = oracle.performance_test[version];
        const got = binaryMetrics(p[version], p.label, 0.5);
        for (const name of BINARY_METRICS)
            close(got[name], expected[KEYS[name]], TOL, `${version} ${name}`);
        assert.deepEqual(got.confusion, {
            tp: expected.confusion_matrix.tp,
            fp: expected.confusion_matrix.fp,
            tn: expected.confusion_matrix.tn,
            fn: expected.confusion_matrix.fn,
        });
    });
    test(`standalone metric functions agree with the fused pass on ${version}`, () => {
        const p = oraclePredictions();
        const expected = oracle.performance_test[version];
        const c = confusionAt(p[version], p.label, 0.5);
        close(accuracy(c), expected.accuracy, TOL, "accuracy");
        close(f1(c), expected.f1, TOL, "f1");
        close(mcc(c), expected.matthews_corrcoef, TOL, "mcc");
        close(rocAuc(p[version], p.label), expected.roc_auc, TOL, "roc auc");
        close(averagePrecision(p[version], p.label), expected.average_precision, TOL, "ap");
        close(logLoss(p[version], p.label), expected.log_loss, TOL, "log loss");
        close(brier(p[version], p.label), expected.brier, TOL, "brier");
        close(expectedCalibrationError(p[version], p.label), expected.ece_10_equal_width, TOL, "ece");
        const bins = calibrationCurve(p[version], p.label);
        expected.ece_bins.forEach((b, k) => {
            assert.equal(bins[k].count, b.count);
            close(bins[k].meanScore, b.mean_score, TOL, `bin ${k} score`);
            close(bins[k].meanLabel, b.mean_y, TOL, `bin ${k} label`);
        });
    });
}
test("ROC AUC counts ties as one half and AP follows sklearn's step rule", () => {
    // sklearn: roc_auc_score([0,1,0,1],[0.5,0.5,0.2,0.8]) = 0.875; average_precision_score(...) = 0.8333…
    const s = [0.5, 0.5, 0.2, 0.8];
    const y = [0, 1, 0, 1];
    close(rocAuc(s, y), 0.875, TOL, "auc");
    close(averagePrecision(s, y), 0.8333333333333333, TOL, "ap");
    // all tied: AUC 0.5, AP = prevalence
    close(rocAuc([0.3, 0.3, 0.3], [0, 1, 1]), 0.5, TOL, "tied auc");
    close(averagePrecision([0.3, 0.3, 0.3], [0, 1, 1]), 2 / 3, TOL, "tied ap");
});
test("bootstrap intervals are seeded, contain the estimate and shrink with n", () => {
    const p = oraclePredictions();
    const a = evaluateBinary(p.v1, p.label, 0.5, { resamples: 200, seed: 7 });
    const b = evaluateBinary(p.v1, p.label, 0.5, { resamples: 200, seed: 7 });
    const c = evaluateBinary(p.v1, p.label, 0.5, { resamples: 200, seed: 8 });
    assert.deepEqual(a.metrics, b.metrics);
    assert.notDeepEqual(a.metrics.rocAuc.ci, c.metrics.rocAuc.ci);
    for (const name of BINARY_METRICS) {
        const m = a.metrics[name];
        assert.ok(m.ci && m.value !== null, name);
        assert.ok(m.ci[0] <= m.value && m.value <= m.ci[1], `${name} ${m.ci} ∌ ${m.value}`);
        const c = a.confusion;
        const denominator = { precision: c.tp + c.fp, recall: c.tp + c.fn }[name] ?? 16281;
        assert.equal(m.n, denominator, name);
    }
    // AUC standard error on 16k rows is ~0.004: the 95% interval is about ±0.008 wide.
    const width = a.metrics.rocAuc.ci[1] - a.metrics.rocAuc.ci[0];
    assert.ok(width > 0.008 && width < 0.025, `AUC CI width ${width}`);
    const small = evaluateBinary(p.v1.subarray(0, 1000), p.label.subarray(0, 1000), 0.5, { resamples: 200 });
    const smallWidth = small.metrics.rocAuc.ci[1] - small.metrics.rocAuc.ci[0];
    assert.ok(smallWidth > 2.5 * width, `small-sample width ${smallWidth} vs ${width}`);
});
test("bad inputs give clear errors", () => {
    assert.throws(() => checkBinaryInputs([0.1, Number.NaN], [0, 1]), /row 1 has a NaN/);
    assert.throws(() => checkBinaryInputs([0.1, 1.5], [0, 1]), /outside \[0, 1\]/);
    assert.throws(() => checkBinaryInputs([0.1, 0.5], [1, 1]), /single class/);
    assert.throws(() => checkBinaryInputs([0.1], [1, 0]), /1 scores for 2 labels/);
});
test("each metric says how its interval was computed: Wilson for proportions, bootstrap-t for ROC AUC, rows for the rest", () => {
    const p = oraclePredictions();
    const e = evaluateBinary(p.v1, p.label, 0.5, { resamples: 100 });
    assert.equal(e.bootstrap.stratifiedBy, null);
    assert.equal(e.metrics.accuracy.method, "wilson");
    assert.equal(e.metrics.precision.method, "wilson");
    assert.equal(e.metrics.recall.method, "wilson");
    assert.equal(e.metrics.rocAuc.method, "bootstrap-t, logit, rows");
    assert.equal(e.metrics.f1.method, "bootstrap percentile, rows");
    assert.equal(e.metrics.balancedAccuracy.method, "newcombe");
    const c = e.confusion;
    const j = newcombeDifference(c.tp, c.tp + c.fn, c.fp, c.fp + c.tn);
    assert.deepEqual(e.metrics.balancedAccuracy.ci, [(1 + j[0]) / 2, (1 + j[1]) / 2]);
    // statsmodels proportion_confint(13244, 16281, method="wilson"): accuracy is TP + TN of 16281.
    const { tp, tn } = e.confusion;
    const z = 1.959963984540054;
    const k = tp + tn;
    const n = 16281;
    const centre = (k / n + (z * z) / (2 * n)) / (1 + (z * z) / n);
    const half = (z / (1 + (z * z) / n)) * Math.sqrt(((k / n) * (1 - k / n)) / n + (z * z) / (4 * n * n));
    close(e.metrics.accuracy.ci[0], centre - half, 1e-12, "wilson lower");
    close(e.metrics.accuracy.ci[1], centre + half, 1e-12, "wilson upper");
});
test("intervals do not collapse at the boundary, and small denominators are insufficient", () => {
    // 40 rows: 3 predicted positive, all of them right (precision 3/3); no false positive among 37 negatives.
    const scores = [0.9, 0.8, 0.7, ...Array(37).fill(0.1)];
    const labels = [1, 1, 1, ...Array(37).fill(0)];
    const e = evaluateBinary(scores, labels, 0.5, { resamples: 200 });
    const precision = e.metrics.precision;
    assert.equal(precision.value, 1);
    assert.equal(precision.status, "insufficient");
    assert.match(precision.reason, /3 predicted positives < 10/);
    assert.ok(precision.ci[0] < 0.5 && precision.ci[1] === 1, `precision CI ${precision.ci}`);
    // Accuracy 40/40: Wilson's lower bound is 40/(40 + z²) ≈ 0.912, not 1.
    close(e.metrics.accuracy.ci[0], 40 / (40 + 1.959963984540054 ** 2), 1e-12, "accuracy lower");
    // ROC AUC 1 from 3 positives: insufficient, with an interval reaching well below 1.
    assert.equal(e.metrics.rocAuc.value, 1);
    assert.equal(e.metrics.rocAuc.status, "insufficient");
    assert.ok(e.metrics.rocAuc.ci[0] < 0.6, `AUC CI ${e.metrics.rocAuc.ci}`);
    // Nothing predicted positive: precision is sklearn's 0, insufficient, without an interval.
    const none = evaluateBinary([0.1, 0.2, 0.3, 0.4], [0, 1, 0, 1], 0.5, { resamples: 50 });
    assert.equal(none.metrics.precision.value, 0);
    assert.equal(none.metrics.precision.ci, null);
    assert.equal(none.metrics.precision.status, "insufficient");
});
