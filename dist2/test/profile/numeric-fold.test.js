import assert from "node:assert/strict";
import { test } from "node:test";
import { NumericFold } from "../../src/profile/numeric-fold.js";
/** A deterministic integer sample near 1e9 (a large offset makes naive Σx² − (Σx)²/n lose digits). */
function sample(n) {
    let state = 12345;
    const out = [];
    for (let i = 0; i < n; i++) {
        state = (state * 1103515245 + 12345) % 2147483648;
        out.push(1_000_000_000 + (state % 10_000));
    }
    return out;
}
/** Exact mean and M2 of integers, by BigInt sums. */
function exact(values) {
    let s = 0n;
    let s2 = 0n;
    for (const v of values) {
        s += BigInt(v);
        s2 += BigInt(v) * BigInt(v);
    }
    const n = BigInt(values.length);
    // M2 = Σx² − (Σx)²/n; scaled by n to stay in integers
    const m2TimesN = s2 * n - s * s;
    return { mean: Number(s) / values.length, m2: Number(m2TimesN) / values.length };
}
test("values folded one by one and as (value, count) groups give the same statistics", () => {
    const values = [...sample(3 * 2048 + 5), 0, 0, -3, Infinity, -Infinity, Infinity];
    const rows = new NumericFold("integer");
    for (const v of values)
        rows.add(v);
    const counts = new Map();
    for (const v of values)
        counts.set(v, (counts.get(v) ?? 0) + 1);
    const groups = new NumericFold("integer");
    for (const [v, c] of counts)
        groups.add(v, c);
    const a = rows.state();
    const b = groups.state();
    assert.equal(rows.listed, values.length);
    assert.equal(groups.listed, values.length);
    for (const key of ["posInf", "negInf", "zeros", "negatives", "min", "max"])
        assert.equal(a[key], b[key], key);
    assert.deepEqual([a.posInf, a.negInf, a.zeros, a.negatives, a.min], [2, 1, 2, 1, -3]);
    assert.equal(a.moments.n, values.length - 3);
    assert.equal(b.moments.n, values.length - 3);
    assert.ok(Math.abs(a.moments.mean - b.moments.mean) <= 1e-12 * Math.abs(a.moments.mean));
    assert.ok(Math.abs(a.moments.m2 - b.moments.m2) <= 1e-12 * a.moments.m2);
    assert.deepEqual(a.sketch, b.sketch);
});
test("moments stay within 1e-13 of the exact values across many blocks, far from zero", () => {
    const values = sample(200_000);
    const fold = new NumericFold("float");
    for (const v of values)
        fold.add(v);
    const { moments } = fold.state();
    const truth = exact(values);
    assert.ok(Math.abs(moments.mean / truth.mean - 1) < 1e-15, `mean ${moments.mean} vs ${truth.mean}`);
    assert.ok(Math.abs(moments.m2 / truth.m2 - 1) < 1e-13, `m2 ${moments.m2} vs ${truth.m2}`);
});
test("an empty fold and a fold of only infinities have no extremes and zero moments", () => {
    const empty = new NumericFold("float").state();
    assert.deepEqual([empty.min, empty.max, empty.moments], [null, null, { n: 0, mean: 0, m2: 0 }]);
    const inf = new NumericFold("float");
    inf.add(Infinity, 4);
    const s = inf.state();
    assert.deepEqual([s.posInf, s.min, s.max, s.moments.n], [4, null, null, 0]);
    assert.equal(inf.listed, 4);
});
