import assert from "node:assert/strict";
import { test } from "node:test";
import { binCounts } from "../../src/drift/bins.js";
import { missingRate } from "../../src/drift/missing.js";
import { outOfRange } from "../../src/drift/range.js";
import { unseenCategories } from "../../src/drift/unseen.js";
import { distributionOf } from "../../src/stats/distribution.js";
import { twoProportionZ } from "../../src/stats/two-proportion-z.js";
import { relClose } from "../helpers/oracle.js";
test("missing rate: rates over all rows, the pooled two-proportion z test on the counts", () => {
    const r = missingRate(12, 1000, 30, 1000);
    assert.equal(r.reference, 0.012);
    assert.equal(r.current, 0.03);
    assert.ok(relClose(r.difference, 0.018, 1e-12));
    const z = twoProportionZ(12, 1000, 30, 1000);
    assert.equal(r.statistic, z.z);
    assert.equal(r.pValue, z.pValue);
    assert.equal(missingRate(0, 10, 0, 10).pValue, 1);
});
test("bins: a value equal to an edge goes to the lower bin; duplicate edges leave empty bins", () => {
    const d = distributionOf(Float64Array.from([1, 2, 2, 3, 4, 9]));
    assert.deepEqual(binCounts(d, [2, 2, 4]), [3, 0, 2, 1]);
});
test("out-of-range: exact tail C(m,k)/C(n+m,k) on each side, Bonferroni over sides", () => {
    const ref = distributionOf(Float64Array.from([1, 2, 3, 4, 5]));
    const cur = distributionOf(Float64Array.from([0, 3, 6, 7]));
    const r = outOfRange(ref, cur);
    assert.equal(r.below, 1);
    assert.equal(r.above, 2);
    assert.equal(r.share, 3 / 4);
    // above: 2 of the top 2 of 9 pooled are current: (4·3)/(9·8)
    assert.ok(relClose(r.pValue, 2 * ((4 * 3) / (9 * 8)), 1e-15));
});
test("unseen categories: share, exact null expectation and examples", () => {
    const ref = new Map([
        ["a", 50],
        ["b", 49],
        ["c", 1],
    ]);
    const cur = new Map([
        ["a", 40],
        ["z", 8],
        ["y", 2],
    ]);
    const r = unseenCategories(ref, cur);
    assert.equal(r.count, 10);
    assert.equal(r.share, 0.2);
    // pooled sizes a 90, b 49, c 1, z 8, y 2; a category of pooled size c misses all 100 reference
    // values with probability Π_{i<c} (50 − i)/(150 − i)
    const miss = (c) => Array.from({ length: c }, (_, i) => (50 - i) / (150 - i)).reduce((x, y) => x * y, 1);
    const expected = [90, 49, 1, 8, 2].reduce((s, c) => s + c * miss(c), 0) / 50;
    assert.ok(Math.abs(r.expectedShare - expected) < 1e-12 * expected, `${r.expectedShare} vs ${expected}`);
    assert.deepEqual(r.examples, [
        { value: "z", count: 8 },
        { value: "y", count: 2 },
    ]);
    assert.ok(r.pValue > 0 && r.pValue < 1e-3, `p ${r.pValue}`);
});
test("categories sort by code point, as Python sorts strings (astral characters after U+FFFF)", async () => {
    const { categoryTable } = await import("../../src/drift/categories.js");
    const t = categoryTable(new Map([
        ["\u{1F600}", 1],
        ["\uFF21", 1],
        ["?", 1],
    ]), new Map([["A", 2]]));
    assert.deepEqual(t.categories, ["?", "A", "\uFF21", "\u{1F600}"]);
    assert.deepEqual(t.current, [0, 2, 0, 0]);
});
