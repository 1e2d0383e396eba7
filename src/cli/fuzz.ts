/**
 * `assay fuzz --schema schema.yaml --model SPEC`: rows generated from the data contract — valid, at its
 * boundaries and slightly invalid — scored in batches; crashes, non-finite scores, probabilities
 * outside [0, 1] and unstable scores are reported, each shrunk to a minimal row (fast-check).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { makeReport } from "../report/report.js";
import { fuzzModel } from "../robustness/fuzz.js";
import { fuzzChecks, renderFuzzText } from "../robustness/fuzz-report.js";
import { parseSchema } from "../schema/yaml-read.js";
import { listOption, numberOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { modelFromArgs } from "./model-args.js";
import { printJson, progress, saveEvidence, writeTextFile } from "./output.js";

const HELP = `usage: assay fuzz --schema schema.yaml --model SPEC [options]

Generates rows from the schema — valid values, the boundaries (range ends, reference quantiles, 0, the
rarest categories, empty strings, missing where allowed) and slightly invalid ones (just outside the
range, extreme magnitudes, NaN/±∞, unseen categories, missing where not allowed) — with fast-check,
scores them in batches, and reports rows where the model throws, returns a non-finite score or a
probability outside [0, 1], or jumps under a nudge of 1e-6 of the column's spread. Each failure is
shrunk to a minimal row. The same --seed gives the same rows.

options:
  --schema FILE            the data contract (assay schema infer writes one; required)
  --model SPEC             the model (as assay evaluate takes it; required)
  --features a,b,c         the model's feature columns in order (FILE.onnx, endpoints, modules)
  --columns a,b            the columns to generate (default: the model's features, else every column
                           of the schema but --label)
  --label COL              a schema column that is not an input
  --budget N | Ns          rows to generate (default 20000), or seconds ("10s")
  --seed S                 seed of the generator (default 1)
  --batch-rows N           rows per model call (default 8192)
  --invalid SHARE          share of slightly invalid values per column (default 0.1; 0 = valid only)
  --instability D          score change under the nudge that counts as unstable (default 0.05)
  --instability-share S    share of rows also scored nudged (default 0.25; 0 skips the check)
  --timeout MS, --retries N, --batch-size N    HTTP endpoint settings
  --json                   print the report as JSON
  --html FILE              write a self-contained HTML report (verdict, reasons, examples, every check)

exit: 0 no crash, non-finite or out-of-range score, 1 one was found, 2 usage or input error`;

const OPTIONS = {
  schema: { type: "string" },
  model: { type: "string" },
  features: { type: "string" },
  columns: { type: "string" },
  label: { type: "string" },
  budget: { type: "string" },
  seed: { type: "string" },
  "batch-rows": { type: "string" },
  invalid: { type: "string" },
  instability: { type: "string" },
  "instability-share": { type: "string" },
  timeout: { type: "string" },
  retries: { type: "string" },
  "batch-size": { type: "string" },
  json: { type: "boolean" },
  html: { type: "string" },
} as const;

export async function run(argv: string[]): Promise<number> {
  const { values: v, positionals, help } = parseCommand(argv, OPTIONS, HELP);
  if (help) return 0;
  if (positionals.length > 0)
    throw new UsageError(
      `fuzz takes no data file (got '${positionals[0]}'); it generates rows from --schema`,
    );
  if (typeof v.schema !== "string") throw new UsageError("fuzz needs --schema FILE (see --help)");
  if (typeof v.model !== "string") throw new UsageError("fuzz needs --model SPEC (see --help)");
  const budget = parseBudget(v.budget);
  const seed = numberOption(v.seed, "--seed", { min: 0 }) ?? 1;
  const batchRows = numberOption(v["batch-rows"], "--batch-rows", { min: 1, max: 1_000_000 }) ?? 8192;
  const invalid = numberOption(v.invalid, "--invalid", { min: 0, max: 0.5 }) ?? 0.1;
  const instability = numberOption(v.instability, "--instability", { min: 0 }) ?? 0.05;
  const instabilityShare =
    numberOption(v["instability-share"], "--instability-share", { min: 0, max: 1 }) ?? 0.25;
  if (!Number.isInteger(seed) || !Number.isInteger(batchRows))
    throw new UsageError("--seed and --batch-rows take whole numbers");
  if (!existsSync(v.schema)) throw new UsageError(`${v.schema}: no such schema file`);
  const schemaText = readFileSync(v.schema, "utf8");
  const schema = parseSchema(schemaText, v.schema);
  const opened = await modelFromArgs(v);
  if (!opened) throw new UsageError("fuzz needs --model SPEC");
  const model = opened.model;
  try {
    if (model.kind === "score")
      throw new UsageError("fuzz needs a model that scores rows; score:COL only reads a column");
    const wanted =
      listOption(v.columns) ??
      model.features ??
      schema.columns.map((c) => c.name).filter((c) => c !== v.label);
    const missing = wanted.filter((name) => !schema.columns.some((c) => c.name === name));
    if (missing.length > 0)
      throw new UsageError(
        `${v.schema}: no column ${missing.map((m) => `'${m}'`).join(", ")} (the model's features must be in the schema)`,
      );
    const columns = wanted.map((name) => schema.columns.find((c) => c.name === name)!);
    const bar = progress(`fuzzing ${model.name}`);
    const result = await (async () => {
      try {
        return await fuzzModel(model, columns, {
          seed,
          budgetRows: budget.rows,
          budgetMs: budget.ms,
          batchRows,
          invalid,
          instability,
          instabilityShare,
          onProgress: bar.update,
        });
      } finally {
        bar.done();
      }
    })();
    const results = fuzzChecks(result);
    const report = makeReport(
      "fuzz",
      {
        inputs: [
          {
            name: basename(v.schema),
            digest: createHash("sha256").update(schemaText).digest("hex"),
            rows: 0,
          },
        ],
        config: {
          schema: v.schema,
          columns: wanted,
          seed,
          budget: budget.ms !== null ? { seconds: budget.ms / 1000 } : { rows: budget.rows },
          batchRows,
          invalid,
          instability,
          instabilityShare,
          model: {
            spec: opened.spec,
            name: model.name,
            kind: model.kind,
            digest: model.metadata.digest ?? null,
          },
        },
        results,
        summary: { rows: result.rows, failures: result.failures.length },
      },
      {
        rows: result.rows,
        calls: result.calls,
        seconds: result.seconds,
        rowsPerSecond: result.rowsPerSecond,
        latencyPerRowMs: result.latencyPerRowMs,
        failures: result.failures,
      },
    );
    saveEvidence(report);
    if (typeof v.html === "string") {
      const { reportHtml } = await import("../report/report-html.js");
      writeTextFile(v.html, reportHtml(report, `Fuzzing from the schema`));
    }
    if (v.json) printJson(report);
    else
      process.stdout.write(
        renderFuzzText(`fuzz ${model.name} from ${v.schema} (seed ${seed})`, result, results),
      );
    return report.summary.status === "fail" ? 1 : 0;
  } finally {
    await model.close();
  }
}

/** "20000" rows or "10s" seconds; a seconds budget still stops at 10⁹ rows. */
function parseBudget(value: unknown): { rows: number; ms: number | null } {
  if (value === undefined) return { rows: 20_000, ms: null };
  const text = String(value).trim();
  const seconds = /^(\d+(?:\.\d+)?)\s*s$/.exec(text);
  if (seconds) {
    const s = Number(seconds[1]);
    if (!(s > 0)) throw new UsageError(`--budget ${text}: give a positive number of seconds`);
    return { rows: 1e9, ms: s * 1000 };
  }
  const rows = numberOption(text, "--budget", { min: 1 })!;
  if (!Number.isInteger(rows))
    throw new UsageError(`--budget expects whole rows or seconds ("10s"), got '${text}'`);
  return { rows, ms: null };
}
