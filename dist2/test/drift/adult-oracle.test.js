import assert from "node:assert/strict";
import { test } from "node:test";
import { countCategories } from "../../src/drift/categories.js";
import { categoricalDrift, numericDrift } from "../../src/drift/column.js";
import { distributionOf } from "../../src/stats/distribution.js";
import { readJson, relClose } from "../helpers/oracle.js";
import { column, readAdult } from "./oracle.js";
const oracle = readJson("drift", "adult_drift_oracle.json");
const train = readAdult("train");
const test_ = readAdult("test");
const ageIndex = test_.header.indexOf("age");
const shifted = { header: test_.header, rows: test_.rows.filter((r) => Number(r[ageIndex]) >= 45) };
function numeric(values) {
    const d = distributionOf(Float64Array.from(values, Number));
    return { kind: "numeric", distribution: d, missing: 0, nonFinite: 0, rows: values.length };
}
function categorical(values) {
    return { kind: "categorical", counts: countCategories(values), missing: 0, rows: values.length };
}
for (const [section, current] of [
    ["train_vs_test", test_],
    ["train_vs_shifted_test", shifted],
]) {
    const expected = oracle.drift[section];
    test(`adult ${section}: row counts`, () => {
        assert.equal(train.rows.length, expected.n_reference);
        assert.equal(current.rows.length, expected.n_current);
    });
    for (const [name, spec] of Object.entries(expected.columns)) {
        if (spec.type === "numeric") {
            test(`adult ${section} ${name}: KS, Wasserstein, PSI, JS match SciPy`, () => {
                const s = numericDrift(numeric(column(train, name)), numeric(column(current, name)));
                assert.ok(relClose(s.ks.statistic, spec.ks.statistic, 1e-12), `D ${s.ks.statistic}`);
                assert.equal(s.ks.method, spec.ks.pvalue_method);
                assert.ok(relClose(s.ks.pValue, spec.ks.pvalue, 1e-9), `p ${s.ks.pValue} vs ${spec.ks.pvalue}`);
                assert.ok(relClose(s.wasserstein, spec.wasserstein, 1e-12), `W ${s.wasserstein}`);
                assert.ok(relClose(s.reference.std, spec.reference_std_ddof0, 1e-12));
                assert.ok(relClose(s.wassersteinNorm, spec.wasserstein_normed, 1e-12));
                assert.deepEqual(s.bins.edges, spec.psi.edges);
                assert.deepEqual(s.bins.reference, spec.psi.reference_counts);
                assert.deepEqual(s.bins.current, spec.psi.current_counts);
                assert.ok(relClose(s.psi, spec.psi.value, 1e-12), `psi ${s.psi} vs ${spec.psi.value}`);
                assert.ok(relClose(s.js, spec.jensenshannon_base2, 1e-12), `js ${s.js} vs ${spec.jensenshannon_base2}`);
            });
        }
        else {
            test(`adult ${section} ${name}: chi-square, JS, L∞, PSI match SciPy`, () => {
                const s = categoricalDrift(categorical(column(train, name)), categorical(column(current, name)));
                assert.equal(s.chi2.dof, spec.chi2.dof);
                assert.equal(s.chi2.yates, spec.chi2.yates_correction_applied);
                assert.ok(relClose(s.chi2.statistic, spec.chi2.statistic, 1e-10), `chi2 ${s.chi2.statistic}`);
                assert.ok(relClose(s.chi2.pValue, spec.chi2.pvalue, 1e-9), `p ${s.chi2.pValue} vs ${spec.chi2.pvalue}`);
                assert.ok(relClose(s.js, spec.jensenshannon_base2, 1e-12), `js ${s.js} vs ${spec.jensenshannon_base2}`);
                assert.ok(relClose(s.linf, spec.linf, 1e-12));
                assert.ok(relClose(s.psi, spec.psi.value, 1e-12), `psi ${s.psi} vs ${spec.psi.value}`);
            });
        }
    }
}
