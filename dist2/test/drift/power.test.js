/**
 * Power of the default drift policy for the shifts of issue 13, at n = 100 … 100,000 per side: it
 * must not fall as n grows, and every shift is caught at large n (docs/drift.md §3.5 has the
 * full-size figures from bench/drift-calibration.ts).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ALTERNATIVES, simulate } from "./simulate.js";
const SIZES = [100, 1_000, 10_000, 100_000];
const REPLICATES = { 100: 200, 1000: 100, 10000: 40, 100000: 20 };
for (const alt of ALTERNATIVES)
    test(`power for ${alt.name} grows with n and reaches ≥ 90% by 10,000 rows`, () => {
        const power = SIZES.map((n, i) => {
            const t = simulate([alt], n, REPLICATES[n], 500 + i);
            return t.columns[alt.name].drift / REPLICATES[n];
        });
        for (let i = 1; i < power.length; i++)
            assert.ok(power[i] >= power[i - 1] - 0.1, `${alt.name}: power ${power.join(", ")}`);
        assert.ok(power[2] >= 0.9 && power[3] >= 0.9, `${alt.name}: power ${power.join(", ")}`);
    });
test("a 10-point share change is flagged at 1,000 rows per side", () => {
    const alt = ALTERNATIVES.find((a) => a.name.startsWith("share"));
    assert.ok(alt);
    const t = simulate([alt], 1_000, 100, 600);
    assert.ok(t.columns[alt.name].drift / 100 >= 0.9);
});
