import assert from "node:assert/strict";
import { test } from "node:test";
import { distributionOf, distributionOfFrequencies, moments } from "../../src/stats/distribution.js";
import { sortFloat64 } from "../../src/stats/sort.js";
test("radix sort orders negatives, zeros, duplicates and large magnitudes like a comparison sort", () => {
    const values = new Float64Array(50_000);
    let seed = 7;
    const rand = () => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed / 2147483648;
    };
    for (let i = 0; i < values.length; i++) {
        const u = rand();
        values[i] =
            u < 0.1
                ? 0
                : u < 0.2
                    ? -0
                    : u < 0.5
                        ? Math.round((rand() - 0.5) * 20)
                        : (rand() - 0.5) * 10 ** (rand() * 40 - 20);
    }
    const expected = Float64Array.from(values).sort();
    const got = sortFloat64(values);
    for (let i = 0; i < got.length; i++)
        assert.ok(got[i] === expected[i], `at ${i}: ${got[i]} vs ${expected[i]}`);
});
test("distributionOf counts integers and sorts floats to the same distribution", () => {
    const ints = Float64Array.from([3, 1, 2, 3, 3, -4, Number.NaN, 2]);
    const d = distributionOf(ints);
    assert.deepEqual(Array.from(d.values), [-4, 1, 2, 3]);
    assert.deepEqual(Array.from(d.counts), [1, 1, 2, 3]);
    assert.equal(d.total, 7);
    const floats = distributionOf(Float64Array.from([0.5, 0.25, 0.5, Number.POSITIVE_INFINITY]));
    assert.deepEqual(Array.from(floats.values), [0.25, 0.5]);
    assert.deepEqual(Array.from(floats.counts), [1, 2]);
});
test("distributionOf counts minute-resolution timestamps through their common step", () => {
    const base = Date.UTC(2001, 0, 1);
    const values = Float64Array.from({ length: 5000 }, (_, i) => base + ((i * 7919) % 4000) * 60_000 * 37);
    const counted = distributionOf(values);
    const sorted = Float64Array.from(values).sort();
    let k = 0;
    for (let i = 0; i < counted.values.length; i++) {
        for (let c = 0; c < counted.counts[i]; c++)
            assert.equal(counted.values[i], sorted[k++]);
    }
    assert.equal(k, sorted.length);
});
test("a frequency table keyed by numbers' string forms becomes a sorted distribution; non-numbers are skipped", () => {
    const d = distributionOfFrequencies({ "10": 2, "-1.5": 1, "3": 4, NaN: 3, Infinity: 1, x: 1 });
    assert.deepEqual(Array.from(d.values), [-1.5, 3, 10]);
    assert.deepEqual(Array.from(d.counts), [1, 4, 2]);
    assert.equal(d.total, 7);
});
test("moments: mean and the ddof = 0 standard deviation of the expanded sample (np.mean, np.std)", () => {
    // np.std([1, 2, 2, 4]) = 1.0897247358851685
    const m = moments(distributionOf(Float64Array.from([4, 2, 1, 2])));
    assert.equal(m.mean, 2.25);
    assert.ok(Math.abs(m.std - 1.0897247358851685) < 1e-15);
    assert.ok(Number.isNaN(moments(distributionOf(new Float64Array(0))).mean));
});
