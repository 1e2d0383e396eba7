/**
 * `assay crosscheck <data> --a SPEC --b SPEC`: differential testing of two implementations of one model
 * (ONNX vs endpoint, float64 vs float32, old vs re-exported) on the data and, with --schema, on fuzzed
 * rows: decision disagreement, largest score differences, agreement per slice.
 */
import { readFileSync } from "node:fs";
import { readTable } from "../model/index.js";
import type { Model } from "../model/model.js";
import { loadModel } from "../model/node/index.js";
import { makeReport } from "../report/report.js";
import { crosscheck } from "../robustness/crosscheck.js";
import { crosscheckChecks, renderCrosscheckText } from "../robustness/crosscheck-report.js";
import { generateRows } from "../robustness/fuzz-arbitraries.js";
import { parseSchema } from "../schema/yaml-read.js";
import { inContext } from "../table/errors.js";
import { listOption, numberOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { printJson, saveEvidence, writeTextFile } from "./output.js";
import { requireColumn, sourceFromArgs } from "./source-args.js";

const HELP = `usage: assay crosscheck <data> --a SPEC --b SPEC [options]

Scores the same rows with two implementations of one model and reports the share of rows whose
decisions differ (Wilson interval), the largest score differences with their rows, rows where only one
side is finite, and disagreement per slice. With --schema, fuzzed rows from the contract (valid and at
its boundaries) are compared too.

options:
  --sql "…"                a DuckDB query instead of the file
  --a SPEC, --b SPEC       the two models (as --model takes them)
  --features a,b,c         feature columns for FILE.onnx specs
  --label COL              a column neither model may see
  --schema FILE            also compare on --fuzz rows generated from this contract
  --fuzz N                 fuzzed rows (default 2000 with --schema)
  --slices a,b             columns to report agreement per group of
  --threshold T            decision threshold (default 0.5)
  --max-disagreement D     fail when the disagreement rate is surely above D (default 0: any fails)
  --tolerance X            fail when a score differs by more than X (default 1e-4)
  --seed S                 seed of the fuzzed rows (default 1)
  --top N                  largest differences to list (default 10)
  --json                   print the report as JSON
  --html FILE              write a self-contained HTML report (verdict, reasons, examples, every check)

exit: 0 the implementations agree, 1 they do not, 2 usage or input error`;

const OPTIONS = {
  sql: { type: "string" },
  a: { type: "string" },
  b: { type: "string" },
  features: { type: "string" },
  label: { type: "string" },
  schema: { type: "string" },
  fuzz: { type: "string" },
  slices: { type: "string" },
  threshold: { type: "string" },
  "max-disagreement": { type: "string" },
  tolerance: { type: "string" },
  seed: { type: "string" },
  top: { type: "string" },
  json: { type: "boolean" },
  html: { type: "string" },
} as const;

export async function run(argv: string[]): Promise<number> {
  const { values: v, positionals, help } = parseCommand(argv, OPTIONS, HELP);
  if (help) return 0;
  if (typeof v.a !== "string" || typeof v.b !== "string")
    throw new UsageError("crosscheck needs --a SPEC and --b SPEC (see --help)");
  const threshold = numberOption(v.threshold, "--threshold", { min: 0, max: 1 }) ?? 0.5;
  const maxDisagreement = numberOption(v["max-disagreement"], "--max-disagreement", { min: 0, max: 1 }) ?? 0;
  const tolerance = numberOption(v.tolerance, "--tolerance", { min: 0 }) ?? 1e-4;
  const fuzzRows = numberOption(v.fuzz, "--fuzz", { min: 0, max: 10_000_000 }) ?? 2000;
  const seed = numberOption(v.seed, "--seed", { min: 0 }) ?? 1;
  const top = numberOption(v.top, "--top", { min: 0, max: 1000 }) ?? 10;
  const slices = listOption(v.slices) ?? [];
  const source = await sourceFromArgs(positionals, v.sql, "data");
  const label = v.label as string | undefined;
  if (label !== undefined) requireColumn(source, label, "--label");
  for (const s of slices) requireColumn(source, s, "--slices");
  const features = listOption(v.features);
  const a = await load(v.a, features, "--a");
  let b: Model | null = null;
  try {
    b = await load(v.b, features, "--b");
    for (const m of [a, b])
      for (const f of m.features ?? []) requireColumn(source, f, `${m === a ? "--a" : "--b"}'s features`);
    let data = await readTable(source);
    if (label !== undefined) data = { ...data, columns: data.columns.filter((c) => c.name !== label) };
    if (data.length === 0 && v.schema === undefined)
      throw new UsageError(`${source.name}: no rows (header only?): nothing to compare`);
    const options = { threshold, top, level: 0.95 };
    const parts = [];
    const onData = await crosscheck(a, b, data, { ...options, slices });
    parts.push({ name: "data", part: onData.part });
    if (typeof v.schema === "string" && fuzzRows > 0) {
      const schema = parseSchema(readFileSync(v.schema, "utf8"), v.schema);
      const names = a.features ?? b.features ?? schema.columns.map((c) => c.name).filter((c) => c !== label);
      const columns = names.map((name) => {
        const c = schema.columns.find((x) => x.name === name);
        if (!c)
          throw new UsageError(
            `${v.schema}: no column '${name}' (the models' features must be in the schema)`,
          );
        return c;
      });
      // Valid and boundary values only: two implementations may fairly differ on invalid input.
      const fuzzed = generateRows(columns, fuzzRows, seed, 0);
      parts.push({ name: "fuzzed", part: (await crosscheck(a, b, fuzzed, options)).part });
    }
    const results = crosscheckChecks(parts, { maxDisagreement, tolerance });
    const report = makeReport(
      "crosscheck",
      {
        inputs: [{ name: source.name, digest: await source.digest(), rows: data.length }],
        config: {
          a: { spec: v.a, name: a.name, kind: a.kind, digest: a.metadata.digest ?? null },
          b: { spec: v.b, name: b.name, kind: b.kind, digest: b.metadata.digest ?? null },
          threshold,
          maxDisagreement,
          tolerance,
          schema: v.schema ?? null,
          fuzz: v.schema ? fuzzRows : 0,
          seed,
          slices,
        },
        results,
      },
      { parts: Object.fromEntries(parts.map((p) => [p.name, p.part])), slices: onData.slices },
    );
    saveEvidence(report);
    if (typeof v.html === "string") {
      const { reportHtml } = await import("../report/report-html.js");
      writeTextFile(v.html, reportHtml(report, `Crosscheck of two models`));
    }
    if (v.json) printJson(report);
    else
      process.stdout.write(
        renderCrosscheckText(`crosscheck ${a.name} vs ${b.name} on ${source.name}`, parts, onData.slices),
      );
    return report.summary.status === "fail" ? 1 : 0;
  } finally {
    await a.close();
    await b?.close();
  }
}

async function load(spec: string, features: string[] | undefined, flag: string): Promise<Model> {
  try {
    return await loadModel(spec, { features });
  } catch (error) {
    throw inContext(error, flag);
  }
}
