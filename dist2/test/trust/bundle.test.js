import assert from "node:assert/strict";
import { test } from "node:test";
import { makeTrustBundle, parseTrustBundle, scoreWithBundle, serializeTrustBundle, } from "../../src/trust/bundle.js";
import { runConformal } from "../../src/trust/conformal.js";
import { TrustError } from "../../src/trust/errors.js";
import { encodeBatch } from "../../src/trust/feature-space.js";
import { groupKeys } from "../../src/trust/groups.js";
import { fitOod, scoreOod } from "../../src/trust/ood.js";
import { oraclePredictions } from "../evaluate/oracle.js";
import { fixtureTable, rowsOf } from "./oracle.js";
const COLUMNS = [
    "age",
    "workclass",
    "education-num",
    "marital-status",
    "sex",
    "capital-gain",
    "hours-per-week",
];
function record(batch, i) {
    return Object.fromEntries(batch.columns.map((c) => [c.name, c.valid[i] ? c.values[i] : null]));
}
async function adultBundle(mondrian) {
    const p = oraclePredictions();
    const test_ = await fixtureTable("adult", "adult_test.csv");
    const cal = rowsOf(test_, 0, 8140);
    const ev = rowsOf(test_, 8140, 9140);
    const sex = (b) => [groupKeys(b.columns.find((c) => c.name === "sex"))];
    const result = runConformal({
        task: "classification",
        calibration: {
            output: { kind: "binary", scores: p.v1.slice(0, 8140) },
            labels: Uint32Array.from(p.label.slice(0, 8140)),
            groups: sex(cal),
        },
        evaluation: {
            output: { kind: "binary", scores: p.v1.slice(8140, 9140) },
            labels: Uint32Array.from(p.label.slice(8140, 9140)),
            groups: sex(ev),
        },
    }, { alpha: 0.1, method: "lac", groupColumns: ["sex"], mondrian });
    const fitted = fitOod(cal, COLUMNS, { seed: 3, knnReference: 500 });
    const bundle = makeTrustBundle({
        model: { name: "adult-v1", kind: "onnx", digest: "d76e21cf", features: null, task: "binary" },
        result,
        classes: ["<=50K", ">50K"],
        scale: null,
        calibrationDigest: null,
        ood: { targetFpr: 0.01, detector: fitted.detector },
        createdAt: "2026-01-01T00:00:00.000Z",
    });
    // What a reader gets: the JSON text, parsed.
    const parsed = parseTrustBundle(JSON.parse(serializeTrustBundle(bundle)));
    const batchScores = scoreOod(fitted.detector, encodeBatch(fitted.detector.space, ev));
    return { parsed, result, ev, scores: p.v1.slice(8140, 9140), batchScores };
}
for (const mondrian of [false, true])
    test(`scoreWithBundle reproduces the batch results row by row (${mondrian ? "Mondrian" : "pooled"} qhat)`, async () => {
        const { parsed, result, ev, scores, batchScores } = await adultBundle(mondrian);
        for (let i = 0; i < ev.length; i++) {
            const out = scoreWithBundle(parsed, record(ev, i), scores[i]);
            assert.ok(Array.isArray(out.set));
            assert.equal(out.set.length, result.rows.sizes[i], `row ${i} set size`);
            assert.equal(out.ood.score, batchScores.ensemble[i], `row ${i} OOD score`);
            assert.equal(out.ood.pValue, batchScores.pValue[i], `row ${i} p-value`);
            assert.equal(out.abstain, out.set.length !== 1 || out.ood.pValue <= 0.01);
        }
    });
test("a bundle scores a single class only when p(class) ≥ 1 − qhat, and abstains on an unusual row", async () => {
    const { parsed, ev } = await adultBundle(false);
    const qhat = parsed.conformal.qhat;
    const row = record(ev, 0);
    assert.deepEqual(scoreWithBundle(parsed, row, 0.999).set, [">50K"]);
    assert.deepEqual(scoreWithBundle(parsed, row, 0.001).set, ["<=50K"]);
    assert.equal(scoreWithBundle(parsed, row, 1 - qhat).set.length, 2, "p(<=50K) = qhat, p(>50K) = 1 − qhat: both in");
    const odd = scoreWithBundle(parsed, { ...row, age: 150, workclass: "Gig-economy" }, 0.999);
    assert.equal(odd.abstain, true);
    assert.ok(odd.ood.pValue <= 0.01);
    assert.match(odd.reasons.join("; "), /out of distribution/);
});
test("bundles are checked on read: format, version, method, classes, OOD sizes", async () => {
    const { parsed } = await adultBundle(false);
    const bad = (change, message) => {
        const b = JSON.parse(JSON.stringify(parsed));
        change(b);
        assert.throws(() => parseTrustBundle(b, "t.json"), (e) => e instanceof TrustError && message.test(e.message));
    };
    bad((b) => (b.format = "assay.profile"), /format is 'assay.profile'/);
    bad((b) => (b.version = 2), /version 2/);
    bad((b) => (b.conformal.method = "magic"), /method/);
    bad((b) => (b.conformal.classes = ["one"]), /two classes/);
    bad((b) => b.ood.detector.mahalanobis.precision.pop(), /precision matrix/);
    bad((b) => (b.ood.targetFpr = 2), /targetFpr/);
    assert.throws(() => scoreWithBundle(parsed, {}, [0.2, 0.3, 0.5]), /2 probabilities/);
    assert.throws(() => scoreWithBundle(parsed, {}, 1.5), /\[0, 1\]/);
});
test("regression bundles give intervals, normalised ones scale them by the row's σ column", () => {
    const calibration = {
        actual: Float64Array.from({ length: 99 }, (_, i) => i + 1),
        predicted: new Float64Array(99),
        scale: new Float64Array(99).fill(2),
    };
    const result = runConformal({ task: "regression", calibration, evaluation: calibration }, { alpha: 0.1, method: "normalized" });
    const bundle = makeTrustBundle({
        model: { name: "m", kind: "score", digest: null, features: null, task: "regression" },
        result,
        classes: null,
        scale: { column: "sigma" },
        calibrationDigest: null,
        ood: null,
        createdAt: "2026-01-01T00:00:00.000Z",
    });
    // scores |y|/2 = 0.5 … 49.5; k = ⌈100·0.9⌉ = 90 → qhat = 45.
    assert.equal(bundle.conformal.qhat, 45);
    assert.deepEqual(scoreWithBundle(bundle, { sigma: 3 }, 10).set, { lower: 10 - 135, upper: 10 + 135 });
    assert.equal(scoreWithBundle(bundle, { sigma: 3 }, 10).ood, null);
    assert.throws(() => scoreWithBundle(bundle, { sigma: 0 }, 10), /positive finite/);
});
