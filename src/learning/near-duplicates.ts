/**
 * Groups of features that are near-duplicates of each other: each a data dependency that another one
 * already covers. Two features are linked when, over the rows where both are present,
 *  - both numeric and |Spearman ρ| ≥ `correlation` (default 0.95; monotone copies, unit changes), or
 *  - their normalised mutual information ≥ `information` (default 0.9; lint/mutual-information.ts,
 *    arithmetic-mean normalisation) — what links a text column to its numeric code (adult's
 *    education and education-num) or two spellings of one category.
 * For the information, a numeric feature with at most 32 distinct values is used as categories and
 * one with more is cut at its deciles; a missing cell is a category of its own. Groups are the
 * connected components of the links; only groups of two or more are returned, each with its links.
 */
import { normalizedMutualInformation } from "../lint/mutual-information.js";
import { findColumn } from "../model/features.js";
import { quantileSorted } from "../stats/quantile.js";
import { spearman } from "../stats/spearman.js";
import type { Batch, Column } from "../table/types.js";

export interface DuplicateLink {
  a: string;
  b: string;
  /** Spearman's ρ (numeric pairs; null otherwise or when a side is constant). */
  spearman: number | null;
  normalizedMutualInformation: number | null;
  rows: number;
}

export interface DuplicateGroup {
  features: string[];
  links: DuplicateLink[];
}

export interface NearDuplicateOptions {
  correlation?: number;
  information?: number;
}

const MAX_CATEGORIES = 32;

export function nearDuplicateGroups(
  rows: Batch,
  features: string[],
  options: NearDuplicateOptions = {},
): DuplicateGroup[] {
  const correlation = options.correlation ?? 0.95;
  const information = options.information ?? 0.9;
  const columns = features.map((f) => findColumn(rows, f));
  const codes = columns.map(categoryCodes);
  const parent = features.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  const links: DuplicateLink[] = [];
  for (let i = 0; i < columns.length; i++)
    for (let j = i + 1; j < columns.length; j++) {
      const link = compare(columns[i], columns[j], codes[i], codes[j]);
      const close =
        (link.spearman !== null && Math.abs(link.spearman) >= correlation) ||
        (link.normalizedMutualInformation !== null && link.normalizedMutualInformation >= information);
      if (!close) continue;
      links.push(link);
      parent[root(i)] = root(j);
    }
  const groups = new Map<number, string[]>();
  features.forEach((f, i) => {
    const r = root(i);
    groups.set(r, [...(groups.get(r) ?? []), f]);
  });
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => ({ features: g, links: links.filter((l) => g.includes(l.a)) }));
}

function compare(x: Column, y: Column, cx: Int32Array, cy: Int32Array): DuplicateLink {
  const n = x.valid.length;
  let rho: number | null = null;
  let both = 0;
  if (x.type !== "string" && y.type !== "string") {
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < n; i++)
      if (x.valid[i] && y.valid[i] && Number.isFinite(x.values[i]) && Number.isFinite(y.values[i])) {
        a.push(x.values[i]);
        b.push(y.values[i]);
      }
    both = a.length;
    const r = spearman(a, b);
    rho = Number.isFinite(r) ? r : null;
  }
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const key = `${cx[i]}|${cy[i]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const cells = [...counts].map(([key, count]) => {
    const bar = key.indexOf("|");
    return { x: key.slice(0, bar), y: key.slice(bar + 1), n: count };
  });
  return {
    a: x.name,
    b: y.name,
    spearman: rho,
    normalizedMutualInformation: normalizedMutualInformation(cells),
    rows: rho === null ? n : both,
  };
}

/** Each row's category: text values and few-valued numbers as themselves, many-valued numbers by decile; −1 missing. */
function categoryCodes(column: Column): Int32Array {
  const n = column.valid.length;
  const codes = new Int32Array(n).fill(-1);
  const ids = new Map<string | number, number>();
  if (column.type === "string") {
    for (let i = 0; i < n; i++) {
      const v = column.values[i];
      if (!column.valid[i] || v === null) continue;
      if (!ids.has(v)) ids.set(v, ids.size);
      codes[i] = ids.get(v)!;
    }
    return codes;
  }
  const finite: number[] = [];
  for (let i = 0; i < n; i++)
    if (column.valid[i] && Number.isFinite(column.values[i])) finite.push(column.values[i]);
  const distinct = new Set(finite);
  if (distinct.size <= MAX_CATEGORIES) {
    for (let i = 0; i < n; i++) {
      const v = column.values[i];
      if (!column.valid[i] || !Number.isFinite(v)) continue;
      if (!ids.has(v)) ids.set(v, ids.size);
      codes[i] = ids.get(v)!;
    }
    return codes;
  }
  const sorted = Float64Array.from(finite).sort();
  const edges = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => quantileSorted(sorted, k / 10));
  for (let i = 0; i < n; i++) {
    const v = column.values[i];
    if (!column.valid[i] || !Number.isFinite(v)) continue;
    let bin = 0;
    while (bin < edges.length && v > edges[bin]) bin++;
    codes[i] = bin;
  }
  return codes;
}
