/**
 * `assay sanity <source> --label COL [--positive V] --algo logreg|tree|gbdt [--params k=v,…]`: checks
 * that a learner learns — it overfits a tiny sample, learns nothing from shuffled labels, repeats
 * itself with the same seed, and lowers its training loss (docs/learning.md).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodeBinaryLabel } from "../evaluate/labels.js";
import { builtinTrainer } from "../learning/builtin-trainer.js";
import { learningSanity, type SanityTrainer } from "../learning/sanity.js";
import { learnerName, learnerOptions, parseParamList } from "../model/baselines/learner.js";
import { findColumn } from "../model/features.js";
import { readTable } from "../model/index.js";
import { makeReport } from "../report/report.js";
import { listOption, numberOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { printJson, progress, saveEvidence } from "./output.js";
import { commandTrainer } from "./pmv.js";
import { requireColumn, sourceFromArgs } from "./source-args.js";

const HELP = `usage: assay sanity <source> --label COL [--positive V] (--algo logreg|tree|gbdt | --train-cmd "…") [options]

Checks that the learning code works (each pass/fail with its numbers):
  overfit          at high capacity it memorises a tiny sample (training ROC AUC ≥ 0.95)
  shuffled labels  trained on permuted labels, its held-out ROC AUC is not above chance (Mann–Whitney p > 0.01)
  reproducible     two fits with the same seed give identical predictions
  loss decreases   its training log loss is below the constant (prevalence) predictor's

options:
  --label COL        the binary label (required)
  --positive V       its positive class
  --algo A           logreg, tree or gbdt
  --params k=v,…     learner parameters (as assay train)
  --train-cmd "CMD"  your own training command, run by sh for each fit (as assay pmv takes it):
                     {train} is a CSV of the training rows (label as 0/1), {dir} an empty folder,
                     {capacity} "high" for the overfit fit and "default" otherwise; its last line
                     on stdout is the model SPEC it wrote
  --features a,b,c   feature columns (default: every column but the label)
  --rows N           rows for the shuffled, reproducibility and loss checks (default 4000)
  --tiny N           rows of the overfit sample (default 64)
  --seed S           seed of the samples and the shuffle (default 1)
  --sql "…"          read the rows with a query
  --json             print the report as JSON

exit: 0 all checks pass, 1 a check failed, 2 usage or input error`;

const OPTIONS = {
  label: { type: "string" },
  positive: { type: "string" },
  algo: { type: "string" },
  params: { type: "string" },
  "train-cmd": { type: "string" },
  features: { type: "string" },
  rows: { type: "string" },
  tiny: { type: "string" },
  seed: { type: "string" },
  sql: { type: "string" },
  json: { type: "boolean" },
} as const;

export async function run(argv: string[]): Promise<number> {
  const { values: v, positionals, help } = parseCommand(argv, OPTIONS, HELP);
  if (help) return 0;
  const label = v.label as string | undefined;
  if (label === undefined) throw new UsageError("sanity needs --label COL (see --help)");
  const command = v["train-cmd"] as string | undefined;
  if ((v.algo === undefined) === (command === undefined))
    throw new UsageError('sanity needs one of --algo logreg|tree|gbdt and --train-cmd "…"');
  if (command !== undefined && v.params !== undefined)
    throw new UsageError("--params is for --algo; a --train-cmd sets its own parameters");
  const algo = command === undefined ? learnerName(v.algo as string) : null;
  const { options, params } = algo
    ? learnerOptions(algo, parseParamList((v.params as string | undefined) ?? ""))
    : { options: {}, params: {} };
  const rows = numberOption(v.rows, "--rows", { min: 20 }) ?? 4000;
  const tiny = numberOption(v.tiny, "--tiny", { min: 8, max: 10_000 }) ?? 64;
  const seed = numberOption(v.seed, "--seed", { min: 0 }) ?? 1;
  const source = await sourceFromArgs(positionals, v.sql, "data");
  requireColumn(source, label, "--label");
  const features = listOption(v.features) ?? source.columns.map((c) => c.name).filter((c) => c !== label);
  for (const f of features) requireColumn(source, f, "--features");
  if (features.includes(label)) throw new UsageError(`--features must not include the label '${label}'`);
  const table = await readTable(source, [...features, label]);
  const encoded = encodeBinaryLabel(findColumn(table, label), v.positive as string | undefined);
  const what = algo ?? "--train-cmd";
  const work = mkdtempSync(join(tmpdir(), "assay-sanity-"));
  let trainer: SanityTrainer;
  if (algo) trainer = builtinTrainer(algo, features, options);
  else {
    const high = commandTrainer(
      command!.replaceAll("{capacity}", "high"),
      label,
      features,
      join(work, "high"),
    );
    const normal = commandTrainer(
      command!.replaceAll("{capacity}", "default"),
      label,
      features,
      join(work, "default"),
    );
    trainer = (rows, y, capacity) => {
      const { columns } = rows;
      const inputs = { ...rows, columns: columns.filter((c) => c.name !== label) };
      return capacity === "high" ? high(inputs, y) : normal(inputs, y);
    };
  }
  const bar = progress(`sanity checks of ${what}`);
  let results: Awaited<ReturnType<typeof learningSanity>>;
  try {
    results = await learningSanity(table, encoded.values, trainer, {
      seed,
      rows,
      tinyRows: tiny,
      labelColumn: label,
    });
  } finally {
    bar.done();
    rmSync(work, { recursive: true, force: true });
  }
  const report = makeReport("sanity", {
    inputs: [{ name: source.name, digest: await source.digest(), rows: table.length }],
    config: {
      label,
      positive: encoded.positive,
      ...(algo ? { algo, params } : { trainCmd: command }),
      features,
      rows,
      tiny,
      seed,
    },
    results: results.map(({ rows: n, ...r }) => ({ ...r, n })),
  });
  saveEvidence(report);
  if (v.json) printJson(report);
  else {
    const lines = results.map(
      (r) => `  ${r.status === "pass" ? "pass" : "FAIL"}  ${r.check.padEnd(22)} ${r.message}`,
    );
    process.stdout.write(`sanity checks of ${what} on ${source.name}\n${lines.join("\n")}\n`);
  }
  return results.some((r) => r.status === "fail") ? 1 : 0;
}
