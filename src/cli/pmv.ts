/**
 * `assay pmv <train> [<test>] --label COL (--algo logistic|tree | --train-cmd "…")`: Perturbed Model
 * Validation — label noise injected at rates 0 … 0.5, the model retrained each time, and how fast its
 * training accuracy falls says whether it over-fits (memorises the noise), under-fits or fits well.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { binaryLabels, encodeBinaryLabel } from "../evaluate/labels.js";
import { writeCsv } from "../io/csv-file.js";
import { findColumn } from "../model/features.js";
import { type BaselineKind, readTable, takeRows, trainBaseline } from "../model/index.js";
import { loadModel } from "../model/node/index.js";
import { makeReport } from "../report/report.js";
import { perturbedModelValidation, type Trainer } from "../robustness/pmv.js";
import { pmvCheck, renderPmvText } from "../robustness/pmv-report.js";
import { seededRandom } from "../stats/random.js";
import { sampleWithoutReplacement } from "../stats/sample-without-replacement.js";
import type { Batch, NumericColumn } from "../table/types.js";
import { listOption, numberOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { printJson, progress, saveEvidence, writeTextFile } from "./output.js";
import { requireColumn, sourceFromArgs } from "./source-args.js";

const HELP = `usage: assay pmv <train> [<test>] --label COL (--algo logistic|tree | --train-cmd "…") [options]

Perturbed Model Validation (Zhang, Harman et al. 2019): flips the labels of a share r = 0 … 0.5 of
the training rows, retrains, and fits a line to training accuracy (against the flipped labels) over r.
A model that ignores the noise falls at −(2a₀ − 1) (a₀ its clean training accuracy); one that
memorises stays flat. Memorisation = 1 − slope / that: over-fit when its interval lies above 0.5,
well-fit below 0.5, under-fit when clean training accuracy is no better than the majority class.
Cross-validated accuracy on the clean labels is reported beside it, and accuracy on <test> per rate.

options:
  --label COL             the 0/1 (or --positive) label (required)
  --positive V            its positive class
  --algo A                a built-in baseline: logistic (L2, --C, default 1) or tree (--max-depth,
                          default 3; --min-leaf, default 20)
  --train-cmd "CMD"       a training command run by sh for each fit: {train} is replaced by a CSV of
                          the training rows (label as 0/1), {dir} by an empty folder; its last line on
                          stdout is the model SPEC it wrote (as --model takes it)
  --features a,b,c        feature columns (default: every column but the label)
  --rows N                training rows used, a seeded sample (default 3000)
  --rates a,b,…           noise rates (default 0,0.1,0.2,0.3,0.4,0.5)
  --replicates N          seeded fits per non-zero rate (default 2)
  --folds K               cross-validation folds (default 5)
  --seed S                seed of the sample, the noise and the folds (default 1)
  --json                  print the report as JSON
  --html FILE             write a self-contained HTML report (verdict, reasons, examples, every check)

exit: 0 well-fit, 1 over- or under-fit, 2 usage or input error (unclear verdicts warn, exit 0)`;

const OPTIONS = {
  label: { type: "string" },
  positive: { type: "string" },
  algo: { type: "string" },
  "train-cmd": { type: "string" },
  C: { type: "string" },
  "max-depth": { type: "string" },
  "min-leaf": { type: "string" },
  features: { type: "string" },
  rows: { type: "string" },
  rates: { type: "string" },
  replicates: { type: "string" },
  folds: { type: "string" },
  seed: { type: "string" },
  json: { type: "boolean" },
  html: { type: "string" },
} as const;

export async function run(argv: string[]): Promise<number> {
  const { values: v, positionals, help } = parseCommand(argv, OPTIONS, HELP);
  if (help) return 0;
  const label = v.label as string | undefined;
  if (label === undefined) throw new UsageError("pmv needs --label COL (see --help)");
  if ((v.algo === undefined) === (v["train-cmd"] === undefined))
    throw new UsageError('pmv needs one of --algo logistic|tree and --train-cmd "…"');
  if (v.algo !== undefined && v.algo !== "logistic" && v.algo !== "tree")
    throw new UsageError(`--algo must be logistic or tree, got '${v.algo}'`);
  if (positionals.length === 0 || positionals.length > 2)
    throw new UsageError("pmv takes a training file and an optional test file");
  const rows = numberOption(v.rows, "--rows", { min: 10 }) ?? 3000;
  const rates = (listOption(v.rates) ?? ["0", "0.1", "0.2", "0.3", "0.4", "0.5"]).map(
    (x) => numberOption(x, "--rates", { min: 0, max: 0.5 })!,
  );
  if (!rates.includes(0)) rates.unshift(0);
  if (rates.length < 2) throw new UsageError("--rates needs a non-zero rate besides 0");
  const replicates = numberOption(v.replicates, "--replicates", { min: 1, max: 100 }) ?? 2;
  const folds = numberOption(v.folds, "--folds", { min: 2, max: 20 }) ?? 5;
  const seed = numberOption(v.seed, "--seed", { min: 0 }) ?? 1;
  const options = {
    C: numberOption(v.C, "--C", { min: 1e-9 }),
    maxDepth: numberOption(v["max-depth"], "--max-depth", { min: 1, max: 64 }),
    minLeaf: numberOption(v["min-leaf"], "--min-leaf", { min: 1 }),
  };
  const trainSource = await sourceFromArgs([positionals[0]], undefined, "training data");
  requireColumn(trainSource, label, "--label");
  const testSource = positionals[1] ? await sourceFromArgs([positionals[1]], undefined, "test data") : null;
  if (testSource) requireColumn(testSource, label, "--label");
  const features =
    listOption(v.features) ?? trainSource.columns.map((c) => c.name).filter((c) => c !== label);
  for (const f of features) {
    requireColumn(trainSource, f, "--features");
    if (testSource) requireColumn(testSource, f, "--features");
  }
  const positive = v.positive as string | undefined;
  const full = await readTable(trainSource, [...features, label]);
  if (full.length < 10)
    throw new UsageError(`${trainSource.name}: ${full.length} rows; PMV needs at least 10 training rows`);
  const train = sample(full, rows, seed);
  const labelInfo = encodeBinaryLabel(findColumn(train, label), positive);
  const labels = labelInfo.values;
  const inputs: Batch = { ...train, columns: train.columns.filter((c) => c.name !== label) };
  let test: { rows: Batch; labels: Uint8Array } | null = null;
  if (testSource) {
    const t = await readTable(testSource, [...features, label]);
    if (t.length > 0)
      test = {
        rows: { ...t, columns: t.columns.filter((c) => c.name !== label) },
        labels: binaryLabels(findColumn(t, label), labelInfo.positive),
      };
  }
  const work = mkdtempSync(join(tmpdir(), "assay-pmv-"));
  const fit: Trainer =
    v.algo !== undefined
      ? async (rows, y) => trainBaseline(v.algo as BaselineKind, rows, y, features, options)
      : commandTrainer(v["train-cmd"] as string, label, features, work);
  const bar = progress(`pmv: ${rates.length} rates × ${replicates} fits + ${folds} folds`);
  try {
    const result = await perturbedModelValidation(inputs, labels, test, fit, {
      rates,
      replicates,
      folds,
      seed,
      threshold: 0.5,
      level: 0.95,
      onProgress: bar.update,
    });
    bar.done();
    const algo = v.algo !== undefined ? { algo: v.algo, ...options } : { trainCmd: v["train-cmd"] };
    const report = makeReport(
      "pmv",
      {
        inputs: [
          { name: trainSource.name, digest: await trainSource.digest(), rows: full.length },
          ...(testSource && test
            ? [{ name: testSource.name, digest: await testSource.digest(), rows: test.labels.length }]
            : []),
        ],
        config: {
          label,
          positive: labelInfo.positive,
          features,
          rows: train.length,
          rates,
          replicates,
          folds,
          seed,
          ...algo,
        },
        results: [pmvCheck(result)],
        summary: { verdict: result.verdict },
      },
      {
        rows: train.length,
        positiveClass: { value: labelInfo.positive, count: labelInfo.positives, rows: labelInfo.rows },
        ...result,
      },
    );
    saveEvidence(report);
    if (typeof v.html === "string") {
      const { reportHtml } = await import("../report/report-html.js");
      writeTextFile(v.html, reportHtml(report, `Property-based model validation (PMV)`));
    }
    if (v.json) printJson(report);
    else
      process.stdout.write(
        renderPmvText(`pmv ${v.algo ?? "--train-cmd"} on ${trainSource.name} (${train.length} rows)`, result),
      );
    return report.summary.status === "fail" ? 1 : 0;
  } finally {
    bar.done();
    rmSync(work, { recursive: true, force: true });
  }
}

/** A Trainer that writes the rows to CSV, runs the user's command, and loads the model it names. */
export function commandTrainer(command: string, label: string, features: string[], work: string): Trainer {
  let count = 0;
  return async (rows, labels) => {
    const dir = join(work, `fit-${count++}`);
    const csv = join(dir, "train.csv");
    const labelColumn: NumericColumn = {
      name: label,
      type: "integer",
      values: Float64Array.from(labels),
      valid: new Uint8Array(labels.length).fill(1),
    };
    writeCsv(csv, { ...rows, columns: [...rows.columns, labelColumn] });
    const shell = command.replaceAll("{train}", quote(csv)).replaceAll("{dir}", quote(dir));
    const run = spawnSync("sh", ["-c", shell], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0)
      throw new UsageError(
        `--train-cmd exited with ${run.status ?? run.signal}: ${(run.stderr || run.stdout || "").trim().split("\n").slice(-1)[0] ?? ""}`,
      );
    const spec = run.stdout.trim().split("\n").slice(-1)[0]?.trim();
    if (!spec) throw new UsageError("--train-cmd printed no model SPEC on its last line of stdout");
    return loadModel(spec, { features });
  };
}

function quote(path: string): string {
  return `'${path.replaceAll("'", "'\\''")}'`;
}

function sample(table: Batch, rows: number, seed: number): Batch {
  return table.length <= rows
    ? table
    : takeRows(table, sampleWithoutReplacement(table.length, rows, seededRandom(seed)));
}
