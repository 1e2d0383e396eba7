import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { rocAucEstimate } from "../../src/evaluate/auc-estimate.js";
import { aucLogitInterval } from "../../src/stats/auc-logit-interval.js";
import { twoSidedZ } from "../../src/stats/two-sided-z.js";
import { fixture } from "../helpers/cli.js";

/** The Yes/No fixture's scores and labels, with scikit-learn's AUC and NumPy's DeLong SE (oracle.json). */
const oracle = JSON.parse(readFileSync(fixture("yesno", "oracle.json"), "utf8"));
const [head, ...lines] = readFileSync(fixture("yesno", "telco_yesno.csv"), "utf8").trimEnd().split("\n");
const names = head.split(",");
const cell = (line: string, name: string) => line.split(",")[names.indexOf(name)];
const yes = Uint8Array.from(lines, (l) => (cell(l, "HighIncome") === "Yes" ? 1 : 0));
const no = Uint8Array.from(yes, (y) => 1 - y);

test("ROC AUC and DeLong's variance match scikit-learn and NumPy's DeLong, either class positive", () => {
  for (const model of ["score_v1", "score_v2"]) {
    const scores = Float64Array.from(lines, (l) => Number(cell(l, model)));
    for (const [labels, auc, se] of [
      [yes, oracle[model].rocAucYes, oracle[model].delongSeYes],
      [no, oracle[model].rocAucNo, oracle[model].delongSeNo],
    ] as const) {
      const e = rocAucEstimate(scores, labels)!;
      assert.ok(Math.abs(e.auc - auc) < 1e-12, `${model}: ${e.auc} vs ${auc}`);
      assert.ok(
        Math.abs(Math.sqrt(e.variance) / se - 1) < 1e-9,
        `${model}: SE ${Math.sqrt(e.variance)} vs ${se}`,
      );
      // the logit-scale Wald interval: symmetric around logit(AUC), half-width z·SE/(A(1 − A))
      const [lo, hi] = e.ci!;
      const logit = (p: number) => Math.log(p / (1 - p));
      const half = (twoSidedZ(0.95) * se) / (auc * (1 - auc));
      assert.ok(
        Math.abs(logit(hi) - logit(auc) - half) < 1e-9 && Math.abs(logit(auc) - logit(lo) - half) < 1e-9,
      );
    }
  }
});

test("the logit interval falls back to Wilson at AUC 0 or 1 and needs both classes", () => {
  const [lo, hi] = aucLogitInterval(1, 0, 10)!;
  assert.ok(Math.abs(lo - 10 / (10 + twoSidedZ(0.95) ** 2)) < 1e-12 && hi === 1);
  assert.equal(aucLogitInterval(0.7, 0.01, 0), null);
  assert.equal(rocAucEstimate([0.2, 0.9], [1, 1]), null);
});
