/**
 * Turns columns into slice predicates ("sex = Female", "28 < age ≤ 37"), each with the bit set of
 * the rows it holds. Numeric columns with more than `maxDistinct` values are bucketed at their
 * quantiles (type 7; duplicate edges merged); missing cells get a predicate of their own.
 */
import { formatSignificant, formatValue } from "../report/format.js";
import { quantileSorted } from "../stats/quantile.js";
import { InputError } from "../table/errors.js";
import type { Batch, Column } from "../table/types.js";

export interface Predicate {
  column: string;
  /** Index of the column among the sliced columns (predicates on one column never combine). */
  columnIndex: number;
  label: string;
  rows: Uint32Array; // bit set, 32 rows per word
  size: number;
}

export interface PredicateOptions {
  /** Quantile buckets for numeric columns (default 4). */
  bins?: number;
  /** A numeric column with at most this many distinct values is sliced by value (default 10). */
  maxDistinct?: number;
  /** Text values beyond the most frequent `maxValues` are pooled into "other" (default 30). */
  maxValues?: number;
}

export function bitsetWords(n: number): number {
  return (n + 31) >>> 5;
}

export function popcount(bits: Uint32Array): number {
  let total = 0;
  for (let k = 0; k < bits.length; k++) {
    let v = bits[k];
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    total += (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
  }
  return total;
}

/** Row indices of a bit set. */
export function bitsetRows(bits: Uint32Array, size?: number): Uint32Array {
  const out = new Uint32Array(size ?? popcount(bits));
  let at = 0;
  for (let k = 0; k < bits.length; k++) {
    let v = bits[k];
    while (v !== 0) {
      const low = v & -v;
      out[at++] = k * 32 + (31 - Math.clz32(low));
      v ^= low;
    }
  }
  return out;
}

/**
 * The one slicer: the predicates of a column, each with the bit set of its rows. Every row is in exactly
 * one predicate of its column. `assay evaluate` (slices, fairness groups) and `assay compare` (groups and
 * slices) both cut rows with it, so the two commands name and count the same groups.
 */
export function columnPredicates(
  column: Column,
  n: number,
  columnIndex: number,
  options: PredicateOptions = {},
): Predicate[] {
  const words = bitsetWords(n);
  const groups = new Map<string, Uint32Array>();
  const add = (label: string, i: number) => {
    let bits = groups.get(label);
    if (!bits) groups.set(label, (bits = new Uint32Array(words)));
    bits[i >>> 5] |= 1 << (i & 31);
  };
  const name = column.name;
  if (column.type === "string") {
    const counts = new Map<string, number>();
    for (let i = 0; i < n; i++)
      if (column.valid[i]) counts.set(column.values[i]!, (counts.get(column.values[i]!) ?? 0) + 1);
    const kept = new Set(
      [...counts.entries()]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, options.maxValues ?? 30)
        .map(([v]) => v),
    );
    for (let i = 0; i < n; i++) {
      if (!column.valid[i]) add(`${name} is missing`, i);
      else {
        const v = column.values[i]!;
        add(kept.has(v) ? `${name} = ${v}` : `${name} = (other)`, i);
      }
    }
  } else {
    const present: number[] = [];
    for (let i = 0; i < n; i++)
      if (column.valid[i] && !Number.isNaN(column.values[i])) present.push(column.values[i]);
    const sorted = Float64Array.from(present).sort();
    const distinct = new Set(sorted).size;
    if (distinct <= (options.maxDistinct ?? 10)) {
      for (let i = 0; i < n; i++)
        if (!column.valid[i] || Number.isNaN(column.values[i])) add(`${name} is missing`, i);
        // a boolean reads as the file wrote it (true/false), not as its stored 0/1
        else
          add(
            `${name} = ${column.type === "boolean" ? formatValue(column.values[i], "boolean") : column.values[i]}`,
            i,
          );
    } else {
      const bins = options.bins ?? 4;
      const edges = [
        ...new Set(Array.from({ length: bins - 1 }, (_, k) => quantileSorted(sorted, (k + 1) / bins))),
      ].filter((e) => e < sorted[sorted.length - 1]);
      const label = (k: number) =>
        k === 0
          ? edges[0] === sorted[0]
            ? `${name} = ${fmt(edges[0])}` // the lowest bucket holds only the minimum (e.g. capital-gain = 0)
            : `${name} ≤ ${fmt(edges[0])}`
          : k === edges.length
            ? `${name} > ${fmt(edges[k - 1])}`
            : `${fmt(edges[k - 1])} < ${name} ≤ ${fmt(edges[k])}`;
      for (let i = 0; i < n; i++) {
        if (!column.valid[i] || Number.isNaN(column.values[i])) {
          add(`${name} is missing`, i);
          continue;
        }
        const v = column.values[i];
        let k = 0;
        while (k < edges.length && v > edges[k]) k++;
        add(edges.length === 0 ? `${name} = ${fmt(v)}` : label(k), i);
      }
    }
  }
  const out: Predicate[] = [];
  for (const [label, rows] of groups)
    out.push({ column: name, columnIndex, label, rows, size: popcount(rows) });
  return out.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

export function tablePredicates(
  table: Batch,
  columns: string[],
  options: PredicateOptions = {},
): Predicate[] {
  return columns.flatMap((name, k) => {
    const column = table.columns.find((c) => c.name === name);
    if (!column) throw new InputError(`no column '${name}'`);
    return columnPredicates(column, table.length, k, options);
  });
}

const fmt = (x: number) => formatSignificant(x, 4);

/** A group's name within its column: the value of "sex = Female" ("Female"), else the whole predicate. */
export function predicateValue(column: string, label: string): string {
  return label.startsWith(`${column} = `) ? label.slice(column.length + 3) : label;
}

/**
 * The group of each row for one column ("Female", "28 < age ≤ 37"): groups for fairness, with numeric
 * attributes bucketed exactly as slices are.
 */
export function rowGroups(column: Column, n: number, options: PredicateOptions = {}): string[] {
  const out: string[] = new Array(n);
  for (const p of columnPredicates(column, n, 0, options)) {
    const value = predicateValue(column.name, p.label);
    for (const row of bitsetRows(p.rows, p.size)) out[row] = value;
  }
  return out;
}
