import assert from "node:assert/strict";
import { test } from "node:test";
import { DDSketch } from "../../src/sketch/ddsketch.js";
import { FrequencyCounter, mergeFrequencies } from "../../src/sketch/frequency.js";
import { GridSketch, gridWidthFor } from "../../src/sketch/grid.js";
import { hashNumber, hashString } from "../../src/sketch/hash.js";
import { HLL_RELATIVE_ERROR, HyperLogLog } from "../../src/sketch/hll.js";
import { sketchCdf, sketchQuantile } from "../../src/sketch/quantiles.js";
/** A seeded generator so failures reproduce. */
function rng(seed) {
    let s = seed >>> 0;
    return () => {
        s = (s + 0x6d2b79f5) >>> 0;
        let t = s;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
test("DDSketch quantiles are within the relative accuracy of the order statistic at rank floor(q(n-1))", () => {
    const random = rng(1);
    const values = Array.from({ length: 50_000 }, () => Math.exp(3 * (random() - 0.3)) * (random() < 0.2 ? -1 : 1));
    values.push(0, 0, 0);
    const sketch = new DDSketch(0.01);
    for (const v of values)
        sketch.add(v);
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of [0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1]) {
        const exact = sorted[Math.floor(q * (sorted.length - 1))];
        const estimate = sketchQuantile(sketch.toState(), q);
        assert.ok(Math.abs(estimate - exact) <= 0.01 * Math.abs(exact) + 1e-12, `q=${q}: ${estimate} vs ${exact}`);
    }
});
test("DDSketch merge equals the sketch of the union, bucket for bucket", () => {
    const random = rng(2);
    const whole = new DDSketch();
    const left = new DDSketch();
    const right = new DDSketch();
    for (let i = 0; i < 20_000; i++) {
        const v = (random() - 0.5) * 1000;
        whole.add(v);
        (i % 3 === 0 ? left : right).add(v);
    }
    left.merge(right.toState());
    assert.deepEqual(left.toState(), whole.toState());
});
test("DDSketch caps its buckets by collapsing the smallest magnitudes", () => {
    const sketch = new DDSketch(0.01, 64);
    for (let e = -300; e <= 300; e++)
        sketch.add(10 ** (e / 10));
    const state = sketch.toState();
    assert.ok(Object.keys(state.positive).length <= 64);
    assert.equal(Object.values(state.positive).reduce((a, b) => a + b, 0), 601);
    // The top quantile is still accurate: collapsing only touches the low end.
    assert.ok(Math.abs(sketchQuantile(state, 1) - 1e30) <= 0.01 * 1e30);
});
test("sketchCdf tracks the empirical CDF", () => {
    const random = rng(3);
    const sketch = new DDSketch(0.005);
    const values = Array.from({ length: 10_000 }, () => random() * 100);
    for (const v of values)
        sketch.add(v);
    for (const x of [1, 10, 50, 90]) {
        const empirical = values.filter((v) => v <= x).length / values.length;
        assert.ok(Math.abs(sketchCdf(sketch.toState(), x) - empirical) < 0.01, `x=${x}`);
    }
});
test("time grid: incremental coarsening equals the width the SQL engine computes, and merges align", () => {
    const random = rng(4);
    const values = Array.from({ length: 5000 }, () => 978307200000 + random() * 180 * 86_400_000);
    const grid = new GridSketch(1000, 512);
    for (const v of values)
        grid.add(v);
    const min = Math.min(...values);
    const max = Math.max(...values);
    assert.equal(grid.width, gridWidthFor(min, max, 1000, 512));
    const a = new GridSketch(1000, 512);
    const b = new GridSketch(1000, 512);
    values.forEach((v, i) => (i < 100 ? a : b).add(v)); // a stays fine-grained, b coarsens
    a.merge(b.toState());
    assert.deepEqual(a.toState(), grid.toState());
    // equal widths whose union overflows: the merge coarsens part-way and must keep rescaling the rest
    const early = new GridSketch(1000, 512);
    const late = new GridSketch(1000, 512);
    const all = new GridSketch(1000, 512);
    const sorted = [...values].sort((x, y) => x - y);
    sorted.forEach((v, i) => {
        (i < sorted.length / 2 ? early : late).add(v);
        all.add(v);
    });
    early.merge(late.toState());
    assert.deepEqual(early.toState(), all.toState());
});
test("HyperLogLog estimates within 4 standard errors and merges by register maximum", () => {
    const a = new HyperLogLog();
    const b = new HyperLogLog();
    const whole = new HyperLogLog();
    for (let i = 0; i < 100_000; i++) {
        const h = hashString(`user-${i}`);
        (i % 2 ? a : b).addHash(h);
        whole.addHash(h);
    }
    assert.ok(Math.abs(whole.estimate() / 100_000 - 1) < 4 * HLL_RELATIVE_ERROR, `estimate ${whole.estimate()}`);
    a.merge(b);
    assert.equal(a.estimate(), whole.estimate());
    assert.equal(HyperLogLog.deserialize(whole.serialize()).estimate(), whole.estimate());
    const small = new HyperLogLog();
    for (let i = 0; i < 100; i++)
        small.addHash(hashNumber(i));
    assert.ok(Math.abs(small.estimate() - 100) <= 2, `small range ${small.estimate()}`);
});
test("frequency counter is exact under capacity and bounds its overestimate above it", () => {
    const counter = new FrequencyCounter(64);
    const truth = new Map();
    const random = rng(5);
    for (let i = 0; i < 20_000; i++) {
        // a few heavy hitters and a long tail
        const v = random() < 0.5 ? Math.floor(random() * 5) : 1000 + Math.floor(random() * 5000);
        counter.add(v);
        truth.set(v, (truth.get(v) ?? 0) + 1);
    }
    assert.equal(counter.exact, false);
    const state = counter.toState();
    for (const [k, c] of Object.entries(state.counts)) {
        const t = truth.get(Number(k)) ?? 0;
        assert.ok(c >= t && c - t <= state.error, `${k}: ${c} vs ${t} (error ${state.error})`);
    }
    for (let v = 0; v < 5; v++)
        assert.ok(String(v) in state.counts, `heavy hitter ${v} kept`);
    const exact = new FrequencyCounter(10);
    for (const v of ["a", "b", "a", "c"])
        exact.add(v);
    const merged = mergeFrequencies(exact.toState(), exact.toState());
    assert.deepEqual(merged, { exact: true, capacity: 10, counts: { a: 4, b: 2, c: 2 }, error: 0 });
});
