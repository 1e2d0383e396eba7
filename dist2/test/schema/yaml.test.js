import assert from "node:assert/strict";
import { test } from "node:test";
import { parseSchema, SchemaFileError } from "../../src/schema/yaml-read.js";
import { schemaToYaml } from "../../src/schema/yaml-write.js";
const GOOD = `format: assay.schema
version: 1
table:
  rows: {min: 10, max: null}
  duplicates: 0.01
checks:
  schema.new_column: {severity: error}
columns:
  age:
    type: integer
    missing: 0.001
    range: {min: 0, max: 120, mostly: 0.999}
    reference: {quantiles: {"0.5": 37}, mean: 38}
  sex:
    type: string
    domain: {mostly: 0.99, values: {Male: 0.67, Female: 0.33}}
    checks:
      schema.out_of_domain: {severity: warning}
  id:
    type: string
    required: false
    unique: true
    format: {kind: regex, pattern: "[A-Z]{3}[0-9]+"}
`;
function errorOf(text) {
    try {
        parseSchema(text, "s.yaml");
    }
    catch (error) {
        assert.ok(error instanceof SchemaFileError, String(error));
        return error;
    }
    assert.fail("expected a SchemaFileError");
}
test("a hand-written schema parses with defaults filled in", () => {
    const s = parseSchema(GOOD);
    assert.equal(s.columns.length, 3);
    assert.deepEqual(s.table, { rows: { min: 10, max: null }, duplicates: 0.01 });
    assert.deepEqual(s.checks, { "schema.new_column": { severity: "error" } });
    const [age, sex, id] = s.columns;
    assert.equal(age.required, true);
    assert.deepEqual(age.range, { min: 0, max: 120, mostly: 0.999 });
    assert.deepEqual(sex.domain?.values, { Male: 0.67, Female: 0.33 });
    assert.equal(sex.missing, 0);
    assert.deepEqual(sex.checks, { "schema.out_of_domain": { severity: "warning" } });
    assert.equal(id.required, false);
    assert.deepEqual(id.unique, { mostly: 1 });
    assert.equal(id.format?.pattern, "[A-Z]{3}[0-9]+");
});
test("errors name the line and the dotted field", () => {
    let e = errorOf(GOOD.replace("min: 0, max: 120", "min: zero, max: 120"));
    assert.equal(e.line, 12);
    assert.equal(e.field, "columns.age.range.min");
    assert.match(e.message, /^s\.yaml:12: columns\.age\.range\.min: expected a number, got 'zero'$/);
    e = errorOf(GOOD.replace("type: string\n    domain", "type: text\n    domain"));
    assert.equal(e.line, 15);
    assert.equal(e.field, "columns.sex.type");
    e = errorOf(GOOD.replace("missing: 0.001", "missing: 1.5"));
    assert.equal(e.line, 11);
    assert.match(e.message, /columns\.age\.missing: must be ≤ 1, got 1\.5/);
    e = errorOf(GOOD.replace("{severity: warning}", "{severity: fatal}"));
    assert.equal(e.field, "columns.sex.checks.schema.out_of_domain.severity");
    assert.equal(e.line, 18);
    e = errorOf(GOOD.replace("schema.new_column:", "schema.new_columns:"));
    assert.equal(e.line, 7);
    assert.match(e.message, /unknown check id/);
    e = errorOf(GOOD.replace("    missing: 0.001\n", "    missing: 0.001\n    minimum: 3\n"));
    assert.equal(e.field, "columns.age.minimum");
    assert.equal(e.line, 12);
    e = errorOf(GOOD.replace('pattern: "[A-Z]{3}[0-9]+"', 'pattern: "[A-Z"'));
    assert.equal(e.field, "columns.id.format.pattern");
    e = errorOf(GOOD.replace("version: 1", "version: 7"));
    assert.equal(e.line, 2);
    assert.equal(e.field, "version");
});
test("broken YAML and duplicate keys point at their line", () => {
    let e = errorOf(GOOD.replace("  sex:\n", "  sex:\n   - oops: [\n"));
    assert.ok(e.line >= 14 && e.line <= 16, `line ${e.line}`);
    assert.match(e.message, /invalid YAML/);
    e = errorOf(GOOD.replace("  id:\n", "  age:\n"));
    assert.equal(e.line, 19);
});
test("print → parse is the identity on the contract", () => {
    const schema = parseSchema(GOOD);
    const again = parseSchema(schemaToYaml(schema));
    assert.deepEqual(again, schema);
});
