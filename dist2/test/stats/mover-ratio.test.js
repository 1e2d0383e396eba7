import assert from "node:assert/strict";
import { test } from "node:test";
import { moverRatio } from "../../src/stats/mover-ratio.js";
const Z = 1.959963984540054;
test("MOVER ratio agrees with the Katz log interval at large counts", () => {
    const [k1, n1, k2, n2] = [3000, 10000, 2000, 8000];
    const ratio = k1 / n1 / (k2 / n2);
    const se = Math.sqrt((1 - k1 / n1) / k1 + (1 - k2 / n2) / k2);
    const katz = [ratio * Math.exp(-Z * se), ratio * Math.exp(Z * se)];
    const got = moverRatio(k1, n1, k2, n2);
    assert.ok(Math.abs(got[0] - katz[0]) < 2e-3 && Math.abs(got[1] - katz[1]) < 2e-3, `${got} vs ${katz}`);
});
test("MOVER ratio at the boundary: 0 in the numerator reaches 0, a small denominator leaves the top open", () => {
    const zero = moverRatio(0, 40, 10, 40);
    assert.equal(zero[0], 0);
    assert.ok(zero[1] > 0.1 && zero[1] < 1, `${zero}`);
    // Equal rates at 20/20: the ratio is 1 and the interval holds it with width on both sides.
    const full = moverRatio(20, 20, 20, 20);
    assert.ok(full[0] < 0.9 && full[1] > 1.1, `${full}`);
    assert.equal(moverRatio(3, 10, 0, 10), null);
    // The interval holds the estimate and narrows with n.
    const small = moverRatio(6, 20, 10, 20);
    const large = moverRatio(60, 200, 100, 200);
    assert.ok(small[0] < 0.6 && 0.6 < small[1] && large[0] < 0.6 && 0.6 < large[1]);
    assert.ok(large[1] - large[0] < small[1] - small[0]);
});
