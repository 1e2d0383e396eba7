import assert from "node:assert/strict";
import { test } from "node:test";
import { chi2Homogeneity, chi2Sf } from "../../src/stats/chi2.js";
import { seededRandom } from "../../src/stats/random.js";
import { readJson, relClose } from "../helpers/oracle.js";
const oracle = readJson("stats", "oracle.json");
test("χ² homogeneity matches scipy.stats.chi2_contingency (Yates only at dof 1)", () => {
    for (const t of [...oracle.chi2_contingency, ...oracle.chi2_conventions]) {
        const r = chi2Homogeneity(t.reference, t.current);
        assert.equal(r.dof, t.dof);
        assert.equal(r.yates, t.dof === 1);
        assert.ok(relClose(r.statistic, t.statistic, 1e-10), `${r.statistic} vs ${t.statistic}`);
        assert.ok(relClose(r.pValue, t.pvalue, 1e-9), `${r.pValue} vs ${t.pvalue}`);
    }
});
test("a column empty on both sides is dropped, as if the table did not have it", () => {
    const withEmpty = chi2Homogeneity([120, 340, 0, 290, 250], [30, 80, 0, 60, 30]);
    assert.deepEqual(withEmpty, chi2Homogeneity([120, 340, 290, 250], [30, 80, 60, 30]));
    assert.equal(withEmpty.dof, 3);
});
test("Yates' correction makes the 2×2 test more conservative than the uncorrected one (SciPy's two values)", () => {
    const t = oracle.chi2_conventions.find((c) => c.reference.length === 2 && c.reference[0] === 6);
    const r = chi2Homogeneity(t.reference, t.current);
    assert.ok(r.yates);
    assert.ok(r.pValue > t.pvalue_uncorrected, `${r.pValue} vs uncorrected ${t.pvalue_uncorrected}`);
    assert.ok(relClose(r.statistic, t.statistic, 1e-10));
});
test("nothing to test: one category, or an empty side", () => {
    assert.deepEqual(chi2Homogeneity([5], [7]), { statistic: 0, pValue: 1, dof: 0, yates: false });
    assert.deepEqual(chi2Homogeneity([5, 3], [0, 0]), { statistic: 0, pValue: 1, dof: 1, yates: false });
    assert.equal(chi2Sf(0, 3), 1);
    // the far tail, where 1 − CDF is 0: scipy.stats.chi2.sf(700, 4), chi2.sf(1400, 4)
    assert.ok(relClose(chi2Sf(700, 4), 3.4852862290889247e-150, 1e-9));
    assert.ok(relClose(chi2Sf(1400, 4), 6.911633257175853e-302, 1e-9));
});
test("under no drift the corrected 2×2 test rejects at most α (small tables, 3,000 replicates each)", () => {
    const random = seededRandom(11);
    const binomial = (n, p) => {
        let k = 0;
        for (let i = 0; i < n; i++)
            if (random.next() < p)
                k++;
        return k;
    };
    const replicates = 3000;
    for (const alpha of [0.05, 0.01])
        for (const [n, p] of [
            [20, 0.3],
            [50, 0.5],
            [200, 0.1],
        ]) {
            let rejected = 0;
            for (let r = 0; r < replicates; r++) {
                const a = binomial(n, p);
                const b = binomial(n, p);
                if (chi2Homogeneity([a, n - a], [b, n - b]).pValue < alpha)
                    rejected++;
            }
            const limit = alpha + 3 * Math.sqrt((alpha * (1 - alpha)) / replicates);
            assert.ok(rejected / replicates <= limit, `n ${n}, p ${p}, α ${alpha}: ${rejected / replicates}`);
        }
});
