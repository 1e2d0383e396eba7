import assert from "node:assert/strict";
import { test } from "node:test";
import { newcombeDifference, newcombePairedDifference } from "../../src/stats/newcombe.js";
const near = (got, want, tol, what) => assert.ok(Math.abs(got - want) <= tol, `${what}: ${got} vs ${want}`);
test("independent differences match Newcombe (1998) Table II, method 10", () => {
    // Published to 4 decimals: 56/70 − 48/80 → [0.0524, 0.3339]; 9/10 − 3/10 → [0.1705, 0.8090].
    const a = newcombeDifference(56, 70, 48, 80);
    near(a[0], 0.0524, 5e-5, "56/70 − 48/80 lower");
    near(a[1], 0.3339, 5e-5, "56/70 − 48/80 upper");
    const b = newcombeDifference(9, 10, 3, 10);
    near(b[0], 0.1705, 5e-5, "9/10 − 3/10 lower");
    near(b[1], 0.809, 5e-5, "9/10 − 3/10 upper");
    // At the boundary the interval still has width: 20/20 − 18/20 is 0.1, and a gap of 0 is not excluded.
    const c = newcombeDifference(20, 20, 18, 20);
    assert.ok(c[0] < 0 && c[1] > 0.1 && c[1] < 1, `${c}`);
    assert.equal(newcombeDifference(1, 0, 1, 2), null);
});
test("paired differences: inside [−1, 1], hold the estimate, do not collapse without discordant pairs", () => {
    const none = newcombePairedDifference(100, 0, 0, 0);
    assert.ok(none[0] < 0 && none[1] > 0, `no flips: ${none}`);
    const some = newcombePairedDifference(80, 3, 12, 5);
    const delta = (12 - 3) / 100;
    assert.ok(some[0] < delta && delta < some[1], `${some}`);
    // Anti-symmetric: swapping the two samples mirrors the interval.
    const swapped = newcombePairedDifference(80, 12, 3, 5);
    near(swapped[0], -some[1], 1e-15, "mirror lower");
    near(swapped[1], -some[0], 1e-15, "mirror upper");
    // Positive correlation (φ > 0) narrows the interval against the independent version.
    const independent = newcombeDifference(80 + 12, 100, 80 + 3, 100);
    assert.ok(some[1] - some[0] < independent[1] - independent[0]);
    assert.equal(newcombePairedDifference(0, 0, 0, 0), null);
});
