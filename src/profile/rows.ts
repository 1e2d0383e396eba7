import { columnsOfRows } from "../table/row-columns.js";
import { batchFromRows, type ColumnInfo } from "../table/types.js";
import { profileBatches } from "./build.js";
import type { ProfileOptions } from "./column.js";
import type { TableProfile } from "./types.js";

export interface RowsProfileOptions extends ProfileOptions {
  /** The columns and their types (default: read from the values, see columnsOfRows). */
  columns?: ColumnInfo[];
  /** Shown in reports (default "rows"). */
  name?: string;
  /** What the rows were read from, for evidence (default: sha256 of the rows as JSON). */
  digest?: string;
  /** Rows per batch folded at a time (default 10 000). */
  batchRows?: number;
}

/**
 * The profile of plain JS rows with the stream engine, in the browser as in Node: the same profile
 * `assay profile --engine stream` makes of the same table, mergeable with any other.
 */
export async function profileRows(
  rows: readonly Record<string, unknown>[],
  options: RowsProfileOptions = {},
): Promise<TableProfile> {
  const columns = options.columns ?? columnsOfRows(rows);
  const step = Math.max(1, Math.floor(options.batchRows ?? 10_000));
  const batches = function* () {
    for (let at = 0; at < rows.length; at += step)
      yield batchFromRows(columns, rows.slice(at, at + step) as Record<string, unknown>[], at);
  };
  const digest = options.digest ?? (await rowsDigest(rows));
  return profileBatches(columns, batches(), { name: options.name ?? "rows", digest }, options);
}

/** sha256 (hex) of the rows as JSON (bigints as decimal text), with the Web Crypto every runtime has. */
async function rowsDigest(rows: readonly Record<string, unknown>[]): Promise<string> {
  const text = JSON.stringify(rows, (_, v) => (typeof v === "bigint" ? v.toString() : v));
  const hash = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, "0")).join("");
}
