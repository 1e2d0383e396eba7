/**
 * `assay evaluate <source> --label COL (--model SPEC | --score COL)`: tests one binary classifier on
 * labelled rows — metrics with intervals, thresholds, calibration, fairness, slices, baselines.
 */

import { checkBinaryInputs } from "../evaluate/binary.js";
import type { EvaluationOptions, ThresholdRule } from "../evaluate/evaluation.js";
import { renderEvaluationHtml } from "../evaluate/html.js";
import { describingColumns } from "../evaluate/input-columns.js";
import { binaryLabels, encodeBinaryLabel } from "../evaluate/labels.js";
import { evaluateModel, featureColumns, modelScores } from "../evaluate/model-evaluation.js";
import { evaluateRegression } from "../evaluate/regression.js";
import {
  type RegressionEvaluation,
  regressionChecks,
  renderRegressionHtml,
  renderRegressionText,
} from "../evaluate/regression-output.js";
import { evaluationReport } from "../evaluate/report.js";
import { renderEvaluationText } from "../evaluate/text.js";
import { openSource } from "../io/source.js";
import { type Model, readTable } from "../model/index.js";
import { loadModel } from "../model/node/index.js";
import { makeReport } from "../report/report.js";
import { DEFAULT_LEVEL, DEFAULT_RESAMPLES, DEFAULT_SEED } from "../stats/bootstrap.js";
import { inContext } from "../table/errors.js";
import type { Relation } from "../table/relation.js";
import type { Batch } from "../table/types.js";
import { listOption, numberOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { multiclassSpec, runMulticlass } from "./evaluate-multiclass.js";
import { printJson, progress, saveEvidence, writeTextFile } from "./output.js";
import { resolveModelSpec } from "./registered-model.js";
import { requireColumn, sourceFromArgs } from "./source-args.js";

const RULES: ThresholdRule[] = ["max-f1", "youden", "cost", "precision-at-recall"];

const HELP = `usage: assay evaluate <source> --label COL [--positive V] (--model SPEC | --score COL) [options]
       assay evaluate <source> --label COL (--model SPEC | --score-prefix P | --probabilities COL) --task multiclass [options]

Tests a classifier on labelled rows (multiclass and regression: see --task). For a binary one:
accuracy, precision, recall, F1, ROC AUC, PR AUC (average precision), log loss, Brier, balanced
accuracy, MCC and ECE, each with a CI valid for it (Wilson for accuracy, precision and recall;
bootstrap-t for ROC AUC; a seeded bootstrap of the rows for the rest; docs/evaluate.md); learned
thresholds; the calibration curve; fairness by sensitive attribute; slices; and a comparison with
built-in baselines (majority, logistic regression, decision tree).

SPEC: a model descriptor (.yaml/.json), FILE.onnx (with --features a,b,c), an http(s):// endpoint,
a JS module exporting predict(rows), score:COL, or registry:NAME[@VERSION] (a version registered with
assay registry add: its descriptor, or its file with the recorded features).

options:
  --sql "…"                 read the rows with a DuckDB query instead of a file
  --label COL               the label column (required)
  --task binary|multiclass|regression
                            binary classifier (default); multiclass: per-class precision, recall, F1
                            with CIs, macro/micro/weighted averages, balanced accuracy, top-k accuracy,
                            log loss, classwise ECE, the confusion matrix and fairness per class (takes
                            --model with a probability per class, --score-prefix or --probabilities,
                            --classes, --top-k, --sensitive, --fail-under, --json, --html); or
                            regression: MAE, RMSE, R², MAPE with CIs (takes --model/--score,
                            --resamples, --seed, --level, --json, --html and --fail-under r2=V)
  --score-prefix P          multiclass: columns P<class> hold the class probabilities (p_a, p_b, …)
  --probabilities COL       multiclass: a column of JSON arrays of class probabilities, in --classes order
  --classes a,b,c           multiclass: the class of each output column (default: the descriptor's,
                            else 0 … k−1 for integer labels, else the sorted label values)
  --top-k 2,3               multiclass: the k of the top-k accuracies (default 2,3)
  --positive V              the label value of the positive class (default: the descriptor's, or 1/true)
  --model SPEC              the model to test
  --score COL               a column of precomputed scores (same as --model score:COL)
  --features a,b,c          feature columns in model order (for FILE.onnx, endpoints, modules)
  --threshold T|RULE        score ≥ T predicts positive (default 0.5), or a rule learned on the
                            validation rows: max-f1, youden, cost, precision-at-recall
  --validation FILE         labelled rows to learn thresholds on (default: the evaluated rows)
  --cost-fp C, --cost-fn C  costs for the cost rule (default 1 and 1)
  --min-recall R            recall the precision-at-recall rule must reach (default 0.8)
  --sensitive a,b           sensitive attributes: per-group rates, Fairlearn differences and ratios,
                            Aequitas disparities (τ = 0.8), and their intersection
  --min-group-rows N        smaller groups are 'insufficient' (default 30)
  --slices a,b|auto         metrics by these columns (numbers in quartiles) and their pairs, or
                            auto: SliceLine search for weak slices over the columns that describe the
                            rows: not the label, scores, predictions or identifiers (listed in the report)
  --slice-alpha A           SliceLine α (default 0.95; α ≤ 0.5 can never find a slice)
  --min-support N           SliceLine minimum slice size (default 32)
  --train FILE              labelled training rows for the baselines (default: 5-fold cross-fitting)
  --baseline-features a,b   baseline inputs (default: the model's declared features; for a score column
                            or a model without declared features, every column that describes the
                            rows; 'all' for those even when the model declares fewer)
  --no-baseline             skip the baselines
  --fail-under M=V,…        fail (exit 1) when a metric is below V, e.g. rocAuc=0.8,recall=0.5
  --resamples N             bootstrap resamples (default ${DEFAULT_RESAMPLES}; 0 = no intervals)
  --seed S                  bootstrap seed (default ${DEFAULT_SEED})
  --level L                 confidence level (default ${DEFAULT_LEVEL})
  --timeout MS, --retries N, --batch-size N    HTTP endpoint settings
  --json                    print the report as JSON
  --html FILE               write an HTML report (ROC, PR, calibration, slices, fairness)

exit: 0 pass / warn, 1 a --fail-under bound failed, 2 usage or input error`;

const OPTIONS = {
  sql: { type: "string" },
  label: { type: "string" },
  task: { type: "string" },
  positive: { type: "string" },
  model: { type: "string" },
  score: { type: "string" },
  "score-prefix": { type: "string" },
  probabilities: { type: "string" },
  classes: { type: "string" },
  "top-k": { type: "string" },
  features: { type: "string" },
  threshold: { type: "string" },
  validation: { type: "string" },
  "cost-fp": { type: "string" },
  "cost-fn": { type: "string" },
  "min-recall": { type: "string" },
  sensitive: { type: "string" },
  "min-group-rows": { type: "string" },
  slices: { type: "string" },
  "slice-alpha": { type: "string" },
  "min-support": { type: "string" },
  train: { type: "string" },
  "baseline-features": { type: "string" },
  "no-baseline": { type: "boolean" },
  "fail-under": { type: "string" },
  resamples: { type: "string" },
  seed: { type: "string" },
  level: { type: "string" },
  timeout: { type: "string" },
  retries: { type: "string" },
  "batch-size": { type: "string" },
  json: { type: "boolean" },
  html: { type: "string" },
} as const;

export async function run(argv: string[]): Promise<number> {
  const { values: v, positionals, help } = parseCommand(argv, OPTIONS, HELP);
  if (help) return 0;
  const label = v.label as string | undefined;
  if (!label) throw new UsageError("--label COL is required (the column holding the true class)");
  if (v.model !== undefined && v.score !== undefined)
    throw new UsageError("give --model or --score, not both");
  const task = (v.task as string | undefined) ?? (multiclassSpec(v) !== v.model ? "multiclass" : "binary");
  if (task !== "binary" && task !== "regression" && task !== "multiclass")
    throw new UsageError(`--task must be binary, multiclass or regression, got '${task}'`);
  if (task === "multiclass") {
    const source = await sourceFromArgs(positionals, v.sql);
    requireColumn(source, label, "--label");
    return runMulticlass(source, label, v);
  }
  const spec = v.score !== undefined ? `score:${v.score}` : (v.model as string | undefined);
  if (!spec) throw new UsageError("say what to evaluate: --model SPEC or --score COL");
  const threshold = parseThreshold(v.threshold as string | undefined);
  const resamples = numberOption(v.resamples, "--resamples", { min: 0 }) ?? DEFAULT_RESAMPLES;
  if (!Number.isInteger(resamples)) throw new UsageError("--resamples must be a whole number");
  const seed = numberOption(v.seed, "--seed", { min: 0 }) ?? DEFAULT_SEED;
  const level = numberOption(v.level, "--level", { min: 0.5, max: 0.999 }) ?? DEFAULT_LEVEL;
  const failUnder = parseFailUnder(v["fail-under"] as string | undefined, task);
  if (task === "regression") {
    for (const flag of [
      "positive",
      "threshold",
      "validation",
      "sensitive",
      "slices",
      "train",
      "baseline-features",
    ])
      if (v[flag] !== undefined)
        throw new UsageError(`--${flag} is for binary classifiers, not --task regression`);
  }

  const source = await sourceFromArgs(positionals, v.sql);
  requireColumn(source, label, "--label");
  const resolved = resolveModelSpec(spec, listOption(v.features), "--model");
  const model = await loadModel(resolved.target, {
    features: resolved.features,
    http: {
      timeoutMs: numberOption(v.timeout, "--timeout", { min: 1 }),
      retries: numberOption(v.retries, "--retries", { min: 0 }),
      batchSize: numberOption(v["batch-size"], "--batch-size", { min: 1 }),
    },
  });
  if (v.task === undefined && model.metadata.task === "multiclass") {
    // a descriptor that says `task: multiclass` needs no --task
    await model.close();
    return runMulticlass(source, label, v);
  }
  for (const flag of ["classes", "top-k"])
    if (v[flag] !== undefined) {
      await model.close();
      throw new UsageError(`--${flag} is for multiclass models (--task multiclass)`);
    }
  try {
    const scoreColumns = model.kind === "score" ? (model.features ?? []) : [];
    const sensitive = listOption(v.sensitive) ?? [];
    for (const s of sensitive) requireColumn(source, s, "--sensitive");
    const sliceArg = v.slices as string | undefined;
    const slices = sliceArg === "auto" ? "auto" : listOption(sliceArg);
    if (Array.isArray(slices)) for (const s of slices) requireColumn(source, s, "--slices");
    for (const f of model.features ?? [])
      requireColumn(source, f, model.kind === "score" ? "--score" : "the model's features");
    if (task === "regression")
      return await runRegression(source, model, spec, label, scoreColumns, v, failUnder);
    const positive = (v.positive as string | undefined) ?? model.metadata.positiveClass;

    const table = await readTable(source);
    const others = featureColumns(table, model, label);
    // the positive class as written in the evaluated rows; --validation and --train are read with it
    const labelInfo = encodeBinaryLabel(findColumn(table, label), positive);
    let validation: EvaluationOptions["validation"];
    if (v.validation !== undefined) {
      const vs = await openSource({ path: v.validation as string });
      requireColumn(vs, label, "--label (in --validation)");
      const vt = await readTable(vs);
      const vl = inFile(() => binaryLabels(findColumn(vt, label), labelInfo.positive), "--validation");
      const vsScores = await scoreRows(model, vt, label, others);
      checkBinaryInputs(vsScores, vl, `${model.name} on --validation`);
      validation = { scores: vsScores, labels: vl };
    }
    let baselineTrain: EvaluationOptions["baselineTrain"];
    // slices and baselines see what describes the rows: no other model's output, no row index
    const described = describingColumns(table, {
      label,
      scoreColumns,
      keep: [...sensitive, ...(Array.isArray(slices) ? slices : [])],
    });
    // a baseline gets the model's inputs when the model declares them (would a simple model do as
    // well on the same information?), else every describing column
    const declared = model.kind !== "score" && model.features ? model.features : null;
    const baselineArg = listOption(v["baseline-features"]);
    const baselineFeatures = v["no-baseline"]
      ? null
      : baselineArg?.length === 1 && baselineArg[0] === "all"
        ? described.columns
        : (baselineArg ?? declared ?? described.columns);
    if (baselineFeatures) for (const f of baselineFeatures) requireColumn(source, f, "--baseline-features");
    if (v.train !== undefined && baselineFeatures) {
      const ts = await openSource({ path: v.train as string });
      requireColumn(ts, label, "--label (in --train)");
      for (const f of baselineFeatures) requireColumn(ts, f, "--baseline-features (in --train)");
      const tt = await readTable(ts);
      baselineTrain = {
        table: tt,
        labels: inFile(() => binaryLabels(findColumn(tt, label), labelInfo.positive), "--train"),
      };
    }

    const bar = progress(`scoring with ${model.name}`);
    const evaluation = await evaluateModel(table, model, {
      label,
      positive,
      onProgress: bar.update,
      threshold,
      resamples,
      seed,
      level,
      thresholds: {
        costFalsePositive: numberOption(v["cost-fp"], "--cost-fp", { min: 0 }),
        costFalseNegative: numberOption(v["cost-fn"], "--cost-fn", { min: 0 }),
        minRecall: numberOption(v["min-recall"], "--min-recall", { min: 0, max: 1 }),
      },
      validation,
      sensitive,
      fairness: { minGroupSize: numberOption(v["min-group-rows"], "--min-group-rows", { min: 1 }) },
      slices,
      sliceColumns: described.columns,
      excludedColumns: described.excluded,
      sliceLine: {
        sliceAlpha: numberOption(v["slice-alpha"], "--slice-alpha", { min: 0, max: 1 }),
        minSupport: numberOption(v["min-support"], "--min-support", { min: 1 }),
      },
      baselineFeatures,
      baselineTrain,
    }).finally(() => bar.done());
    const report = evaluationReport(evaluation, {
      input: { name: source.name, digest: await source.digest(), rows: table.length },
      model,
      label,
      positive: labelInfo.positive,
      positiveClass: evaluation.positiveClass,
      failUnder,
      config: {
        label,
        positive: labelInfo.positive,
        model: { spec, name: model.name, kind: model.kind, features: model.features, ...model.metadata },
        threshold: v.threshold ?? 0.5,
        sensitive,
        slices: slices ?? null,
        bootstrap: { resamples, seed, level },
        validation: v.validation ?? null,
        train: v.train ?? null,
      },
    });
    saveEvidence(report);
    if (v.html !== undefined) writeTextFile(v.html as string, await renderEvaluationHtml(report, evaluation));
    if (v.json) printJson(report);
    else process.stdout.write(renderEvaluationText(report, evaluation));
    return report.summary.status === "fail" ? 1 : 0;
  } finally {
    await model.close();
  }
}

async function scoreRows(model: Model, table: Batch, label: string, others: string[]): Promise<Float64Array> {
  const bar = progress(`scoring with ${model.name}`);
  try {
    return await modelScores(model, table, label, others, bar.update);
  } finally {
    bar.done();
  }
}

function parseThreshold(text: string | undefined): number | ThresholdRule | undefined {
  if (text === undefined) return undefined;
  if ((RULES as string[]).includes(text)) return text as ThresholdRule;
  const t = numberOption(text, "--threshold", { min: 0, max: 1 });
  if (t === undefined)
    throw new UsageError(`--threshold expects a number in [0, 1] or one of ${RULES.join(", ")}`);
  return t;
}

/** Lower bounds on higher-is-better metrics (error metrics such as MAE have no natural "under"). */
function parseFailUnder(text: string | undefined, task: string): Record<string, number> {
  const out: Record<string, number> = {};
  const known =
    task === "regression"
      ? ["r2"]
      : ["accuracy", "precision", "recall", "f1", "rocAuc", "prAuc", "balancedAccuracy", "mcc"];
  for (const part of listOption(text) ?? []) {
    const [name, value] = part.split("=");
    if (!known.includes(name))
      throw new UsageError(
        `--fail-under: unknown metric '${name}' for --task ${task} (known: ${known.join(", ")})`,
      );
    const bound = numberOption(value, `--fail-under ${name}`);
    out[name] = bound!;
  }
  return out;
}

function findColumn(table: Batch, name: string) {
  return table.columns.find((c) => c.name === name)!;
}

async function runRegression(
  source: Relation,
  model: Model,
  spec: string,
  label: string,
  scoreColumns: string[],
  v: Record<string, unknown>,
  failUnder: Record<string, number>,
): Promise<number> {
  const table = await readTable(source);
  const target = findColumn(table, label);
  if (target.type === "string")
    throw new UsageError(`--task regression needs a numeric target, but '${label}' holds text`);
  const missing = target.valid.indexOf(0);
  if (missing >= 0)
    throw new UsageError(`target '${label}' is missing at row ${missing}; drop or fill those rows first`);
  const others = source.columns.map((c) => c.name).filter((n) => n !== label && !scoreColumns.includes(n));
  const predicted = await scoreRows(model, table, label, others);
  const bad = predicted.findIndex((p) => !Number.isFinite(p));
  if (bad >= 0) throw new UsageError(`${model.name}: row ${bad} has a missing or non-finite prediction`);
  const resamples = numberOption(v.resamples, "--resamples", { min: 0 }) ?? DEFAULT_RESAMPLES;
  const seed = numberOption(v.seed, "--seed", { min: 0 }) ?? DEFAULT_SEED;
  const level = numberOption(v.level, "--level", { min: 0.5, max: 0.999 }) ?? DEFAULT_LEVEL;
  const actual = target.values as Float64Array;
  const result = evaluateRegression(actual, predicted, { resamples, seed, level });
  const step = Math.max(1, Math.ceil(table.length / 2000));
  const sample: RegressionEvaluation["sample"] = [];
  for (let i = 0; i < table.length; i += step) sample.push({ actual: actual[i], predicted: predicted[i] });
  const evaluation: RegressionEvaluation = {
    task: "regression",
    n: result.n,
    metrics: result.metrics,
    bootstrap: { resamples, seed, level, stratifiedBy: null },
    sample,
  };
  const report = makeReport(
    "evaluation",
    {
      inputs: [{ name: source.name, digest: await source.digest(), rows: table.length }],
      config: {
        task: "regression",
        label,
        model: { spec, name: model.name, kind: model.kind, features: model.features, ...model.metadata },
        bootstrap: { resamples, seed, level },
        failUnder,
      },
      results: regressionChecks(evaluation, failUnder),
    },
    {
      task: "regression",
      model: {
        name: model.name,
        kind: model.kind,
        features: model.features,
        digest: model.metadata.digest ?? null,
      },
      n: evaluation.n,
      metrics: evaluation.metrics,
      bootstrap: evaluation.bootstrap,
    },
  );
  saveEvidence(report);
  if (v.html !== undefined) writeTextFile(v.html as string, await renderRegressionHtml(report, evaluation));
  if (v.json) printJson(report);
  else process.stdout.write(renderRegressionText(report, evaluation));
  return report.summary.status === "fail" ? 1 : 0;
}

/** Reads labels of another file with the evaluated rows' positive class, naming the file's flag on error. */
function inFile<T>(read: () => T, flag: string): T {
  try {
    return read();
  } catch (error) {
    throw inContext(error, flag);
  }
}
