import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { unseenCategories } from "../../src/drift/unseen.js";
import { unseenTest } from "../../src/drift/unseen-test.js";
import { chi2Pooled, poolSparseColumns } from "../../src/stats/chi2-pooled.js";
import { distributionOf } from "../../src/stats/distribution.js";
import { hypergeometricSample } from "../../src/stats/hypergeometric-sample.js";
import { jensenShannon } from "../../src/stats/jensen-shannon.js";
import { jensenShannonCorrected } from "../../src/stats/jensen-shannon-corrected.js";
import { ksTest } from "../../src/stats/ks.js";
import { ksTiesPValue } from "../../src/stats/ks-ties.js";
import { monteCarloPValue } from "../../src/stats/monte-carlo-p.js";
import { seededRandom } from "../../src/stats/random.js";
const oracle = JSON.parse(readFileSync(new URL("../../../test/fixtures/stats/ties_oracle.json", import.meta.url), "utf8"));
// a Monte-Carlo p-value with d draws has standard error √(p(1 − p)/d)
const close = (mc, exact, label) => {
    const se = Math.sqrt((exact * (1 - exact)) / Math.max(mc.draws, 1));
    assert.ok(Math.abs(mc.pValue - exact) <= 4 * se + 1e-3, `${label}: ${mc.pValue} vs ${exact} (${mc.draws} draws)`);
};
test("hypergeometric draws follow scipy.stats.hypergeom's pmf", () => {
    const random = seededRandom(11);
    for (const c of oracle.hypergeometric_pmf) {
        const draws = 40_000;
        const freq = new Map();
        for (let i = 0; i < draws; i++) {
            const k = hypergeometricSample(random, c.total, c.marked, c.draws);
            freq.set(k, (freq.get(k) ?? 0) + 1);
        }
        let mean = 0;
        let exactMean = 0;
        c.k.forEach((k, i) => {
            const p = c.pmf[i];
            exactMean += k * p;
            const observed = (freq.get(k) ?? 0) / draws;
            assert.ok(Math.abs(observed - p) <= 5 * Math.sqrt((p * (1 - p)) / draws) + 1e-4, `${JSON.stringify(c.k.length)} k ${k}`);
        });
        for (const [k, f] of freq)
            mean += (k * f) / draws;
        const sd = Math.sqrt(c.k.reduce((s, k, i) => s + c.pmf[i] * (k - exactMean) ** 2, 0));
        assert.ok(Math.abs(mean - exactMean) <= (5 * sd) / Math.sqrt(draws) + 1e-9, `mean ${mean} vs ${exactMean}`);
        for (const k of freq.keys())
            assert.ok(c.k.includes(k), `draw ${k} outside the support`);
    }
});
test("Monte-Carlo p-values are never 0 and stop early when the observation is unremarkable", () => {
    const never = monteCarloPValue(() => false, { maxDraws: 999 });
    assert.equal(never.pValue, 1 / 1000);
    const always = monteCarloPValue(() => true);
    assert.equal(always.pValue, 1);
    assert.equal(always.draws, 20);
    // a null draw exceeds with probability 0.3: the estimate is near 0.3
    const r = monteCarloPValue((random) => random.next() < 0.3, { exceedances: 200 });
    assert.ok(Math.abs(r.pValue - 0.3) < 0.07, `${r.pValue}`);
});
test("KS on tied data: the permutation p-value matches scipy's exact permutation_test; SciPy's is larger", () => {
    for (const c of oracle.ks_ties_exact) {
        const x = distributionOf(Float64Array.from(c.x));
        const y = distributionOf(Float64Array.from(c.y));
        const ks = ksTest(x, y);
        assert.ok(Math.abs(ks.statistic - c.statistic) < 1e-12);
        assert.ok(Math.abs(ks.pValue - c.scipyContinuous) < 1e-9 * c.scipyContinuous + 1e-15);
        const ties = ksTiesPValue(x, y, ks.pValue, 200_000);
        assert.ok(ties !== null);
        close(ties, c.pValue, `ks ties ${JSON.stringify(c.x)}`);
        assert.ok(c.pValue <= c.scipyContinuous + 1e-12);
    }
});
test("KS without heavy ties is left to SciPy's p-value", () => {
    const r = seededRandom(3);
    const x = distributionOf(Float64Array.from({ length: 200 }, () => r.next()));
    const y = distributionOf(Float64Array.from({ length: 200 }, () => r.next()));
    assert.equal(ksTiesPValue(x, y, ksTest(x, y).pValue), null);
});
test("unseen-category test: matches scipy's exact permutation_test; the Chernoff bound is never below the exact value", () => {
    for (const c of oracle.unseen_exact) {
        const count = (values) => {
            const m = new Map();
            for (const v of values)
                m.set(String(v), (m.get(String(v)) ?? 0) + 1);
            return m;
        };
        const ref = count(c.x);
        const cur = count(c.y);
        assert.equal(unseenCategories(ref, cur).count, c.statistic);
        const sizes = new Map();
        for (const key of new Set([...ref.keys(), ...cur.keys()])) {
            const size = (ref.get(key) ?? 0) + (cur.get(key) ?? 0);
            sizes.set(size, (sizes.get(size) ?? 0) + 1);
        }
        const mc = unseenTest(c.statistic, c.x.length, c.y.length, sizes, {
            maxDraws: 100_000,
            exceedances: 2_000,
        });
        if (mc.method === "permutation")
            close(mc, c.pValue, `unseen ${JSON.stringify(c.y)}`);
        // the bound alone (forced by allowing no simulation) is a valid, conservative p-value
        const bound = unseenTest(c.statistic, c.x.length, c.y.length, sizes, { maxDraws: 0 });
        assert.ok(bound.pValue >= c.pValue - 1e-12, `bound ${bound.pValue} < exact ${c.pValue}`);
    }
});
test("unseen-category test: a new category holding 5% of 100,000 rows has a tiny p-value that is not 0", () => {
    const sizes = new Map([
        [100_000, 3],
        [5_000, 1],
    ]);
    const r = unseenTest(5_000, 150_000, 100_000, sizes);
    assert.equal(r.method, "bound");
    assert.ok(r.pValue > 0 && r.pValue < 1e-100, `${r.pValue}`);
    assert.equal(unseenTest(0, 10, 10, new Map([[1, 3]])).pValue, 1);
});
test("sparse χ² tables: pooled as the oracle pools them, and the pooled test equals scipy's chi2_contingency", () => {
    for (const c of oracle.chi2_pooled) {
        const r = chi2Pooled(c.reference, c.current);
        assert.equal(r.pooled, c.pooled);
        assert.equal(r.dof, c.dof);
        assert.ok(Math.abs(r.statistic - c.statistic) <= 1e-10 * c.statistic, `${r.statistic} vs ${c.statistic}`);
        assert.ok(Math.abs(r.pValue - c.pValue) <= 1e-9 * c.pValue, `${r.pValue} vs ${c.pValue}`);
    }
    // a dense table and a 2×2 table are left alone
    assert.equal(poolSparseColumns([50, 50, 50], [40, 60, 50]).pooled, 0);
    assert.equal(poolSparseColumns([1, 99], [2, 98]).pooled, 0);
});
test("bias-corrected JS: near 0 with no difference where the plug-in value is large; close to the plug-in for a real one", () => {
    const r = seededRandom(8);
    const draw = (p, n) => {
        const counts = new Array(p.length).fill(0);
        for (let i = 0; i < n; i++) {
            let u = r.next();
            let k = 0;
            while (k < p.length - 1 && u >= p[k])
                u -= p[k++];
            counts[k]++;
        }
        return counts;
    };
    const uniform = new Array(20).fill(1 / 20);
    let plugIn = 0;
    let corrected = 0;
    for (let i = 0; i < 200; i++) {
        const a = draw(uniform, 1000);
        const b = draw(uniform, 1000);
        plugIn += jensenShannon(a, b) / 200;
        corrected += jensenShannonCorrected(a, b) / 200;
    }
    assert.ok(plugIn > 0.05, `plug-in ${plugIn}`);
    assert.ok(corrected < 0.02, `corrected ${corrected}`);
    const a = draw([0.4, 0.25, 0.2, 0.1, 0.05], 100_000);
    const b = draw([0.3, 0.25, 0.3, 0.1, 0.05], 100_000);
    assert.ok(Math.abs(jensenShannonCorrected(a, b) - jensenShannon(a, b)) < 1e-3);
});
