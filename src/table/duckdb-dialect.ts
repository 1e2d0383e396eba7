import type { SqlDialect } from "./dialect.js";
import type { ColumnInfo } from "./types.js";

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function string(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function number(x: number): string {
  if (Number.isNaN(x)) return "'nan'::DOUBLE";
  if (x === Number.POSITIVE_INFINITY) return "'inf'::DOUBLE";
  if (x === Number.NEGATIVE_INFINITY) return "'-inf'::DOUBLE";
  return `${x}::DOUBLE`;
}

function stringList(values: readonly string[]): string {
  return `[${values.map(string).join(", ")}]::VARCHAR[]`;
}

function batchValue(column: ColumnInfo): string {
  const c = ident(column.name);
  switch (column.type) {
    case "string":
      return `CAST(${c} AS VARCHAR)`;
    case "date":
    case "timestamp":
      return `CAST(epoch_ms(CAST(${c} AS TIMESTAMP)) AS DOUBLE)`;
    default:
      return `CAST(${c} AS DOUBLE)`;
  }
}

/** DuckDB keeps file order for a window over a plain scan, so row_number() OVER () numbers rows as stored. */
function numbered(from: string): string {
  return `(SELECT (row_number() OVER () - 1)::DOUBLE AS __row, * FROM ${from})`;
}

function double(expr: string): string {
  return `CAST(${expr} AS DOUBLE)`;
}

function isNan(expr: string): string {
  return `isnan(${expr})`;
}

function matches(expr: string, pattern: string): string {
  return `regexp_matches(${expr}, ${string(pattern)})`;
}

/** DuckDB's SQL text: the one implementation of identifier and literal quoting in Assay. */
export const duckdbDialect: SqlDialect = {
  name: "duckdb",
  ident,
  string,
  number,
  stringList,
  batchValue,
  numbered,
  double,
  isNan,
  matches,
};
