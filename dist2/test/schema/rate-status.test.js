import assert from "node:assert/strict";
import { test } from "node:test";
import { rateStatus } from "../../src/schema/verdict.js";
import { rateUpperBound } from "../../src/stats/clopper-pearson.js";
test("one stray value is never an error unless the batch is tiny; a real excess is", () => {
    const tolerance = rateUpperBound(0, 32561, 0.999);
    for (const n of [5, 20, 100, 16281, 1_000_000])
        assert.notEqual(rateStatus(1, n, tolerance, "error", 0.999).status, "fail", `1 of ${n}`);
    assert.equal(rateStatus(0, 100, tolerance, "error", 0.999).status, "pass");
    assert.equal(rateStatus(60, 16281, tolerance, "error", 0.999).status, "fail");
    assert.equal(rateStatus(60, 16281, tolerance, "warning", 0.999).status, "warn");
    assert.equal(rateStatus(60, 16281, tolerance, "info", 0.999).status, "pass");
});
