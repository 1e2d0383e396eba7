import assert from "node:assert/strict";
import { test } from "node:test";
import { describingColumns, nameTokens } from "../../src/evaluate/input-columns.js";
import { batchFromRows } from "../../src/table/types.js";
test("describing columns leave out the label, scores, predictions and identifiers, each with its reason", () => {
    const info = (name, type) => ({ name, type, sourceType: type });
    const columns = [
        info("customerID", "string"),
        info("Unnamed: 0", "integer"),
        info("tenure", "integer"),
        info("credit_score", "integer"),
        info("risk_score", "float"),
        info("predictedLabel", "string"),
        info("p_proba", "float"),
        info("Churn", "string"),
        info("my_score", "float"),
        info("code", "integer"),
    ];
    const rows = Array.from({ length: 200 }, (_, i) => ({
        customerID: `C${i}`,
        "Unnamed: 0": i,
        tenure: i % 72,
        credit_score: 300 + ((i * 7) % 550),
        risk_score: (i % 100) / 100,
        predictedLabel: i % 3 === 0 ? "Yes" : "No",
        p_proba: (i % 10) / 10,
        Churn: i % 4 === 0 ? "Yes" : "No",
        my_score: 0.3,
        code: i, // 100% distinct integers: a key although its name says nothing
    }));
    const d = describingColumns(batchFromRows(columns, rows), { label: "Churn", scoreColumns: ["my_score"] });
    assert.deepEqual(d.columns, ["tenure", "credit_score"]);
    assert.deepEqual(Object.fromEntries(d.excluded.map((x) => [x.column, x.reason])), {
        customerID: "named as an identifier",
        "Unnamed: 0": "named as an identifier",
        risk_score: "a score in [0, 1]: another model's output",
        predictedLabel: "named as a model's prediction",
        p_proba: "named as a model's probability or logit",
        Churn: "the label",
        my_score: "the evaluated score",
        code: "an identifier (200 distinct values in 200 rows)",
    });
    // a declared column (e.g. --sensitive) is kept whatever its name
    assert.ok(describingColumns(batchFromRows(columns, rows), {
        label: "Churn",
        keep: ["customerID"],
    }).columns.includes("customerID"));
    assert.deepEqual(nameTokens("predictedLabel"), ["predicted", "label"]);
    assert.deepEqual(nameTokens("__index_level_0__"), ["index", "level", "0"]);
});
