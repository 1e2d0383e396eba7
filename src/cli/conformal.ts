/**
 * `assay conformal <calibration> <evaluation> --label COL (--model SPEC | --score COL | --score-prefix P)`:
 * split conformal prediction sets or intervals, what they deliver on held-out rows, selective prediction,
 * and a trust bundle for scoring rows one at a time.
 */

import { rocAucEstimate } from "../evaluate/auc-estimate.js";
import { invertedScoresCheck } from "../evaluate/inverted-scores.js";
import type { Model } from "../model/index.js";
import { type CheckResult, makeReport } from "../report/report.js";
import { DEFAULT_SEED } from "../stats/bootstrap.js";
import type { Relation } from "../table/relation.js";
import { makeTrustBundle, serializeTrustBundle } from "../trust/bundle.js";
import {
  CLASSIFICATION_METHODS,
  type ConformalInput,
  type ConformalMethod,
  REGRESSION_METHODS,
  runConformal,
} from "../trust/conformal.js";
import { conformalBody, conformalChecks } from "../trust/conformal-report.js";
import { renderConformalText } from "../trust/conformal-text.js";
import { encodeBatch } from "../trust/feature-space.js";
import { fitOod, scoreOod } from "../trust/ood.js";
import { type OodSummary, summariseOod } from "../trust/ood-summary.js";
import type { QuantileConvention } from "../trust/quantile.js";
import { type SelectiveReport, selectivePrediction } from "../trust/selective-report.js";
import { listOption, numberOption, parseCommand } from "./args.js";
import { type ReadSide, readSide, type SideSpec, type Task } from "./conformal-sides.js";
import { UsageError } from "./errors.js";
import { modelFromArgs } from "./model-args.js";
import { printJson, saveEvidence, writeTextFile } from "./output.js";
import { requireColumn } from "./source-args.js";
import { sourcePair } from "./source-pair.js";

const HELP = `usage: assay conformal <calibration> <evaluation> --label COL [--positive V]
                       (--model SPEC | --score COL | --score-prefix P) [--alpha A] [options]

Split conformal prediction. On the calibration rows it finds the threshold qhat — the ⌈(n+1)(1−α)⌉-th
smallest nonconformity score — so that a new row's prediction set (classification) or interval
(regression) holds the truth with probability ≥ 1 − α, whatever the model, as long as the new rows
are exchangeable with the calibration rows. On the evaluation rows it measures what that delivers:
coverage with a Wilson interval, set sizes, coverage by set size, by group, with a qhat per group
(--mondrian); selective prediction (risk–coverage curves by confidence, by set size and by OOD score,
and the abstention a target error needs); and whether the evaluation rows are out of distribution
for the calibration rows. --out writes a trust bundle that scores rows one at a time.

SPEC: a model descriptor (.yaml/.json), FILE.onnx (with --features a,b,c), an http(s):// endpoint,
a JS module exporting predict(rows), or score:COL — exactly as assay evaluate takes them.

options:
  --calibration-sql "…", --evaluation-sql "…"   DuckDB queries instead of the two files
  --label COL               the true class (or the target, for regression) — required
  --positive V              binary: the positive class (default: the descriptor's, or 1/true)
  --model SPEC | --score COL    the model, or a column of its scores (P(positive); the prediction
                            for regression)
  --score-prefix P          multiclass: columns P<class> hold the class probabilities (p_a, p_b, …)
  --classes a,b,c           multiclass models: the class of each output column (default: the
                            descriptor's 'classes', else 0 … k−1); --model probabilities:COL reads a
                            column of JSON arrays [p0, p1, …] in this order
  --task T                  binary, multiclass or regression (default: from --method, the descriptor,
                            --score-prefix; else binary)
  --features a,b,c          feature columns in model order (FILE.onnx, endpoints, modules)
  --alpha A                 miscoverage: sets hold the truth with probability ≥ 1 − A (default 0.1)
  --method M                lac (default), aps, aps-randomized; regression: residual (default),
                            normalized (|y − ŷ|/σ, with --scale COL or --scale-model SPEC)
  --quantile Q              finite-sample (default: the ⌈(n+1)(1−α)⌉-th smallest) or mapie
                            (MAPIE 1.x's np.quantile(…, (n+1)(1−α)/n, method="higher"))
  --groups a,b              coverage and size per group of these (categorical) columns
  --mondrian                calibrate each group (the cells of --groups) on its own rows
  --min-group-rows N        smaller groups are 'insufficient' and use the pooled qhat (default 30)
  --target-error E          the abstention needed to bring the error rate (MAE for regression) to E
  --ood-columns a,b         columns the OOD check compares (default: all but the label and scores)
  --ood-fpr F               OOD flag level: p ≤ F (default 0.01)
  --no-ood                  skip the OOD check (and leave OOD out of the bundle)
  --seed S                  seed of randomised APS and of the OOD split (default ${DEFAULT_SEED})
  --level L                 confidence level of the intervals (default 0.95)
  --out FILE                write the trust bundle (assay.trust-bundle v1: model digest, qhat,
                            method, classes, OOD reference) for scoreWithBundle / the service
  --timeout MS, --retries N, --batch-size N    HTTP endpoint settings
  --json                    print the report as JSON
  --html FILE               write an HTML report (set sizes, coverage, risk–coverage curves)

exit: 0 coverage holds, 1 coverage (or a Mondrian group's) is significantly below 1 − α,
      2 usage or input error`;

