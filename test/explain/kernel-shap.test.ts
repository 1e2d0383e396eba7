import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { exactShapley } from "../../src/explain/exact-shapley.js";
import { allCoalitions, kernelShap, solveConstrained } from "../../src/explain/kernel-shap.js";
import { trainBaseline } from "../../src/model/baselines/index.js";
import { takeRows } from "../../src/model/features.js";
import type { Model } from "../../src/model/model.js";
import { loadModel } from "../../src/model/node/index.js";
import { seededRandom } from "../../src/stats/random.js";
import { batchFromRows } from "../../src/table/types.js";
import { fixture } from "../helpers/cli.js";
import { adult } from "../model/baselines/adult-data.js";
import { ADULT_FEATURES, adultTest } from "../model/helpers.js";

const PARAMETERS = JSON.parse(readFileSync(fixture("evaluate", "adult_models.json"), "utf8")).models;
const every = (n: number, step: number) => Uint32Array.from({ length: n }, (_, i) => i * step);

test("Kernel SHAP on the v1 ONNX model in log-odds equals the linear closed form w_j·(x_j − mean x_j)", async () => {
  const rows = await adultTest();
  const model = await loadModel(fixture("evaluate", "adult_v1.onnx"), { features: ADULT_FEATURES });
  // Rows with a large capital gain have P(>50K) within 1e-8 of 1, which float32 rounds to 1, and
  // their log-odds are then lost: the closed form is checked where the output keeps them.
  const gain = rows.columns.find((c) => c.name === "capital-gain")!.values as Float64Array;
  const moderate = every(400, 37).filter((i) => gain[i] < 20_000);
  const background = takeRows(rows, moderate.subarray(0, 200));
  const explained = takeRows(rows, moderate.subarray(200, 203));
  const result = await kernelShap(model, explained, background, ADULT_FEATURES, { link: "logit" });
  assert.equal(result.exact, true);
  const { coef, scaler_scale: scale } = PARAMETERS.v1.parameters_float32;
  ADULT_FEATURES.forEach((name, j) => {
    const bg = background.columns.find((c) => c.name === name)!.values as Float64Array;
    const mean = bg.reduce((a, b) => a + b, 0) / bg.length;
    const x = explained.columns.find((c) => c.name === name)!.values as Float64Array;
    for (let i = 0; i < 3; i++) {
      const closed = (coef[j] / scale[j]) * (x[i] - mean);
      const got = result.phi[i * 6 + j];
      assert.ok(
        Math.abs(got - closed) < 1e-4 * Math.max(1, Math.abs(closed)),
        `${name} row ${i}: ${got} vs ${closed}`,
      );
    }
  });
  await model.close();
});

test("Kernel SHAP gives the feature the v2 ONNX model ignores (hours-per-week, weight 0) exactly 0; local accuracy", async () => {
  const rows = await adultTest();
  const model = await loadModel(fixture("evaluate", "adult_v2.onnx"), { features: ADULT_FEATURES });
  const background = takeRows(rows, every(100, 97));
  const explained = takeRows(rows, every(10, 13));
  const result = await kernelShap(model, explained, background, ADULT_FEATURES);
  const scores = (await model.predict(explained)).scores;
  const hours = ADULT_FEATURES.indexOf("hours-per-week");
  for (let i = 0; i < 10; i++) {
    assert.equal(result.phi[i * 6 + hours], 0);
    let sum = result.base;
    for (let j = 0; j < 6; j++) sum += result.phi[i * 6 + j];
    assert.ok(Math.abs(sum - scores[i]) < 1e-12, `row ${i}: ${sum} vs ${scores[i]}`);
    assert.ok(result.phi.slice(i * 6, i * 6 + 6).some((v) => v !== 0));
  }
  await model.close();
});

