import assert from "node:assert/strict";
import { test } from "node:test";
import { distributionOf } from "../../src/stats/distribution.js";
import { quantile, quantileSorted } from "../../src/stats/quantile.js";
import { readJson } from "../helpers/oracle.js";
const oracle = readJson("stats", "oracle.json");
test("quantiles are bit-identical to numpy.quantile (method 'linear'), from sorted values and from counts", () => {
    for (const c of oracle.quantile) {
        const sorted = Float64Array.from(c.values).sort();
        const d = distributionOf(Float64Array.from(c.values));
        c.probabilities.forEach((p, i) => {
            assert.equal(quantileSorted(sorted, p), c.quantiles[i], `${c.name} sorted q(${p})`);
            assert.equal(quantile(d, p), c.quantiles[i], `${c.name} distribution q(${p})`);
        });
    }
});
test("no values, no quantile", () => {
    assert.ok(Number.isNaN(quantileSorted([], 0.5)));
    assert.ok(Number.isNaN(quantile(distributionOf(new Float64Array(0)), 0.5)));
});
