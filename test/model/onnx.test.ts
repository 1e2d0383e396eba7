import assert from "node:assert/strict";
import { test } from "node:test";
import { loadModel, ModelError, predictTable } from "../../src/model/index.js";
import { oraclePredictions } from "../evaluate/oracle.js";
import { fixture } from "../helpers/cli.js";
import { ADULT_FEATURES, adultTest } from "./helpers.js";

for (const version of ["v1", "v2"] as const) {
  test(`ONNX ${version} run by onnxruntime-node reproduces the oracle scores`, async () => {
    const table = await adultTest();
    const model = await loadModel(fixture("evaluate", `adult_${version}.onnx`), { features: ADULT_FEATURES });
    const { scores } = await predictTable(model, table, { batchRows: 5000 });
    await model.close();
    const expected = oraclePredictions()[version];
    assert.equal(scores.length, expected.length);
    let worst = 0;
    for (let i = 0; i < scores.length; i++) worst = Math.max(worst, Math.abs(scores[i] - expected[i]));
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
  await assert.rejects(
    loadModel(fixture("evaluate", "adult_v1.onnx"), { features: ADULT_FEATURES.slice(0, 5) }),
    (e: Error) => e instanceof ModelError && /expects 6 feature columns, but 5 were given/.test(e.message),
  );
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
