import assert from "node:assert/strict";
import { test } from "node:test";
import { compatibilityMeasures, correctness, flipCounts, regressedRows } from "../../src/compat/flips.js";
import { adultPredictions, close, oracles } from "./adult-fixture.js";
const adult = adultPredictions();
const expected = oracles.backward_compatibility_test;
test("flip counts of adult v1 → v2 match the oracle exactly", () => {
    const c = flipCounts(correctness(adult.scoreV1, adult.labels), correctness(adult.scoreV2, adult.labels));
    assert.equal(c.n, expected.n);
    assert.equal(c.bothCorrect, expected.both_correct);
    assert.equal(c.negativeFlips, expected.old_correct_new_wrong);
    assert.equal(c.positiveFlips, expected.old_wrong_new_correct);
    assert.equal(c.bothWrong, expected.both_wrong);
});
test("NFR, PFR, BTC, BEC, error persistence and accuracy delta match the oracle to 1e-12", () => {
    const m = compatibilityMeasures(flipCounts(correctness(adult.scoreV1, adult.labels), correctness(adult.scoreV2, adult.labels)));
    assert.ok(close(m.negativeFlipRate, expected.negative_flip_rate), `NFR ${m.negativeFlipRate}`);
    assert.ok(close(m.positiveFlipRate, expected.positive_flip_rate));
    assert.ok(close(m.btc, expected.backward_trust_compatibility));
    assert.ok(close(m.bec, expected.backward_error_compatibility));
    assert.ok(close(m.errorPersistence, expected.error_persistence));
    assert.ok(close(m.accuracyOld, expected.accuracy_old));
    assert.ok(close(m.accuracyNew, expected.accuracy_new));
    assert.ok(close(m.accuracyDelta, expected.accuracy_delta_new_minus_old));
    // Relative NFR = NFR / (accOld · errNew), from the oracle's counts.
    const relative = expected.negative_flip_rate / (expected.accuracy_old * (expected.new_wrong / expected.n));
    assert.ok(close(m.relativeNegativeFlipRate, relative));
});
test("a score exactly at the threshold predicts positive", () => {
    assert.deepEqual([...correctness([0.5, 0.4999], [1, 1], 0.5)], [1, 0]);
});
test("regressed rows are the old-right new-wrong rows, ascending", () => {
    const oldCorrect = Uint8Array.from([1, 1, 0, 1, 0]);
    const newCorrect = Uint8Array.from([0, 1, 1, 0, 0]);
    assert.deepEqual([...regressedRows(oldCorrect, newCorrect)], [0, 3]);
    const all = regressedRows(correctness(adult.scoreV1, adult.labels), correctness(adult.scoreV2, adult.labels));
    assert.equal(all.length, expected.old_correct_new_wrong);
});
test("zero denominators give NaN, not a number that looks real", () => {
    const m = compatibilityMeasures({ n: 4, bothCorrect: 4, negativeFlips: 0, positiveFlips: 0, bothWrong: 0 });
    assert.equal(m.btc, 1);
    assert.ok(Number.isNaN(m.bec));
    assert.ok(Number.isNaN(m.errorPersistence));
});
test("relative NFR reproduces the published value of Yan et al. 2021 (CIFAR-10, no treatment: 39.68%)", () => {
    // Old error 4.90%, new error 4.85%, NFR 1.83% on 10,000 rows.
    const counts = { n: 10_000, bothCorrect: 9327, negativeFlips: 183, positiveFlips: 188, bothWrong: 302 };
    const m = compatibilityMeasures(counts);
    assert.ok(Math.abs(m.accuracyOld - 0.951) < 1e-12 && Math.abs(1 - m.accuracyNew - 0.0485) < 1e-12);
    assert.equal(Number((100 * m.relativeNegativeFlipRate).toFixed(2)), 39.68);
});
