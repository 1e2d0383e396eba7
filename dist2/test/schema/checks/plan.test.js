import assert from "node:assert/strict";
import { test } from "node:test";
import { planFormat } from "../../../src/schema/checks/format.js";
import { planMissingRate } from "../../../src/schema/checks/missing-rate.js";
import { planNonFinite } from "../../../src/schema/checks/non-finite.js";
import { planOutOfRange } from "../../../src/schema/checks/out-of-range.js";
import { Scan } from "../../../src/schema/checks/scan.js";
import { planTypeMismatch } from "../../../src/schema/checks/type-mismatch.js";
import { planUnique } from "../../../src/schema/checks/unique.js";
import { planUnitChange } from "../../../src/schema/checks/unit-change.js";
import { sqlIdent } from "../../../src/schema/sql.js";
import { parseSchema } from "../../../src/schema/yaml-read.js";
const schema = parseSchema(`format: assay.schema
version: 1
table:
  rows: {min: null, max: null}
columns:
  price:
    type: float
    missing: 0.01
    range: {min: 0, max: 100, mostly: 1}
    reference: {quantiles: {"0.5": 10}, mean: 12}
  code:
    type: string
    format: {kind: regex, pattern: "[A-Z]+", mostly: 1}
`);
/** A contract column planned the way validateBatch plans it, against a batch column of `type`. */
function planned(name, type, scan) {
    const contract = schema.columns.find((c) => c.name === name);
    const info = { name, type, sourceType: type.toUpperCase() };
    const sql = sqlIdent(name);
    const base = { schema, contract, info, relation: "t", sql, present: scan.add(`count(${sql})::DOUBLE`) };
    const typed = planTypeMismatch(base, scan);
    const col = {
        ...base,
        numeric: typed.numeric,
        integral: type === "integer" && typed.numeric === sql,
    };
    return { col, typeJudge: typed.judge };
}
test("the scan computes an aggregate two families need once", () => {
    const scan = new Scan();
    assert.equal(scan.add("count(x)"), scan.add("count(x)"));
    assert.notEqual(scan.add("count(x)"), scan.add("count(y)"));
    assert.equal(scan.query("t").match(/count\(x\)/g)?.length, 1);
    // The unit check reads the range's outside count and the finite count: the same aggregates, so
    // planning it after the range adds only the mean.
    const shared = new Scan();
    const aggregates = () => (shared.query("t").match(/ AS a\d+/g) ?? []).length;
    const { col } = planned("price", "float", shared);
    planOutOfRange(col, shared);
    const before = aggregates();
    const unit = planUnitChange(col, shared);
    assert.ok(unit.outsideAlias && unit.finiteAlias);
    assert.equal(aggregates(), before + 1);
    assert.match(shared.query("t"), new RegExp(`avg\\("price"\\) FILTER \\(WHERE isfinite\\("price"\\)\\) AS ${unit.meanAlias}`));
});
test("a family plans nothing where it does not apply", () => {
    const scan = new Scan();
    const price = planned("price", "float", scan).col;
    const asInteger = planned("price", "integer", scan);
    const code = planned("code", "string", scan).col;
    assert.equal(planFormat(price, scan), null, "formats are for text");
    assert.equal(planUnique(price, scan), null, "not a key");
    assert.equal(planNonFinite(code, scan), null, "text contract: no numeric view");
    assert.notEqual(planNonFinite(price, scan), null);
    assert.equal(planUnitChange(code, scan), null, "no reference quantiles");
    // An integer batch where the contract says float is a widening: no type check, and integers hold no NaN.
    assert.equal(asInteger.typeJudge, null);
    assert.equal(asInteger.col.integral, false, "the view is a cast to DOUBLE");
    assert.equal(planNonFinite(asInteger.col, scan), null);
    // Numbers stored as text: a parse, checked by the type family.
    const text = planned("price", "string", scan);
    assert.match(text.col.numeric ?? "", /TRY_CAST/);
    assert.notEqual(text.typeJudge, null);
});
test("plan → judge → anomaly: a family reads its aggregates into a result with its rows' predicate", () => {
    const scan = new Scan();
    const { col } = planned("price", "float", scan);
    const judge = planMissingRate(col);
    // 10 of 100 missing against a 1% tolerance: beyond doubt.
    const failing = judge({ [col.present]: 90 }, 100);
    assert.equal(failing.result.check, "schema.missing_rate");
    assert.equal(failing.result.status, "fail");
    assert.equal(failing.result.count, 10);
    assert.equal(failing.result.threshold, 0.01);
    assert.equal(failing.predicate, '"price" IS NULL');
    assert.equal(judge({ [col.present]: 100 }, 100).result.status, "pass");
    const range = planOutOfRange(col, scan);
    const aggregates = Object.fromEntries([...scan.query("t").matchAll(/ AS (a\d+)/g)].map(([, alias]) => [alias, 0]));
    const clean = range({ ...aggregates, [col.present]: 100 }, 100);
    assert.equal(clean.result.check, "schema.out_of_range");
    assert.equal(clean.result.status, "pass");
});
