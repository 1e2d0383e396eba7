import assert from "node:assert/strict";
import { test } from "node:test";
import { mcnemarChiSquare, mcnemarExact } from "../../src/compat/mcnemar.js";
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
