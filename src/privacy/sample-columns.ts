import { duckdbDialect } from "../table/duckdb-dialect.js";
import type { QueryFn } from "../table/relation.js";
import type { ColumnInfo } from "../table/types.js";
import { detectPersonalColumn, type PersonalColumn } from "./detect.js";

/** Values read per column to judge it: the first ones by row (a share within ± 3 points at 95%). */
export const PERSONAL_SAMPLE = 1000;

/**
 * The columns of a relation that hold personal data, each judged on its first `PERSONAL_SAMPLE` present
 * values read as text (one small query per column, which stops reading after them — no row numbering,
 * DuckDB keeps file order; floats and booleans are never personal).
 */
export async function findPersonalColumns(
  relation: string,
  columns: ColumnInfo[],
  query: QueryFn,
  maxExamples: number,
): Promise<PersonalColumn[]> {
  const found: PersonalColumn[] = [];
  for (const info of columns) {
    if (info.type === "boolean" || info.type === "float") continue;
    const c = duckdbDialect.ident(info.name);
    const rows = await query(
      `SELECT CAST(${c} AS VARCHAR) AS v FROM ${relation} WHERE ${c} IS NOT NULL LIMIT ${PERSONAL_SAMPLE}`,
    );
    const detected = detectPersonalColumn(
      info.name,
      rows.map((r) => r.v),
      { maxExamples },
    );
    if (detected) found.push(detected);
  }
  return found;
}
