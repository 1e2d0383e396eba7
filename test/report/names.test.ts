import assert from "node:assert/strict";
import { test } from "node:test";
import {
  checkLabel,
  directionText,
  metricDirection,
  metricHeading,
  metricLabel,
} from "../../src/report/names.js";

test("metrics read as people name them, with the better direction", () => {
  assert.equal(metricLabel("rocAuc"), "ROC AUC");
  assert.equal(metricHeading("rocAuc"), "ROC AUC ↑");
  assert.equal(metricHeading("logLoss"), "log loss ↓");
  assert.equal(metricHeading("selectionRate"), "selection rate", "no arrow where neither way is better");
  assert.equal(metricDirection("ece"), "lower");
  assert.equal(directionText("f1"), "higher is better");
  assert.equal(directionText("unknownThing"), "");
});

test("ids the table does not know are spelled out, acronyms kept", () => {
  assert.equal(metricLabel("negativeFlipRateCi"), "negative flip rate ci");
  assert.equal(metricLabel("oodShare"), "OOD share");
  assert.equal(metricLabel("rows_per_second"), "rows per second");
});

test("check ids read as family · check", () => {
  assert.equal(checkLabel("schema.missing_column"), "schema · missing column");
  assert.equal(checkLabel("fairness.equalized_odds"), "fairness · equalized odds");
  assert.equal(checkLabel("robustness.pmv"), "robustness · PMV");
  assert.equal(checkLabel("gate"), "gate");
});
