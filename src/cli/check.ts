import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { checkHtml } from "../check/html.js";
import { checkJunit, checkReport, type StageOutcome } from "../check/suite.js";
import type { SourceSpec } from "../io/source.js";
import type { Schema } from "../schema/types.js";
import { parseSchema } from "../schema/yaml-read.js";
import { listOption, numberOption, parseCommand } from "./args.js";
import { driftStage, lintStage, modelStages, validateStage } from "./check-stages.js";
import { UsageError } from "./errors.js";
import { printJson, saveEvidence, writeTextFile } from "./output.js";
import { openWithRuleTables } from "./rule-tables.js";

const PRESETS = ["data-release", "drift", "model-release"] as const;
type Preset = (typeof PRESETS)[number];

const HELP = `assay check <preset> [options]

Runs the checks a CI job needs as one step: one exit code, one JUnit file (a test suite per stage), one
JSON/HTML report bundling the stages' reports (each also saved as evidence, like the commands it runs).

presets:
  data-release    a new batch before it is used: validate it against the contract (inferred checks and
                  the contract's rules), then lint it (data bugs; with --reference, rows shared with it)
                    needs --current, --schema        fails on an error anomaly or an error lint finding
  drift           a serving window against training: per-column drift and the dataset verdict; with
                  --schema the window is validated too
                    needs --reference, --current     fails when the dataset drifts
  model-release   a candidate model: evaluate it (metrics with CIs, slices, fairness with --sensitive);
                  with --old, compare it with the current model (flips, backward compatibility, the
                  update gate); with --schema the evaluation data is validated first
                    needs --current (labelled rows), --label, --new    fails on a failed check or gate

  --current FILE        the batch / serving window / evaluation rows (or the first positional)
  --reference FILE      the training or previous data (lint overlap; drift reference)
  --current-sql "…"     a DuckDB query over files instead of --current (same for --reference-sql): a
  --reference-sql "…"   serving window cut from a log, a month of a table
  --schema FILE         the contract (assay schema infer; rules: docs/schema.md §10)
  --table NAME=FILE     a table the contract's rules name (repeatable)
  --label COL           the label column (lint leakage; model-release)
  --positive VALUE      the positive class (model-release)
  --new SPEC, --old SPEC  model specs as for assay compare (FILE.onnx --features …, a descriptor, score:COL)
  --features a,b        model input columns, when SPEC is a bare .onnx
  --threshold T         decision threshold (default 0.5)
  --sensitive a,b       group columns for fairness (model-release)
  --columns a,b         compare only these columns (drift)
  --config FILE         a preset file (YAML): any of the options above by name (preset, current, reference,
                        schema, tables: {NAME: FILE}, label, positive, new, old, features, threshold,
                        sensitive, columns); paths relative to the file; flags win
  --json                print the suite's report on stdout
  --junit FILE          write JUnit XML: a <testsuite> per stage, a <testcase> per check
  --html FILE           write a self-contained HTML page of the stages and their findings
  --examples N          offending rows shown per anomaly (default 5)

exit codes: 0 every stage passes · 1 a stage fails · 2 usage or input error

examples:
  assay check data-release --current batch.csv --schema adult.schema.yaml --reference adult_train.csv \\
      --label income-per-year --junit check.xml
  assay check drift --reference train.parquet --current serving.parquet
  assay check model-release --current adult_test.csv --label income-per-year \\
      --new adult_v2.yaml --old adult_v1.yaml
  assay check --config release.check.yaml
`;

const OPTIONS = {
  current: { type: "string" },
  reference: { type: "string" },
  "current-sql": { type: "string" },
  "reference-sql": { type: "string" },
  schema: { type: "string" },
  table: { type: "string", multiple: true },
  label: { type: "string" },
  positive: { type: "string" },
  new: { type: "string" },
  old: { type: "string" },
  features: { type: "string" },
  threshold: { type: "string" },
  sensitive: { type: "string" },
  columns: { type: "string" },
  config: { type: "string" },
  json: { type: "boolean", default: false },
  junit: { type: "string" },
  html: { type: "string" },
  examples: { type: "string" },
} as const;

const PATH_KEYS = ["current", "reference", "schema", "new", "old"];
const CONFIG_KEYS = [
  "preset",
  ...PATH_KEYS,
  "current-sql",
  "reference-sql",
  "tables",
  "label",
  "positive",
  "features",
  "threshold",
  "sensitive",
  "columns",
];

