import assert from "node:assert/strict";
import { test } from "node:test";
import { fairnessByAttribute } from "../../src/evaluate/fairness.js";
import { close, oracle, oraclePredictions } from "./oracle.js";

const TOL = 1e-12;

for (const version of ["v1", "v2"] as const)
  for (const attribute of ["sex", "race"] as const) {
    test(`fairness of ${version} by ${attribute} matches Fairlearn and Aequitas`, () => {
      const p = oraclePredictions();
      const predicted = p[version].map((s) => (s >= 0.5 ? 1 : 0));
      const got = fairnessByAttribute(attribute, p[attribute], p.label, predicted, { resamples: 100 });
      const want = oracle.fairness_test[version][attribute];
      close(got.demographicParityDifference.value, want.demographic_parity_difference, TOL, "dpd");
      close(got.demographicParityRatio.value, want.demographic_parity_ratio, TOL, "dpr");
      close(got.equalizedOddsDifference.value, want.equalized_odds_difference, TOL, "eod");
      close(got.equalizedOddsRatio.value, want.equalized_odds_ratio, TOL, "eor");
      close(got.equalOpportunityDifference.value, want.equal_opportunity_difference, TOL, "eopd");
      close(got.equalOpportunityRatio.value, want.equal_opportunity_ratio, TOL, "eopr");
      assert.deepEqual(Object.keys(got.groups), want.groups);
      for (const [name, g] of Object.entries(got.groups)) {
        const w = want.by_group[name];
        for (const k of ["count", "positives", "negatives", "tp", "fp", "fn", "tn"] as const)
          assert.equal(g[k], w[k]);
        assert.equal(g.predictedPositives, w.predicted_positives);
        close(g.selectionRate, w.selection_rate, TOL, `${name} sr`);
        for (const k of ["tpr", "fpr", "fnr", "tnr", "accuracy", "precision"] as const)
          close(g[k], w[k], TOL, `${name} ${k}`);
        assert.equal(g.status, "ok");
        assert.ok(g.ci?.tpr && g.ci.tpr[0] <= g.tpr! && g.tpr! <= g.ci.tpr[1]);
      }
      assert.equal(got.aequitas.referenceGroup, want.aequitas.reference_group);
      for (const [name, list] of Object.entries(got.aequitas.groups)) {
        const w = want.aequitas.groups[name];
        for (const d of list) {
          close(d.value, w.metrics[d.metric], TOL, `${name} ${d.metric}`);
          close(d.disparity, w[`${d.metric}_disparity`], TOL, `${name} ${d.metric} disparity`);
          assert.equal(d.withinTau, w[`${d.metric}_within_tau_0.8`], `${name} ${d.metric} within τ`);
        }
      }
      const ci = got.demographicParityDifference.ci!;
      assert.ok(
        ci[0] <= got.demographicParityDifference.value! && got.demographicParityDifference.value! <= ci[1],
      );
    });
  }

test("small groups are insufficient, listed, and kept out of the aggregates", () => {
  const groups = [...Array(100).fill("A"), ...Array(100).fill("B"), ...Array(10).fill("C")];
  const labels = groups.map((_, i) => (i % 2 === 0 ? 1 : 0));
  const predicted = groups.map((g, i) => (g === "A" ? (i % 4 === 0 ? 1 : 0) : g === "B" ? 1 : 0));
  const got = fairnessByAttribute("g", groups, labels, predicted, { resamples: 50 });
  assert.equal(got.groups.C.status, "insufficient");
  assert.match(got.groups.C.reason!, /10 rows < 30/);
  assert.deepEqual(got.excludedGroups, ["C"]);
  // A: SR 0.25, B: SR 1 → difference 0.75 (C, with SR 0, would have made it 1).
  close(got.demographicParityDifference.value, 0.75, TOL, "dpd without C");
  const alone = fairnessByAttribute(
    "g",
    groups.slice(0, 110),
    labels.slice(0, 110),
    predicted.slice(0, 110),
    {
      resamples: 0,
      minGroupSize: 50,
    },
  );
  assert.equal(alone.demographicParityDifference.value, null);
  assert.match(alone.demographicParityDifference.reason!, /fewer than two groups/);
});
