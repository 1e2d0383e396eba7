import assert from "node:assert/strict";
import { test } from "node:test";
import { abstentionForTarget, riskCoverage } from "../../src/trust/selective.js";
import { selectivePrediction } from "../../src/trust/selective-report.js";
test("risk–coverage: rows accepted most trusted first; equal keys are accepted together", () => {
    // keys (lower = more trusted) and 0/1 losses
    const keys = Float64Array.of(0.1, 0.2, 0.2, 0.5, 0.9);
    const loss = Float64Array.of(0, 0, 1, 1, 1);
    const r = riskCoverage(loss, [keys]);
    assert.deepEqual(r.points.map((p) => [p.accepted, p.risk]), [
        [1, 0],
        [3, 1 / 3],
        [4, 2 / 4],
        [5, 3 / 5],
    ]);
    // AURC: each accepted count 1…5 weighted once, the tie at 2–3 counted at its cut.
    assert.equal(r.aurc, (0 + 2 * (1 / 3) + 2 / 4 + 3 / 5) / 5);
});
test("the abstention a target needs: observed on these rows, and with a Bonferroni–Wilson guarantee", () => {
    const n = 2000;
    // Errors concentrate on the least trusted rows: risk 2% among the first 1,000, 60% among the rest.
    const keys = Float64Array.from({ length: n }, (_, i) => i);
    const loss = Float64Array.from({ length: n }, (_, i) => i < 1000 ? (i % 50 === 0 ? 1 : 0) : i % 5 < 3 ? 1 : 0);
    const a = abstentionForTarget(loss, [keys], 0.05);
    assert.ok(a.observed && a.observed.risk <= 0.05 && a.observed.accepted > 1000, JSON.stringify(a.observed));
    assert.ok(a.guaranteed, "a guaranteed abstention exists");
    assert.ok(a.guaranteed.riskUpper <= 0.05 && a.guaranteed.accepted <= a.observed.accepted);
    assert.equal(a.candidates, 100);
    // The most trusted row is an error, so no prefix has an error rate of 0.1% or less.
    assert.equal(abstentionForTarget(loss, [keys], 0.001).observed, null);
});
test("selective prediction ranks by confidence, by set size then confidence, and by OOD score", () => {
    const report = selectivePrediction({
        loss: Float64Array.of(0, 1, 0, 1),
        binary: true,
        confidence: Float64Array.of(0.9, 0.6, 0.8, 0.55),
        setSizes: Uint32Array.of(1, 2, 1, 2),
        ood: Float64Array.of(3, 0, 1, 2),
    }, { target: 0.25 });
    assert.deepEqual(Object.keys(report.curves), ["confidence", "setSize", "ood"]);
    assert.equal(report.overallRisk, 0.5);
    assert.deepEqual(report.curves.confidence.points.map((p) => p.risk), [0, 0, 1 / 3, 0.5]);
    assert.deepEqual(report.curves.ood.points.map((p) => p.risk), [1, 0.5, 2 / 3, 0.5]);
    assert.equal(report.abstention.confidence.observed.abstention, 0.5);
});
