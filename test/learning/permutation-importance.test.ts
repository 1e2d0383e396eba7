import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { permutationImportance, withColumnFrom } from "../../src/learning/permutation-importance.js";
import type { Model } from "../../src/model/model.js";
import { pairedMeanInterval } from "../../src/stats/paired-mean-interval.js";
import { batchFromRows } from "../../src/table/types.js";
import { fixture } from "../helpers/cli.js";

const ORACLE = JSON.parse(readFileSync(fixture("learning", "permutation_importance.json"), "utf8"));
const NAMES = ["x1", "x2", "x3"];

/** The fixture's fixed logistic model, as any adapter would present it. */
function fixedModel(features: string[] | null = NAMES): Model {
  return {
    name: "fixed logistic",
    kind: "module",
    features,
    metadata: { source: "test", task: "binary" },
    async predict(batch) {
      const cols = NAMES.map((n) => batch.columns.find((c) => c.name === n)!.values as Float64Array);
      const scores = new Float64Array(batch.length);
      for (let i = 0; i < batch.length; i++) {
        let z = ORACLE.intercept;
        for (let j = 0; j < 3; j++) z += ORACLE.coef[j] * cols[j][i];
        scores[i] = 1 / (1 + Math.exp(-z));
      }
      return { scores };
    },
    async close() {},
  };
}

const heldOut = batchFromRows(
  [...NAMES.map((name) => ({ name, type: "float" as const, sourceType: "DOUBLE" }))],
  (ORACLE.x as number[][]).map((r) => ({ x1: r[0], x2: r[1], x3: r[2] })),
);
const labels = Uint8Array.from(ORACLE.y as number[]);

test("permutation importance: baseline loss is sklearn's log_loss; importances converge to the exact expectation", async () => {
  const result = await permutationImportance(fixedModel(), heldOut, labels, { repeats: 200, seed: 7 });
  assert.equal(result.loss, "log_loss");
  assert.ok(Math.abs(result.baselineLoss - ORACLE.baselineLoss) < 1e-12);
  assert.deepEqual(
    result.features.map((f) => f.feature),
    ["x1", "x2", "x3"],
  );
  for (const f of result.features) {
    const j = NAMES.indexOf(f.feature);
    const exact = ORACLE.exactImportance[j];
    const spread = sd(f.repeatImportances);
    const monteCarlo = spread / Math.sqrt(f.repeatImportances.length);
    // Ours and sklearn's (500 repeats) both estimate the same expectation; 4 Monte Carlo errors each.
    assert.ok(
      Math.abs(f.importance - exact) <= 4 * monteCarlo + 1e-12,
      `${f.feature}: ${f.importance} vs ${exact}`,
    );
    const sklearnError = ORACLE.sklearnStd[j] / Math.sqrt(ORACLE.sklearnRepeats);
    assert.ok(Math.abs(ORACLE.sklearnMean[j] - exact) <= 4 * sklearnError + 1e-12);
    // The spread between permutations is sklearn's importances_std, up to sampling of it (±20%).
    if (exact > 0)
      assert.ok(Math.abs(spread / ORACLE.sklearnStd[j] - 1) < 0.2, `${spread} vs ${ORACLE.sklearnStd[j]}`);
  }
  const [x1, x2, x3] = result.features;
  assert.ok(x1.significant && x2.significant, "both used features cost loss when permuted");
  assert.equal(x3.importance, 0, "a feature with coefficient 0 changes no prediction");
  assert.equal(x3.significant, false);
  assert.ok(x1.ci![0] < x1.importance && x1.importance < x1.ci![1]);
});

test("permutation importance: the seed fixes the result; the input batch is left as it was", async () => {
  const before = Float64Array.from(heldOut.columns[0].values as Float64Array);
  const a = await permutationImportance(fixedModel(), heldOut, labels, { repeats: 3, seed: 11 });
  const b = await permutationImportance(fixedModel(), heldOut, labels, { repeats: 3, seed: 11 });
  const c = await permutationImportance(fixedModel(), heldOut, labels, { repeats: 3, seed: 12 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.features[0].repeatImportances, c.features[0].repeatImportances);
  assert.deepEqual(heldOut.columns[0].values, before);
  const swapped = withColumnFrom(heldOut, "x2", [2, 0, 1]);
  assert.equal(swapped.columns[1].values[0], heldOut.columns[1].values[2]);
  assert.equal(swapped.columns[0], heldOut.columns[0], "other columns are shared, not copied");
});

test("permutation importance: bad input is a one-line error", async () => {
  await assert.rejects(permutationImportance(fixedModel(null), heldOut, labels), /declares no feature list/);
  await assert.rejects(
    permutationImportance(fixedModel(), heldOut, labels.subarray(1)),
    /299 labels for 300/,
  );
  await assert.rejects(
    permutationImportance(fixedModel(), heldOut, labels, { features: ["nope"] }),
    /no column 'nope'/,
  );
  await assert.rejects(permutationImportance(fixedModel(), heldOut, labels, { repeats: 0 }), /repeats ≥ 1/);
});

test("paired mean interval matches scipy.stats.t.interval", () => {
  for (const c of ORACLE.paired) {
    const r = pairedMeanInterval(c.differences);
    assert.ok(Math.abs(r.mean - c.mean) < 1e-12);
    const near = (a: number, b: number) => Math.abs(a - b) <= 1e-8 * Math.max(1, Math.abs(b));
    assert.ok(near(r.ci![0], c.ci[0]) && near(r.ci![1], c.ci[1]), `${r.ci} vs ${c.ci}`);
  }
  assert.equal(pairedMeanInterval([1]).ci, null);
  assert.deepEqual(pairedMeanInterval([2, 2, 2]).ci, [2, 2]);
});

function sd(x: number[]): number {
  const m = x.reduce((a, b) => a + b, 0) / x.length;
  return Math.sqrt(x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - 1));
}
