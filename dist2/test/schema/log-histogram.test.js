import assert from "node:assert/strict";
import { test } from "node:test";
import { LOG_GAMMA, logHistogramQuantiles } from "../../src/schema/log-histogram.js";
/** The JS twin of bucketKeySql, to feed the decoder without DuckDB. */
function key(v) {
    return 2 * Math.ceil(Math.log(Math.abs(v)) / Math.log(LOG_GAMMA)) + (v > 0 ? 1 : 0);
}
function sketch(values) {
    const buckets = {};
    let zeros = 0;
    for (const v of values) {
        if (v === 0)
            zeros++;
        else
            buckets[key(v)] = (buckets[key(v)] ?? 0) + 1;
    }
    return { buckets, zeros };
}
test("quantiles from log buckets are within (γ−1)/(γ+1) of a lower-rank exact quantile", () => {
    const values = [];
    for (let i = 0; i < 5000; i++)
        values.push(Math.round(Math.sin(i) * 300 + ((i * 7919) % 211) - 60));
    const sorted = [...values].sort((a, b) => a - b);
    const { buckets, zeros } = sketch(values);
    const qs = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];
    const got = logHistogramQuantiles(buckets, zeros, qs);
    const bound = (LOG_GAMMA - 1) / (LOG_GAMMA + 1) + 1e-12;
    qs.forEach((q, i) => {
        const exact = sorted[Math.floor(q * (sorted.length - 1))];
        const g = got[i];
        if (exact === 0)
            assert.equal(g, 0);
        else
            assert.ok(Math.abs(g - exact) <= bound * Math.abs(exact), `q${q}: ${g} vs ${exact}`);
    });
});
test("an empty histogram has no quantiles", () => {
    assert.deepEqual(logHistogramQuantiles({}, 0, [0.5]), [null]);
    assert.deepEqual(logHistogramQuantiles({}, 3, [0.5]), [0]);
});
