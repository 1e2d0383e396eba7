import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { monitorOf, subjectOf } from "../../src/monitor/monitors/check.js";
import { runMonitors } from "../../src/monitor/monitors/registry.js";
import { fixture } from "../helpers/cli.js";
/** The monitor's label path on the Yes/No data (test/fixtures/yesno): labels read as written. */
const oracle = JSON.parse(readFileSync(fixture("yesno", "oracle.json"), "utf8"));
const [head, ...lines] = readFileSync(fixture("yesno", "telco_yesno.csv"), "utf8").trimEnd().split("\n");
const names = head.split(",");
const rows = lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [names[i], v])));
function run(positiveLabel, label) {
    const spec = {
        name: "churn",
        task: "binary",
        positiveLabel,
        threshold: 0.5,
        features: [],
        trainedAt: null,
        createdAt: "2024-01-01T00:00:00Z",
        description: "",
    };
    const labeled = rows.map((r, i) => ({
        id: String(i),
        timestamp: i,
        score: Number(r.score_v1),
        prediction: null,
        label: label(r),
        version: null,
    }));
    return runMonitors({
        spec,
        window: { from: 0, to: rows.length },
        summary: null,
        reference: null,
        referenceVersion: null,
        labeled,
        calibrationLabeled: [],
        now: 0,
    });
}
function find(results, id, subject = null) {
    const r = results.find((x) => monitorOf(x) === id && subjectOf(x) === subject);
    assert.ok(r, `${id}/${subject} missing`);
    return r;
}
test("labels Yes/No with positiveLabel Yes: scikit-learn's ROC AUC with an interval, label_inversion passes", () => {
    const results = run("Yes", (r) => r.HighIncome);
    const auc = find(results, "performance", "roc_auc");
    assert.ok(Math.abs(auc.value - oracle.score_v1.rocAucYes) < 1e-12);
    assert.ok(auc.ci && auc.ci[0] > 0.5);
    const check = find(results, "label_inversion");
    assert.equal(check.status, "pass");
    assert.match(check.message, /positive = "Yes" \(506 of 2,110 labels\)/);
});
test("positiveLabel No: the scores run against the labels, label_inversion fails", () => {
    const check = find(run("No", (r) => r.HighIncome), "label_inversion");
    assert.equal(check.status, "fail");
    assert.equal(check.severity, "error");
    assert.ok(Math.abs(check.value - oracle.score_v1.rocAucNo) < 1e-12);
    assert.match(check.message, /is the positive class inverted\?/);
});
test("positiveLabel yes matches no label: a warning listing the labels as written", () => {
    const check = find(run("yes", (r) => r.HighIncome), "label_inversion");
    assert.equal(check.status, "warn");
    assert.match(check.message, /positive label "yes" occurs in none of 2,110 labels \(values: "No" \(1,604\), "Yes" \(506\)\)/);
});
test("boolean labels follow the positive label: true by default, false when it says false", () => {
    const label = (r) => r.HighIncome === "Yes";
    assert.equal(find(run("1", label), "label_inversion").status, "pass");
    assert.equal(find(run("true", label), "label_inversion").status, "pass");
    assert.equal(find(run("false", label), "label_inversion").status, "fail");
});
