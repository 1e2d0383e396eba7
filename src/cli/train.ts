/**
 * `assay train <source> --label COL [--positive V] --algo logreg|tree|gbdt [--params k=v,…] [--out FILE]`:
 * trains a built-in learner and saves it as a model file that `--model FILE` loads in evaluate,
 * compare and every other command that runs a model (docs/learning.md).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { encodeBinaryLabel } from "../evaluate/labels.js";
import { trainGbdt } from "../model/baselines/gbdt/index.js";
import { baselineFromState, type TrainedBaseline } from "../model/baselines/index.js";
import { learnerName, learnerOptions, parseParamList, trainLearner } from "../model/baselines/learner.js";
import { saveModel } from "../model/baselines/saved.js";
import { findColumn } from "../model/features.js";
import { readTable } from "../model/index.js";
import { formatNumber } from "../report/format.js";
import { makeReport } from "../report/report.js";
import { listOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { printJson, progress, saveEvidence } from "./output.js";
import { requireColumn, sourceFromArgs } from "./source-args.js";

const HELP = `usage: assay train <source> --label COL [--positive V] --algo logreg|tree|gbdt [options]

Trains a built-in learner on every row of <source> and saves it as a model file (JSON) that
--model FILE takes in evaluate, compare, conformal, robustness and the rest.

options:
  --label COL             the label column (required)
  --positive V            its positive class (binary; needed unless the label is 0/1 or true/false)
  --algo A                logreg (L2 logistic regression), tree (CART) or gbdt (histogram
                          gradient-boosted trees)
  --task binary|regression
                          regression (numeric label, L2 loss) is gbdt only; default binary
  --params k=v,…          learner parameters (docs/learning.md), e.g.
                          logreg: C=1,topCategories=10 · tree: maxDepth=3,minLeaf=20
                          gbdt: learningRate=0.1,maxIterations=100,maxLeaves=31,maxDepth=0,
                          minSamplesLeaf=20,l2=0,maxBins=255,earlyStopping=auto,seed=0
  --config FILE           algo and params from a file (what assay tune --out writes; YAML or JSON);
                          --algo and --params, when also given, must not contradict it
  --features a,b,c        feature columns (default: every column but the label)
  --sql "…"               read the rows with a query instead of a file
  --out FILE              where to save the model (.json); without it nothing is saved
  --json                  print the report as JSON

exit: 0 trained, 2 usage or input error`;

const OPTIONS = {
  label: { type: "string" },
  positive: { type: "string" },
  algo: { type: "string" },
  task: { type: "string" },
  params: { type: "string" },
  config: { type: "string" },
  features: { type: "string" },
  sql: { type: "string" },
  out: { type: "string" },
  json: { type: "boolean" },
} as const;

export async function run(argv: string[]): Promise<number> {
  const { values: v, positionals, help } = parseCommand(argv, OPTIONS, HELP);
  if (help) return 0;
  const label = v.label as string | undefined;
  if (label === undefined) throw new UsageError("train needs --label COL (see --help)");
  const fromFile = v.config !== undefined ? readLearnerConfig(v.config as string) : null;
  if (fromFile && v.params !== undefined) throw new UsageError("give --params or --config, not both");
  if (fromFile && v.algo !== undefined && v.algo !== fromFile.algo)
    throw new UsageError(`--algo ${v.algo} contradicts ${v.config}, which is for ${fromFile.algo}`);
  if (v.algo === undefined && !fromFile)
    throw new UsageError("train needs --algo logreg|tree|gbdt (or --config FILE)");
  const algo = learnerName((v.algo as string | undefined) ?? fromFile!.algo);
  const task = (v.task as string | undefined) ?? "binary";
  if (task !== "binary" && task !== "regression")
    throw new UsageError(`--task must be binary or regression, got '${task}'`);
  if (task === "regression" && algo !== "gbdt")
    throw new UsageError(`--task regression is for --algo gbdt only (${algo} is a classifier)`);
  if (task === "regression" && v.positive !== undefined)
    throw new UsageError("--positive is for a binary label, not --task regression");
  const out = v.out as string | undefined;
  if (out !== undefined && !out.toLowerCase().endsWith(".json"))
    throw new UsageError(`--out must name a .json file (what --model loads), got '${out}'`);
  const { options, params } = learnerOptions(
    algo,
    fromFile ? fromFile.params : parseParamList((v.params as string | undefined) ?? ""),
  );
  const source = await sourceFromArgs(positionals, v.sql, "training data");
  requireColumn(source, label, "--label");
  const features = listOption(v.features) ?? source.columns.map((c) => c.name).filter((c) => c !== label);
  if (features.length === 0) throw new UsageError(`${source.name}: no feature columns besides the label`);
  for (const f of features) {
    if (f === label) throw new UsageError(`--features must not include the label '${label}'`);
    requireColumn(source, f, "--features");
  }
  const table = await readTable(source, [...features, label]);
  if (table.length < 2)
    throw new UsageError(`${source.name}: ${table.length} row(s); training needs at least 2 labelled rows`);
  const labelColumn = findColumn(table, label);
  const inputs = { ...table, columns: table.columns.filter((c) => c.name !== label) };
  const bar = progress(`training ${algo} on ${formatNumber(table.length)} rows`);
  let model: TrainedBaseline;
  let positive: string | undefined;
  let details: Record<string, unknown> = {};
  try {
    if (task === "regression") {
      if (labelColumn.type === "string")
        throw new UsageError(`--task regression needs a numeric label; '${label}' is text`);
      for (let i = 0; i < table.length; i++)
        if (!labelColumn.valid[i] || !Number.isFinite(labelColumn.values[i]))
          throw new UsageError(`label '${label}' is missing or not finite at row ${i}`);
      const fitted = await Promise.resolve().then(() =>
        trainGbdt(inputs, labelColumn.values, features, { loss: "l2", params }),
      );
      model = baselineFromState({ kind: "gbdt", fit: fitted.fit, params }, features);
      details = trainingDetails(fitted.training);
    } else {
      const encoded = encodeBinaryLabel(labelColumn, v.positive as string | undefined);
      positive = encoded.positive;
      if (encoded.positives === 0 || encoded.positives === encoded.rows)
        throw new UsageError(
          `label '${label}' has one class only (${encoded.positives} of ${encoded.rows} rows are "${positive}"); a classifier needs both`,
        );
      model = await Promise.resolve().then(() =>
        trainLearner(algo, inputs, encoded.values, features, options),
      );
      if (algo === "gbdt") details = { trees: model.metadata.trees };
    }
  } finally {
    bar.done();
  }
  const saved = saveModel(model, {
    label,
    positiveClass: positive,
    rows: table.length,
    params,
    extra: details,
  });
  if (out !== undefined) writeFileSync(out, `${JSON.stringify(saved)}\n`);
  const report = makeReport(
    "training",
    {
      inputs: [{ name: source.name, digest: await source.digest(), rows: table.length }],
      config: { label, positive: positive ?? null, algo, task, params, features, out: out ?? null },
      results: [],
    },
    { model: { algo, task, features: features.length, savedTo: out ?? null, ...details } },
  );
  saveEvidence(report);
  if (v.json) printJson(report);
  else
    process.stdout.write(
      `trained ${algo} (${task}) on ${formatNumber(table.length)} rows of ${source.name}, ${features.length} features` +
        (details.trees !== undefined ? `, ${details.trees} trees` : "") +
        `\n${out ? `saved to ${out}; score with: assay evaluate <source> --label ${label} --model ${out}` : "not saved (give --out model.json)"}\n`,
    );
  return 0;
}

/** `{ algo, params }` from a config file (assay tune --out). */
function readLearnerConfig(path: string): { algo: string; params: Record<string, unknown> } {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UsageError(`cannot read --config ${path}: ${(error as Error).message.split("\n")[0]}`);
  }
  const d = doc as { algo?: unknown; params?: unknown } | null;
  if (
    !d ||
    typeof d.algo !== "string" ||
    typeof d.params !== "object" ||
    d.params === null ||
    Array.isArray(d.params)
  )
    throw new UsageError(
      `--config ${path}: expected 'algo' and a 'params' mapping (as assay tune --out writes)`,
    );
  return { algo: d.algo, params: d.params as Record<string, unknown> };
}

function trainingDetails(fit: { trees: unknown[]; trainLoss: number[]; validationLoss: number[] | null }) {
  return {
    trees: fit.trees.length,
    trainLoss: fit.trainLoss[fit.trainLoss.length - 1],
    validationLoss: fit.validationLoss ? fit.validationLoss[fit.validationLoss.length - 1] : null,
  };
}
