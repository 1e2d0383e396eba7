import assert from "node:assert/strict";
import { test } from "node:test";
import { accumulatedLocalEffects, partialDependence } from "../../src/explain/feature-effects.js";
import { surrogateFidelity } from "../../src/explain/surrogate.js";
import { takeRows } from "../../src/model/features.js";
import type { Model } from "../../src/model/model.js";
import { loadModel } from "../../src/model/node/index.js";
import { fixture } from "../helpers/cli.js";
import { ADULT_FEATURES, adultTest } from "../model/helpers.js";

/** A model additive in age and education: its PD and ALE slopes are the coefficients exactly. */
const additive: Model = {
  name: "0.02·age + 0.1·education-num",
  kind: "module",
  features: ["age", "education-num"],
  metadata: { source: "test", task: "regression" },
  async predict(batch) {
    const age = batch.columns.find((c) => c.name === "age")!.values as Float64Array;
    const edu = batch.columns.find((c) => c.name === "education-num")!.values as Float64Array;
    return { scores: Float64Array.from(age, (a, i) => 0.02 * a + 0.1 * edu[i]) };
  },
  async close() {},
};

const rows = adultTest().then((t) =>
  takeRows(
    t,
    Uint32Array.from({ length: 600 }, (_, i) => i * 27),
  ),
);

test("partial dependence of an additive model moves by its coefficient; its band has the spread of the other feature's mean", async () => {
  const pd = await partialDependence(additive, await rows, "age");
  assert.equal(pd.method, "partial-dependence");
  const [first, last] = [pd.points[0], pd.points[pd.points.length - 1]];
  const slope = (last.effect - first.effect) / ((last.at as number) - (first.at as number));
  assert.ok(Math.abs(slope - 0.02) < 1e-12, `slope ${slope}`);
  for (const p of pd.points) {
    assert.ok(
      p.band && p.band[0] < p.effect && p.effect < p.band[1],
      `PD ${p.effect} outside its band ${p.band}`,
    );
  }
});

test("ALE of an additive model is the coefficient times (edge − centre), its band a pure shift, and centred", async () => {
  const ale = (await accumulatedLocalEffects(additive, await rows, "age"))!;
  const edges = ale.points.map((p) => p.at as number);
  for (let k = 1; k < edges.length; k++) {
    const step = ale.points[k].effect - ale.points[k - 1].effect;
    assert.ok(Math.abs(step - 0.02 * (edges[k] - edges[k - 1])) < 1e-12);
    // Every row has the same local effect, so only the centring (which rows the resample holds)
    // moves the curve: the band is a shift, the same width at every edge.
    const band = ale.points[k].band!;
    const first = ale.points[0].band!;
    assert.ok(Math.abs(band[1] - band[0] - (first[1] - first[0])) < 1e-9);
  }
  let centre = 0;
  let n = 0;
  for (let k = 1; k < edges.length; k++) {
    centre += (ale.points[k].rows * (ale.points[k].effect + ale.points[k - 1].effect)) / 2;
    n += ale.points[k].rows;
  }
  assert.ok(Math.abs(centre / n) < 1e-12, `row-weighted mean effect ${centre / n}`);
  assert.equal(n, 600);
});

test("a text feature gets partial dependence over its categories and no ALE", async () => {
  const model = await loadModel(fixture("evaluate", "adult_v1.onnx"), { features: ADULT_FEATURES });
  const table = await rows;
  const pd = await partialDependence(model, table, "age");
  assert.ok(pd.range > 0.05, "age moves the v1 model");
  assert.equal(await accumulatedLocalEffects(additive, table, "sex"), null);
  await model.close();
});

test("surrogate fidelity on the v1 ONNX model: a probability, rising with depth (mostly), rules in the data's units", async () => {
  const model = await loadModel(fixture("evaluate", "adult_v1.onnx"), { features: ADULT_FEATURES });
  const table = await adultTest();
  const fits = await surrogateFidelity(
    model,
    takeRows(
      table,
      Uint32Array.from({ length: 4000 }, (_, i) => i * 4),
    ),
    ADULT_FEATURES,
  );
  assert.deepEqual(
    fits.map((f) => f.depth),
    [2, 3, 4, 5],
  );
  for (const f of fits) {
    assert.ok(f.fidelity > 0.8 && f.fidelity <= 1, `depth ${f.depth}: ${f.fidelity}`);
    assert.ok(f.ci![0] <= f.fidelity && f.fidelity <= f.ci![1]);
    assert.ok(f.rules.length <= 2 ** f.depth);
  }
  assert.ok(fits[3].fidelity >= fits[0].fidelity);
  assert.match(fits[0].rules.join("\n"), /(capital-gain|education-num|age) (≤|>) \d/);
  await model.close();
});
