import assert from "node:assert/strict";
import { test } from "node:test";
import { wilsonInterval } from "../../src/stats/wilson.js";
import { readJson, relClose } from "../helpers/oracle.js";
// scipy.stats.binomtest(k, n).proportion_ci(0.95, method="wilson"), from make_compat_oracles.py
const compat = readJson("compat", "compat_oracles.json");
test("Wilson intervals match scipy's binomtest(...).proportion_ci(method='wilson')", () => {
    for (const { k, n, low, high } of compat.wilson_cases) {
        const ci = wilsonInterval(k, n, 0.95);
        assert.ok(ci);
        assert.ok(relClose(ci[0], low, 1e-9), `${k}/${n} low ${ci[0]} vs ${low}`);
        assert.ok(relClose(ci[1], high, 1e-9), `${k}/${n} high ${ci[1]} vs ${high}`);
    }
});
test("the bounds are exactly 0 at k = 0 and exactly 1 at k = n; no interval without data", () => {
    assert.equal(wilsonInterval(0, 10)?.[0], 0);
    assert.equal(wilsonInterval(10, 10)?.[1], 1);
    assert.equal(wilsonInterval(0, 0), null);
    const [lo90, hi90] = wilsonInterval(30, 100, 0.9);
    const [lo99, hi99] = wilsonInterval(30, 100, 0.99);
    assert.ok(lo99 < lo90 && hi90 < hi99, "a higher level gives a wider interval");
});
