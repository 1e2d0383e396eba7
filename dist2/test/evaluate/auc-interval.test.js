import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { AUC_VARIANCE, BINARY_METRICS, BinaryMetricEngine } from "../../src/evaluate/binary.js";
import { aucStudentizedInterval } from "../../src/stats/auc-interval.js";
import { fixture } from "../helpers/cli.js";
import { oraclePredictions } from "./oracle.js";
const want = JSON.parse(readFileSync(fixture("evaluate", "interval_oracles.json"), "utf8"));
test("DeLong's variance from the fused pass matches a brute-force pairwise computation (adult)", () => {
    const p = oraclePredictions();
    for (const version of ["v1", "v2"]) {
        const m = new BinaryMetricEngine(p[version], p.label, 0.5).metrics();
        const w = want.delong[version];
        const auc = m[BINARY_METRICS.indexOf("rocAuc")];
        assert.ok(Math.abs(auc - w.auc) < 1e-12, `${version} AUC ${auc} vs ${w.auc}`);
        assert.ok(Math.abs(m[AUC_VARIANCE] - w.variance) < 1e-9 * w.variance, `${version} variance ${m[AUC_VARIANCE]} vs ${w.variance}`);
    }
});
test("bootstrap-t AUC interval: Wilson's bound at perfect separation, inside [0, 1], holds the estimate", () => {
    // Perfect separation of 20 positives from 80 negatives: the interval is Wilson's for 20 of 20 trials.
    const z2 = 1.959963984540054 ** 2;
    const perfect = aucStudentizedInterval(1, 0, new Float64Array([1, 1]), new Float64Array([0, 0]), 20);
    assert.ok(Math.abs(perfect[0] - 20 / (20 + z2)) < 1e-12 && perfect[1] === 1, `${perfect}`);
    // Resamples with perfect separation in the upper tail of t*: the lower bound falls back to Wilson's.
    const samples = new Float64Array(100).fill(0.99);
    samples.fill(1, 0, 10);
    const variances = new Float64Array(100).fill(1e-4);
    const mixed = aucStudentizedInterval(0.99, 1e-4, samples, variances, 20);
    assert.ok(mixed[0] <= 0.99 && mixed[1] >= 0.99 && mixed[0] >= 0 && mixed[1] <= 1, `${mixed}`);
    assert.ok(Math.abs(mixed[0] - (0.99 * 20 + z2 / 2 - Math.sqrt(z2) * Math.sqrt(0.99 * 0.01 * 20 + z2 / 4)) / (20 + z2)) < 1e-12);
});
