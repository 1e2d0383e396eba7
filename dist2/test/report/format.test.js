import assert from "node:assert/strict";
import test from "node:test";
import { formatPValue } from "../../src/report/format.js";
test("p-values: four decimals, exponent form below 1e-4, an underflowed 0 as a bound, none as a dash", () => {
    assert.equal(formatPValue(0.04321), "0.0432");
    assert.equal(formatPValue(0.5), "0.5000");
    assert.equal(formatPValue(0.00001234), "1.2e-5");
    assert.equal(formatPValue(0), "< 1e-300");
    assert.equal(formatPValue(null), "–");
    assert.equal(formatPValue(Number.NaN), "–");
});
