import type { SqlDialect } from "../dialect.js";
import type { ColumnInfo } from "../types.js";

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** An E'' literal would read backslashes; a plain one under standard_conforming_strings (on since 9.1) does not. */
function string(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function number(x: number): string {
  if (Number.isNaN(x)) return "'NaN'::double precision";
  if (x === Number.POSITIVE_INFINITY) return "'Infinity'::double precision";
  if (x === Number.NEGATIVE_INFINITY) return "'-Infinity'::double precision";
  return `${x}::double precision`;
}

function stringList(values: readonly string[]): string {
  return `ARRAY[${values.map(string).join(", ")}]::text[]`;
}

function batchValue(column: ColumnInfo): string {
  const c = ident(column.name);
  switch (column.type) {
    case "string":
      return `CAST(${c} AS text)`;
    case "boolean":
      // PostgreSQL has no boolean → double cast; through integer it is 1/0 as DuckDB's
      return `CAST(CAST(${c} AS integer) AS double precision)`;
    case "date":
    case "timestamp":
      // EXTRACT(EPOCH) of a timestamp without zone reads it as UTC, as DuckDB's epoch_ms does
      return `CAST(EXTRACT(EPOCH FROM CAST(${c} AS timestamp)) * 1000 AS double precision)`;
    default:
      return `CAST(${c} AS double precision)`;
  }
}

/** A window over a plain sequential scan numbers rows in heap order; PostgreSQL promises no other. */
function numbered(from: string): string {
  return `(SELECT CAST(row_number() OVER () - 1 AS double precision) AS __row, * FROM ${from})`;
}

function double(expr: string): string {
  return `CAST(${expr} AS double precision)`;
}

/** PostgreSQL orders NaN above every number and makes it equal to itself, so `= 'NaN'` finds it. */
function isNan(expr: string): string {
  return `(${expr} = 'NaN'::double precision)`;
}

function matches(expr: string, pattern: string): string {
  return `(${expr} ~ ${string(pattern)})`;
}

/** PostgreSQL (15): double-quoted identifiers, standard strings, `~` for regular expressions. */
export const postgresDialect: SqlDialect = {
  name: "postgres",
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
