import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { hanleyMcNeilInterval } from "../../src/stats/hanley-mcneil.js";
import { twoSidedZ } from "../../src/stats/two-sided-z.js";
import { fixture } from "../helpers/cli.js";
const oracle = JSON.parse(readFileSync(fixture("yesno", "oracle.json"), "utf8"));
test("Hanley–McNeil's standard error is DeLong's or up to 25% wider on the Yes/No data, both directions", () => {
    const yes = oracle.labelCounts.Yes;
    const no = oracle.labelCounts.No;
    const z = twoSidedZ(0.95);
    for (const model of ["score_v1", "score_v2"]) {
        const o = oracle[model];
        for (const [auc, positives, negatives, delong] of [
            [o.rocAucYes, yes, no, o.delongSeYes],
            [o.rocAucNo, no, yes, o.delongSeNo],
        ]) {
            const ci = hanleyMcNeilInterval(auc, positives, negatives);
            const se = (ci[1] - ci[0]) / (2 * z);
            // measured: 1.16 (v1) and 1.14 (v2) — conservative, so an inversion it flags is beyond doubt
            assert.ok(se / delong >= 1 && se / delong < 1.25, `${model} AUC ${auc}: SE ${se} vs DeLong ${delong}`);
            assert.ok(ci[0] < auc && auc < ci[1]);
        }
    }
});
test("an AUC below 0.5 gets the mirror of 1 − AUC's interval with the classes swapped", () => {
    const up = hanleyMcNeilInterval(0.8, 100, 400);
    const down = hanleyMcNeilInterval(0.2, 400, 100);
    assert.ok(Math.abs(down[0] - (1 - up[1])) < 1e-15 && Math.abs(down[1] - (1 - up[0])) < 1e-15);
    assert.equal(hanleyMcNeilInterval(0.7, 0, 10), null);
    assert.deepEqual(hanleyMcNeilInterval(1, 5, 5), [1, 1]);
});
