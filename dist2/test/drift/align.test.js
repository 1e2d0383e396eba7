import assert from "node:assert/strict";
import { test } from "node:test";
import { alignCategories, alignToSketch, discretize } from "../../src/drift/align.js";
import { DDSketch } from "../../src/sketch/ddsketch.js";
import { distributionOf } from "../../src/stats/distribution.js";
import { ksTest } from "../../src/stats/ks.js";
import { normals, rng } from "./random.js";
test("discretize puts values on the sketch's bucket values and is idempotent", () => {
    const sketch = { kind: "grid", width: 10, maxBins: 100, cells: {} };
    const d = discretize(distributionOf(Float64Array.from([1, 4, 9, 10, 25, -3])), sketch);
    assert.deepEqual(Array.from(d.values), [-5, 5, 15, 25]);
    assert.deepEqual(Array.from(d.counts), [1, 3, 1, 1]);
    assert.deepEqual(discretize(d, sketch), d);
});
test("a sketched side against an exact side: bucketing both keeps KS within a bucket's rounding", () => {
    const r = rng(9);
    const refValues = normals(r, 20000).map((v) => 100 + 15 * v);
    const curValues = normals(r, 20000).map((v) => 100 + 15 * v);
    const sk = new DDSketch();
    for (const v of curValues)
        sk.add(v);
    const state = sk.toState();
    const exact = ksTest(distributionOf(refValues), distributionOf(curValues)).statistic;
    const sketched = {
        kind: "numeric",
        distribution: discretize(distributionOf(curValues), state),
        missing: 0,
        nonFinite: 0,
        rows: 20000,
        approximate: true,
        sketch: state,
    };
    const raw = {
        kind: "numeric",
        distribution: distributionOf(refValues),
        missing: 0,
        nonFinite: 0,
        rows: 20000,
    };
    const unaligned = ksTest(raw.distribution, sketched.distribution).statistic;
    const [a, b] = alignToSketch(raw, sketched);
    const aligned = ksTest(a.distribution, b.distribution).statistic;
    assert.ok(Math.abs(aligned - exact) < 0.002, `aligned ${aligned} vs exact ${exact}`);
    assert.ok(Math.abs(unaligned - exact) > Math.abs(aligned - exact), "aligning helps");
});
test("a capped frequency table: the other side's unlisted categories are pooled into (other)", () => {
    const capped = {
        kind: "categorical",
        counts: new Map([
            ["a", 50],
            ["b", 30],
            ["(other)", 20],
        ]),
        missing: 0,
        rows: 100,
        approximate: true,
    };
    const exact = {
        kind: "categorical",
        counts: new Map([
            ["a", 40],
            ["b", 35],
            ["c", 15],
            ["d", 10],
        ]),
        missing: 0,
        rows: 100,
    };
    const [r, c] = alignCategories(capped, exact);
    assert.deepEqual([...r.counts], [...capped.counts]);
    assert.deepEqual([...c.counts], [
        ["a", 40],
        ["b", 35],
        ["(other)", 25],
    ]);
    assert.equal(c.approximate, true);
});
test("compareProfiles: drift between two saved profiles without the data", async () => {
    const { compareProfiles } = await import("../../src/drift/profiles.js");
    const { profileBatches } = await import("../../src/profile/build.js");
    const { batchFromRows } = await import("../../src/table/types.js");
    const r = rng(11);
    const columns = [
        { name: "x", type: "float", sourceType: "DOUBLE" },
        { name: "c", type: "string", sourceType: "VARCHAR" },
    ];
    const rows = (shift) => Array.from({ length: 5000 }, () => ({
        x: r.normal() + shift,
        c: r.uniform() < 0.3 + shift / 2 ? "a" : "b",
    }));
    async function* batches(shift) {
        yield batchFromRows(columns, rows(shift));
    }
    const ref = await profileBatches(columns, batches(0), { name: "ref", digest: "" });
    const same = await profileBatches(columns, batches(0), { name: "same", digest: "" });
    const moved = await profileBatches(columns, batches(0.5), { name: "moved", digest: "" });
    assert.equal(compareProfiles(ref, same).drifted, false);
    const drift = compareProfiles(ref, moved);
    assert.equal(drift.drifted, true);
    assert.deepEqual(drift.columns.map((c) => c.status), ["drift", "drift"]);
});
