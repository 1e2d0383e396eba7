import assert from "node:assert/strict";
import { test } from "node:test";
import { compareModels } from "../../src/compat/compare.js";
import { columnPartition } from "../../src/compat/slices.js";
import { judgeMetric } from "../../src/report/metric-check.js";
import { seededRandom } from "../../src/stats/random.js";
import { adultPredictions, textColumn } from "./adult-fixture.js";
/**
 * Simulated old/new scores: each row's correctness pair is drawn with the adult cell probabilities
 * (both right 78%, negative flips `nfr`, positive flips `pfr`), turned into scores around 0.5.
 */
function simulate(n, seed, nfr = 0.033, pfr = 0.024) {
    const random = seededRandom(seed);
    const labels = new Uint8Array(n);
    const oldScores = new Float64Array(n);
    const newScores = new Float64Array(n);
    const bothRight = 0.78;
    for (let i = 0; i < n; i++) {
        const y = random.next() < 0.3 ? 1 : 0;
        labels[i] = y;
        const u = random.next();
        const oldRight = u < bothRight + nfr;
        const newRight = u < bothRight || (u >= bothRight + nfr && u < bothRight + nfr + pfr);
        const scoreFor = (right) => right === (y === 1) ? 0.5 + 0.4 * random.next() : 0.1 + 0.39 * random.next();
        oldScores[i] = scoreFor(oldRight);
        newScores[i] = scoreFor(newRight);
    }
    return { labels, oldScores, newScores };
}
test("gate: 50 rows are insufficient, whatever the draw", () => {
    for (let seed = 1; seed <= 20; seed++) {
        const r = compareModels({ ...simulate(50, seed), bootstrap: { resamples: 200, seed } });
        assert.equal(r.verdict, "insufficient", `seed ${seed}: ${r.verdict}`);
    }
});
test("gate: 50,000 rows decide — pass for a better model, fail for a regressing one, never insufficient", () => {
    for (const seed of [1, 2, 3]) {
        const good = compareModels({
            ...simulate(50_000, seed, 0.02, 0.03),
            bootstrap: { resamples: 100, seed },
        });
        assert.equal(good.verdict, "pass", `seed ${seed}: ${JSON.stringify(good.checks.map((c) => c.status))}`);
        // Adult-like: accuracy −0.009 against a −0.01 margin is borderline, and measured well enough to say so.
        const borderline = compareModels({ ...simulate(50_000, seed), bootstrap: { resamples: 100, seed } });
        assert.notEqual(borderline.verdict, "insufficient");
        const bad = compareModels({ ...simulate(50_000, seed, 0.08, 0.02), bootstrap: { resamples: 100, seed } });
        assert.equal(bad.verdict, "fail");
        const nfr = bad.checks.find((c) => c.check === "compat.negative_flip_rate");
        assert.equal(nfr?.status, "fail");
    }
});
test("gate: also decides with only the minimum of rows when the effect is large", () => {
    const r = compareModels({ ...simulate(5_000, 9, 0.2, 0.0), bootstrap: { resamples: 200, seed: 9 } });
    assert.equal(r.verdict, "fail");
});
test("interval rule: pass, fail, warn when narrow and straddling, insufficient when wide", () => {
    // The gate's reading of an interval against a bound (src/report/metric-check.ts, reading "interval").
    const status = (ci, bound, side, margin) => judgeMetric({ value: (ci[0] + ci[1]) / 2, ci }, { ...(side === "atLeast" ? { min: bound } : { max: bound }), reading: "interval", margin });
    assert.equal(status([-0.005, 0.01], -0.01, "atLeast", 0.01), "pass");
    assert.equal(status([-0.05, -0.02], -0.01, "atLeast", 0.01), "fail");
    assert.equal(status([-0.012, -0.008], -0.01, "atLeast", 0.01), "warn");
    assert.equal(status([-0.1, 0.05], -0.01, "atLeast", 0.01), "insufficient");
    assert.equal(status([0.01, 0.04], 0.05, "atMost", 0.05), "pass");
    assert.equal(status([0.06, 0.07], 0.05, "atMost", 0.05), "fail");
});
test("adult v1 → v2: better overall is not the point — the drop for men is found and fails the group gate", () => {
    const adult = adultPredictions();
    const r = compareModels({
        oldScores: adult.scoreV1,
        newScores: adult.scoreV2,
        labels: adult.labels,
        partitions: [
            columnPartition(textColumn("sex", adult.sex), "sensitive"),
            columnPartition(textColumn("race", adult.race), "sensitive"),
        ],
        bootstrap: { resamples: 100, seed: 1 },
        gate: { groupTolerance: 0.01 },
    });
    const male = r.groups.sex.find((g) => g.value === "Male");
    assert.ok(male && (male.adjustedPValue ?? 1) < 0.05);
    const check = r.checks.find((c) => c.subject?.group === "Male");
    assert.equal(check?.status, "fail");
    const female = r.checks.find((c) => c.subject?.group === "Female");
    assert.equal(female?.status, "pass");
    assert.equal(r.verdict, "fail");
    // With the default 0.02 group tolerance the same update is only a warning for men.
    const lenient = compareModels({
        oldScores: adult.scoreV1,
        newScores: adult.scoreV2,
        labels: adult.labels,
        partitions: [columnPartition(textColumn("sex", adult.sex), "sensitive")],
        bootstrap: { resamples: 100, seed: 1 },
    });
    assert.equal(lenient.checks.find((c) => c.subject?.group === "Male")?.status, "warn");
});
test("golden set: the share of previously regressed rows the candidate gets right is gated", () => {
    const adult = adultPredictions();
    const first = compareModels({
        oldScores: adult.scoreV1,
        newScores: adult.scoreV2,
        labels: adult.labels,
        bootstrap: { resamples: 0 },
    });
    // A candidate equal to v1 gets every golden row right; v2 itself gets none.
    const back = compareModels({
        oldScores: adult.scoreV2,
        newScores: adult.scoreV1,
        labels: adult.labels,
        goldenRows: first.regressedRows,
        bootstrap: { resamples: 0 },
    });
    assert.deepEqual(back.golden, { n: 536, correct: 536, passRate: 1 });
    const same = compareModels({
        oldScores: adult.scoreV1,
        newScores: adult.scoreV2,
        labels: adult.labels,
        goldenRows: first.regressedRows,
        bootstrap: { resamples: 0 },
    });
    assert.equal(same.golden?.correct, 0);
    assert.equal(same.checks.find((c) => c.check === "compat.golden_set")?.status, "fail");
});
