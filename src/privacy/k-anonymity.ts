/**
 * k-anonymity of a set of quasi-identifier columns (Sweeney 2002): rows are grouped by their values in
 * those columns (missing values form a group of their own); the table is k-anonymous for the smallest
 * group size k. `uniqueRows` are rows alone in their group — people singled out by the combination.
 */
export interface KAnonymity {
  columns: string[];
  rows: number;
  groups: number;
  /** The smallest group size (0 for an empty table). */
  k: number;
  uniqueRows: number;
  uniqueShare: number | null;
  /** Rows in groups smaller than `threshold`. */
  rowsBelowThreshold: number;
  threshold: number;
}

/**
 * From the distribution of group sizes of a GROUP BY over the quasi-identifiers: how many groups have
 * each size (so a million-group table is summarised in a few rows).
 */
export function kAnonymity(
  columns: string[],
  groupSizes: readonly { size: number; groups: number }[],
  threshold = 5,
): KAnonymity {
  let rows = 0;
  let groups = 0;
  let k = Number.POSITIVE_INFINITY;
  let uniqueRows = 0;
  let rowsBelowThreshold = 0;
  for (const { size, groups: count } of groupSizes) {
    if (count <= 0) continue;
    rows += size * count;
    groups += count;
    k = Math.min(k, size);
    if (size === 1) uniqueRows += count;
    if (size < threshold) rowsBelowThreshold += size * count;
  }
  return {
    columns,
    rows,
    groups,
    k: groups === 0 ? 0 : k,
    uniqueRows,
    uniqueShare: rows > 0 ? uniqueRows / rows : null,
    rowsBelowThreshold,
    threshold,
  };
}
