/** Turning a label column into 0/1 for a binary comparison, with errors a user can act on. */
import { InputError } from "../table/errors.js";
import type { Column } from "../table/types.js";

/**
 * 1 where the label equals `positive`, else 0. Without `positive`: numbers and booleans use 1 as the
 * positive class (and must be 0/1); text needs `positive` unless its values are "0"/"1" or "true"/"false".
 * Missing labels are an error: a row without a label cannot be called right or wrong.
 */
export function binaryLabels(column: Column, positive?: string): Uint8Array {
  const n = column.values.length;
  let missing = 0;
  let firstMissing = -1;
  for (let i = 0; i < n; i++)
    if (column.valid[i] !== 1) {
      missing++;
      if (firstMissing < 0) firstMissing = i;
    }
  if (missing > 0)
    throw new InputError(
      `label '${column.name}' is missing in ${missing} of ${n} rows (first at row ${firstMissing}); drop or fill those rows first`,
    );
  const out = new Uint8Array(n);
  if (column.type === "string") {
    const values = column.values as string[];
    let target = positive;
    if (target === undefined) {
      const distinct = new Set(values);
      const asText = [...distinct].sort();
      if (asText.every((v) => v === "0" || v === "1")) target = "1";
      else if (asText.every((v) => v.toLowerCase() === "true" || v.toLowerCase() === "false"))
        target = "true";
      else
        throw new InputError(
          `label '${column.name}' holds text (${asText.slice(0, 5).join(", ")}${asText.length > 5 ? ", …" : ""}); say which value is positive with --positive`,
        );
      for (let i = 0; i < n; i++) out[i] = values[i].toLowerCase() === target ? 1 : 0;
      return out;
    }
    let hits = 0;
    for (let i = 0; i < n; i++) {
      out[i] = values[i] === target ? 1 : 0;
      hits += out[i];
    }
    if (hits === 0) throw new InputError(`--positive '${target}' never occurs in label '${column.name}'`);
    return out;
  }
  const values = column.values as Float64Array;
  if (positive !== undefined) {
    const target = column.type === "boolean" ? (/^(true|1)$/i.test(positive) ? 1 : 0) : Number(positive);
    if (Number.isNaN(target))
      throw new InputError(`--positive '${positive}' is not a number, but label '${column.name}' is numeric`);
    for (let i = 0; i < n; i++) out[i] = values[i] === target ? 1 : 0;
    return out;
  }
  for (let i = 0; i < n; i++) {
    if (values[i] !== 0 && values[i] !== 1)
      throw new InputError(
        `label '${column.name}' has value ${values[i]} at row ${i}; a binary label is 0/1, or say which value is positive with --positive`,
      );
    out[i] = values[i];
  }
  return out;
}
