import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { slicesByColumns } from "../../src/evaluate/slices.js";
import { wilsonInterval } from "../../src/stats/wilson.js";
import { batchFromRows } from "../../src/table/types.js";
import { fixture } from "../helpers/cli.js";
import { oraclePredictions } from "./oracle.js";
/** The adult test split's education column, in the row order of the oracle predictions. */
function adultEducation() {
    const lines = readFileSync(fixture("adult", "adult_test.csv"), "utf8").trim().split("\n");
    const at = lines[0].split(",").indexOf("education");
    const p = oraclePredictions();
    const rows = Array.from(p.row, (r) => ({ education: lines[r + 1].split(",")[at] }));
    return batchFromRows([{ name: "education", type: "string", sourceType: "VARCHAR" }], rows);
}
test("a slice where the model predicts one class for every row gets a real interval (adult, education = 12th)", () => {
    const p = oraclePredictions();
    const table = adultEducation();
    const slices = slicesByColumns(table, ["education"], p.v1, p.label, 0.5, {
        resamples: 200,
        intersections: false,
    });
    const twelfth = slices.find((s) => s.slice === "education = 12th");
    // 224 rows, none predicted positive, 15 positives: accuracy 209/224. A bootstrap within label held the
    // 15 and the 209 fixed, so every resample had accuracy 209/224 and the interval was [0.933, 0.933].
    assert.equal(twelfth.count, 224);
    assert.equal(twelfth.positives, 15);
    assert.equal(twelfth.accuracy.value, 209 / 224);
    assert.deepEqual(twelfth.accuracy.ci, wilsonInterval(209, 224));
    const [lo, hi] = twelfth.accuracy.ci;
    assert.ok(hi - lo > 0.05, `width ${hi - lo}`);
    // Every slice with 30 rows or more has an accuracy interval of positive width.
    for (const s of slices)
        if (s.status === "ok")
            assert.ok(s.accuracy.ci[1] > s.accuracy.ci[0], `${s.slice} ${s.accuracy.ci}`);
    // ROC AUC on 15 positives has an interval and says how it was computed.
    assert.equal(twelfth.rocAuc.method, "bootstrap-t, logit, rows");
    assert.ok(twelfth.rocAuc.ci[0] < twelfth.rocAuc.value && twelfth.rocAuc.value < twelfth.rocAuc.ci[1]);
});
