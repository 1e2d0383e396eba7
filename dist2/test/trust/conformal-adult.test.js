import assert from "node:assert/strict";
import { test } from "node:test";
import { apsNonconformity } from "../../src/trust/aps.js";
import { runConformal } from "../../src/trust/conformal.js";
import { lacNonconformity } from "../../src/trust/lac.js";
import { conformalQuantile, finiteSampleRank } from "../../src/trust/quantile.js";
import { labelScores, predictionSets } from "../../src/trust/sets.js";
import { oracle, oraclePredictions } from "../evaluate/oracle.js";
import { trustOracle } from "./oracle.js";
const CALIBRATION = 8140;
function split() {
    const p = oraclePredictions();
    return {
        calibration: {
            output: { kind: "binary", scores: p.v1.slice(0, CALIBRATION) },
            labels: Uint32Array.from(p.label.slice(0, CALIBRATION)),
        },
        evaluation: {
            output: { kind: "binary", scores: p.v1.slice(CALIBRATION) },
            labels: Uint32Array.from(p.label.slice(CALIBRATION)),
        },
    };
}
test("conformal_v1: qhat is the ⌈(n+1)(1−α)⌉-th smallest calibration score at every α of the oracle", () => {
    const { calibration } = split();
    const scores = labelScores(lacNonconformity(calibration.output), 2, calibration.labels);
    for (const [alpha, o] of Object.entries(oracle.conformal_v1.by_alpha)) {
        const q = conformalQuantile(scores, Number(alpha));
        assert.equal(q.rank, o.k, `k at α=${alpha}`);
        // The definition is the oracle's textbook value, exactly.
        assert.equal(q.qhat, o.qhat_textbook_kth_smallest, `qhat at α=${alpha}`);
        // The oracle's headline qhat is np.quantile(scores, k/n, "higher"): the next order statistic.
        const sorted = scores.slice().sort();
        assert.equal(sorted[o.k], o.qhat, `the oracle's primary qhat is the (k+1)-th smallest at α=${alpha}`);
        // MAPIE's convention picks the same order statistic here.
        assert.equal(conformalQuantile(scores, Number(alpha), "mapie").qhat, o.mapie_variant.qhat);
    }
});
test("conformal_v1: coverage, mean set size and set-size counts at the textbook qhat match exactly", () => {
    const input = split();
    for (const [alpha, o] of Object.entries(oracle.conformal_v1.by_alpha)) {
        const r = runConformal({ task: "classification", ...input }, { alpha: Number(alpha), method: "lac" });
        // Same qhat as mapie_variant, so its coverage and sizes are the ones to match.
        assert.equal(r.qhat, o.mapie_variant.qhat);
        assert.equal(r.coverage.value, o.mapie_variant.empirical_coverage, `coverage at α=${alpha}`);
        assert.equal(r.meanSetSize, o.mapie_variant.mean_set_size, `mean set size at α=${alpha}`);
        assert.equal(r.evaluationRows, oracle.conformal_v1.n_evaluation);
        const counts = r.setSizes.map((s) => s.count);
        assert.equal(counts.reduce((a, b) => a + b, 0), o.set_size_counts["0"] + o.set_size_counts["1"] + o.set_size_counts["2"]);
        assert.ok(r.coverage.ci[0] < r.coverage.value && r.coverage.value < r.coverage.ci[1]);
    }
});
test("conformal_v1: at the oracle's own qhat the sets and coverage are the oracle's, ties included", () => {
    const { evaluation } = split();
    const matrix = lacNonconformity(evaluation.output);
    for (const [alpha, o] of Object.entries(oracle.conformal_v1.by_alpha)) {
        const n = evaluation.labels.length;
        const { sizes, covered } = predictionSets(matrix, 2, new Float64Array(n).fill(o.qhat), evaluation.labels);
        const counts = [0, 0, 0];
        for (const s of sizes)
            counts[s]++;
        assert.deepEqual(counts, [o.set_size_counts["0"], o.set_size_counts["1"], o.set_size_counts["2"]], `α=${alpha}`);
        assert.equal(covered.reduce((a, b) => a + b, 0) / n, o.empirical_coverage);
    }
});
test("ties at qhat are inside the set (≤), so a row scoring exactly qhat is covered", () => {
    // Five calibration rows whose true-class scores are 0.3 each: every quantile is 0.3.
    const calibration = {
        output: { kind: "binary", scores: Float64Array.of(0.7, 0.7, 0.7, 0.7, 0.7) },
        labels: Uint32Array.of(1, 1, 1, 1, 1),
    };
    // Evaluation rows with the same score: LAC scores 0.3 for class 1 (ties qhat) and 0.7 for class 0.
    const evaluation = {
        output: { kind: "binary", scores: Float64Array.of(0.7, 0.7) },
        labels: Uint32Array.of(1, 0),
    };
    const r = runConformal({ task: "classification", calibration, evaluation }, { alpha: 0.2, method: "lac" });
    assert.equal(r.qhat, 1 - 0.7);
    assert.deepEqual(Array.from(r.rows.sizes), [1, 1]);
    assert.deepEqual(Array.from(r.rows.covered), [1, 0]);
});
test("quantile conventions match numpy: ours is the k-th order statistic, MAPIE's np.quantile 'higher'", () => {
    let differ = 0;
    for (const c of trustOracle.quantile_conventions) {
        const scores = Float64Array.from(c.scores);
        assert.equal(finiteSampleRank(c.n, c.alpha), c.k, `k for n=${c.n} α=${c.alpha}`);
        const ours = conformalQuantile(scores, c.alpha);
        assert.equal(Number.isFinite(ours.qhat) ? ours.qhat : null, c.ours, `ours n=${c.n} α=${c.alpha}`);
        const mapie = conformalQuantile(scores, c.alpha, "mapie");
        assert.equal(Number.isFinite(mapie.qhat) ? mapie.qhat : null, c.mapie, `mapie n=${c.n} α=${c.alpha}`);
        if (c.ours !== c.mapie)
            differ++;
    }
    assert.ok(differ > 0, "the fixture has cases where the conventions differ (e.g. n = 19, α = 0.5)");
});
test("APS: the true class's score is the mass ranked above it plus its own; randomised subtracts u·p", () => {
    const output = {
        kind: "multiclass",
        probabilities: Float64Array.of(0.5, 0.3, 0.2, 0.1, 0.1, 0.8),
        classes: 3,
    };
    const plain = apsNonconformity(output);
    assert.deepEqual(Array.from(plain.slice(0, 3)), [0.5, 0.8, 1]);
    // Ties (0.1, 0.1) rank by class index: class 0 before class 1.
    assert.ok(Math.abs(plain[3] - 0.9) < 1e-15 && Math.abs(plain[4] - 1) < 1e-15 && plain[5] === 0.8);
    const randomised = apsNonconformity(output, [0.5, 0]);
    assert.ok(Math.abs(randomised[1] - (0.8 - 0.5 * 0.3)) < 1e-15);
    assert.equal(randomised[5], 0.8);
});
