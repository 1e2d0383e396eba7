import assert from "node:assert/strict";
import { test } from "node:test";
import { wilsonInterval } from "../../src/compat/intervals.js";
import { mcnemarChiSquare, mcnemarExact } from "../../src/compat/mcnemar.js";
import { benjaminiHochberg, holm } from "../../src/compat/multiple-testing.js";
import { close, oracles } from "./adult-fixture.js";

test("exact McNemar p-value matches the adult oracle to 1e-12", () => {
  const e = oracles.backward_compatibility_test;
  const p = mcnemarExact(e.old_correct_new_wrong, e.old_wrong_new_correct);
  assert.ok(close(p, e.mcnemar_exact_pvalue, 1e-12), `p = ${p}`);
});

test("exact McNemar p-values match scipy binomtest on small and edge cases", () => {
  for (const { b, c, p } of oracles.mcnemar_cases)
    assert.ok(close(mcnemarExact(b, c), p, 1e-12), `${b}/${c}`);
});

test("continuity-corrected McNemar χ² matches scipy", () => {
  const e = oracles.backward_compatibility_test.mcnemar_chi2_continuity_corrected;
  const r = mcnemarChiSquare(536, 390);
  assert.ok(close(r.statistic, e.statistic));
  assert.ok(close(r.pValue, e.pvalue, 1e-10));
  for (const { b, c, statistic, p } of oracles.mcnemar_chi2_cases) {
    const got = mcnemarChiSquare(b, c);
    assert.ok(close(got.statistic, statistic));
    assert.ok(close(got.pValue, p, 1e-10), `${b}/${c}: ${got.pValue} vs ${p}`);
  }
});

test("Wilson intervals match scipy's binomtest(...).proportion_ci(method='wilson')", () => {
  for (const { k, n, low, high } of oracles.wilson_cases) {
    const ci = wilsonInterval(k, n, 0.95);
    assert.ok(ci);
    assert.ok(close(ci[0], low, 1e-9), `${k}/${n} low ${ci[0]} vs ${low}`);
    assert.ok(close(ci[1], high, 1e-9), `${k}/${n} high ${ci[1]} vs ${high}`);
  }
});

test("Holm and Benjamini–Hochberg adjustments match reference values", () => {
  const race = oracles.groups.race;
  const p = Object.keys(race)
    .sort()
    .map((k) => race[k].mcnemar_exact as number);
  for (const [i, v] of holm(p).entries()) assert.ok(close(v, oracles.race_holm[i]), `holm ${i}`);
  for (const [i, v] of benjaminiHochberg(p).entries()) assert.ok(close(v, oracles.race_bh[i]), `bh ${i}`);
  const fixed = benjaminiHochberg(oracles.fixed_pvalues);
  for (const [i, v] of fixed.entries()) assert.ok(close(v, oracles.fixed_bh[i]), `bh fixed ${i}`);
});
