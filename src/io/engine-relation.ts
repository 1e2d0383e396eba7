import type { Relation } from "../table/relation.js";
import type { Batch, Column, ColumnInfo, ColumnType } from "../table/types.js";

/**
 * A Relation held by a database server (PostgreSQL, ClickHouse): the core's interface, plus what only the
 * edge needs — the connection to close, and the table's primary key for naming offending rows.
 */
export interface EngineRelation extends Relation {
  /** The primary key's columns in key order; empty when the table has none. */
  readonly primaryKey: string[];
  /** The same table restricted to rows where `predicate` (SQL in the engine's dialect) holds, on this connection. */
  where(predicate: string): EngineRelation;
  close(): Promise<void>;
}

/** What a row filter adds to a table reference: `--where` given by the user, ANDed with a partition's. */
export function restricted(table: string, predicates: readonly string[]): string {
  if (predicates.length === 0) return table;
  // a newline before each closing parenthesis, so a trailing -- comment cannot swallow it
  return `(SELECT * FROM ${table} WHERE ${predicates.map((p) => `(${p}\n)`).join(" AND ")}) AS __source`;
}

/** A result column's values as a Batch holds them: numbers (doubles) or text. */
export function batchTypeOf(kind: "number" | "text"): ColumnType {
  return kind === "number" ? "float" : "string";
}

/**
 * Result rows (arrays, by position) as a Batch of the given columns. The queries cast every numeric
 * column to a double and every other to text (dialect.batchValue), so a value is a number, a string or null.
 */
export function batchOfValues(columns: ColumnInfo[], rows: readonly unknown[][], offset: number): Batch {
  const length = rows.length;
  const out: Column[] = columns.map((info, index) => {
    const valid = new Uint8Array(length);
    if (info.type === "string") {
      const values: (string | null)[] = new Array(length);
      for (let r = 0; r < length; r++) {
        const v = rows[r][index];
        values[r] = v === null || v === undefined ? null : String(v);
        if (values[r] !== null) valid[r] = 1;
      }
      return { name: info.name, type: "string", values, valid };
    }
    const values = new Float64Array(length);
    for (let r = 0; r < length; r++) {
      const v = rows[r][index];
      if (v === null || v === undefined) continue;
      values[r] = Number(v);
      valid[r] = 1;
    }
    return { name: info.name, type: info.type, values, valid };
  });
  return { length, offset, columns: out };
}
