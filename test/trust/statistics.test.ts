import assert from "node:assert/strict";
import { test } from "node:test";
import { seededRandom } from "../../src/stats/random.js";
import { betaBinomialPmf, exchangeableCount, orderStatisticQuantile } from "../../src/trust/exchangeable.js";
import { averagePathLength } from "../../src/trust/isolation-forest.js";
import { ledoitWolf } from "../../src/trust/ledoit-wolf.js";
import { fitMahalanobis, mahalanobisSquared, mahalanobisTerms } from "../../src/trust/mahalanobis.js";
import { conformalPValue } from "../../src/trust/p-value.js";
import { tailDecades, tailKnots } from "../../src/trust/tail-transform.js";
import { close } from "../evaluate/oracle.js";
import { fixtureTable, NUMERIC, numbers, trustOracle } from "./oracle.js";

async function standardised(rows: number) {
  const train = await fixtureTable("adult", "adult_train.csv");
  const test_ = await fixtureTable("adult", "adult_test.csv");
  const o = trustOracle.ledoit_wolf;
  const p = NUMERIC.length;
  const z = new Float64Array(rows * p);
  const zt = new Float64Array(20 * p);
  NUMERIC.forEach((name, j) => {
    const x = numbers(train, name);
    const t = numbers(test_, name);
    for (let i = 0; i < rows; i++) z[i * p + j] = (x[i] - o.mean[j]) / o.sd[j];
    for (let i = 0; i < 20; i++) zt[i * p + j] = (t[i] - o.mean[j]) / o.sd[j];
  });
  return { z, zt, p };
}

test("Ledoit–Wolf covariance and shrinkage match scikit-learn on 3,000 adult rows", async () => {
  const { z, p } = await standardised(3000);
  const o = trustOracle.ledoit_wolf;
  const lw = ledoitWolf(z, 3000, p);
  close(lw.shrinkage, o.shrinkage, 1e-12, "shrinkage");
  o.covariance.forEach((c: number, k: number) => close(lw.covariance[k], c, 1e-12, `covariance[${k}]`));
  o.location.forEach((m: number, j: number) => close(lw.location[j], m, 1e-12, `location[${j}]`));
});

test("Mahalanobis distances match LedoitWolf().mahalanobis, and the per-feature terms add up to them", async () => {
  const { z, zt, p } = await standardised(3000);
  const o = trustOracle.ledoit_wolf;
  const model = fitMahalanobis(z, 3000, p);
  o.precision.forEach((v: number, k: number) =>
    close(model.precision[k], v, 1e-9 * Math.max(1, Math.abs(v)), `precision[${k}]`),
  );
  const d2 = mahalanobisSquared(model, zt, 20);
  o.mahalanobis_test_rows_0_20.forEach((v: number, i: number) =>
    close(d2[i], v, 1e-9 * Math.max(1, v), `d²[${i}]`),
  );
  for (let i = 0; i < 20; i++) {
    const sum = mahalanobisTerms(model, zt, i).reduce((a, b) => a + b, 0);
    close(sum, d2[i], 1e-9 * Math.max(1, d2[i]), `terms of row ${i}`);
  }
});

test("Mahalanobis distances equal the full double sum dᵀ Σ⁻¹ d at every width, unrolled (p ≤ 32) or looped (p > 32)", () => {
  const random = seededRandom(5);
  for (const p of [1, 2, 6, 13, 32, 33, 40]) {
    const n = 400;
    // Correlated columns: each is the previous one plus noise, so Σ⁻¹ has every off-diagonal term.
    const z = new Float64Array(n * p);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < p; j++) z[i * p + j] = (j > 0 ? 0.7 * z[i * p + j - 1] : 0) + random.next() - 0.5;
    const model = fitMahalanobis(z, n, p);
    const d2 = mahalanobisSquared(model, z, n);
    const into = new Float64Array(n);
    assert.equal(mahalanobisSquared(model, z, n, into), into, "scores into the buffer given");
    assert.deepEqual(into, d2);
    assert.throws(() => mahalanobisSquared(model, z, n, new Float64Array(n - 1)), RangeError);
    for (let i = 0; i < n; i += 37) {
      let expected = 0;
      for (let a = 0; a < p; a++)
        for (let b = 0; b < p; b++)
          expected +=
            (z[i * p + a] - model.location[a]) *
            model.precision[a * p + b] *
            (z[i * p + b] - model.location[b]);
      close(d2[i], expected, 1e-10 * Math.max(1, expected), `p = ${p}, d²[${i}]`);
    }
  }
});

test("isolation forest c(n) matches scikit-learn's _average_path_length", () => {
  const o = trustOracle.average_path_length;
  o.n.forEach((n: number, j: number) => close(averagePathLength(n), o.c[j], 1e-12, `c(${n})`));
});

test("Beta-Binomial pmf and upper tails match scipy.stats.betabinom", () => {
  for (const c of trustOracle.beta_binomial) {
    const pmf = betaBinomialPmf(c.m, c.a, c.b);
    c.pmf.forEach((v: number, x: number) =>
      close(pmf[x], v, 1e-12 + 1e-9 * v, `pmf(${x}; ${c.m}, ${c.a}, ${c.b})`),
    );
    c.sf_at.forEach((x: number, j: number) => {
      // The count flagged in `flagsUnderExchangeability` is BB(m, r, n + 1 − r): n = a + b − 1, r = a.
      const e = exchangeableCount(c.a + c.b - 1, c.a, c.m, x)!;
      close(e.upperTail, c.sf[j], 1e-9, `P(X ≥ ${x})`);
    });
  }
});

test("conformal p-values count ties against the row and never go below 1/(n+1)", () => {
  const sorted = Float64Array.of(1, 2, 2, 3);
  assert.equal(conformalPValue(sorted, 2), (1 + 3) / 5);
  assert.equal(conformalPValue(sorted, 2.5), (1 + 1) / 5);
  assert.equal(conformalPValue(sorted, 99), 1 / 5);
  assert.equal(conformalPValue(sorted, 0), 1);
});

test("tail shares: −log10 P̂(score ≥ s) at knots, runs of ties at their lowest share, extrapolated beyond the max", () => {
  const reference = Float64Array.from({ length: 1000 }, (_, i) => (i < 500 ? 0 : i));
  const knots = tailKnots(reference);
  assert.equal(tailDecades(knots, -1), 0);
  assert.equal(tailDecades(knots, 0), 0); // half the reference ties at 0: P(score ≥ 0) = 1
  close(tailDecades(knots, 899.1), 1, 0.01, "P(score ≥ 899.1) ≈ 0.1");
  close(tailDecades(knots, 989.01), 2, 0.01, "P(score ≥ 989) ≈ 0.01");
  // Beyond the maximum (999, at log10(1001) decades) the last decade's slope carries on: the top decade
  // of knots spans 989 → 999, so 1,009 is about one decade further.
  close(tailDecades(knots, 1009), Math.log10(1001) + 1, 0.02, "one decade beyond");
  let previous = -1;
  for (let s = 400; s <= 3000; s += 7) {
    const t = tailDecades(knots, s);
    assert.ok(t >= previous, "monotone");
    previous = t;
  }
});

test("order-statistic quantiles (the training-conditional coverage bound) match scipy.stats.beta.ppf", () => {
  for (const c of trustOracle.beta_ppf)
    close(
      orderStatisticQuantile(c.n, c.k, c.delta),
      c.ppf,
      1e-9,
      `Beta(${c.k}, ${c.n + 1 - c.k}) at ${c.delta}`,
    );
});
