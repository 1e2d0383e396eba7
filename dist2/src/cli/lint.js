import { openSource } from "../io/source.js";
import { lintTable } from "../lint/lint.js";
import { findingsText } from "../report/findings-text.js";
import { makeReport } from "../report/report.js";
import { numberOption, parseCommand } from "./args.js";
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
  --json              print the findings (a Report envelope) as JSON on stdout
  --examples N        offending rows shown per finding (default 5)

exit codes: 0 no error-severity finding (leakage, ≥ 1% train/test overlap) · 1 at least one · 2 bad input
`;
export async function run(argv) {
    const { values, positionals, help } = parseCommand(argv, {
        sql: { type: "string" },
        label: { type: "string" },
        against: { type: "string" },
        json: { type: "boolean", default: false },
        examples: { type: "string" },
    }, HELP);
    if (help)
        return 0;
    const maxExamples = Math.floor(numberOption(values.examples, "--examples", { min: 0, max: 1000 }) ?? 5);
    const source = await sourceFromArgs(positionals, values.sql);
    const label = typeof values.label === "string" ? values.label : undefined;
    if (label !== undefined && !source.columns.some((c) => c.name === label))
        throw new UsageError(`${source.name}: no label column named '${label}' (columns: ${source.columns.map((c) => c.name).join(", ")})`);
    const against = typeof values.against === "string" ? await openSource({ path: values.against }) : undefined;
    if (against && !against.columns.some((c) => source.columns.some((s) => s.name === c.name)))
        throw new UsageError(`${against.name}: shares no column with ${source.name}`);
    const outcome = await lintTable({
        relation: source.sql,
        columns: source.columns,
        query: source.query,
        label,
        against: against ? { name: against.name, relation: against.sql, columns: against.columns } : undefined,
        maxExamples,
    });
    const errors = outcome.results.filter((r) => r.status === "fail").length;
    const warnings = outcome.results.filter((r) => r.status === "warn").length;
    const inputs = [{ name: source.name, digest: await source.digest(), rows: outcome.rows }];
    if (against)
        inputs.push({ name: against.name, digest: await against.digest(), rows: await against.rowCount() });
    const report = makeReport("lint", {
        inputs,
        config: { label: label ?? null, against: values.against ?? null, examples: maxExamples },
        results: outcome.results,
        summary: { errors, warnings, findings: errors + warnings },
    }, { rows: outcome.rows });
    saveEvidence(report);
    if (values.json)
        printJson(report);
    else
        process.stdout.write(renderText(source.name, outcome.rows, outcome.results));
    return errors > 0 ? 1 : 0;
}
function renderText(name, rows, results) {
    const flagged = results.filter((r) => r.status !== "pass");
    const lines = [`lint ${name} (${rows} rows): ${flagged.length} finding${flagged.length === 1 ? "" : "s"}`];
    if (flagged.length > 0)
        lines.push(...findingsText(flagged, 150));
    for (const r of results.filter((x) => x.check === "lint.label_leakage" && x.status === "pass"))
        lines.push(r.message);
    return `${lines.join("\n")}\n`;
}
