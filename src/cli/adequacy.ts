/**
 * `assay adequacy <test> --schema FILE`: what a test set exercises of its contract — each feature's
 * reference-quantile bins and domain values, every pair of features' cells — and what it never tests.
 */

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { openSource } from "../io/source.js";
import { readTable } from "../model/index.js";
import { makeReport } from "../report/report.js";
import { testAdequacy } from "../robustness/adequacy.js";
import { adequacyChecks, renderAdequacyText } from "../robustness/adequacy-report.js";
import { parseSchema } from "../schema/yaml-read.js";
import { listOption, numberOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { printJson, saveEvidence, writeTextFile } from "./output.js";
import { sourceFromArgs } from "./source-args.js";

const HELP = `usage: assay adequacy <test> --schema FILE [options]

Coverage of a test set against its contract: for each numeric feature the bins between the contract's
reference quantiles (0.05 … 0.95, with both tails), for each text feature its domain values, missing
where the contract allows it; then every pair of features, bin × bin, and the cells never tested.
With --reference, only pair cells that occur in the reference data count.

options:
  --sql "…"              a DuckDB query instead of the file
  --schema FILE          the contract (required)
  --columns a,b          the features (default: every schema column the test set has, minus --label)
  --label COL            a column to leave out
  --reference FILE       reference data (e.g. the training set): pair cells it never has do not count
  --min-coverage C       fail when a feature's or the pairs' coverage is below C (default: warn only)
  --top N                untested pair cells listed per pair (default 20)
  --json                 print the report as JSON
  --html FILE            write a self-contained HTML report (verdict, reasons, examples, every check)

exit: 0 covered (or warnings), 1 below --min-coverage, 2 usage or input error`;

const OPTIONS = {
  sql: { type: "string" },
  schema: { type: "string" },
  columns: { type: "string" },
  label: { type: "string" },
  reference: { type: "string" },
  "min-coverage": { type: "string" },
  top: { type: "string" },
  json: { type: "boolean" },
  html: { type: "string" },
} as const;

export async function run(argv: string[]): Promise<number> {
  const { values: v, positionals, help } = parseCommand(argv, OPTIONS, HELP);
  if (help) return 0;
  if (typeof v.schema !== "string") throw new UsageError("adequacy needs --schema FILE (see --help)");
  const minCoverage = numberOption(v["min-coverage"], "--min-coverage", { min: 0, max: 1 }) ?? null;
  const top = numberOption(v.top, "--top", { min: 0, max: 10_000 }) ?? 20;
  let schemaText: string;
  try {
    schemaText = readFileSync(v.schema, "utf8");
  } catch {
    throw new UsageError(`${v.schema}: cannot read the schema file`);
  }
  const schema = parseSchema(schemaText, v.schema);
  const source = await sourceFromArgs(positionals, v.sql, "test data");
  const names =
    listOption(v.columns) ??
    schema.columns
      .map((c) => c.name)
      .filter((c) => c !== v.label && source.columns.some((x) => x.name === c));
  const columns = names.map((name) => {
    const c = schema.columns.find((x) => x.name === name);
    if (!c) throw new UsageError(`${v.schema}: no column '${name}' (--columns)`);
    return c;
  });
  const present = names.filter((n) => source.columns.some((c) => c.name === n));
  const test = await readTable(source, present);
  if (test.length === 0)
    throw new UsageError(`${source.name}: no rows (header only?): a test set with no rows tests nothing`);
  const referenceSource = typeof v.reference === "string" ? await openSource({ path: v.reference }) : null;
  const reference = referenceSource
    ? await readTable(
        referenceSource,
        present.filter((n) => referenceSource.columns.some((c) => c.name === n)),
      )
    : null;
  const adequacy = testAdequacy(test, columns, { reference, top });
  const results = adequacyChecks(adequacy, minCoverage);
  const report = makeReport(
    "adequacy",
    {
      inputs: [
        { name: source.name, digest: await source.digest(), rows: test.length },
        { name: basename(v.schema), digest: createHash("sha256").update(schemaText).digest("hex"), rows: 0 },
        ...(referenceSource && reference
          ? [{ name: referenceSource.name, digest: await referenceSource.digest(), rows: reference.length }]
          : []),
      ],
      config: { schema: v.schema, columns: names, reference: v.reference ?? null, minCoverage, top },
      results,
    },
    { ...adequacy },
  );
  saveEvidence(report);
  if (typeof v.html === "string") {
    const { reportHtml } = await import("../report/report-html.js");
    writeTextFile(v.html, reportHtml(report, `Test adequacy`));
  }
  if (v.json) printJson(report);
  else
    process.stdout.write(
      renderAdequacyText(`adequacy of ${source.name} (${test.length} rows) against ${v.schema}`, adequacy),
    );
  return report.summary.status === "fail" ? 1 : 0;
}
