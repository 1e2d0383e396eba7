import assert from "node:assert/strict";
import { test } from "node:test";
import { rateLowerBound, rateUpperBound } from "../../src/stats/clopper-pearson.js";
import { readJson } from "../helpers/oracle.js";
const cases = readJson("stats", "clopper_pearson.json");
test("Clopper–Pearson bounds match scipy's beta quantiles (make_clopper_pearson.py)", () => {
    for (const c of cases) {
        const up = rateUpperBound(c.k, c.n, c.confidence);
        const lo = rateLowerBound(c.k, c.n, c.confidence);
        assert.ok(Math.abs(up - c.upper) <= 1e-9 * Math.max(1e-12, c.upper) + 1e-15, `upper ${JSON.stringify(c)}: ${up}`);
        assert.ok(Math.abs(lo - c.lower) <= 1e-7 * Math.max(1e-12, c.lower) + 1e-15, `lower ${JSON.stringify(c)}: ${lo}`);
    }
});
test("no missing value in 32 561 rows allows about 6.9/n, not 0", () => {
    const t = rateUpperBound(0, 32561, 0.999);
    assert.ok(Math.abs(t - -Math.log(0.001) / 32561) < 1e-7);
});
