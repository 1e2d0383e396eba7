import { openSource } from "../io/source.js";
import { lintRelation } from "../lint/lint.js";
import { lintReport } from "../lint/report.js";
import { renderLintText } from "../lint/text.js";
import { listOption, numberOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { printJson, saveEvidence } from "./output.js";
import { sourceFromArgs } from "./source-args.js";

const HELP = `assay lint <source> [options]

Finds data bugs that need no schema: numbers stored as text, mixed types, "?"-style missing values,
outliers (modified z-score with median and MAD, |z| > 3.5; Tukey's far-out fences Q1 − 3·IQR, Q3 + 3·IQR
when the MAD is 0), near-constant columns, identifiers used as features, duplicate rows; with --label:
conflicting labels (identical features, different labels), class imbalance and label leakage (one feature
alone reaching AUC ≥ 0.95 scored out of fold, i.e. cross-fitted over 5 folds, or normalised mutual
information ≥ 0.9; AUC ≥ 0.9 or NMI ≥ 0.5 is a warning); with --against: rows shared with
another table (train/test overlap). Each finding lists offending rows by 0-based row number.

  <source>            a .csv .tsv .parquet .json .ndjson .jsonl or .arrow file
  --sql "SELECT …"    lint a DuckDB query over files instead
  --label COL         the label column
  --against FILE      another table (e.g. the training set) to check row overlap with
  --exposure COL      feedback loops: COL marks rows an earlier model acted on (a flag, or the deployed
                      model's decision); reports the model-exposed share (Wilson 95% CI) and how the
                      label distribution differs exposed vs unexposed (χ², rate difference with
                      Newcombe's interval; Welch for a numeric label); warning at p ≤ 0.01. Needs --label
  --exposed-value V,… the values of COL that mean exposed (default: anything but NULL, 0, false, no, none)
  --json              print the findings (a Report envelope) as JSON on stdout
  --examples N        offending rows shown per finding (default 5)

exit codes: 0 no error-severity finding (leakage, ≥ 1% train/test overlap) · 1 at least one · 2 bad input
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals, help } = parseCommand(
    argv,
    {
      sql: { type: "string" },
      label: { type: "string" },
      against: { type: "string" },
      json: { type: "boolean", default: false },
      examples: { type: "string" },
      exposure: { type: "string" },
      "exposed-value": { type: "string" },
    },
    HELP,
  );
  if (help) return 0;
  const maxExamples = Math.floor(numberOption(values.examples, "--examples", { min: 0, max: 1000 }) ?? 5);
  const source = await sourceFromArgs(positionals, values.sql);
  const label = typeof values.label === "string" ? values.label : undefined;
  const against = typeof values.against === "string" ? await openSource({ path: values.against }) : undefined;
  const exposureColumn = typeof values.exposure === "string" ? values.exposure : undefined;
  if (values["exposed-value"] !== undefined && exposureColumn === undefined)
    throw new UsageError("--exposed-value needs --exposure COL");
  const exposure = exposureColumn ? { column: exposureColumn, values: listOption(values["exposed-value"]) } : undefined;
  const outcome = await lintRelation(source, { label, against, maxExamples, exposure });
  const errors = outcome.results.filter((r) => r.status === "fail").length;
  const inputs = [{ name: source.name, digest: await source.digest(), rows: outcome.rows }];
  if (against)
    inputs.push({ name: against.name, digest: await against.digest(), rows: await against.rowCount() });
  const report = lintReport(outcome, {
    inputs,
    config: {
      label: label ?? null,
      against: values.against ?? null,
      examples: maxExamples,
      exposure: exposure ?? null,
    },
  });
  saveEvidence(report);
  if (values.json) printJson(report);
  else process.stdout.write(renderLintText(source.name, outcome.rows, outcome.results));
  return errors > 0 ? 1 : 0;
}
