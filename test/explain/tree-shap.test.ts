import assert from "node:assert/strict";
import { test } from "node:test";
import { baseValue, routeBaseline, treeShapRows } from "../../src/explain/baseline-tree-shap.js";
import { exactShapley } from "../../src/explain/exact-shapley.js";
import { treeExpectation } from "../../src/explain/tree-shap.js";
import { trainBaseline } from "../../src/model/baselines/index.js";
import { takeRows } from "../../src/model/features.js";
import { adult } from "../model/baselines/adult-data.js";

const data = adult().then((d) => {
  const rows = Uint32Array.from({ length: 4000 }, (_, i) => i);
  return { ...d, train: takeRows(d.train, rows), yTrain: d.yTrain.subarray(0, 4000) };
});

/** Brute force: exact Shapley over the players the trees split on, of the same value function. */
function bruteForce(routed: ReturnType<typeof routeBaseline>, row: number): Float64Array {
  const used = [...new Set(routed.trees.flatMap((t) => Array.from(t.feature).filter((f) => f >= 0)))];
  const phiUsed = exactShapley(used.length, (mask) => {
    const inS = new Set(used.filter((_, k) => (mask >> k) & 1));
    let v = 0;
    routed.trees.forEach((tree, t) => {
      v += treeExpectation(tree, routed.route(t, row), (f) => inS.has(f));
    });
    return v;
  });
  const phi = new Float64Array(routed.features.length);
  used.forEach((player, k) => {
    phi[routed.playerFeature[player]] += phiUsed[k];
  });
  return phi;
}

for (const kind of ["tree", "gbdt"] as const) {
  test(`TreeSHAP on the built-in ${kind} (adult) equals the brute-force Shapley values of its tree expectation`, async () => {
    const { train, yTrain, test: rows, features } = await data;
    const model = trainBaseline(kind, train, yTrain, features, { maxDepth: 4, gbdt: { maxIterations: 12 } });
    const explained = takeRows(rows, [0, 1, 2, 3, 4]);
    const routed = routeBaseline(model, explained, train);
    const result = treeShapRows(routed, explained.length);
    const m = features.length;
    for (let i = 0; i < explained.length; i++) {
      const reference = bruteForce(routed, i);
      for (let j = 0; j < m; j++)
        assert.ok(
          Math.abs(result.phi[i * m + j] - reference[j]) < 1e-10,
          `row ${i} ${features[j]}: ${result.phi[i * m + j]} vs brute force ${reference[j]}`,
        );
    }
  });

  test(`TreeSHAP on the ${kind}: local accuracy, and features no split uses get exactly 0`, async () => {
    const { train, yTrain, test: rows, features } = await data;
    const model = trainBaseline(kind, train, yTrain, features, {
      maxDepth: 3,
      gbdt: { maxIterations: 4, maxDepth: 2 },
    });
    const explained = takeRows(
      rows,
      Uint32Array.from({ length: 50 }, (_, i) => i * 7),
    );
    const routed = routeBaseline(model, explained, train);
    const result = treeShapRows(routed, explained.length);
    const scores = (await model.predict(explained)).scores;
    const m = features.length;
    const used = new Set(
      routed.trees.flatMap((t) =>
        Array.from(t.feature)
          .filter((f) => f >= 0)
          .map((f) => routed.playerFeature[f]),
      ),
    );
    assert.ok(used.size < m, "the model should ignore some feature for this test to bite");
    for (let i = 0; i < explained.length; i++) {
      let sum = result.base;
      for (let j = 0; j < m; j++) {
        sum += result.phi[i * m + j];
        if (!used.has(j)) assert.equal(result.phi[i * m + j], 0, features[j]);
      }
      const f = kind === "gbdt" ? Math.log(scores[i] / (1 - scores[i])) : scores[i];
      assert.ok(Math.abs(sum - f) < 1e-9, `row ${i}: base + Σφ = ${sum}, f(x) = ${f}`);
    }
    // The gbdt's covers come from the background, so its base value is the background's mean margin.
    if (kind === "gbdt") {
      const background = (await model.predict(train)).scores;
      let mean = 0;
      for (const p of background) mean += Math.log(p / (1 - p));
      assert.ok(Math.abs(mean / background.length - baseValue(routed)) < 1e-9);
    }
  });
}
