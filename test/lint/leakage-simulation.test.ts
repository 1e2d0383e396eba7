import assert from "node:assert/strict";
import { test } from "node:test";
import { LEAKAGE } from "../../src/lint/label.js";
import { inSampleAuc, outOfFoldAuc, simulatedColumn } from "./leakage-simulation.js";

test("out of fold, a label-free column with many values never reaches the warning line; in sample it did", () => {
  // 40 seeds per size (bench/lint-leakage.ts runs 200): 2,000 rows, 1,000 and 1,700 values
  for (const k of [1000, 1700]) {
    let worstOutOfFold = 0;
    let worstInSample = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const cells = simulatedColumn({ noise: k }, 2000, seed);
      worstOutOfFold = Math.max(worstOutOfFold, outOfFoldAuc(cells));
      worstInSample = Math.max(worstInSample, inSampleAuc(cells));
    }
    assert.ok(worstOutOfFold < 0.6, `k=${k}: out-of-fold AUC up to ${worstOutOfFold}`);
    assert.ok(worstInSample > LEAKAGE.aucWarning, `k=${k}: in-sample AUC up to ${worstInSample}`);
  }
});

test("a recorded outcome with 3% flipped is flagged out of fold at 2,000 rows: always a warning, mostly an error", () => {
  let errors = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const auc = outOfFoldAuc(simulatedColumn({ leak: 0.03 }, 2000, seed));
    assert.ok(auc >= LEAKAGE.aucWarning, `seed ${seed}: ${auc}`);
    if (auc >= LEAKAGE.aucError) errors++;
  }
  // bench/lint-leakage.ts: 189 of 200 seeds
  assert.ok(errors >= 34, `${errors} of 40 seeds an error`);
});
