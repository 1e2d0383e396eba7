import assert from "node:assert/strict";
import { test } from "node:test";
import { profileAlerts } from "../../src/profile/alerts.js";
import type { ColumnProfile } from "../../src/profile/types.js";

function column(part: Partial<ColumnProfile>): ColumnProfile {
  return {
    name: "c",
    type: "string",
    count: 100,
    missing: 0,
    distinct: 3,
    distinctExact: true,
    distinctError: 0,
    min: null,
    max: null,
    mean: null,
    std: null,
    moments: null,
    zeros: 0,
    negatives: 0,
    nan: 0,
    posInf: 0,
    negInf: 0,
    quantiles: null,
    sketch: null,
    histogram: null,
    top: [
      { value: "a", count: 50 },
      { value: "b", count: 30 },
      { value: "c", count: 20 },
    ],
    frequencies: {} as ColumnProfile["frequencies"],
    hll: "",
    length: null,
    patterns: null,
    nonNumericExamples: null,
    inferred: { type: "string", issue: null },
    ...part,
  };
}

const kinds = (c: ColumnProfile, rows = 100) => profileAlerts([c], rows).map((a) => a.kind);

test("an ordinary column raises no alert", () => assert.deepEqual(kinds(column({})), []));

test("constant, mostly missing, imbalanced, unique and high-cardinality columns are called out", () => {
  assert.deepEqual(kinds(column({ distinct: 1, top: [{ value: "x", count: 100 }] })), ["constant"]);
  assert.deepEqual(kinds(column({ missing: 30, count: 70 }), 100), ["missing"]);
  assert.deepEqual(
    kinds(
      column({
        top: [
          { value: "No", count: 95 },
          { value: "Yes", count: 5 },
        ],
        distinct: 2,
      }),
    ),
    ["imbalanced"],
  );
  assert.deepEqual(kinds(column({ distinct: 100 })), ["unique"]);
  assert.deepEqual(kinds(column({ distinct: 60 })), ["high_cardinality"]);
});

test("mostly-zero counts, but not 0/1 columns; misdecoded text; non-finite numbers", () => {
  const numeric = { type: "integer" as const, top: [{ value: 0, count: 74 }] };
  assert.deepEqual(kinds(column({ ...numeric, zeros: 74, distinct: 36 })), ["zeros"]);
  assert.deepEqual(
    kinds(column({ ...numeric, zeros: 74, distinct: 2 })),
    [],
    "a 0/1 column is not 'mostly zero'",
  );
  assert.deepEqual(kinds(column({ top: [{ value: "SÃ£o Paulo", count: 50 }] })), ["encoding"]);
  assert.deepEqual(kinds(column({ type: "float", nan: 2 })), ["non_finite"]);
});
