/** A multiclass label read as class indices, in the order of the model's output columns. */
import { InputError } from "../table/errors.js";
import type { Column } from "../table/types.js";
import { labelCounts } from "./labels.js";

/** The index in `classes` of each row's label (numbers are matched by their text: 2 ↔ "2"). */
export function classIndices(column: Column, classes: string[]): Uint32Array {
  const index = new Map(classes.map((c, k) => [c, k]));
  const out = new Uint32Array(column.valid.length);
  for (let i = 0; i < out.length; i++) {
    if (!column.valid[i])
      throw new InputError(`label '${column.name}' is missing at row ${i}; drop or fill those rows first`);
    const k = index.get(String(column.values[i]));
    if (k === undefined)
      throw new InputError(
        `label '${column.name}' has '${String(column.values[i])}' at row ${i}, which is not one of the model's classes (${classes.join(", ")})`,
      );
    out[i] = k;
  }
  return out;
}

/** Which label value each of a model's k output columns stands for, and where that order came from. */
export interface ClassOrder {
  classes: string[];
  source: "model" | "0 … k−1" | "sorted label values";
}

/**
 * The class order of a model that did not name its classes: 0 … k−1 when every label is such an index,
 * else the label's distinct values sorted as scikit-learn sorts `classes_` (numbers by value, text by
 * code point) when there are exactly k of them. Anything else is an input error: guessing an order
 * would give confident, wrong metrics.
 */
export function defaultClassOrder(column: Column, k: number): ClassOrder {
  const values = labelCounts(column).map((c) => c.value);
  const numeric = column.type !== "string" && column.type !== "boolean";
  if (numeric && values.every((v) => Number.isInteger(Number(v)) && Number(v) >= 0 && Number(v) < k))
    return { classes: Array.from({ length: k }, (_, c) => String(c)), source: "0 … k−1" };
  if (values.length === k) {
    const sorted = numeric
      ? [...values].sort((a, b) => Number(a) - Number(b))
      : [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { classes: sorted, source: "sorted label values" };
  }
  throw new InputError(
    `the model outputs ${k} class probabilities but label '${column.name}' has ${values.length} values (${values.slice(0, 12).join(", ")}${values.length > 12 ? ", …" : ""}); name the class of each output column with --classes a,b,c (or 'classes' in the model descriptor)`,
  );
}
