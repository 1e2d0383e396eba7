import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { queryRows } from "../../src/io/duckdb.js";
import { openSource } from "../../src/io/source.js";
import { validateBatch } from "../../src/schema/validate.js";
import { parseSchema } from "../../src/schema/yaml-read.js";
const dir = mkdtempSync(join(tmpdir(), "assay-validate-unit-"));
const SCHEMA = `format: assay.schema
version: 1
table:
  rows: {min: 5, max: 100}
columns:
  id:
    type: string
    unique: true
    format: {kind: regex, pattern: "[A-Z]{2}-[0-9]{3}", mostly: 1}
  day:
    type: string
    format: {kind: date, mostly: 1}
  score:
    type: float
    missing: 0.5
    range: {min: 0, max: 1, mostly: 1}
    checks:
      schema.out_of_range: {severity: warning}
  legacy:
    type: integer
    required: false
checks:
  schema.missing_rate: {mostly: 0.9}
`;
async function run(csv, schemaText = SCHEMA) {
    const path = join(dir, `t${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(path, csv);
    const source = await openSource({ path });
    const out = await validateBatch({
        schema: parseSchema(schemaText),
        columns: source.columns,
        relation: source.sql,
        query: (sql) => queryRows(source.conn, sql),
    });
    return out.results;
}
const pick = (results, check, column) => results.find((r) => r.check === check && (column === undefined || r.subject?.column === column));
test("keys, regex and date formats, severity overrides, optional columns, row counts", async () => {
    const results = await run([
        "id,day,score",
        "AB-001,2024-01-01,0.5",
        "AB-002,2024-01-02,0.7",
        "AB-002,2024-01-03,",
        "ab-4,2024-13-45,1.5",
        "CD-100,yesterday,0.1",
        "CD-101,2024-02-29,0.2",
    ].join("\n"));
    const unique = pick(results, "schema.unique", "id");
    assert.equal(unique.status, "fail");
    assert.equal(unique.count, 1);
    assert.deepEqual(unique.examples?.map((e) => e.row), [1, 2]);
    const idFormat = pick(results, "schema.format", "id");
    assert.equal(idFormat.count, 1);
    assert.deepEqual(idFormat.examples, [
        { row: 3, value: "ab-4", record: { id: "ab-4", day: "2024-13-45", score: 1.5 } },
    ]);
    const dayFormat = pick(results, "schema.format", "day");
    assert.equal(dayFormat.count, 2);
    assert.deepEqual(dayFormat.examples?.map((e) => e.row), [3, 4]);
    // the range check was lowered to a warning for this column
    const range = pick(results, "schema.out_of_range", "score");
    assert.equal(range.count, 1);
    assert.equal(range.severity, "warning");
    assert.equal(range.status, "warn");
    // mostly 0.9 from the top-level override wins over the column's own 0.5
    const missing = pick(results, "schema.missing_rate", "score");
    assert.equal(missing.threshold, 0.1);
    assert.equal(missing.count, 1);
    // an optional column may be absent
    const legacy = pick(results, "schema.missing_column", "legacy");
    assert.equal(legacy.status, "pass");
    assert.equal(pick(results, "schema.row_count").status, "pass");
});
test("too few rows and a renamed column", async () => {
    const results = await run(["ID,day,score", "AB-001,2024-01-01,0.5"].join("\n"));
    assert.equal(pick(results, "schema.row_count").status, "fail");
    const missing = pick(results, "schema.missing_column", "id");
    assert.equal(missing.status, "fail");
    assert.match(missing.message, /'ID' appeared instead — renamed\?/);
    assert.equal(pick(results, "schema.new_column", "ID").status, "warn");
});
