/**
 * Group keys for per-group coverage and Mondrian calibration. A group column must be categorical:
 * text, booleans, or numbers with at most MAX_NUMERIC_GROUPS distinct values. Cutting a continuous
 * column into bins is left to the user (a --sql CASE …), because Mondrian calibration needs the same
 * bins on both sides and a bin chosen on either side alone would move rows between groups.
 */
import type { Column } from "../table/types.js";
import { TrustError } from "./errors.js";

const MAX_NUMERIC_GROUPS = 20;

export function groupKeys(column: Column): string[] {
  const n = column.valid.length;
  const out: string[] = new Array(n);
  if (column.type === "string") {
    for (let i = 0; i < n; i++) out[i] = column.valid[i] ? (column.values[i] as string) : MISSING_GROUP;
    return out;
  }
  const distinct = new Set<number>();
  for (let i = 0; i < n; i++) {
    if (!column.valid[i]) {
      out[i] = MISSING_GROUP;
      continue;
    }
    const v = column.values[i];
    distinct.add(v);
    if (distinct.size > MAX_NUMERIC_GROUPS)
      throw new TrustError(
        `group column '${column.name}' has more than ${MAX_NUMERIC_GROUPS} distinct numbers; bucket it first (e.g. --calibration-sql "SELECT *, CASE WHEN age < 40 THEN 'under 40' ELSE '40+' END AS age_group FROM …")`,
      );
    out[i] = column.type === "boolean" ? (v === 1 ? "true" : "false") : String(v);
  }
  return out;
}

/** The group of rows whose group column is empty. */
export const MISSING_GROUP = "(missing)";

/** The Mondrian cell of each row: the groups of several columns joined ("sex=Female & race=Black"). */
export function cellKeys(columns: string[], keys: string[][]): string[] {
  if (keys.length === 1) return keys[0];
  const n = keys[0]?.length ?? 0;
  const out: string[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = columns.map((c, j) => `${c}=${keys[j][i]}`).join(" & ");
  return out;
}

/** Row indices of each distinct key, keys in code-point order. */
export function rowsByKey(keys: string[]): Map<string, Uint32Array> {
  const lists = new Map<string, number[]>();
  keys.forEach((k, i) => {
    let rows = lists.get(k);
    if (!rows) lists.set(k, (rows = []));
    rows.push(i);
  });
  return new Map([...lists.keys()].sort().map((k) => [k, Uint32Array.from(lists.get(k)!)]));
}
