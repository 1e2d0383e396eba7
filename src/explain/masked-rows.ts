/**
 * The rows a model scores to value a coalition the interventional way: for each coalition and each
 * background row, the explained row's values for the features in the coalition and the background
 * row's values for the rest (Janzing et al. 2020, "Feature relevance quantification in explainable
 * AI: a causal problem"). Browser-safe.
 */
import { findColumn } from "../model/features.js";
import type { Batch, Column } from "../table/types.js";

/**
 * coalitions[c·M + j] = 1 when feature j comes from the explained row in coalition c. Row c·B + b of
 * the result is coalition c over background row b.
 */
export function maskedRows(
  explained: Batch,
  row: number,
  background: Batch,
  features: string[],
  coalitions: Uint8Array,
): Batch {
  const m = features.length;
  const count = coalitions.length / m;
  const b = background.length;
  const length = count * b;
  const columns: Column[] = features.map((name, j) => {
    const own = findColumn(explained, name);
    const other = findColumn(background, name);
    const valid = new Uint8Array(length);
    if (own.type === "string" || other.type === "string") {
      const values: (string | null)[] = new Array(length);
      for (let c = 0; c < count; c++) {
        const mine = coalitions[c * m + j] === 1;
        for (let k = 0; k < b; k++) {
          const source = mine ? own : other;
          const at = mine ? row : k;
          values[c * b + k] = source.values[at] === null ? null : String(source.values[at]);
          valid[c * b + k] = source.valid[at];
        }
      }
      return { name, type: "string", values, valid };
    }
    const values = new Float64Array(length);
    for (let c = 0; c < count; c++) {
      const mine = coalitions[c * m + j] === 1;
      for (let k = 0; k < b; k++) {
        values[c * b + k] = mine ? own.values[row] : other.values[k];
        valid[c * b + k] = mine ? own.valid[row] : other.valid[k];
      }
    }
    return { name, type: own.type, values, valid };
  });
  return { length, offset: 0, columns };
}
