import assert from "node:assert/strict";
import { test } from "node:test";
import { mergeNearDuplicates } from "../../src/evaluate/slice-merge.js";
import type { SliceResult } from "../../src/evaluate/slices.js";

function slice(predicates: string[], count: number, positives: number, errorRate: number): SliceResult {
  const estimate = { value: 1 - errorRate, ci: null } as unknown as SliceResult["accuracy"];
  return {
    slice: predicates.join(" & "),
    predicates,
    count,
    positives,
    accuracy: estimate,
    rocAuc: estimate,
    errorRate,
    restErrorRate: 0.1,
    pValue: 0.01,
    pValueAdjusted: 0.05,
    significant: true,
  } as unknown as SliceResult;
}

test("a refinement with the very same rows folds into its shorter rule; a real refinement stays", () => {
  const month = slice(["Contract = Month-to-month"], 1087, 300, 0.35);
  const samePhone = slice(["Contract = Month-to-month", "PhoneService = Yes"], 1087, 300, 0.35);
  const fiber = slice(["Contract = Month-to-month", "InternetService = Fiber optic"], 480, 190, 0.41);
  const other = slice(["PhoneService = Yes"], 1087, 300, 0.35); // same numbers, not a refinement
  const merged = mergeNearDuplicates([samePhone, fiber, month, other]);
  assert.deepEqual(
    merged.map((m) => m.slice.slice),
    [
      "Contract = Month-to-month & InternetService = Fiber optic",
      "Contract = Month-to-month",
      "PhoneService = Yes",
    ],
    "in the order given, the shorter rule kept",
  );
  assert.deepEqual(merged[1].sameRows, ["Contract = Month-to-month & PhoneService = Yes"]);
  assert.deepEqual(merged[2].sameRows, []);
});
