import assert from "node:assert/strict";
import test from "node:test";
import { judgeMetric, metricCheck } from "../../src/report/metric-check.js";
test("value reading: a bound on the point estimate, fail or warn on a miss, insufficient without a value", () => {
    assert.equal(judgeMetric({ value: 0.79 }, { min: 0.8 }), "fail");
    assert.equal(judgeMetric({ value: 0.8 }, { min: 0.8 }), "pass", "the bound itself passes");
    assert.equal(judgeMetric({ value: 0.79 }, { min: 0.8, miss: "warn" }), "warn");
    assert.equal(judgeMetric({ value: 0.31 }, { max: 0.3 }), "fail");
    assert.equal(judgeMetric({ value: 0.2, ci: [0.1, 0.9] }, { max: 0.3 }), "pass", "the interval is ignored");
    assert.equal(judgeMetric({ value: 0.05 }, { min: 0.1, max: 0.5 }), "fail");
    assert.equal(judgeMetric({ value: 0.6 }, { min: 0.1, max: 0.5 }), "fail");
    assert.equal(judgeMetric({ value: null }, { min: 0.8 }), "insufficient");
    assert.equal(judgeMetric({ value: Number.NaN }), "insufficient");
    assert.equal(judgeMetric({ value: 3 }), "pass", "no condition: a reading, not a gate");
});
test("interval reading: pass wholly inside, miss wholly outside, straddling is borderline or insufficient", () => {
    const atLeast = { min: -0.01, reading: "interval", margin: 0.01 };
    assert.equal(judgeMetric({ value: 0, ci: [-0.005, 0.004] }, atLeast), "pass");
    assert.equal(judgeMetric({ value: -0.03, ci: [-0.04, -0.02] }, atLeast), "fail");
    assert.equal(judgeMetric({ value: -0.009, ci: [-0.013, -0.005] }, atLeast), "warn", "narrow straddle");
    assert.equal(judgeMetric({ value: -0.009, ci: [-0.05, 0.03] }, atLeast), "insufficient", "wide straddle");
    assert.equal(judgeMetric({ value: -0.009, ci: null }, atLeast), "insufficient", "no interval");
    const atMost = { max: 0.05, reading: "interval", margin: 0.05 };
    assert.equal(judgeMetric({ value: 0.02, ci: [0.01, 0.03] }, atMost), "pass");
    assert.equal(judgeMetric({ value: 0.02, ci: [0.01, 0.05] }, atMost), "pass", "the bound itself is inside");
    assert.equal(judgeMetric({ value: 0.07, ci: [0.06, 0.08] }, atMost), "fail");
    assert.equal(judgeMetric({ value: 0.05, ci: [0.04, 0.06] }, atMost), "warn");
});
test("excludes reading: a miss only when the whole interval is outside; a warning band below the failure", () => {
    const zero = { min: 0, max: 0, reading: "excludes" };
    assert.equal(judgeMetric({ value: 0.01, ci: [-0.01, 0.03] }, zero), "pass");
    assert.equal(judgeMetric({ value: 0.02, ci: [0.01, 0.03] }, zero), "fail");
    assert.equal(judgeMetric({ value: -0.02, ci: [-0.03, -0.01] }, zero), "fail");
    const gap = { max: 0.02, reading: "excludes", warn: { max: 0 } };
    assert.equal(judgeMetric({ value: 0.05, ci: [0.03, 0.07] }, gap), "fail");
    assert.equal(judgeMetric({ value: 0.03, ci: [0.01, 0.05] }, gap), "warn", "surely wider, within tolerance");
    assert.equal(judgeMetric({ value: 0.03, ci: [-0.01, 0.07] }, gap), "pass", "may not have widened");
    assert.equal(judgeMetric({ value: 0.03 }, gap), "fail", "without an interval the point decides");
});
test("metricCheck: status, the bound held to, the interval and a sentence", () => {
    const failed = metricCheck({
        check: "evaluate.rocAuc",
        metric: "rocAuc",
        value: 0.75,
        ci: [0.7, 0.8],
        condition: { min: 0.8 },
        context: "on 1000 rows",
    });
    assert.equal(failed.status, "fail");
    assert.equal(failed.threshold, 0.8);
    assert.deepEqual(failed.ci, [0.7, 0.8]);
    assert.equal(failed.message, "rocAuc 0.75 [0.7, 0.8] on 1000 rows; required ≥ 0.8: not met");
    const plain = metricCheck({ check: "monitor.performance", metric: "f1", value: 0.5 });
    assert.equal(plain.status, "pass");
    assert.equal(plain.threshold, undefined);
    assert.equal(plain.ci, undefined);
    assert.equal(plain.message, "f1 0.5");
    const missing = metricCheck({
        check: "evaluate.rocAuc",
        metric: "rocAuc",
        value: null,
        reason: "one class",
    });
    assert.equal(missing.status, "insufficient");
    assert.equal(missing.value, null);
    assert.equal(missing.message, "rocAuc cannot be computed: one class");
    const few = metricCheck({
        check: "x",
        metric: "m",
        value: 0.9,
        condition: { min: 0.5 },
        reason: "12 rows",
    });
    assert.equal(few.status, "insufficient", "a value on too few rows is not judged");
    assert.equal(few.value, 0.9);
    const range = metricCheck({ check: "x", metric: "rate", value: 0.02, condition: { min: 0.05, max: 0.5 } });
    assert.equal(range.threshold, 0.05, "the bound crossed");
    assert.equal(metricCheck({ check: "x", metric: "rate", value: 0.2, condition: { min: 0.05, max: 0.5 } }).threshold, 0.5);
});
