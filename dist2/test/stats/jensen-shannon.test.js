import assert from "node:assert/strict";
import { test } from "node:test";
import { jensenShannon } from "../../src/stats/jensen-shannon.js";
import { linf } from "../../src/stats/linf.js";
import { readJson, relClose } from "../helpers/oracle.js";
const oracle = readJson("stats", "oracle.json");
test("Jensen–Shannon distance (base 2) matches SciPy, including a zero proportion", () => {
    const { p, q, base2 } = oracle.jensenshannon;
    assert.ok(relClose(jensenShannon(p, q), base2, 1e-12));
    assert.equal(jensenShannon([1, 0], [1, 0]), 0);
    assert.ok(relClose(jensenShannon([1, 0], [0, 1]), 1, 1e-15));
    // counts are normalised like proportions
    assert.ok(relClose(jensenShannon([2, 6], [5, 5]), jensenShannon([0.25, 0.75], [0.5, 0.5]), 1e-15));
});
test("L∞ is the largest absolute difference of shares (scipy.spatial.distance.chebyshev)", () => {
    assert.ok(relClose(linf([0.5, 0.3, 0.2], [0.2, 0.3, 0.5]), 0.3, 1e-15));
    assert.equal(linf([1, 0], [1, 0]), 0);
});
