import assert from "node:assert/strict";
import { test } from "node:test";
import { twoProportionZ } from "../../src/stats/two-proportion-z.js";
import { readJson, relClose } from "../helpers/oracle.js";
const oracle = readJson("stats", "oracle.json");
test("pooled two-proportion z test matches the formula evaluated with SciPy's normal tail", () => {
    for (const c of oracle.missing_ztest) {
        const r = twoProportionZ(c.x1, c.n1, c.x2, c.n2);
        assert.ok(relClose(r.z, c.z, 1e-12), `z ${r.z} vs ${c.z}`);
        assert.ok(relClose(r.pValue, c.pvalue, 1e-9), `${r.pValue} vs ${c.pvalue}`);
    }
});
test("no variance (both rates 0 or both 1): z = 0, p = 1; the sign follows second − first", () => {
    assert.deepEqual(twoProportionZ(0, 10, 0, 10), { z: 0, pValue: 1 });
    assert.deepEqual(twoProportionZ(10, 10, 20, 20), { z: 0, pValue: 1 });
    assert.ok(twoProportionZ(1, 100, 30, 100).z > 0);
});
