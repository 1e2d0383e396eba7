import assert from "node:assert/strict";
import { test } from "node:test";
import { ModelError, predictTable } from "../../../src/model/index.js";
import { loadModel } from "../../../src/model/node/index.js";
import { oraclePredictions } from "../../evaluate/oracle.js";
import { fixture } from "../../helpers/cli.js";
import { ADULT_FEATURES, adultTest } from "../helpers.js";
for (const version of ["v1", "v2"]) {
    test(`ONNX ${version} run by onnxruntime-node reproduces the oracle scores`, async () => {
        const table = await adultTest();
        const model = await loadModel(fixture("evaluate", `adult_${version}.onnx`), { features: ADULT_FEATURES });
        const { scores } = await predictTable(model, table, { batchRows: 5000 });
        await model.close();
        const expected = oraclePredictions()[version];
        assert.equal(scores.length, expected.length);
        let worst = 0;
        for (let i = 0; i < scores.length; i++)
            worst = Math.max(worst, Math.abs(scores[i] - expected[i]));
        assert.ok(worst <= 1e-6, `max |onnx − oracle| = ${worst}`);
        assert.equal(model.metadata.input, "features");
        assert.equal(model.metadata.output, "probability");
        assert.match(String(model.metadata.digest), /^[0-9a-f]{64}$/);
    });
}
test("a descriptor names the tensors, the feature order and the positive class", async () => {
    const model = await loadModel(fixture("evaluate", "adult_v1.yaml"));
    assert.equal(model.name, "adult-v1");
    assert.deepEqual(model.features, ADULT_FEATURES);
    assert.equal(model.metadata.positiveClass, ">50K");
    const table = await adultTest();
    const { scores } = await predictTable(model, table);
    assert.ok(Math.abs(scores[0] - oraclePredictions().v1[0]) < 1e-6);
    await model.close();
});
test("shape mismatch, missing features and unknown specs are clear errors", async () => {
    await assert.rejects(loadModel(fixture("evaluate", "adult_v1.onnx"), { features: ADULT_FEATURES.slice(0, 5) }), (e) => e instanceof ModelError && /expects 6 feature columns, but 5 were given/.test(e.message));
    await assert.rejects(loadModel(fixture("evaluate", "adult_v1.onnx")), /needs its feature columns in order/);
    await assert.rejects(loadModel("nope.onnx", { features: ["a"] }), /no such model file/);
    await assert.rejects(loadModel(fixture("adult", "adult_test.csv")), /unknown model type '.csv'/);
    const model = await loadModel(fixture("evaluate", "adult_v1.onnx"), {
        features: ["age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "workclass"],
    });
    await assert.rejects(predictTable(model, await adultTest()), /feature 'workclass' is text/);
    const missing = await loadModel(fixture("evaluate", "adult_v1.onnx"), {
        features: ["age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "salary"],
    });
    await assert.rejects(predictTable(missing, await adultTest()), /needs column 'salary'/);
});
test("feature matrices are row-major, missing cells become NaN", async () => {
    const { featureMatrix } = await import("../../../src/model/features.js");
    const n = 2500; // more than one block of rows
    const a = Float64Array.from({ length: n }, (_, i) => i);
    const b = Float64Array.from({ length: n }, (_, i) => -i);
    const valid = new Uint8Array(n).fill(1);
    const holes = valid.slice();
    holes[1500] = 0;
    const batch = {
        length: n,
        offset: 0,
        columns: [
            { name: "a", type: "float", values: a, valid },
            { name: "b", type: "float", values: b, valid: holes },
        ],
    };
    const m = featureMatrix(batch, ["b", "a"], (k) => new Float32Array(k));
    assert.equal(m.length, 2 * n);
    assert.deepEqual([m[0], m[1], m[2 * 2047], m[2 * 2047 + 1]], [-0, 0, -2047, 2047]);
    assert.ok(Number.isNaN(m[2 * 1500]));
    assert.equal(m[2 * 1500 + 1], 1500);
    const m64 = featureMatrix(batch, ["a"], (k) => new Float64Array(k));
    assert.equal(m64[n - 1], n - 1);
});
