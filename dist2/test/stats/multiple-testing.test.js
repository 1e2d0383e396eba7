import assert from "node:assert/strict";
import { test } from "node:test";
import { adjustPValues, benjaminiHochberg, holm } from "../../src/stats/multiple-testing.js";
import { readJson, relClose } from "../helpers/oracle.js";
// Holm from the compat oracle script, BH from scipy.stats.false_discovery_control (make_compat_oracles.py).
const compat = readJson("compat", "compat_oracles.json");
test("Holm and Benjamini–Hochberg match the reference values", () => {
    const race = compat.groups.race;
    const p = Object.keys(race)
        .sort()
        .map((k) => race[k].mcnemar_exact);
    for (const [i, v] of holm(p).entries())
        assert.ok(relClose(v, compat.race_holm[i], 1e-12), `holm ${i}`);
    for (const [i, v] of benjaminiHochberg(p).entries())
        assert.ok(relClose(v, compat.race_bh[i], 1e-12), `bh ${i}`);
    for (const [i, v] of benjaminiHochberg(compat.fixed_pvalues).entries())
        assert.ok(relClose(v, compat.fixed_bh[i], 1e-12), `bh fixed ${i}`);
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.5), "BH") = 0.04 0.0533 0.0533 0.5; "holm" = 0.04 0.09 0.09 0.5
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.5]);
    assert.deepEqual(q.map((x) => Number(x.toPrecision(12))), [0.04, 0.0533333333333, 0.0533333333333, 0.5]);
    assert.deepEqual(holm([0.01, 0.04, 0.03, 0.5]).map((x) => Number(x.toPrecision(12))), [0.04, 0.09, 0.09, 0.5]);
    assert.deepEqual(adjustPValues([0.01, 0.04, 0.03, 0.5], "bh"), q);
});
test("a NaN p-value (a test that could not run) stays NaN and does not count in the family", () => {
    for (const adjust of [holm, benjaminiHochberg]) {
        const withNaN = adjust([0.01, Number.NaN, 0.04, 0.03]);
        const without = adjust([0.01, 0.04, 0.03]);
        assert.ok(Number.isNaN(withNaN[1]));
        assert.deepEqual([withNaN[0], withNaN[2], withNaN[3]], without);
    }
    assert.deepEqual(holm([]), []);
});
