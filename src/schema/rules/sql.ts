import type { SqlDialect } from "../../table/dialect.js";
import { duckdbDialect } from "../../table/duckdb-dialect.js";
import type { ColumnInfo } from "../../table/types.js";

/**
 * The SQL a rule compiles to, in one place so another engine can run the rules: quoting and row numbers
 * come from the dialect; the functions below are the only engine-specific text. DuckDB and PostgreSQL
 * spell them here (PostgreSQL tested against a real server, test/schema/rules-postgres.test.ts);
 * ClickHouse would write `match(v, '^(?:p)$')`, `toUnixTimestamp64Milli(max(…))`, `uniqExactIf(…)` and
 * `countIf`. Everything else — `count(*) FILTER`, `(a, b) NOT IN (SELECT …)`, `coalesce` — is standard.
 */
export interface RuleSql {
  dialect: SqlDialect;
  /** A number as a double, as every driver returns it. */
  double(expr: string): string;
  /** True where a text value matches the pattern in full. */
  fullMatch(value: string, pattern: string): string;
  /** The newest value of a date/timestamp (or text holding them) column, as epoch milliseconds. */
  newestMillis(column: string): string;
  /** The number of distinct tuples of the expressions among the rows where `where` holds. */
  distinctTuples(exprs: string[], where: string): string;
}

export const duckdbRuleSql: RuleSql = {
  dialect: duckdbDialect,
  double: (expr) => `CAST(${expr} AS DOUBLE)`,
  fullMatch: (value, pattern) =>
    `regexp_full_match(CAST(${value} AS VARCHAR), ${duckdbDialect.string(pattern)})`,
  newestMillis: (column) => `CAST(epoch_ms(max(TRY_CAST(${column} AS TIMESTAMP))) AS DOUBLE)`,
  distinctTuples: (exprs, where) =>
    `CAST(count(DISTINCT (${exprs.join(", ")})) FILTER (WHERE ${where}) AS DOUBLE)`,
};

/**
 * PostgreSQL's spelling, over its dialect (quoting as DuckDB's; row numbers by its own window): POSIX
 * regular expressions anchored for a full match, a timestamp cast that — unlike DuckDB's TRY_CAST —
 * raises on text that is no timestamp, and row-valued DISTINCT.
 */
export function postgresRuleSql(dialect: SqlDialect): RuleSql {
  return {
    dialect,
    double: (expr) => `CAST(${expr} AS DOUBLE PRECISION)`,
    fullMatch: (value, pattern) => `(CAST(${value} AS TEXT) ~ ${dialect.string(`^(?:${pattern})$`)})`,
    newestMillis: (column) =>
      `CAST(extract(epoch FROM max(CAST(${column} AS TIMESTAMP))) * 1000 AS DOUBLE PRECISION)`,
    distinctTuples: (exprs, where) =>
      `CAST(count(DISTINCT (${exprs.join(", ")})) FILTER (WHERE ${where}) AS DOUBLE PRECISION)`,
  };
}

/** Every column of the tuple is present: a key with a NULL in it is no key (SQL's UNIQUE and FOREIGN KEY agree). */
export function allPresent(columns: string[], ident: (name: string) => string): string {
  return columns.map((c) => `${ident(c)} IS NOT NULL`).join(" AND ");
}

/**
 * A key of the batch compared with a key of another table: where the stored types differ (an integer id
 * against a text one), both sides are compared as text rather than trusting an implicit cast.
 */
export function keyPair(
  left: ColumnInfo | undefined,
  right: ColumnInfo | undefined,
  ident: (name: string) => string,
): { left: string; right: string } {
  const l = left ? ident(left.name) : "NULL";
  const r = right ? ident(right.name) : "NULL";
  if (left && right && left.type !== right.type)
    return { left: `CAST(${l} AS VARCHAR)`, right: `CAST(${r} AS VARCHAR)` };
  return { left: l, right: r };
}
