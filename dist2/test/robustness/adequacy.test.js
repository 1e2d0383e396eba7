import assert from "node:assert/strict";
import { test } from "node:test";
import { testAdequacy } from "../../src/robustness/adequacy.js";
import { batchFromRows } from "../../src/table/types.js";
const AGE = {
    name: "age",
    type: "integer",
    required: true,
    missing: 0,
    reference: { quantiles: { "0.05": 20, "0.5": 40, "0.95": 60 }, mean: 40 },
};
const SEX = {
    name: "sex",
    type: "string",
    required: false,
    missing: 0.01,
    domain: { values: { Male: 0.6, Female: 0.4 }, mostly: 1 },
};
const FREE = { name: "note", type: "string", required: true, missing: 0 };
const INFO = [
    { name: "age", type: "integer", sourceType: "BIGINT" },
    { name: "sex", type: "string", sourceType: "VARCHAR" },
    { name: "note", type: "string", sourceType: "VARCHAR" },
];
test("adequacy: bins between reference quantiles, domain values and missing; untested pair cells", () => {
    const rows = [
        { age: 18, sex: "Male", note: "a" },
        { age: 35, sex: "Male", note: "b" },
        { age: 35, sex: "Female", note: "c" },
        { age: 70, sex: null, note: "d" },
    ];
    const a = testAdequacy(batchFromRows(INFO, rows), [AGE, SEX, FREE]);
    const [age, sex] = a.features;
    assert.deepEqual(age.cells, ["≤ 20", "(20, 40]", "(40, 60]", "> 60"]);
    assert.deepEqual(age.counts, [1, 2, 0, 1]);
    assert.deepEqual(age.untested, ["(40, 60]"]);
    assert.equal(age.coverage, 0.75);
    assert.deepEqual(sex.cells, ["Male", "Female", "(missing)"]);
    assert.equal(sex.coverage, 1);
    assert.deepEqual(a.skipped, [{ column: "note", reason: "the contract has no domain for it" }]);
    const [pair] = a.pairs;
    assert.equal(pair.cells, 12);
    assert.equal(pair.covered, 4);
    assert.ok(pair.untested.includes("age (40, 60] × sex Male"));
    // With a reference, only the cells it has count.
    const reference = batchFromRows(INFO, [
        { age: 18, sex: "Male" },
        { age: 50, sex: "Female" },
    ]);
    const withReference = testAdequacy(batchFromRows(INFO, rows), [AGE, SEX], { reference });
    assert.equal(withReference.pairs[0].cells, 2);
    assert.deepEqual(withReference.pairs[0].untested, ["age (40, 60] × sex Female"]);
});
