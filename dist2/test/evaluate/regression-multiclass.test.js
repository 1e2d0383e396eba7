import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { evaluateMulticlass } from "../../src/evaluate/multiclass.js";
import { evaluateRegression, regressionMetrics } from "../../src/evaluate/regression.js";
import { fixture } from "../helpers/cli.js";
import { close } from "./oracle.js";
const oracle = JSON.parse(readFileSync(fixture("evaluate", "metric_oracles.json"), "utf8"));
test("regression metrics match scikit-learn", () => {
    const { actual, predicted, mae, rmse, r2, mape } = oracle.regression;
    const got = evaluateRegression(actual, predicted, { resamples: 200 });
    close(got.metrics.mae.value, mae, 1e-12, "mae");
    close(got.metrics.rmse.value, rmse, 1e-12, "rmse");
    close(got.metrics.r2.value, r2, 1e-12, "r2");
    close(got.metrics.mape.value, mape, 1e-12, "mape");
    const ci = got.metrics.r2.ci;
    assert.ok(ci[0] < r2 && r2 < ci[1]);
});
test("R² of a constant target follows sklearn's force_finite rule", () => {
    assert.equal(regressionMetrics([2, 2, 2], [2, 2, 2])[2], 1);
    assert.equal(regressionMetrics([2, 2, 2], [1, 2, 3])[2], 0);
});
test("multiclass metrics match scikit-learn", () => {
    const { labels, probabilities, classes, accuracy, macroF1, microF1, logLoss } = oracle.multiclass;
    const got = evaluateMulticlass(labels, probabilities, classes, { resamples: 200 });
    close(got.metrics.accuracy.value, accuracy, 1e-12, "accuracy");
    close(got.metrics.macroF1.value, macroF1, 1e-12, "macro f1");
    close(got.metrics.microF1.value, microF1, 1e-12, "micro f1");
    close(got.metrics.logLoss.value, logLoss, 1e-12, "log loss");
    assert.equal(got.n, labels.length);
});
