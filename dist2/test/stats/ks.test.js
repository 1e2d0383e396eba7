import assert from "node:assert/strict";
import { test } from "node:test";
import { distributionOf } from "../../src/stats/distribution.js";
import { ksTest } from "../../src/stats/ks.js";
import { wasserstein } from "../../src/stats/wasserstein.js";
import { readJson, relClose } from "../helpers/oracle.js";
const oracle = readJson("stats", "oracle.json");
for (const c of oracle.ks_2samp) {
    test(`ks_2samp and wasserstein_distance agree with scipy: ${c.name}`, () => {
        const ref = distributionOf(Float64Array.from(c.reference));
        const cur = distributionOf(Float64Array.from(c.current));
        const r = ksTest(ref, cur);
        assert.ok(relClose(r.statistic, c.statistic, 1e-12), `D ${r.statistic} vs ${c.statistic}`);
        assert.equal(r.method, Math.max(c.reference.length, c.current.length) <= 10000 ? "exact" : "asymp");
        assert.ok(relClose(r.pValue, c.pvalue, 1e-9), `p ${r.pValue} vs ${c.pvalue}`);
        assert.ok(relClose(wasserstein(ref, cur), c.wasserstein, 1e-12));
    });
}
