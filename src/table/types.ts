/**
 * Columnar batches: the one in-memory shape of data that the browser-safe core consumes.
 *
 * Numeric-like columns (integer, float, boolean, date, timestamp) hold a Float64Array:
 * booleans are 0/1, dates and timestamps are milliseconds since the Unix epoch (UTC).
 * Integers beyond ±2^53 lose precision; that is stated in docs/formats.md.
 * String columns hold JS strings. `valid[i] === 1` when row i is present (not SQL NULL).
 */
export type ColumnType = "integer" | "float" | "boolean" | "string" | "date" | "timestamp";

export const COLUMN_TYPES: readonly ColumnType[] = [
  "integer",
  "float",
  "boolean",
  "string",
  "date",
  "timestamp",
];

export interface NumericColumn {
  name: string;
  type: Exclude<ColumnType, "string">;
  values: Float64Array;
  valid: Uint8Array;
}

export interface StringColumn {
  name: string;
  type: "string";
  values: (string | null)[];
  valid: Uint8Array;
}

export type Column = NumericColumn | StringColumn;

export interface ColumnInfo {
  name: string;
  type: ColumnType;
  /** The type as the storage engine named it (e.g. DuckDB's BIGINT), for messages. */
  sourceType: string;
}

export interface Batch {
  /** Number of rows in this batch. */
  length: number;
  /** 0-based row number, within the source, of the first row of this batch. */
  offset: number;
  columns: Column[];
}

/** Builds a batch from plain JS rows; used by tests, the server and the browser. */
export function batchFromRows(columns: ColumnInfo[], rows: Record<string, unknown>[], offset = 0): Batch {
  const out: Column[] = columns.map((info) => {
    const valid = new Uint8Array(rows.length);
    if (info.type === "string") {
      const values: (string | null)[] = new Array(rows.length);
      rows.forEach((row, i) => {
        const v = row[info.name];
        if (v === null || v === undefined) values[i] = null;
        else {
          values[i] = String(v);
          valid[i] = 1;
        }
      });
      return { name: info.name, type: "string", values, valid } satisfies StringColumn;
    }
    const values = new Float64Array(rows.length);
    rows.forEach((row, i) => {
      const v = toNumber(row[info.name], info.type);
      if (v !== null) {
        values[i] = v;
        valid[i] = 1;
      }
    });
    return { name: info.name, type: info.type, values, valid } satisfies NumericColumn;
  });
  return { length: rows.length, offset, columns: out };
}

function toNumber(v: unknown, type: ColumnType): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof Date) return v.getTime();
  if (typeof v === "string") {
    if (type === "date" || type === "timestamp") {
      const t = Date.parse(v);
      return Number.isNaN(t) ? null : t;
    }
    if (type === "boolean") return v === "true" ? 1 : v === "false" ? 0 : null;
    const t = v.trim();
    if (t === "") return null;
    const n = Number(t);
    return Number.isNaN(n) && t.toLowerCase() !== "nan" ? null : n;
  }
  return null;
}
