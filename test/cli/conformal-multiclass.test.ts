import assert from "node:assert/strict";
import { test } from "node:test";
import { multiclassOracle } from "../evaluate/multiclass-german.js";
import { fixture, runCliAsync } from "../helpers/cli.js";

const DATA = fixture("multiclass", "german_purpose_test.csv");
const CLASSES: string[] = multiclassOracle.classes;

/** Calibrate on the first 200 held-out rows, evaluate on the other 200. */
function conformal(model: string[]) {
  return runCliAsync([
    "conformal",
    "--calibration-sql",
    `SELECT * FROM '${DATA}' LIMIT 200`,
    "--evaluation-sql",
    `SELECT * FROM '${DATA}' OFFSET 200`,
    "--label",
    "purpose",
    ...model,
    "--method",
    "aps",
    "--alpha",
    "0.2",
    "--no-ood",
    "--json",
  ]);
}

test("conformal runs a multiclass ONNX model, and agrees with its probability columns", async () => {
  const runs = await Promise.all([
    conformal(["--model", fixture("multiclass", "german_purpose_v2.yaml")]),
    conformal(["--score-prefix", "p2_"]),
    conformal(["--model", "probabilities:proba_v1", "--classes", CLASSES.join(",")]),
    conformal(["--score-prefix", "p1_"]),
  ]);
  for (const r of runs) assert.equal(r.code, 0, r.stderr);
  const [onnx, columns, list, columnsV1] = runs.map((r) => JSON.parse(r.stdout));
  assert.equal(onnx.task, "multiclass");
  assert.deepEqual(onnx.classes, CLASSES);
  // float32 inference moves qhat by ~1e-8, never a set
  assert.ok(Math.abs(onnx.qhat - columns.qhat) < 1e-6, `${onnx.qhat} vs ${columns.qhat}`);
  assert.deepEqual(
    onnx.setSizes.map((s: any) => s.count),
    columns.setSizes.map((s: any) => s.count),
  );
  assert.equal(onnx.coverage.value, columns.coverage.value);
  // the JSON array column holds v1's probabilities: the same sets as v1's columns
  assert.equal(list.qhat, columnsV1.qhat);
  assert.equal(list.coverage.value, columnsV1.coverage.value);
  // APS on 200 calibration rows: coverage of the 200 others near 1 − α
  assert.ok(onnx.coverage.value > 0.7 && onnx.coverage.value < 0.92, String(onnx.coverage.value));
});