const OPTIONS = {
  "calibration-sql": { type: "string" },
  "evaluation-sql": { type: "string" },
  label: { type: "string" },
  positive: { type: "string" },
  model: { type: "string" },
  score: { type: "string" },
  "score-prefix": { type: "string" },
  classes: { type: "string" },
  task: { type: "string" },
  features: { type: "string" },
  alpha: { type: "string" },
  method: { type: "string" },
  quantile: { type: "string" },
  scale: { type: "string" },
  "scale-model": { type: "string" },
  groups: { type: "string" },
  mondrian: { type: "boolean" },
  "min-group-rows": { type: "string" },
  "target-error": { type: "string" },
  "ood-columns": { type: "string" },
  "ood-fpr": { type: "string" },
  "no-ood": { type: "boolean" },
  seed: { type: "string" },
  level: { type: "string" },
  out: { type: "string" },
  timeout: { type: "string" },
  retries: { type: "string" },
  "batch-size": { type: "string" },
  json: { type: "boolean" },
  html: { type: "string" },
} as const;

const METHODS = [...CLASSIFICATION_METHODS, ...REGRESSION_METHODS] as readonly string[];

export async function run(argv: string[]): Promise<number> {
  const { values: v, positionals, help } = parseCommand(argv, OPTIONS, HELP);
  if (help) return 0;
  const label = v.label as string | undefined;
  if (!label) throw new UsageError("--label COL is required (the column holding the true class or target)");
  const given = ["model", "score", "score-prefix"].filter((f) => v[f] !== undefined);
  if (given.length === 0)
    throw new UsageError("say what to calibrate: --model SPEC, --score COL or --score-prefix P");
  if (given.length > 1)
    throw new UsageError(
      `give one of --model, --score, --score-prefix, not ${given.map((g) => `--${g}`).join(" and ")}`,
    );
  const alpha = numberOption(v.alpha, "--alpha") ?? 0.1;
  if (!(alpha > 0 && alpha < 1))
    throw new UsageError(`--alpha must be between 0 and 1 (exclusive), got ${alpha}`);
  const method = v.method as string | undefined;
  if (method !== undefined && !METHODS.includes(method))
    throw new UsageError(`--method must be one of ${METHODS.join(", ")}, got '${method}'`);
  const convention = (v.quantile as string | undefined) ?? "finite-sample";
  if (convention !== "finite-sample" && convention !== "mapie")
    throw new UsageError(`--quantile must be finite-sample or mapie, got '${convention}'`);
  const level = numberOption(v.level, "--level", { min: 0.5, max: 0.999 }) ?? 0.95;
  const seed = numberOption(v.seed, "--seed", { min: 0 }) ?? DEFAULT_SEED;
  const minGroupRows = numberOption(v["min-group-rows"], "--min-group-rows", { min: 1 }) ?? 30;
  const target = numberOption(v["target-error"], "--target-error", { min: 0 });
  const oodFpr = numberOption(v["ood-fpr"], "--ood-fpr", { min: 0.0001, max: 0.5 }) ?? 0.01;
  const groups = listOption(v.groups) ?? [];
  if (v.mondrian && groups.length === 0)
    throw new UsageError("--mondrian needs --groups a,b (the groups to calibrate on)");

  const explicitTask = v.task as string | undefined;
  if (explicitTask !== undefined && !["binary", "multiclass", "regression"].includes(explicitTask))
    throw new UsageError(`--task must be binary, multiclass or regression, got '${explicitTask}'`);
  const regressionMethod = method !== undefined && (REGRESSION_METHODS as readonly string[]).includes(method);
  let task = (explicitTask ??
    (regressionMethod ? "regression" : v["score-prefix"] !== undefined ? "multiclass" : undefined)) as
    | Task
    | undefined;

  const [calibration, evaluation] = await sourcePair(
    positionals,
    v,
    ["calibration", "evaluation"],
    "conformal",
  );
  for (const s of [calibration, evaluation]) {
    requireColumn(s, label, "--label");
    for (const g of groups) requireColumn(s, g, "--groups");
  }
  const opened = await modelFromArgs(v, task === "regression" || task === "multiclass" ? task : undefined);
  const scaleModel =
    v["scale-model"] !== undefined
      ? await modelFromArgs({ ...v, model: v["scale-model"], score: undefined })
      : null;
  try {
    task ??= (opened?.model.metadata.task as Task | undefined) ?? "binary";
    const chosen = (method ?? (task === "regression" ? "residual" : "lac")) as ConformalMethod;
    if ((task === "regression") !== (REGRESSION_METHODS as readonly string[]).includes(chosen))
      throw new UsageError(
        `--method ${chosen} does not fit a ${task} task (${task === "regression" ? REGRESSION_METHODS.join(", ") : CLASSIFICATION_METHODS.join(", ")})`,
      );
    if (chosen === "normalized" && v.scale === undefined && !scaleModel)
      throw new UsageError("--method normalized needs --scale COL or --scale-model SPEC (σ of each row)");
    if (chosen !== "normalized" && (v.scale !== undefined || scaleModel))
      throw new UsageError("--scale and --scale-model are for --method normalized");
    if (v.scale !== undefined)
      for (const s of [calibration, evaluation]) requireColumn(s, v.scale as string, "--scale");

    const spec = sideSpec(v, task, label, groups, opened?.model ?? null, calibration, scaleModel?.model);
    const cal = await readSide(calibration, spec, "calibration");
    const ev = await readSide(evaluation, spec, "evaluation");
    const input: ConformalInput =
      task === "regression"
        ? { task: "regression", calibration: cal.regression!, evaluation: ev.regression! }
        : { task: "classification", calibration: cal.classification!, evaluation: ev.classification! };
    const result = runConformal(input, {
      alpha,
      method: chosen,
      convention: convention as QuantileConvention,
      level,
      seed,
      groupColumns: groups,
      mondrian: v.mondrian === true,
      minGroupRows,
    });

    let ood: OodSummary | null = null;
    let oodFitted: ReturnType<typeof fitOod> | null = null;
    let oodScore: Float64Array | undefined;
    if (!v["no-ood"]) {
      const columns = listOption(v["ood-columns"]) ?? defaultOodColumns(calibration, evaluation, spec, v);
      for (const c of columns)
        for (const s of [calibration, evaluation]) requireColumn(s, c, "--ood-columns");
      oodFitted = fitOod(cal.table, columns, { seed });
      const encoded = encodeBatch(oodFitted.detector.space, ev.table);
      const scores = scoreOod(oodFitted.detector, encoded);
      ood = summariseOod(oodFitted, scores, encoded, ev.table, { targetFpr: oodFpr, level, top: 5 });
      oodScore = scores.ensemble;
    }
    const selective: SelectiveReport = selectivePrediction(
      {
        loss: ev.loss,
        binary: task !== "regression",
        confidence: ev.confidence,
        setSizes: result.rows.sizes ?? undefined,
        intervalWidths: result.rows.widths ?? undefined,
        ood: oodScore,
      },
      { target, level },
    );

    const model = opened?.model;
    const modelInfo = {
      name: model?.name ?? `score-prefix:${v["score-prefix"]}`,
      kind: model?.kind ?? "score",
      digest: (model?.metadata.digest as string | undefined) ?? null,
      features: model?.features ?? spec.probabilityColumns?.map((p) => p.column) ?? null,
      task,
    };
    const calibrationDigest = await calibration.digest();
    const report = makeReport(
      "conformal",
      {
        inputs: [
          { name: calibration.name, digest: calibrationDigest, rows: cal.table.length },
          { name: evaluation.name, digest: await evaluation.digest(), rows: ev.table.length },
        ],
        config: {
          label,
          positive: cal.positive?.positive ?? null,
          task,
          method: chosen,
          alpha,
          quantile: convention,
          model: { spec: opened?.spec ?? null, ...modelInfo },
          scale: v.scale ?? v["scale-model"] ?? null,
          groups,
          mondrian: v.mondrian === true,
          minGroupRows,
          targetError: target ?? null,
          ood: v["no-ood"] ? null : { columns: ood?.columns ?? null, fpr: oodFpr },
          seed,
          level,
        },
        results: [
          ...invertedSides([cal, ev], ["calibration", "evaluation"], modelInfo.name),
          ...conformalChecks(result, selective, ood, minGroupRows),
        ],
      },
      {
        ...(cal.positive && ev.positive
          ? {
              positiveClass: {
                value: cal.positive.positive,
                calibration: { count: cal.positive.positives, rows: cal.positive.rows },
                evaluation: { count: ev.positive.positives, rows: ev.positive.rows },
              },
            }
          : {}),
        ...conformalBody(result, selective, ood, {
          task,
          classes: cal.classNames,
          model: modelInfo,
          bundle: v.out ?? null,
        }),
      },
    );
    if (v.out !== undefined) {
      const bundle = makeTrustBundle({
        model: modelInfo,
        result,
        classes: cal.classNames,
        scale:
          v.scale !== undefined
            ? { column: v.scale as string }
            : scaleModel
              ? { model: scaleModel.spec }
              : null,
        calibrationDigest,
        ood: oodFitted ? { targetFpr: oodFpr, detector: oodFitted.detector } : null,
        createdAt: report.createdAt,
      });
      writeTextFile(v.out as string, serializeTrustBundle(bundle));
    }
    saveEvidence(report);
    if (v.html !== undefined) {
      // Loaded only when asked for: the chart renderer costs 0.4 s of start-up.
      const { renderConformalHtml } = await import("../trust/conformal-html.js");
      writeTextFile(v.html as string, await renderConformalHtml(report, result, selective, ood));
    }
    if (v.json) printJson(report);
    else process.stdout.write(renderConformalText(report, result, selective, ood, modelInfo.name));
    return report.summary.status === "fail" ? 1 : 0;
  } finally {
    await opened?.model.close();
    await scaleModel?.model.close();
  }
}

