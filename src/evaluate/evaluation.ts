import type { ExcludedColumn } from "./input-columns.js";
/**
 * One evaluation of a binary classifier on labelled rows: metrics with intervals at a threshold,
 * learned thresholds, the calibration curve, fairness by sensitive attribute (and their
 * intersection), slices (given or found by SliceLine), and the comparison with baselines.
 * Browser-safe: data in, the report body out.
 */

import type { BootstrapOptions } from "../stats/bootstrap.js";
import { InputError } from "../table/errors.js";
import type { Batch, Column } from "../table/types.js";
import { type BaselineComparison, compareWithBaselines } from "./baseline.js";
import { type BinaryEvaluation, evaluateBinary } from "./binary.js";
import {
  type AttributeFairness,
  type FairnessOptions,
  fairnessByAttribute,
  intersectionGroups,
} from "./fairness.js";
import { rowGroups } from "./predicates.js";
import { type CalibrationBin, calibrationCurve } from "./probability.js";
import { rankCurve } from "./ranking.js";
import { type SliceLineOptions, sliceLine } from "./sliceline.js";
import { type SliceResult, slicesByColumns } from "./slices.js";
import { learnThresholds, type ThresholdChoice, type ThresholdOptions } from "./thresholds.js";

export type ThresholdRule = "max-f1" | "youden" | "cost" | "precision-at-recall";

export interface EvaluationOptions extends BootstrapOptions {
  /** A number, or a rule learned on the validation rows (default 0.5). */
  threshold?: number | ThresholdRule;
  thresholds?: ThresholdOptions;
  sensitive?: string[];
  fairness?: FairnessOptions;
  /** Columns to slice by, or "auto" for SliceLine over `sliceColumns`. */
  slices?: string[] | "auto";
  /** Columns SliceLine may use (default: every column; the CLI passes describingColumns). */
  sliceColumns?: string[];
  sliceLine?: SliceLineOptions;
  /** Baseline features; null skips the baselines. */
  baselineFeatures?: string[] | null;
  /** Columns left out of slices and baselines, and why (input-columns.ts), to be reported. */
  excludedColumns?: ExcludedColumn[];
  baselineTrain?: { table: Batch; labels: Uint8Array };
  /** Validation rows for threshold learning; default the evaluation rows themselves. */
  validation?: { scores: Float64Array; labels: Uint8Array };
}

export interface Evaluation extends BinaryEvaluation {
  thresholdRule: string;
  thresholds: {
    learnedOn: "validation data" | "evaluation data";
    maxF1: ThresholdChoice;
    youden: ThresholdChoice;
    cost: ThresholdChoice;
    precisionAtRecall: ThresholdChoice | null;
  };
  calibration: { bins: CalibrationBin[]; convention: string };
  curves: {
    roc: { fpr: number; tpr: number; threshold: number }[];
    pr: { recall: number; precision: number; threshold: number }[];
  };
  fairness: Record<string, AttributeFairness>;
  slices: SliceResult[];
  sliceSearch: {
    method: "columns" | "sliceline";
    columns: string[];
    examined: number;
    alpha?: number;
    minSupport?: number;
    maxLevel?: number;
  } | null;
  baseline: BaselineComparison | null;
  /** The columns slices and baselines used, and those left out with the reason. */
  columns: { slices: string[] | null; baseline: string[] | null; excluded: ExcludedColumn[] };
}

