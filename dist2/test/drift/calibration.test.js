import assert from "node:assert/strict";
import { test } from "node:test";
import { defaultPolicy } from "../../src/drift/policy.js";
import { compareColumns } from "../../src/drift/verdict.js";
import { distributionOf } from "../../src/stats/distribution.js";
import { categoricalCounts, normals, rng } from "./random.js";
const numeric = (values) => ({
    kind: "numeric",
    distribution: distributionOf(values),
    missing: 0,
    nonFinite: 0,
    rows: values.length,
});
const categorical = (counts, rows) => ({
    kind: "categorical",
    counts,
    missing: 0,
    rows,
});
const PROBABILITIES = [0.4, 0.25, 0.2, 0.1, 0.05];
/** One simulated dataset of two numeric and one categorical column, with no drift. */
function nullDataset(r, n) {
    return [
        { name: "x", type: "float", reference: numeric(normals(r, n)), current: numeric(normals(r, n)) },
        {
            name: "k",
            type: "integer",
            reference: numeric(Float64Array.from(normals(r, n), (v) => Math.round(v * 3))),
            current: numeric(Float64Array.from(normals(r, n), (v) => Math.round(v * 3))),
        },
        {
            name: "c",
            type: "string",
            reference: categorical(categoricalCounts(r, PROBABILITIES, n), n),
            current: categorical(categoricalCounts(r, PROBABILITIES, n), n),
        },
    ];
}
// Monte-Carlo tolerance: 3 binomial standard errors above α.
function tolerance(alpha, replicates) {
    return alpha + 3 * Math.sqrt((alpha * (1 - alpha)) / replicates);
}
for (const [n, replicates] of [
    [100, 400],
    [1_000, 300],
    [100_000, 40],
]) {
    test(`no drift, n = ${n}: the default policy's false-alarm rate is at most α (+ Monte-Carlo error)`, () => {
        const policy = defaultPolicy();
        const r = rng(1000 + n);
        let datasetAlarms = 0;
        let columnAlarms = 0;
        let columns = 0;
        for (let i = 0; i < replicates; i++) {
            const result = compareColumns(nullDataset(r, n), policy);
            if (result.drifted)
                datasetAlarms++;
            columnAlarms += result.counts.drift;
            columns += result.columns.length;
        }
        const rate = datasetAlarms / replicates;
        assert.ok(rate <= tolerance(policy.alpha, replicates), `dataset false-alarm rate ${rate} at n = ${n}`);
        assert.ok(columnAlarms / columns <= tolerance(policy.alpha, columns));
    });
}
test("a 0.02σ mean shift on 1,000,000 rows is not flagged (the KS test alone would reject)", () => {
    const r = rng(42);
    const n = 1_000_000;
    const result = compareColumns([{ name: "x", type: "float", reference: numeric(normals(r, n)), current: numeric(normals(r, n, 0.02)) }], defaultPolicy());
    const column = result.columns[0];
    assert.equal(result.drifted, false);
    assert.equal(column.status, "stable");
    const stats = column.stats;
    assert.ok(stats.ks.pValue < 1e-6, "the p-value alone would flag it");
});
test("a 0.5σ mean shift on 1,000 rows is flagged", () => {
    const r = rng(43);
    const result = compareColumns([
        {
            name: "x",
            type: "float",
            reference: numeric(normals(r, 1000)),
            current: numeric(normals(r, 1000, 0.5)),
        },
    ], defaultPolicy());
    assert.equal(result.columns[0].status, "drift");
    assert.equal(result.drifted, true);
    assert.equal(result.share, 1);
});
test("a large shift on 12 rows is insufficient, not a coin flip", () => {
    const r = rng(44);
    const result = compareColumns([{ name: "x", type: "float", reference: numeric(normals(r, 12)), current: numeric(normals(r, 12, 0.4)) }], defaultPolicy());
    assert.equal(result.columns[0].status, "insufficient");
    assert.equal(result.drifted, false);
});
test("at n = 100 a distance alone would flag columns; the policy calls them insufficient instead", () => {
    const r = rng(45);
    let largeDistance = 0;
    let drift = 0;
    for (let i = 0; i < 100; i++) {
        const result = compareColumns(nullDataset(r, 100).slice(0, 1), defaultPolicy());
        const c = result.columns[0];
        if (c.effect.value >= 0.1)
            largeDistance++;
        if (c.status === "drift")
            drift++;
    }
    assert.ok(largeDistance > 50, `W/σ ≥ 0.1 in ${largeDistance} of 100 null datasets`);
    assert.ok(drift <= 10);
});
test("50 categories, no drift: the homogeneity test holds α; a goodness-of-fit against reference frequencies does not", async () => {
    const { chi2Homogeneity, chi2Sf } = await import("../../src/stats/chi2.js");
    const probabilities = Array.from({ length: 50 }, (_, k) => 1 / (k + 1));
    const r = rng(5);
    const replicates = 300;
    let homogeneity = 0;
    let goodnessOfFit = 0;
    for (let i = 0; i < replicates; i++) {
        const a = categoricalCounts(r, probabilities, 1000);
        const b = categoricalCounts(r, probabilities, 1000);
        const categories = [...new Set([...a.keys(), ...b.keys()])];
        const ref = categories.map((c) => a.get(c) ?? 0);
        const cur = categories.map((c) => b.get(c) ?? 0);
        if (chi2Homogeneity(ref, cur).pValue < 0.05)
            homogeneity++;
        // Evidently's test: reference proportions taken as exact expected frequencies
        let statistic = 0;
        let k = 0;
        for (let j = 0; j < categories.length; j++) {
            if (ref[j] === 0)
                continue;
            const expected = (1000 * ref[j]) / 1000;
            statistic += (cur[j] - expected) ** 2 / expected;
            k++;
        }
        if (chi2Sf(statistic, k - 1) < 0.05)
            goodnessOfFit++;
    }
    assert.ok(homogeneity / replicates <= tolerance(0.05, replicates), `homogeneity ${homogeneity / replicates}`);
    assert.ok(goodnessOfFit / replicates > 0.5, `goodness-of-fit ${goodnessOfFit / replicates}`);
});
