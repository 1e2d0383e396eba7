import type { Model } from "../model/model.js";
import { predictTable } from "../model/predict.js";
import { InputError } from "../table/errors.js";
import type { Batch, Column } from "../table/types.js";
import { checkBinaryInputs } from "./binary.js";
import { type Evaluation, type EvaluationOptions, evaluateClassifier } from "./evaluation.js";
import { describingColumns } from "./input-columns.js";
import { type BinaryLabel, encodeBinaryLabel } from "./labels.js";

export interface ModelEvaluationOptions extends EvaluationOptions {
  /** The column holding the true class. */
  label: string;
  /** The label value of the positive class (default: the model's, else 1/true). */
  positive?: string;
  /** Told the fraction of rows scored after each chunk. */
  onProgress?: (fraction: number) => void;
}

/** An evaluation with the label as read: which value, as written, was the positive class. */
export interface ModelEvaluation extends Evaluation {
  positiveClass: BinaryLabel;
}

/**
 * A binary classifier tested on labelled rows, as `assay evaluate` does: the label read as 0/1 with the
 * positive class as written, the model run over the table without ever seeing the label, its scores
 * checked to be probabilities, then evaluateClassifier. Slices default to the columns that describe the
 * rows (not the label, scores, predictions or identifiers); baselines to the model's declared features,
 * else those describing columns.
 */
export async function evaluateModel(
  table: Batch,
  model: Model,
  options: ModelEvaluationOptions,
): Promise<ModelEvaluation> {
  const { label } = options;
  const positiveClass = encodeBinaryLabel(
    columnOf(table, label),
    options.positive ?? model.metadata.positiveClass,
  );
  const labels = positiveClass.values;
  const others = featureColumns(table, model, label);
  const scores = await modelScores(model, table, label, others, options.onProgress);
  checkBinaryInputs(scores, labels, model.name);
  const described = describingColumns(table, {
    label,
    scoreColumns: model.kind === "score" ? (model.features ?? []) : [],
    keep: [...(options.sensitive ?? []), ...(Array.isArray(options.slices) ? options.slices : [])],
  });
  const declared = model.kind !== "score" && model.features ? model.features : null;
  const evaluation = await evaluateClassifier(table, labels, scores, {
    sliceColumns: described.columns,
    excludedColumns: described.excluded,
    baselineFeatures: declared ?? described.columns,
    ...options,
  });
  return { ...evaluation, positiveClass };
}

/** Every column but the label and, for a score-column model, the scores themselves. */
export function featureColumns(table: Batch, model: Model, label: string): string[] {
  const scoreColumns = model.kind === "score" ? (model.features ?? []) : [];
  return table.columns.map((c) => c.name).filter((n) => n !== label && !scoreColumns.includes(n));
}

/** The model's scores of every row; a model that takes whatever it is given never sees the label. */
export async function modelScores(
  model: Model,
  table: Batch,
  label: string,
  others: string[],
  onProgress?: (fraction: number) => void,
): Promise<Float64Array> {
  const input: Batch = model.features
    ? table
    : { ...table, columns: table.columns.filter((c) => c.name !== label && others.includes(c.name)) };
  return (await predictTable(model, input, { onProgress })).scores;
}

function columnOf(table: Batch, name: string): Column {
  const column = table.columns.find((c) => c.name === name);
  if (!column)
    throw new InputError(
      `no column '${name}' (the label); columns: ${table.columns.map((c) => c.name).join(", ")}`,
    );
  return column;
}
