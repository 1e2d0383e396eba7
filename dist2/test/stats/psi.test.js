import assert from "node:assert/strict";
import { test } from "node:test";
import { psi } from "../../src/stats/psi.js";
import { readJson, relClose } from "../helpers/oracle.js";
const oracle = readJson("stats", "oracle.json");
test("PSI matches the NumPy formula (make_oracle.py) on counts, with empty bins and a share below ε", () => {
    for (const c of oracle.psi)
        assert.ok(relClose(psi(c.reference, c.current), c.psi, 1e-12), JSON.stringify(c));
});
test("PSI replaces an empty bin by 1e-4 and nothing else; counts and proportions give the same value", () => {
    const expected = (0.25 - 0.5) * Math.log(0.25 / 0.5) + (0.25 - 1e-4) * Math.log(0.25 / 1e-4);
    assert.ok(relClose(psi([0.5, 0.5, 0], [0.25, 0.5, 0.25]), expected, 1e-15));
    assert.ok(relClose(psi([2, 2, 0], [1, 2, 1]), expected, 1e-15));
    // a share of 5e-5 stays 5e-5 (flooring it at 1e-4 would give 0.5·ln(5000) + … instead)
    const rare = psi([99_995, 5], [50, 50]);
    const r = [0.99995, 5e-5];
    assert.ok(relClose(rare, (0.5 - r[0]) * Math.log(0.5 / r[0]) + (0.5 - r[1]) * Math.log(0.5 / r[1]), 1e-12));
    assert.equal(psi([3, 3], [3, 3]), 0);
    assert.ok(Number.isNaN(psi([0, 0], [1, 2])));
});
