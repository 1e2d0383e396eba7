import assert from "node:assert/strict";
import { test } from "node:test";
import { benjaminiHochberg } from "../../src/drift/bh.js";
import { binCounts } from "../../src/drift/bins.js";
import { chi2Homogeneity } from "../../src/drift/chi2.js";
import { distributionOf } from "../../src/drift/distribution.js";
import { jensenShannon } from "../../src/drift/js.js";
import { missingRate } from "../../src/drift/missing.js";
import { psi } from "../../src/drift/psi.js";
import { outOfRange } from "../../src/drift/range.js";
import { unseenCategories } from "../../src/drift/unseen.js";
import { readOracle, relClose } from "./oracle.js";

const oracle = readOracle("ks_oracle.json");

test("chi-square homogeneity matches scipy.stats.chi2_contingency (Yates only at dof 1)", () => {
  for (const t of oracle.chi2_contingency) {
    const r = chi2Homogeneity(t.reference, t.current);
    assert.equal(r.dof, t.dof);
    assert.equal(r.yates, t.dof === 1);
    assert.ok(relClose(r.statistic, t.statistic, 1e-10), `${r.statistic} vs ${t.statistic}`);
    assert.ok(relClose(r.pValue, t.pvalue, 1e-9), `${r.pValue} vs ${t.pvalue}`);
  }
  assert.deepEqual(chi2Homogeneity([5], [7]), { statistic: 0, pValue: 1, dof: 0, yates: false });
});

test("Jensen–Shannon distance (base 2) matches SciPy, including a zero proportion", () => {
  const { p, q, base2 } = oracle.jensenshannon;
  assert.ok(relClose(jensenShannon(p, q), base2, 1e-12));
  assert.equal(jensenShannon([1, 0], [1, 0]), 0);
  assert.ok(relClose(jensenShannon([1, 0], [0, 1]), 1, 1e-15));
});

test("missing-rate two-proportion z test matches the formula evaluated with SciPy", () => {
  for (const c of oracle.missing_ztest) {
    const r = missingRate(c.x1, c.n1, c.x2, c.n2);
    assert.ok(relClose(r.statistic, c.z, 1e-12));
    assert.ok(relClose(r.pValue, c.pvalue, 1e-9), `${r.pValue} vs ${c.pvalue}`);
  }
  assert.equal(missingRate(0, 10, 0, 10).pValue, 1);
});

test("PSI replaces empty bins by 1e-4 and nothing else", () => {
  const ref = [0.5, 0.5, 0];
  const cur = [0.25, 0.5, 0.25];
  const expected = (0.25 - 0.5) * Math.log(0.25 / 0.5) + (0.25 - 1e-4) * Math.log(0.25 / 1e-4);
  assert.ok(relClose(psi(ref, cur), expected, 1e-15));
});

test("bins: a value equal to an edge goes to the lower bin; duplicate edges leave empty bins", () => {
  const d = distributionOf(Float64Array.from([1, 2, 2, 3, 4, 9]));
  assert.deepEqual(binCounts(d, [2, 2, 4]), [3, 0, 2, 1]);
});

test("Benjamini–Hochberg q-values", () => {
  // R: p.adjust(c(0.01, 0.04, 0.03, 0.5), "BH") = 0.04 0.0533 0.0533 0.5
  const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.5]);
  assert.ok(relClose(q[0], 0.04, 1e-15));
  assert.ok(relClose(q[1], 0.04 * (4 / 3), 1e-15));
  assert.ok(relClose(q[2], 0.04 * (4 / 3), 1e-15));
  assert.equal(q[3], 0.5);
  assert.ok(Number.isNaN(benjaminiHochberg([Number.NaN, 0.2])[0]));
});

test("out-of-range: exact tail C(m,k)/C(n+m,k) on each side, Bonferroni over sides", () => {
  const ref = distributionOf(Float64Array.from([1, 2, 3, 4, 5]));
  const cur = distributionOf(Float64Array.from([0, 3, 6, 7]));
  const r = outOfRange(ref, cur);
  assert.equal(r.below, 1);
  assert.equal(r.above, 2);
  assert.equal(r.share, 3 / 4);
  // above: 2 of the top 2 of 9 pooled are current: (4·3)/(9·8)
  assert.ok(relClose(r.pValue, 2 * ((4 * 3) / (9 * 8)), 1e-15));
});

test("unseen categories: share, Good–Turing null and examples", () => {
  const ref = new Map([
    ["a", 50],
    ["b", 49],
    ["c", 1],
  ]);
  const cur = new Map([
    ["a", 40],
    ["z", 8],
    ["y", 2],
  ]);
  const r = unseenCategories(ref, cur);
  assert.equal(r.count, 10);
  assert.equal(r.share, 0.2);
  assert.equal(r.expectedShare, 2 / 101);
  assert.deepEqual(r.examples, [
    { value: "z", count: 8 },
    { value: "y", count: 2 },
  ]);
  assert.ok(r.pValue < 1e-4);
});

test("categories sort by code point, as Python sorts strings (astral characters after U+FFFF)", async () => {
  const { categoryTable } = await import("../../src/drift/categories.js");
  const t = categoryTable(
    new Map([
      ["\u{1F600}", 1],
      ["\uFF21", 1],
      ["?", 1],
    ]),
    new Map([["A", 2]]),
  );
  assert.deepEqual(t.categories, ["?", "A", "\uFF21", "\u{1F600}"]);
  assert.deepEqual(t.current, [0, 2, 0, 0]);
});
