import type { SqlDialect } from "./dialect.js";
import type { Batch, ColumnInfo } from "./types.js";

/**
 * A row of a query result as plain JS: numbers (64-bit integers as numbers), strings, booleans, null;
 * dates and timestamps as epoch milliseconds.
 */
export type Row = Record<string, unknown>;

/** Runs one SQL statement and returns its rows. */
export type QueryFn = (sql: string) => Promise<Row[]>;

/**
 * A table as the core sees it, whatever engine holds it: its columns, SQL over it, its rows in batches,
 * and what a report says about it (name, digest, row count). io/ implements it for DuckDB (files and
 * queries over them); a PostgreSQL or ClickHouse relation implements the same methods with its own
 * dialect. The core never sees a connection or a driver, so it runs wherever a Relation can be given.
 *
 * Errors the engine raises (a malformed file, a bad query) come back as InputErrors naming the relation.
 */
export interface Relation {
  /** Shown in messages and in a report's inputs (a file name, "sql", a table name). */
  readonly name: string;
  readonly columns: ColumnInfo[];
  /** The relation as a FROM-able expression in its dialect (a table, a table function, a subquery). */
  readonly sql: string;
  readonly dialect: SqlDialect;
  /** Runs one statement in the relation's engine (it may name `sql`); statements run in order on one session. */
  query(sql: string): Promise<Row[]>;
  /** Runs a query and yields its result in batches: for results too long to hold as rows. */
  stream(sql: string): AsyncGenerator<Batch>;
  /** The relation's rows in order, in batches holding the given columns (all by default). */
  batches(options?: { columns?: string[] }): AsyncGenerator<Batch>;
  /**
   * A FROM-able name that is cheap to scan many times: an engine copies a relation that is costly to
   * re-read (a CSV file is parsed on every scan) into a table once; others return `sql`.
   */
  materialized(): Promise<string>;
  /** sha256 of what the relation was read from: a file's bytes, a query's text. */
  digest(): Promise<string>;
  rowCount(): Promise<number>;
}
