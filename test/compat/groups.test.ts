import assert from "node:assert/strict";
import { test } from "node:test";
import { correctness } from "../../src/compat/flips.js";
import { compareGroups } from "../../src/compat/groups.js";
import { partitionByValue, quantileBinLabels } from "../../src/compat/slices.js";
import { adultPredictions, close, oracles } from "./adult-fixture.js";

const adult = adultPredictions();
const oldCorrect = correctness(adult.scoreV1, adult.labels);
const newCorrect = correctness(adult.scoreV2, adult.labels);

test("per-group flips and McNemar p-values match numpy/scipy for sex and race", () => {
  const partitions = [
    partitionByValue("sex", "sensitive", adult.sex),
    partitionByValue("race", "sensitive", adult.race),
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
  const partitions = [partitionByValue("race", "sensitive", adult.race)];
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

test("numeric slices are quartile bins with numpy 'linear' edges; missing values stay apart", () => {
  const values = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 0]);
  const valid = Uint8Array.from([1, 1, 1, 1, 1, 1, 1, 1, 0]);
  const labels = quantileBinLabels(values, valid, 4);
  // numpy.quantile([1..8], [.25, .5, .75]) = 2.75, 4.5, 6.25
  assert.deepEqual(labels, [
    "≤ 2.75",
    "≤ 2.75",
    "(2.75, 4.5]",
    "(2.75, 4.5]",
    "(4.5, 6.25]",
    "(4.5, 6.25]",
    "> 6.25",
    "> 6.25",
    null,
  ]);
  const p = partitionByValue("x", "slice", labels);
  assert.equal(p.groups.length, 5);
  assert.ok(p.groups.some((g) => g.value === "(missing)" && g.rows.length === 1));
});
