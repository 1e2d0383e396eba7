/**
 * `assay ood <reference> <current>`: which current rows are unlike the reference — four detectors, an
 * ensemble, conformal p-values calibrated on held-out reference rows, the features that make rows
 * unusual, and (with --model) whether the model knows it is on unfamiliar ground.
 */

import { type BinaryLabel, encodeBinaryLabel } from "../evaluate/labels.js";
import { type Model, type Prediction, readTable } from "../model/index.js";
import { makeReport } from "../report/report.js";
import { DEFAULT_SEED } from "../stats/bootstrap.js";
import { wilsonInterval } from "../stats/wilson.js";
import type { Batch } from "../table/types.js";
import { oodBody } from "../trust/conformal-report.js";
import { encodeBatch } from "../trust/feature-space.js";
import { type FlaggedConfidence, flaggedConfidence } from "../trust/flagged-confidence.js";
import { fitOod, scoreOod } from "../trust/ood.js";
import { oodChecks, type SurpriseReport } from "../trust/ood-report.js";
import { summariseOod } from "../trust/ood-summary.js";
import { renderOodText } from "../trust/ood-text.js";
import { distanceSurprise, surpriseReference, surpriseSummary } from "../trust/surprise.js";
import { listOption, numberOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { modelFromArgs, predictRows } from "./model-args.js";
import { printJson, saveEvidence, writeTextFile } from "./output.js";
import { requireColumn } from "./source-args.js";
import { sharedColumns, sourcePair } from "./source-pair.js";

const HELP = `usage: assay ood <reference> <current> [--columns a,b] [--model SPEC] [options]

Scores every current row against the reference with four detectors — the Mahalanobis distance of the
standardised numbers (Ledoit–Wolf shrinkage covariance), the rarity of the row's rarest category, the
distance to its k-th nearest reference row, and an isolation forest — and takes the most extreme of
their reference tail shares as the ensemble score. A random share of the reference (--holdout) is held
out and never used to fit; p-values against it flag rows at a false-positive rate of at most
--target-fpr by construction. Reports the share flagged with its interval and what chance would give,
each detector alone, the most unusual rows with the features that make them so, and, with --model,
whether flagged rows get less confident predictions and their surprise adequacy (DSA, Kim et al.).

options:
  --reference-sql "…", --current-sql "…"   DuckDB queries instead of the two files
  --columns a,b             the columns to compare (default: every column both have, minus --ignore,
                            the label and score columns); text columns with more distinct values than
                            half the rows are identifiers and are skipped
  --ignore a,b              columns to leave out
  --target-fpr F            flag rows with p ≤ F (default 0.01)
  --max-share S             fail (exit 1) when the share flagged is surely above S (its Wilson lower
                            bound; default twice --target-fpr)
  --holdout H               share of the reference held out to calibrate (default 0.2)
  --k K                     k of the k-NN distance (default 5)
  --knn-reference N         reference rows the k-NN distance and DSA compare against (default 2000;
                            0 leaves k-NN out)
  --trees N                 isolation-forest trees (default 100, 256 rows each)
  --top N                   most unusual rows to show (default 10)
  --model SPEC | --score COL    a model (as assay evaluate takes it): confidence on flagged rows, DSA
  --features a,b,c          the model's feature columns in order (FILE.onnx, endpoints, modules)
  --label COL               with --model: error rates of flagged and other current rows
  --positive V              the positive class of --label (default: the descriptor's, or 1/true)
  --seed S                  seed of the split, the k-NN sample and the forest (default ${DEFAULT_SEED})
  --level L                 confidence level of the intervals (default 0.95)
  --timeout MS, --retries N, --batch-size N    HTTP endpoint settings
  --json                    print the report as JSON
  --html FILE               write an HTML report (p-value histogram, detectors, unusual rows)

exit: 0 no more rows flagged than allowed, 1 the share flagged is above --max-share, 2 usage or input error`;

const OPTIONS = {
  "reference-sql": { type: "string" },
  "current-sql": { type: "string" },
  columns: { type: "string" },
  ignore: { type: "string" },
  "target-fpr": { type: "string" },
  "max-share": { type: "string" },
  holdout: { type: "string" },
  k: { type: "string" },
  "knn-reference": { type: "string" },
  trees: { type: "string" },
  top: { type: "string" },
  model: { type: "string" },
  score: { type: "string" },
  features: { type: "string" },
  label: { type: "string" },
  positive: { type: "string" },
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
  const targetFpr = numberOption(v["target-fpr"], "--target-fpr", { min: 0.0001, max: 0.5 }) ?? 0.01;
  const maxShare = numberOption(v["max-share"], "--max-share", { min: 0, max: 1 }) ?? 2 * targetFpr;
  const holdout = numberOption(v.holdout, "--holdout", { min: 0.01, max: 0.9 }) ?? 0.2;
  const k = numberOption(v.k, "--k", { min: 1, max: 100 }) ?? 5;
  const knnReference = numberOption(v["knn-reference"], "--knn-reference", { min: 0, max: 100_000 }) ?? 2000;
  const trees = numberOption(v.trees, "--trees", { min: 1, max: 10_000 }) ?? 100;
  const top = numberOption(v.top, "--top", { min: 0, max: 1000 }) ?? 10;
  const seed = numberOption(v.seed, "--seed", { min: 0 }) ?? DEFAULT_SEED;
  const level = numberOption(v.level, "--level", { min: 0.5, max: 0.999 }) ?? 0.95;
  for (const [flag, x] of [
    ["--k", k],
    ["--knn-reference", knnReference],
    ["--trees", trees],
    ["--top", top],
  ] as const)
    if (!Number.isInteger(x)) throw new UsageError(`${flag} must be a whole number, got ${x}`);
  const label = v.label as string | undefined;
  if (label !== undefined && v.model === undefined && v.score === undefined)
    throw new UsageError(
      "--label compares error rates of the model's predictions: give --model SPEC or --score COL too",
    );
  if (v.model !== undefined && v.score !== undefined)
    throw new UsageError("give --model or --score, not both");

  const [reference, current] = await sourcePair(positionals, v, ["reference", "current"], "ood");
  if (label !== undefined) requireColumn(current, label, "--label");
  const opened = await modelFromArgs(v);
  try {
    const model = opened?.model ?? null;
    const scoreColumns = model?.kind === "score" ? (model.features ?? []) : [];
    const ignore = new Set([...(listOption(v.ignore) ?? []), ...(label ? [label] : []), ...scoreColumns]);
    const columns = listOption(v.columns) ?? sharedColumns(reference, current).filter((c) => !ignore.has(c));
    for (const c of columns) for (const s of [reference, current]) requireColumn(s, c, "--columns");
    for (const c of model?.features ?? [])
      for (const s of [reference, current]) requireColumn(s, c, "the model's features");
    if (columns.length === 0)
      throw new UsageError("no columns to compare: the two sources share none (see --columns)");
    const wanted = [...new Set([...columns, ...(model?.features ?? []), ...(label ? [label] : [])])];
    const referenceTable = await readTable(
      reference,
      model && !model.features
        ? undefined
        : wanted.filter((c) => reference.columns.some((x) => x.name === c)),
    );
    const currentTable = await readTable(current, model && !model.features ? undefined : wanted);
    if (currentTable.length === 0) throw new UsageError(`${current.name}: no rows to score`);

    const fitted = fitOod(referenceTable, columns, { seed, holdout, k, knnReference, trees });
    const encoded = encodeBatch(fitted.detector.space, currentTable);
    const scores = scoreOod(fitted.detector, encoded);
    const summary = summariseOod(fitted, scores, encoded, currentTable, { targetFpr, level, top });

    let confidence: FlaggedConfidence | null = null;
    let surprise: SurpriseReport | null = null;
    let errors: Uint8Array | null = null;
    let positive: BinaryLabel | null = null;
    if (model) {
      const hidden = [...(label ? [label] : []), ...scoreColumns];
      const currentPrediction = await predictRows(model, currentTable, hidden, "current");
      const currentClasses = predictedClasses(currentPrediction, model);
      if (label !== undefined) {
        positive = labelOf(currentTable, label, currentClasses, v.positive as string | undefined, model);
        errors = Uint8Array.from(positive.values, (y, i) => (y === currentClasses[i] ? 0 : 1));
      }
      confidence = flaggedConfidence(confidenceOf(currentPrediction), summary.flags, errors, { seed, level });
      if (fitted.detector.knn) {
        const referencePrediction = await predictRows(model, referenceTable, hidden, "reference");
        const referenceClasses = predictedClasses(referencePrediction, model);
        const dsaReference = surpriseReference(
          fitted.detector.knn,
          Uint32Array.from(fitted.knnRows, (r) => referenceClasses[r]),
        );
        const heldOut = encodeBatch(fitted.detector.space, referenceTable, fitted.calibrationRows);
        const heldOutDsa = distanceSurprise(
          dsaReference,
          heldOut,
          Uint32Array.from(fitted.calibrationRows, (r) => referenceClasses[r]),
        );
        const currentDsa = distanceSurprise(dsaReference, encoded, currentClasses);
        const heldOutSummary = surpriseSummary(heldOutDsa);
        let above = 0;
        let defined = 0;
        for (const x of currentDsa)
          if (Number.isFinite(x)) {
            defined++;
            if (heldOutSummary.p95 !== null && x > heldOutSummary.p95) above++;
          }
        surprise = {
          current: surpriseSummary(currentDsa),
          heldOut: heldOutSummary,
          aboveHeldOutP95: {
            value: defined > 0 ? above / defined : null,
            ci: wilsonInterval(above, defined, level),
            n: defined,
          },
        };
      }
    }

    const report = makeReport(
      "ood",
      {
        inputs: [
          { name: reference.name, digest: await reference.digest(), rows: referenceTable.length },
          { name: current.name, digest: await current.digest(), rows: currentTable.length },
        ],
        config: {
          columns,
          targetFpr,
          maxShare,
          holdout,
          k,
          knnReference,
          trees,
          seed,
          level,
          model: opened ? { spec: opened.spec, name: opened.model.name, kind: opened.model.kind } : null,
          label: label ?? null,
          positive: positive?.positive ?? null,
        },
        results: oodChecks(summary, maxShare, confidence),
      },
      {
        ...(positive
          ? { positiveClass: { value: positive.positive, count: positive.positives, rows: positive.rows } }
          : {}),
        ...oodBody(summary),
        maxShare,
        confidence,
        surpriseAdequacy: surprise,
      },
    );
    saveEvidence(report);
    if (v.html !== undefined) {
      // Loaded only when asked for: the chart renderer costs 0.4 s of start-up.
      const { oodSections } = await import("../trust/ood-html.js");
      const { badge, escapeHtml, htmlPage } = await import("../report/html.js");
      const sections = await oodSections(summary, scores.pValue, "Rows out of distribution");
      writeTextFile(
        v.html as string,
        htmlPage(
          "Out-of-distribution check",
          `${reference.name} → ${current.name} · assay ${report.assayVersion} · ${report.createdAt}`,
          [
            `<section><h2>Summary ${badge(report.summary.status)}</h2><p>${escapeHtml(report.results[0].message)}</p></section>`,
            ...sections,
          ].join("\n"),
          { report },
        ),
      );
    }
    if (v.json) printJson(report);
    else process.stdout.write(renderOodText(report, summary, confidence, surprise));
    return report.summary.status === "fail" ? 1 : 0;
  } finally {
    await opened?.model.close();
  }
}

/** Binary: score ≥ 0.5 is class 1; multiclass: the arg-max. */
function predictedClasses(prediction: Prediction, model: Model): Uint32Array {
  if (model.metadata.task === "regression")
    throw new UsageError(
      `${model.name} is a regression model; confidence and surprise adequacy need a classifier`,
    );
  if (prediction.probabilities && prediction.classes) {
    const k = prediction.classes;
    return Uint32Array.from({ length: prediction.scores.length }, (_, i) => {
      let best = 0;
      for (let c = 1; c < k; c++)
        if (prediction.probabilities![i * k + c] > prediction.probabilities![i * k + best]) best = c;
      return best;
    });
  }
  return Uint32Array.from(prediction.scores, (s, i) => {
    if (!(s >= 0 && s <= 1))
      throw new UsageError(`${model.name}: row ${i} has score ${s}, not a probability in [0, 1]`);
    return s >= 0.5 ? 1 : 0;
  });
}

function confidenceOf(prediction: Prediction): Float64Array {
  if (prediction.probabilities && prediction.classes) {
    const k = prediction.classes;
    return Float64Array.from({ length: prediction.scores.length }, (_, i) => {
      let best = 0;
      for (let c = 0; c < k; c++) best = Math.max(best, prediction.probabilities![i * k + c]);
      return best;
    });
  }
  return Float64Array.from(prediction.scores, (s) => Math.max(s, 1 - s));
}

/** The current rows' labels as a binary label (its positive class as written), for the error rates. */
function labelOf(
  table: Batch,
  label: string,
  predicted: Uint32Array,
  positive: string | undefined,
  model: Model,
): BinaryLabel {
  if (predicted.some((c) => c > 1))
    throw new UsageError(
      "--label error rates are for binary models; this model predicts more than two classes",
    );
  const column = table.columns.find((c) => c.name === label)!;
  return encodeBinaryLabel(column, positive ?? model.metadata.positiveClass);
}
