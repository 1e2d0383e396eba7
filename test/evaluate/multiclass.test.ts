import assert from "node:assert/strict";
import { test } from "node:test";
import { evaluateMulticlass } from "../../src/evaluate/multiclass.js";
import { germanPurpose, multiclassOracle } from "./multiclass-german.js";
import { close } from "./oracle.js";

const data = germanPurpose();

for (const version of ["v1", "v2"] as const) {
  test(`multiclass metrics of German credit purpose (${version}) match scikit-learn`, () => {
    const ref = multiclassOracle[version];
    const k = data.classes.length;
    const got = evaluateMulticlass(data.labels, data[version], k, {
      classNames: data.classes,
      resamples: 200,
    });
    assert.equal(got.n, multiclassOracle.n);
    close(got.metrics.accuracy.value!, ref.accuracy, 1e-12, "accuracy");
    close(got.metrics.balancedAccuracy.value!, ref.balancedAccuracy, 1e-12, "balanced accuracy");
    close(got.metrics.logLoss.value!, ref.logLoss, 1e-12, "log loss");
    close(got.metrics.classwiseEce.value!, ref.classwiseEce.mean, 1e-12, "classwise ECE");
    for (const avg of ["macro", "weighted", "micro"] as const)
      for (const m of ["precision", "recall", "f1"] as const) {
        const key =
          `${avg}${m === "f1" ? "F1" : m[0].toUpperCase() + m.slice(1)}` as keyof typeof got.metrics;
        close(got.metrics[key].value!, ref.averages[avg][m], 1e-12, `${avg} ${m}`);
      }
    for (const { k: top, accuracy } of got.topK)
      close(accuracy.value!, ref.topK[String(top)], 1e-12, `top-${top}`);
    assert.deepEqual(
      got.topK.map((t) => t.k),
      [2, 3],
    );
    assert.deepEqual(got.confusion.counts, ref.confusion);
    got.perClass.forEach((c, j) => {
      assert.equal(c.support, ref.perClass.support[j], `support of ${c.class}`);
      // sklearn writes 0 where we say null (zero_division=0): compare where the metric is defined
      if (c.precision.value !== null) close(c.precision.value, ref.perClass.precision[j], 1e-12, "precision");
      else assert.equal(c.predicted, 0);
      if (c.recall.value !== null) close(c.recall.value, ref.perClass.recall[j], 1e-12, "recall");
      else assert.equal(c.support, 0);
      if (c.f1.value !== null) close(c.f1.value, ref.perClass.f1[j], 1e-12, "f1");
      close(c.ece, ref.classwiseEce.perClass[j], 1e-12, `ECE of ${c.class}`);
    });
  });
}

test("multiclass intervals: Wilson where a count has a denominator, the row bootstrap elsewhere", () => {
  const got = evaluateMulticlass(data.labels, data.v2, data.classes.length, {
    classNames: data.classes,
    resamples: 300,
  });
  assert.equal(got.metrics.accuracy.method, "wilson");
  assert.equal(got.metrics.macroF1.method, "bootstrap percentile, rows");
  for (const e of [
    got.metrics.accuracy,
    got.metrics.macroF1,
    got.metrics.logLoss,
    got.metrics.classwiseEce,
  ]) {
    const [lo, hi] = e.ci!;
    assert.ok(lo <= e.value! && e.value! <= hi && lo < hi, `${e.value} in [${lo}, ${hi}]`);
  }
  const a43 = got.perClass.find((c) => c.class === "A43")!;
  assert.equal(a43.recall.n, 106);
  assert.equal(a43.recall.status, undefined);
  // A44 has 5 rows in the test set: its recall and F1 are too thin to judge
  const a44 = got.perClass.find((c) => c.class === "A44")!;
  assert.equal(a44.recall.status, "insufficient");
  assert.equal(a44.f1.status, "insufficient");
  // A48 is neither in the test labels nor predicted
  const a48 = got.perClass.find((c) => c.class === "A48")!;
  assert.equal(a48.f1.value, null);
  assert.equal(a48.precision.value, null);
});

test("top-k ties follow scikit-learn: among equal probabilities the higher class index ranks first", () => {
  // every row is a three-way tie; sklearn's top-1 is class 2, its top-2 {2, 1}: top_k_accuracy_score
  // gives 2/3 and 1 for labels [2, 2, 1] (numpy's first-index order would give 0 and 1/3)
  const probabilities = Float64Array.from({ length: 9 }, () => 1 / 3);
  const got = evaluateMulticlass(Uint32Array.of(2, 2, 1), probabilities, 3, { resamples: 0, topK: [1, 2] });
  assert.deepEqual(
    got.topK.map((t) => t.accuracy.value),
    [2 / 3, 1],
  );
});
