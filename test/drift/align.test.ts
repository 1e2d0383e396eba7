import assert from "node:assert/strict";
import { test } from "node:test";
import { alignToSketch, discretize } from "../../src/drift/align.js";
import { distributionOf } from "../../src/drift/distribution.js";
import { ksTest } from "../../src/drift/ks.js";
import type { NumericSample } from "../../src/drift/sample.js";
import { DDSketch } from "../../src/sketch/ddsketch.js";
import { normals, rng } from "./random.js";

test("discretize puts values on the sketch's bucket values and is idempotent", () => {
  const sketch = { kind: "grid" as const, width: 10, maxBins: 100, cells: {} };
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
  for (const v of curValues) sk.add(v);
  const state = sk.toState();
  const exact = ksTest(distributionOf(refValues), distributionOf(curValues)).statistic;
  const sketched: NumericSample = {
    kind: "numeric",
    distribution: discretize(distributionOf(curValues), state),
    missing: 0,
    nonFinite: 0,
    rows: 20000,
    approximate: true,
    sketch: state,
  };
  const raw: NumericSample = {
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
