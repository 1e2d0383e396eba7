import assert from "node:assert/strict";
import { test } from "node:test";
import { correctness } from "../../src/compat/flips.js";
import { compareGroups } from "../../src/compat/groups.js";
import { columnPartition } from "../../src/compat/slices.js";
import { adultPredictions, close, oracles, textColumn } from "./adult-fixture.js";
const adult = adultPredictions();
const oldCorrect = correctness(adult.scoreV1, adult.labels);
const newCorrect = correctness(adult.scoreV2, adult.labels);
test("per-group flips and McNemar p-values match numpy/scipy for sex and race", () => {
    const partitions = [
        columnPartition(textColumn("sex", adult.sex), "sensitive"),
        columnPartition(textColumn("race", adult.race), "sensitive"),
    ];
    const groups = compareGroups(oldCorrect, newCorrect, partitions, { resamples: 100, minGroupRows: 0 });
    for (const g of groups) {
        const e = oracles.groups[g.column][g.value];
        assert.equal(g.n, e.n);
        assert.equal(g.negativeFlips, e.negative_flips);
        assert.equal(g.positiveFlips, e.positive_flips);
        assert.ok(close(g.accuracyDelta.value, e.accuracy_delta), `${g.value}`);
        assert.ok(close(g.mcnemarPValue, e.mcnemar_exact, 1e-12), `${g.value}`);
    }
});
test("Holm adjustment runs over the whole family and leaves small groups untested", () => {
    const partitions = [columnPartition(textColumn("race", adult.race), "sensitive")];
    const groups = compareGroups(oldCorrect, newCorrect, partitions, { resamples: 50, minGroupRows: 0 });
    const order = Object.keys(oracles.groups.race).sort();
    groups.forEach((g, i) => {
        assert.equal(g.value, order[i]);
        assert.ok(close(g.adjustedPValue, oracles.race_holm[i]));
    });
    const gated = compareGroups(oldCorrect, newCorrect, partitions, { resamples: 50, minGroupRows: 200 });
    const small = gated.filter((g) => !g.tested).map((g) => g.value);
    assert.deepEqual(small, ["Amer-Indian-Eskimo", "Other"]);
    // With 3 tested groups the smallest p is multiplied by 3, not by 5.
    const white = gated.find((g) => g.value === "White");
    assert.ok(close(white?.adjustedPValue ?? null, 3 * oracles.groups.race.White.mcnemar_exact));
});
test("numeric slices are evaluate's quartile buckets with numpy 'linear' edges; missing values stay apart", () => {
    const values = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0]);
    const valid = Uint8Array.from([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
    const p = columnPartition({ name: "x", type: "float", values, valid }, "slice");
    // numpy.quantile(range(1, 13), [.25, .5, .75]) = 3.75, 6.5, 9.25
    assert.deepEqual(p.groups.map((g) => [g.slice, g.value, Array.from(g.rows)]), [
        ["3.75 < x ≤ 6.5", "3.75 < x ≤ 6.5", [3, 4, 5]],
        ["6.5 < x ≤ 9.25", "6.5 < x ≤ 9.25", [6, 7, 8]],
        ["x > 9.25", "x > 9.25", [9, 10, 11]],
        ["x is missing", "x is missing", [12]],
        ["x ≤ 3.75", "x ≤ 3.75", [0, 1, 2]],
    ]);
    const text = columnPartition(textColumn("sex", ["Male", "Female", "Male"]), "sensitive");
    assert.deepEqual(text.groups.map((g) => [g.slice, g.value, Array.from(g.rows)]), [
        ["sex = Female", "Female", [1]],
        ["sex = Male", "Male", [0, 2]],
    ]);
});
