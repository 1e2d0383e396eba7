import assert from "node:assert/strict";
import { test } from "node:test";
import { seededRandom } from "../../src/stats/random.js";

test("countDraws is the same stream as below(m), and uniform", () => {
  const m = 1000;
  const a = seededRandom(99);
  const b = seededRandom(99);
  const viaBelow = new Uint8Array(m);
  for (let j = 0; j < 5000; j++) viaBelow[a.below(m)]++;
  const bulk = new Uint8Array(m);
  b.countDraws(bulk, m, 5000);
  assert.deepEqual(bulk, viaBelow);
  assert.equal(a.nextUint32(), b.nextUint32(), "the state advances identically");
  // chi-square of 200,000 draws over 10 cells: the 99.9% point of χ²(9) is 27.9
  const cells = new Uint8Array(10);
  const counts = new Array(10).fill(0);
  const r = seededRandom(5);
  for (let k = 0; k < 2000; k++) {
    cells.fill(0);
    r.countDraws(cells, 10, 100);
    for (let c = 0; c < 10; c++) counts[c] += cells[c];
  }
  const chi2 = counts.reduce((s, o) => s + (o - 20000) ** 2 / 20000, 0);
  assert.ok(chi2 < 27.9, `χ² ${chi2}`);
});

test("the same seed gives the same stream; another seed another one; next() stays in [0, 1)", () => {
  const a = seededRandom(20240607);
  const b = seededRandom(20240607);
  const c = seededRandom(20240608);
  const xs = Array.from({ length: 100 }, () => a.next());
  assert.deepEqual(
    Array.from({ length: 100 }, () => b.next()),
    xs,
  );
  assert.notDeepEqual(
    Array.from({ length: 100 }, () => c.next()),
    xs,
  );
  assert.ok(xs.every((x) => x >= 0 && x < 1));
});

test("fillUint32 is the same stream as nextUint32", () => {
  const a = seededRandom(7);
  const b = seededRandom(7);
  const one = Array.from({ length: 1001 }, () => a.nextUint32());
  const bulk = new Uint32Array(1000);
  b.fillUint32(bulk);
  assert.deepEqual(Array.from(bulk), one.slice(0, 1000));
  assert.equal(b.nextUint32(), one[1000], "the state advances identically");
  assert.ok(
    one.some((u) => u >= 2 ** 31),
    "draws above 2³¹ come out unsigned",
  );
});
