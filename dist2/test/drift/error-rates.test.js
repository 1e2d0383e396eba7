/**
 * Issue 13's goal for drift, in CI: with no drift, at n = 100, 1,000, 10,000 and 100,000 rows per side,
 * on normal, lognormal, Poisson, 5-level, 50-level long-tailed, 500-level and boolean columns, every
 * test holds its level, the per-column flag rate is ≤ α + 1% and the dataset false-alarm rate ≤ α.
 * Fewer replicates than bench/drift-calibration.ts (docs/drift.md §3.5 has the full-size figures), but
 * enough to tell 5% from 10%: bounds are the target + 2 binomial standard errors.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { NULL_COLUMNS, simulate } from "./simulate.js";
const ALPHA = 0.05;
const se = (p, k) => Math.sqrt((p * (1 - p)) / k);
for (const [n, replicates] of [
    [100, 600],
    [1_000, 400],
    [10_000, 120],
    [100_000, 60],
]) {
    test(`no drift, n = ${n} per side: tests hold α, columns flag ≤ α + 1%, datasets ≤ α`, () => {
        const t = simulate(NULL_COLUMNS, n, replicates, 13 + n);
        const dataset = t.datasetAlarms / replicates;
        assert.ok(dataset <= ALPHA + 2 * se(ALPHA, replicates), `dataset false-alarm rate ${dataset}`);
        // a null run reads "pass" (no column drifts, warns or is insufficient) as often as a false alarm allows
        assert.ok(t.notPass / replicates <= ALPHA + 2 * se(ALPHA, replicates), `not pass ${t.notPass / replicates}`);
        let flagged = 0;
        for (const [name, c] of Object.entries(t.columns)) {
            flagged += c.flagged;
            assert.equal(c.insufficient, 0, name);
            const rate = c.flagged / replicates;
            assert.ok(rate <= ALPHA + 0.01 + 2 * se(ALPHA + 0.01, replicates), `${name}: flagged ${rate}`);
            // each test's own size, before any correction
            for (const [signal, k] of Object.entries(c.tested)) {
                const size = (c.raw[signal] ?? 0) / k;
                assert.ok(size <= ALPHA + 0.01 + 2.5 * se(ALPHA + 0.01, k), `${name} ${signal}: raw size ${size} over ${k}`);
            }
        }
        const columns = replicates * NULL_COLUMNS.length;
        assert.ok(flagged / columns <= ALPHA + 0.01 + 2 * se(ALPHA + 0.01, columns));
    });
}
test("KS on a Poisson column is no longer conservative: its size at α = 5% is near 5%, not 0–1%", () => {
    const poisson = NULL_COLUMNS.filter((c) => c.name === "poisson");
    const t = simulate(poisson, 200, 1500, 77);
    const size = (t.columns.poisson.raw.distribution ?? 0) / t.columns.poisson.tested.distribution;
    assert.ok(size >= 0.03 && size <= 0.065, `size ${size}`);
});
test("the unseen-category test holds α on long-tailed columns where Good–Turing's binomial did not (13–20%)", () => {
    const columns = NULL_COLUMNS.filter((c) => c.name === "levels50" || c.name === "levels500");
    const t = simulate(columns, 100, 800, 78);
    for (const c of Object.values(t.columns)) {
        const size = (c.raw.unseen ?? 0) / c.tested.unseen;
        assert.ok(size <= ALPHA + 2.5 * se(ALPHA, c.tested.unseen), `size ${size}`);
    }
});
