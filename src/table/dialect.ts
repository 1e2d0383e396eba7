import type { ColumnInfo } from "./types.js";

/**
 * What differs between SQL engines in the text the core writes: how names and values are quoted, how a
 * column becomes what a Batch holds, how rows are numbered. A Relation carries its engine's dialect, so
 * a stage that writes SQL asks `relation.dialect` and never spells quoting itself; an engine at the edge
 * (io/) pairs a dialect with a driver. The dialects are text only, so they live here, below every stage.
 *
 * The queries themselves still use DuckDB's functions (count(*) FILTER, regexp_matches, hash) except where
 * a method below spells them; an engine that lacks one adds a method here for it. One file per engine:
 * `duckdb-dialect.ts` (the embedded default) and `dialects/` (PostgreSQL, ClickHouse, and the generated
 * SQL for Trino, Spark SQL, BigQuery and Snowflake).
 */
export interface SqlDialect {
  readonly name: string;
  /** A quoted identifier: `a"b` → `"a""b"`. */
  ident(name: string): string;
  /** A quoted string literal. */
  string(text: string): string;
  /** A DOUBLE literal; NaN and ±∞ included. */
  number(x: number): string;
  /** A literal list of strings. */
  stringList(values: readonly string[]): string;
  /** The expression turning a column into what a Batch holds: DOUBLE (dates, timestamps as epoch ms) or text. */
  batchValue(column: ColumnInfo): string;
  /** The relation with a 0-based row number `__row` in scan order. */
  numbered(from: string): string;
  /** An expression as a DOUBLE: `count(*)` and sums come back as numbers on every driver. */
  double(expr: string): string;
  /** True where a DOUBLE expression is NaN. */
  isNan(expr: string): string;
  /** True where a text expression matches a regular expression (the PATTERNS subset: classes, anchors, groups). */
  matches(expr: string, pattern: string): string;
}