test("Kernel SHAP is symmetric: two features that enter the model alike get equal attributions", async () => {
  const random = seededRandom(3);
  const columns = ["a", "b", "c"].map((name) => ({ name, type: "float" as const, sourceType: "DOUBLE" }));
  const table = batchFromRows(
    columns,
    // Rows 0–2 (explained) have a = b; the background holds each (a, b, c) also as (b, a, c), so
    // the game is symmetric in a and b, as the symmetry axiom requires.
    Array.from({ length: 63 }, (_, i) => {
      if (i < 3) {
        const a = random.next();
        return { a, b: a, c: random.next() };
      }
      if (i % 2 === 0) return { a: 0, b: 0, c: 0 };
      return { a: random.next(), b: random.next(), c: random.next() };
    }),
  );
  const model: Model = {
    name: "a·b + c",
    kind: "module",
    features: ["a", "b", "c"],
    metadata: { source: "test", task: "regression" },
    async predict(batch) {
      const [a, b, c] = ["a", "b", "c"].map(
        (n) => batch.columns.find((x) => x.name === n)!.values as Float64Array,
      );
      return { scores: Float64Array.from(a, (v, i) => v * b[i] + c[i]) };
    },
    async close() {},
  };
  const columnOf = (n: string) => table.columns.find((x) => x.name === n)!.values as Float64Array;
  for (let i = 4; i < 63; i += 2) {
    columnOf("a")[i] = columnOf("b")[i - 1];
    columnOf("b")[i] = columnOf("a")[i - 1];
    columnOf("c")[i] = columnOf("c")[i - 1];
  }
  const background = takeRows(
    table,
    Uint32Array.from({ length: 60 }, (_, i) => i + 3),
  );
  const result = await kernelShap(model, takeRows(table, [0, 1, 2]), background, ["a", "b", "c"]);
  for (let i = 0; i < 3; i++) assert.ok(Math.abs(result.phi[i * 3] - result.phi[i * 3 + 1]) < 1e-12);
});

test("the weighted fit over all coalitions reproduces the Shapley formula", () => {
  const random = seededRandom(9);
  const m = 5;
  const v = Float64Array.from({ length: 32 }, () => random.next());
  v[0] = 0.2;
  const { masks, weights } = allCoalitions(m);
  const values = Float64Array.from({ length: 30 }, (_, k) => v[k + 1]);
  const fitted = solveConstrained(masks, weights, values, v[0], v[31] - v[0], m);
  const exact = exactShapley(m, (s) => v[s]);
  for (let j = 0; j < m; j++)
    assert.ok(Math.abs(fitted[j] - exact[j]) < 1e-12, `${fitted[j]} vs ${exact[j]}`);
});

test("sampled Kernel SHAP on a 10-feature gbdt: its stated standard error covers the exact values", async () => {
  const { train, yTrain, test: rows } = await adult();
  const features = [
    "age",
    "education-num",
    "capital-gain",
    "capital-loss",
    "hours-per-week",
    "sex",
    "race",
    "relationship",
    "marital-status",
    "occupation",
  ];
  const model = trainBaseline(
    "gbdt",
    takeRows(train, every(3000, 5)),
    yTrain.filter((_, i) => i % 5 === 0 && i < 15000),
    features,
    { gbdt: { maxIterations: 30 } },
  );
  const background = takeRows(rows, every(40, 101));
  const explained = takeRows(rows, every(6, 211));
  const exact = await kernelShap(model, explained, background, features, { samples: 1022 });
  assert.equal(exact.exact, true);
  const sampled = await kernelShap(model, explained, background, features, { samples: 400, seed: 5 });
  assert.equal(sampled.exact, false);
  let within = 0;
  let total = 0;
  for (let k = 0; k < exact.phi.length; k++) {
    total++;
    if (Math.abs(sampled.phi[k] - exact.phi[k]) <= 1.96 * sampled.standardError[k] + 1e-12) within++;
  }
  // Eight replicates: a t(7) 95% interval is ±2.36 se, so ±1.96 se should cover about 90%.
  assert.ok(within / total >= 0.75, `±1.96 se covered ${within}/${total}`);
  assert.ok(within / total <= 0.99 || total < 50, `se looks too wide: ${within}/${total}`);
});
