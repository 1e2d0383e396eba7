/**
 * A multiclass classifier tested on labelled rows, as `assay evaluate --task multiclass` does: the model
 * run over the table (never seeing the label), its probabilities checked, the label read in the model's
 * class order, then the metrics (multiclass.ts) and fairness per class by each sensitive attribute.
 * Browser-safe: data in, the evaluation out.
 */
import type { Model } from "../model/model.js";
import { predictTable } from "../model/predict.js";
import { InputError } from "../table/errors.js";
import type { Batch, Column } from "../table/types.js";
import { type ClassOrder, classIndices, defaultClassOrder } from "./class-labels.js";
import type { AttributeFairness, FairnessOptions } from "./fairness.js";
import { intersectionGroups } from "./fairness.js";
import { evaluateMulticlass, type MulticlassEvaluation, type MulticlassOptions } from "./multiclass.js";
import { fairnessByClass } from "./multiclass-fairness.js";
import { rowGroups } from "./predicates.js";

export interface MulticlassModelOptions extends Omit<MulticlassOptions, "classNames"> {
  label: string;
  /** The class of each output column; default the model's, else defaultClassOrder. */
  classes?: string[];
  sensitive?: string[];
  fairness?: FairnessOptions;
  onProgress?: (fraction: number) => void;
}

export interface MulticlassModelEvaluation extends MulticlassEvaluation {
  classOrder: ClassOrder["source"];
  /** Per sensitive attribute (and their intersection), per class. */
  fairness: Record<string, Record<string, AttributeFairness>>;
}

/** Largest |Σ_c p − 1| accepted in a row (float32 softmax outputs are off by ~1e-7). */
const SUM_TOLERANCE = 1e-4;

export async function evaluateMulticlassModel(
  table: Batch,
  model: Model,
  options: MulticlassModelOptions,
): Promise<MulticlassModelEvaluation> {
  const labelColumn = columnOf(table, options.label);
  const input: Batch = model.features
    ? table
    : { ...table, columns: table.columns.filter((c) => c.name !== options.label) };
  const prediction = await predictTable(model, input, { onProgress: options.onProgress });
  if (!prediction.probabilities || !prediction.classes)
    throw new InputError(
      `${model.name} returned one score per row; a multiclass evaluation needs a probability per class (an [N, k] output, probability lists, or --score-prefix)`,
    );
  const k = prediction.classes;
  const named = options.classes ?? model.metadata.classes;
  if (named && named.length !== k)
    throw new InputError(
      `${named.length} classes are named (${named.join(", ")}) but ${model.name} outputs ${k}`,
    );
  const order: ClassOrder = named ? { classes: named, source: "model" } : defaultClassOrder(labelColumn, k);
  checkProbabilities(prediction.probabilities, k, order.classes, model.name);
  const labels = classIndices(labelColumn, order.classes);
  const evaluation = evaluateMulticlass(labels, prediction.probabilities, k, {
    ...options,
    classNames: order.classes,
  });
  const predicted = prediction.scores;
  const fairness: MulticlassModelEvaluation["fairness"] = {};
  const sensitive = options.sensitive ?? [];
  const groups = sensitive.map((name) => rowGroups(columnOf(table, name), table.length));
  const fairnessOptions = { ...options, ...options.fairness };
  sensitive.forEach((name, j) => {
    fairness[name] = fairnessByClass(name, groups[j], labels, predicted, order.classes, fairnessOptions);
  });
  if (sensitive.length >= 2) {
    const name = sensitive.join(" & ");
    fairness[name] = fairnessByClass(
      name,
      intersectionGroups(groups, table.length),
      labels,
      predicted,
      order.classes,
      fairnessOptions,
    );
  }
  return { ...evaluation, classOrder: order.source, fairness };
}

function checkProbabilities(probabilities: Float64Array, k: number, classes: string[], what: string): void {
  const n = probabilities.length / k;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const p = probabilities[i * k + c];
      if (!(p >= 0 && p <= 1))
        throw new InputError(
          `${what}: row ${i} has probability ${Number.isNaN(p) ? "missing" : p} for class '${classes[c]}'; each must be in [0, 1]`,
        );
      sum += p;
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE)
      throw new InputError(`${what}: the class probabilities of row ${i} sum to ${sum}, not 1`);
  }
}

function columnOf(table: Batch, name: string): Column {
  const column = table.columns.find((c) => c.name === name);
  if (!column)
    throw new InputError(`no column '${name}'; columns: ${table.columns.map((c) => c.name).join(", ")}`);
  return column;
}