function sideSpec(
  v: Record<string, unknown>,
  task: Task,
  label: string,
  groups: string[],
  model: Model | null,
  calibration: Relation,
  scaleModel: Model | undefined,
): SideSpec {
  const prefix = v["score-prefix"] as string | undefined;
  let probabilityColumns: SideSpec["probabilityColumns"] = null;
  if (prefix !== undefined) {
    if (task !== "multiclass") throw new UsageError("--score-prefix is for multiclass tasks");
    probabilityColumns = calibration.columns
      .filter((c) => c.name.startsWith(prefix) && c.name.length > prefix.length)
      .map((c) => ({ column: c.name, className: c.name.slice(prefix.length) }));
    if (probabilityColumns.length < 2)
      throw new UsageError(
        `--score-prefix '${prefix}' matches ${probabilityColumns.length} column(s) of ${calibration.name}; it needs one per class (at least two)`,
      );
  }
  if (task !== "multiclass" && !model)
    throw new UsageError(`a ${task} task needs --model SPEC or --score COL`);
  const positive =
    task === "binary" ? ((v.positive as string | undefined) ?? model?.metadata.positiveClass) : undefined;
  if (v.positive !== undefined && task !== "binary") throw new UsageError("--positive is for binary tasks");
  const scoreColumns = model?.kind === "score" ? (model.features ?? []) : [];
  return {
    task,
    label,
    model,
    probabilityColumns,
    classes: listOption(v.classes) ?? model?.metadata.classes ?? null,
    positive,
    groups,
    scaleColumn: v.scale as string | undefined,
    scaleModel,
    hidden: [label, ...scoreColumns, ...(probabilityColumns?.map((p) => p.column) ?? [])],
  };
}

function defaultOodColumns(
  calibration: Relation,
  evaluation: Relation,
  spec: SideSpec,
  v: Record<string, unknown>,
): string[] {
  const inEvaluation = new Set(evaluation.columns.map((c) => c.name));
  const hidden = new Set([...spec.hidden, ...(v.scale !== undefined ? [v.scale as string] : [])]);
  return calibration.columns.map((c) => c.name).filter((n) => inEvaluation.has(n) && !hidden.has(n));
}

/** A binary model whose scores run against the label on either side (DeLong logit interval at 95%). */
function invertedSides(sides: ReadSide[], names: string[], model: string): CheckResult[] {
  const out: CheckResult[] = [];
  sides.forEach((side, k) => {
    const positive = side.positive;
    const output = side.classification?.output;
    if (!positive || output?.kind !== "binary") return;
    const estimate = rocAucEstimate(output.scores, positive.values);
    if (!estimate) return;
    const found = invertedScoresCheck({
      check: "trust.inverted_scores",
      model: `${model} on the ${names[k]} rows`,
      subject: { group: names[k] },
      auc: estimate.auc,
      ci: estimate.ci,
      positive,
    });
    if (found) out.push(found);
  });
  return out;
}
