/**
 * A column's partition of the rows into groups, so every group can be compared between the two models.
 * The groups are evaluate's slices (`columnPredicates`): text by value (the 30 most frequent, the rest
 * pooled as "(other)"), few distinct numbers by value, other numbers in quartile buckets, missing cells
 * a group of their own — the groups `assay evaluate --slices` and `--sensitive` report.
 */
import { bitsetRows, columnPredicates, predicateValue, } from "../evaluate/predicates.js";
export function columnPartition(column, kind, options = {}) {
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