export async function evaluateClassifier(
  table: Batch,
  labels: Uint8Array,
  scores: Float64Array,
  options: EvaluationOptions = {},
): Promise<Evaluation> {
  const validation = options.validation ?? { scores, labels };
  const learned = learnThresholds(validation.scores, validation.labels, options.thresholds);
  let threshold = 0.5;
  let thresholdRule = "fixed";
  if (typeof options.threshold === "number") threshold = options.threshold;
  else if (options.threshold !== undefined) {
    const pick = {
      "max-f1": learned.maxF1,
      youden: learned.youden,
      cost: learned.cost,
      "precision-at-recall": learned.precisionAtRecall,
    }[options.threshold];
    if (!pick) throw new InputError(`no threshold reaches the required recall for ${options.threshold}`);
    threshold = pick.threshold;
    thresholdRule = `${pick.rule}, learned on ${options.validation ? "validation" : "evaluation"} data`;
  } else thresholdRule = "default 0.5";
  const base = evaluateBinary(scores, labels, threshold, options);
  const predicted = Uint8Array.from(scores, (s) => (s >= threshold ? 1 : 0));

  const fairness: Record<string, AttributeFairness> = {};
  const sensitive = options.sensitive ?? [];
  // Text attributes group by value; numeric ones with many values by quartile, as slices do.
  const groupColumns = sensitive.map((name) => rowGroups(column(table, name), table.length));
  sensitive.forEach((name, k) => {
    fairness[name] = fairnessByAttribute(name, groupColumns[k], labels, predicted, {
      ...options,
      ...options.fairness,
    });
  });
  if (sensitive.length >= 2) {
    const name = sensitive.join(" & ");
    fairness[name] = fairnessByAttribute(
      name,
      intersectionGroups(groupColumns, labels.length),
      labels,
      predicted,
      { ...options, ...options.fairness },
    );
  }

  let slices: SliceResult[] = [];
  let sliceSearch: Evaluation["sliceSearch"] = null;
  if (options.slices === "auto") {
    const columns = options.sliceColumns ?? table.columns.map((c) => c.name);
    const found = sliceLine(table, columns, scores, labels, threshold, { ...options, ...options.sliceLine });
    slices = found.slices;
    sliceSearch = {
      method: "sliceline",
      columns,
      examined: found.examined,
      alpha: found.alpha,
      minSupport: found.minSupport,
      maxLevel: found.maxLevel,
    };
  } else if (options.slices && options.slices.length > 0) {
    slices = slicesByColumns(table, options.slices, scores, labels, threshold, options);
    sliceSearch = { method: "columns", columns: options.slices, examined: slices.length };
  }

  const baseline =
    options.baselineFeatures && options.baselineFeatures.length > 0
      ? await compareWithBaselines(
          {
            table,
            labels,
            modelScores: scores,
            features: options.baselineFeatures,
            threshold,
            train: options.baselineTrain,
          },
          options,
        )
      : null;

  return {
    ...base,
    thresholdRule,
    thresholds: { learnedOn: options.validation ? "validation data" : "evaluation data", ...learned },
    calibration: {
      bins: calibrationCurve(scores, labels),
      convention: "10 equal-width bins; bin k holds k/10 ≤ s < (k+1)/10, the last also s = 1",
    },
    curves: curves(scores, labels),
    columns: {
      slices: sliceSearch?.columns ?? null,
      baseline: baseline ? (options.baselineFeatures ?? null) : null,
      excluded: options.excludedColumns ?? [],
    },
    fairness,
    slices,
    sliceSearch,
    baseline,
  };
}

/** ROC and PR curve points, thinned to at most ~200 each for reports. */
function curves(scores: Float64Array, labels: Uint8Array): Evaluation["curves"] {
  const { points, positives, negatives } = rankCurve(scores, labels);
  const step = Math.max(1, Math.floor(points.length / 200));
  const roc = [{ fpr: 0, tpr: 0, threshold: 1 }];
  const pr: Evaluation["curves"]["pr"] = [];
  points.forEach((p, k) => {
    if (k % step !== 0 && k !== points.length - 1) return;
    roc.push({ fpr: p.fp / negatives, tpr: p.tp / positives, threshold: p.threshold });
    pr.push({ recall: p.tp / positives, precision: p.tp / (p.tp + p.fp), threshold: p.threshold });
  });
  return { roc, pr };
}

function column(table: Batch, name: string): Column {
  const c = table.columns.find((x) => x.name === name);
  if (!c) throw new InputError(`no column '${name}'`);
  return c;
}
