import assert from "node:assert/strict";
import { test } from "node:test";
import { distributionOf } from "../../src/drift/distribution.js";
import { ksTest } from "../../src/drift/ks.js";
import { sortFloat64 } from "../../src/drift/sort.js";
import { wasserstein } from "../../src/drift/wasserstein.js";
import { readOracle, relClose } from "./oracle.js";

const oracle = readOracle("ks_oracle.json");

for (const c of oracle.ks_2samp as any[]) {
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
    for (let c = 0; c < counted.counts[i]; c++) assert.equal(counted.values[i], sorted[k++]);
  }
  assert.equal(k, sorted.length);
});
