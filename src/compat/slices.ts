/**
 * A column's partition of the rows into groups, so every group can be compared between the two models.
 * The groups are evaluate's slices (`columnPredicates`): text by value (the 30 most frequent, the rest
 * pooled as "(other)"), few distinct numbers by value, other numbers in quartile buckets, missing cells
 * a group of their own — the groups `assay evaluate --slices` and `--sensitive` report.
 */
import {
  bitsetRows,
  columnPredicates,
  type PredicateOptions,
  predicateValue,
} from "../evaluate/predicates.js";
import type { Column } from "../table/types.js";

/** One column's partition of the rows: each group's name, its slice predicate and its row indices. */
export interface Partition {
  column: string;
  kind: "sensitive" | "slice";
  groups: {
    /** The group within its column: "Female", "28 < age ≤ 37". */
    value: string;
    /** The slice predicate, as `assay evaluate` names slices: "sex = Female", "28 < age ≤ 37". */
    slice: string;
    rows: Uint32Array;
  }[];
}

export function columnPartition(
  column: Column,
  kind: Partition["kind"],
  options: PredicateOptions = {},
): Partition {
  const predicates = columnPredicates(column, column.valid.length, 0, options);
  return {
    column: column.name,
    kind,
    groups: predicates.map((p) => ({
      value: predicateValue(column.name, p.label),
      slice: p.label,
      rows: bitsetRows(p.rows, p.size),
    })),
  };
}
