import assert from "node:assert/strict";
import { test } from "node:test";
import { rocAuc } from "../../src/evaluate/ranking.js";
import { encode, learnEncoding } from "../../src/model/baselines/design.js";
import { fitLogistic } from "../../src/model/baselines/logistic.js";
import { trainBaseline } from "../../src/model/index.js";
import { batchFromRows } from "../../src/table/types.js";
test("the logistic regression solves the L2-penalised likelihood (gradient zero at the optimum)", () => {
    const rows = [];
    const y = [];
    for (let i = 0; i < 400; i++) {
        const x1 = Math.sin(i * 1.7);
        const x2 = Math.cos(i * 0.3);
        rows.push({ x1, x2 });
        y.push(x1 + 0.5 * x2 + Math.sin(i * 7.1) > 0 ? 1 : 0);
    }
    const table = batchFromRows([
        { name: "x1", type: "float", sourceType: "DOUBLE" },
        { name: "x2", type: "float", sourceType: "DOUBLE" },
    ], rows);
    const enc = learnEncoding(table, ["x1", "x2"]);
    const x = encode(table, enc);
    const fit = fitLogistic(x, y, 2, { C: 1 });
    const n = y.length;
    const grad = [0, 0, 0];
    for (let i = 0; i < n; i++) {
        const z = fit.intercept + fit.weights[0] * x[i * 2] + fit.weights[1] * x[i * 2 + 1];
        const r = 1 / (1 + Math.exp(-z)) - y[i];
        grad[0] += (r * x[i * 2]) / n;
        grad[1] += (r * x[i * 2 + 1]) / n;
        grad[2] += r / n;
    }
    grad[0] += fit.weights[0] / n;
    grad[1] += fit.weights[1] / n;
    for (const g of grad)
        assert.ok(Math.abs(g) < 1e-10, `gradient ${grad}`);
    assert.ok(fit.weights[0] > fit.weights[1] && fit.weights[1] > 0);
});
test("one-hot encoding keeps the most frequent categories; unseen values encode as zeros", () => {
    const table = batchFromRows([{ name: "c", type: "string", sourceType: "VARCHAR" }], [{ c: "a" }, { c: "b" }, { c: "a" }, { c: "c" }, { c: "b" }, { c: "a" }]);
    const enc = learnEncoding(table, ["c"], 2);
    assert.deepEqual(enc.columns, ["c=a", "c=b"]);
    const other = batchFromRows([{ name: "c", type: "string", sourceType: "VARCHAR" }], [{ c: "z" }, { c: "b" }]);
    assert.deepEqual([...encode(other, enc)], [0, 0, 0, 1]);
});
test("baselines separate a learnable signal and the majority baseline predicts the prevalence", async () => {
    const rows = [];
    const y = [];
    for (let i = 0; i < 600; i++) {
        const v = (i * 37) % 100;
        const g = i % 3 === 0 ? "hi" : "lo";
        rows.push({ v, g });
        y.push(v + (g === "hi" ? 30 : 0) > 70 ? 1 : 0);
    }
    const table = batchFromRows([
        { name: "v", type: "integer", sourceType: "BIGINT" },
        { name: "g", type: "string", sourceType: "VARCHAR" },
    ], rows);
    for (const kind of ["logistic", "tree"]) {
        const model = trainBaseline(kind, table, y, ["v", "g"]);
        const { scores } = await model.predict(table);
        assert.ok(rocAuc(scores, y) > 0.95, `${kind} AUC ${rocAuc(scores, y)}`);
        assert.ok(scores.every((s) => s > 0 && s < 1));
    }
    const majority = trainBaseline("majority", table, y, ["v", "g"]);
    const prevalence = y.reduce((s, v) => s + v, 0) / y.length;
    assert.ok((await majority.predict(table)).scores.every((s) => s === prevalence));
});
