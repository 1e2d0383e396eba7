/**
 * Turning a column into groups of rows: categorical values as they are, numbers into quantile bins,
 * so every slice can be compared between the two models.
 */
import { formatSignificant } from "../report/format.js";
import { quantileSorted } from "../stats/quantile.js";

export const MISSING_GROUP = "(missing)";

/** One column's partition of the rows: a key per group and the row indices of each. */
export interface Partition {
  column: string;
  kind: "sensitive" | "slice";
  groups: { value: string; rows: Uint32Array }[];
}

/** Groups rows by their (string) value; null becomes "(missing)". Groups are sorted by value. */
export function partitionByValue(
  column: string,
  kind: Partition["kind"],
  values: ArrayLike<string | null>,
): Partition {
  const buckets = new Map<string, number[]>();
  for (let i = 0; i < values.length; i++) {
    const key = values[i] ?? MISSING_GROUP;
    let rows = buckets.get(key);
    if (!rows) {
      rows = [];
      buckets.set(key, rows);
    }
    rows.push(i);
  }
  const keys = [...buckets.keys()].sort();
  return {
    column,
    kind,
    groups: keys.map((value) => ({ value, rows: Uint32Array.from(buckets.get(value) ?? []) })),
  };
}

/**
 * Labels each number with its quantile bin (default quartiles, numpy 'linear' edges over the
 * present values; duplicate edges merged): "≤ q1", "(q1, q2]", …, "> qk". Missing → null.
 */
export function quantileBinLabels(values: Float64Array, valid: Uint8Array, bins = 4): (string | null)[] {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++)
    if (valid[i] === 1 && Number.isFinite(values[i])) present.push(values[i]);
  present.sort((a, b) => a - b);
  const edges: number[] = [];
  if (present.length > 0)
    for (let k = 1; k < bins; k++) {
      const q = quantileSorted(present, k / bins);
      if (edges.length === 0 || q > edges[edges.length - 1]) edges.push(q);
    }
  const format = (x: number) => formatSignificant(x, 6);
  const labels = edges.map((e, k) =>
    k === 0 ? `≤ ${format(e)}` : `(${format(edges[k - 1])}, ${format(e)}]`,
  );
  const top = edges.length > 0 ? `> ${format(edges[edges.length - 1])}` : "all";
  const out: (string | null)[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    if (valid[i] !== 1 || !Number.isFinite(values[i])) {
      out[i] = null;
      continue;
    }
    let k = 0;
    while (k < edges.length && values[i] > edges[k]) k++;
    out[i] = k < edges.length ? labels[k] : top;
  }
  return out;
}
