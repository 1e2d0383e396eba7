import assert from "node:assert/strict";
import { test } from "node:test";
import { kolmogorovSf } from "../../src/stats/kolmogorov.js";
import { ksExactPValue } from "../../src/stats/ks-exact.js";
import { readJson, relClose } from "../helpers/oracle.js";
const oracle = readJson("stats", "oracle.json");
test("kolmogorovSf matches scipy.stats.kstwo.sf on every branch", () => {
    const bad = [];
    for (const { n, x, sf } of oracle.kstwo_sf) {
        const got = kolmogorovSf(n, x);
        // relative 1e-9 where the value is representable; tiny tails (< 1e-250) only need to agree on being tiny
        const ok = sf < 1e-250 ? got < 1e-240 : relClose(got, sf, 1e-9);
        if (!ok)
            bad.push(`n=${n} x=${x}: got ${got}, scipy ${sf}`);
    }
    assert.deepEqual(bad, []);
});
test("exact two-sample p-value: limits and symmetry", () => {
    assert.equal(ksExactPValue(10, 10, 0), 1);
    // D = 1 for n = m = 3: the two samples do not interleave, 2 of C(6,3) = 20 orderings
    assert.ok(relClose(ksExactPValue(3, 3, 3), 2 / 20, 1e-14));
    assert.equal(ksExactPValue(7, 11, 20), ksExactPValue(11, 7, 20));
});