export async function run(argv: string[]): Promise<number> {
  const { values, positionals, help } = parseCommand(argv, OPTIONS, HELP);
  if (help) return 0;
  const file = typeof values.config === "string" ? readPresetFile(values.config) : {};
  const [presetArg, ...rest] = positionals;
  const preset = presetArg ?? file.preset;
  if (preset === undefined) throw new UsageError(`missing preset: one of ${PRESETS.join(", ")} (see --help)`);
  if (!(PRESETS as readonly string[]).includes(preset))
    throw new UsageError(`unknown preset '${preset}'; presets: ${PRESETS.join(", ")}`);
  if (rest.length > 1) throw new UsageError(`expected at most one positional source, got ${rest.join(" ")}`);
  const opt = (k: string): string | undefined => {
    const v = values[k] ?? file[k];
    return typeof v === "string" ? v : undefined;
  };
  const currentSql = opt("current-sql");
  const referenceSql = opt("reference-sql");
  const current = opt("current") ?? rest[0] ?? (currentSql !== undefined ? "sql" : undefined);
  const reference = opt("reference") ?? (referenceSql !== undefined ? "sql" : undefined);
  const schemaPath = opt("schema");
  const label = opt("label");
  const maxExamples = Math.floor(numberOption(values.examples, "--examples", { min: 0, max: 1000 }) ?? 5);
  const need = (value: string | undefined, flag: string) => {
    if (value === undefined) throw new UsageError(`${preset} needs ${flag} (see --help)`);
    return value;
  };
  need(current, "--current FILE");
  if (preset === "data-release") need(schemaPath, "--schema FILE");
  if (preset === "drift") need(reference, "--reference FILE");
  if (preset === "model-release") {
    need(label, "--label COL");
    need(opt("new"), "--new SPEC");
  }
  const schema = schemaPath !== undefined ? readSchema(schemaPath) : null;
  const tableFlags = [
    ...Object.entries(file.tables ?? {}).map(([n, p]) => `${n}=${p}`),
    ...((values.table as string[] | undefined) ?? []),
  ];
  const extra: SourceSpec[] =
    referenceSql !== undefined
      ? [{ sql: referenceSql }]
      : reference !== undefined
        ? [{ path: reference }]
        : [];
  const opened = await openWithRuleTables(
    currentSql !== undefined ? [] : [current as string],
    currentSql,
    schema,
    schemaPath ?? ".",
    tableFlags,
    extra,
  );
  const source = opened.source;
  const referenceRelation = opened.extra[0];

  const stages: StageOutcome[] = [];
  if (schema && schemaPath)
    stages.push(await validateStage(source, schema, schemaPath, opened.tables, maxExamples));
  if (preset === "data-release") stages.push(await lintStage(source, referenceRelation, label, maxExamples));
  if (preset === "drift")
    stages.push(await driftStage(referenceRelation, source, listOption(opt("columns"))));
  if (preset === "model-release")
    stages.push(
      ...(await modelStages(source, opt("new") as string, opt("old"), {
        label: label as string,
        positive: opt("positive"),
        threshold: numberOption(opt("threshold"), "--threshold", { min: 0, max: 1 }) ?? 0.5,
        features: listOption(opt("features")),
        sensitive: listOption(opt("sensitive")) ?? [],
      })),
    );

  for (const stage of stages) saveEvidence(stage.report);
  const report = checkReport(preset, stages, {
    current,
    reference: reference ?? null,
    schema: schemaPath ?? null,
    label: label ?? null,
    new: opt("new") ?? null,
    old: opt("old") ?? null,
    config: values.config ?? null,
  });
  saveEvidence(report);
  if (typeof values.junit === "string") writeTextFile(values.junit, checkJunit(preset, stages));
  if (typeof values.html === "string") writeTextFile(values.html, checkHtml(report, stages));
  if (values.json) printJson(report);
  else process.stdout.write(checkText(preset as Preset, stages));
  return stages.some((s) => s.failed) ? 1 : 0;
}

function readSchema(path: string): Schema {
  if (!existsSync(path)) throw new UsageError(`${path}: no such file`);
  if (statSync(path).isDirectory()) throw new UsageError(`${path}: is a directory, expected a schema file`);
  return parseSchema(readFileSync(path, "utf8"), path);
}

/** A preset file: the options by name, paths made relative to the file. */
function readPresetFile(
  path: string,
): Record<string, string | undefined> & { tables?: Record<string, string> } {
  if (!existsSync(path)) throw new UsageError(`${path}: no such file`);
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UsageError(`${path}: invalid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new UsageError(`${path}: expected a mapping of options (preset, current, schema …)`);
  const here = (p: string) => (isAbsolute(p) ? p : resolve(dirname(path), p));
  const out: Record<string, string | undefined> & { tables?: Record<string, string> } = {};
  for (const [k, v] of Object.entries(raw)) {
    if (!CONFIG_KEYS.includes(k))
      throw new UsageError(`${path}: unknown option '${k}' (known: ${CONFIG_KEYS.join(", ")})`);
    if (k === "tables") {
      if (typeof v !== "object" || v === null || Array.isArray(v))
        throw new UsageError(`${path}: tables: expected NAME: FILE entries`);
      out.tables = Object.fromEntries(Object.entries(v).map(([n, p]) => [n, here(String(p))]));
      continue;
    }
    const text = Array.isArray(v)
      ? v.join(",")
      : typeof v === "number" || typeof v === "string"
        ? String(v)
        : null;
    if (text === null) throw new UsageError(`${path}: ${k}: expected text, a number or a list`);
    // a model spec that is not a file (score:COL, http://…) stays as written
    out[k] = PATH_KEYS.includes(k) && !/^(score:|https?:\/\/)/.test(text) ? here(text) : text;
  }
  return out;
}

function checkText(preset: Preset, stages: StageOutcome[]): string {
  const lines = [`assay check ${preset}: ${stages.length} stage${stages.length === 1 ? "" : "s"}`];
  for (const s of stages) {
    const flagged = s.report.results.filter((r) => r.status !== "pass");
    lines.push(
      `  ${s.failed ? "FAIL" : "pass"}  ${s.name.padEnd(9)} ${s.report.results.length} checks, ${flagged.filter((r) => r.status === "fail").length} failing, ${flagged.filter((r) => r.status !== "fail").length} warning (${s.seconds.toFixed(1)} s)`,
    );
    for (const r of flagged.filter((x) => x.status === "fail").slice(0, 5))
      lines.push(
        `        ✗ ${r.check}${r.subject?.rule || r.subject?.column ? ` [${r.subject?.rule ?? r.subject?.column}]` : ""}: ${r.message}`,
      );
  }
  const failed = stages.filter((s) => s.failed).map((s) => s.name);
  lines.push(failed.length === 0 ? "every stage passes" : `failed: ${failed.join(", ")}`);
  return `${lines.join("\n")}\n`;
}
