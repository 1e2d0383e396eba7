import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { duckdb, queryRows } from "../io/duckdb.js";
import { guard } from "../io/source.js";
import { validationJunit } from "../schema/junit.js";
import { validationReport } from "../schema/report.js";
import { renderValidationText } from "../schema/text.js";
import { validateRelation } from "../schema/validate.js";
import { parseSchema } from "../schema/yaml-read.js";
import { numberOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { printJson, saveEvidence, writeTextFile } from "./output.js";
import { openWithRuleTables } from "./rule-tables.js";

const HELP = `assay validate <source> --schema FILE [options]

Checks a batch against a data contract (from 'assay schema infer', docs/schema.md) and reports typed
anomalies: schema.missing_column, schema.new_column, schema.type_mismatch, schema.missing_rate,
schema.out_of_domain (naming likely spelling variants), schema.out_of_range, schema.unit_change,
schema.format, schema.unique, schema.row_count, data.duplicate_rows, data.non_finite — each with expected
and found values, counts, the first offending rows (0-based row numbers) and, where the data may be right,
the schema change that would accept it.

  <source>            a .csv .tsv .parquet .json .ndjson .jsonl or .arrow file
  --sql "SELECT …"    validate a DuckDB query over files instead
  --schema FILE       the contract (YAML)
  --json              print the validation report as JSON on stdout
  --junit FILE        write JUnit XML, one test case per check
  --html FILE         write a self-contained HTML report with charts
  --examples N        offending rows shown per anomaly (default 5)
  --table NAME=FILE   a table the contract's rules name (foreign keys, totals, the previous batch);
                      repeatable, wins over the schema's tables: entry of that name

Rules written by hand (rules: in the schema, docs/schema.md §10) run in the same scan and report as
rule.expression, rule.format, rule.unique, rule.foreign_key, rule.aggregate, rule.freshness and
rule.row_count_change, each under its id. For example:

  tables: { airports: airports.csv }
  rules:
    - { id: known-origin, columns: origin, references: { table: airports, columns: iata } }
    - { id: us-zip, when: "country = 'US'", column: zip, matches: '[0-9]{5}', mostly: 0.999 }
    - { id: charges, expect: "TotalCharges >= MonthlyCharges OR tenure = 0", severity: warning }

exit codes: 0 no error-severity anomaly · 1 at least one · 2 bad input (schema file, data file, options)
`;

export async function run(argv: string[]): Promise<number> {
  const started = performance.now();
  const { values, positionals, help } = parseCommand(
    argv,
    {
      sql: { type: "string" },
      schema: { type: "string" },
      json: { type: "boolean", default: false },
      junit: { type: "string" },
      html: { type: "string" },
      examples: { type: "string" },
      table: { type: "string", multiple: true },
    },
    HELP,
  );
  if (help) return 0;
  if (typeof values.schema !== "string")
    throw new UsageError("--schema FILE is required (make one with 'assay schema infer')");
  const schemaPath = values.schema;
  if (!existsSync(schemaPath)) throw new UsageError(`${schemaPath}: no such file`);
  if (statSync(schemaPath).isDirectory())
    throw new UsageError(`${schemaPath}: is a directory, expected a schema file`);
  const maxExamples = numberOption(values.examples, "--examples", { min: 0, max: 1000 }) ?? 5;
  const schemaText = readFileSync(schemaPath, "utf8");
  const schema = parseSchema(schemaText, schemaPath);
  const { source, tables } = await openWithRuleTables(
    positionals,
    values.sql,
    schema,
    schemaPath,
    values.table,
  );
  const second = await duckdb();
  const outcome = await validateRelation(source, schema, {
    // same database, another connection: lets two scans overlap
    queryConcurrent: (sql) => guard(source.name, queryRows(second, sql)),
    maxExamples: Math.floor(maxExamples),
    tables,
  });
  const errors = outcome.results.filter((r) => r.status === "fail" && r.severity === "error").length;
  const report = validationReport(outcome, {
    input: { name: source.name, digest: await source.digest() },
    schema,
    schemaFile: { name: basename(schemaPath), digest: createHash("sha256").update(schemaText).digest("hex") },
    config: { schema: schemaPath, examples: maxExamples },
  });
  saveEvidence(report);
  if (typeof values.junit === "string")
    writeTextFile(
      values.junit,
      validationJunit(`validate ${source.name}`, outcome.results, (performance.now() - started) / 1000),
    );
  if (typeof values.html === "string") {
    // vega + vega-lite take ~0.3 s to load: only when a page is asked for
    const { validationHtml } = await import("../schema/html.js");
    writeTextFile(values.html, await validationHtml(report, outcome.results));
  }
  if (values.json) printJson(report);
  else process.stdout.write(renderValidationText(source.name, schemaPath, outcome.rows, outcome.results));
  return errors > 0 ? 1 : 0;
}
