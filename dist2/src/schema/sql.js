/**
 * The checks (validate, lint) write DuckDB SQL: these are the DuckDB dialect's helpers under the names
 * the checks use (one implementation, table/duckdb-dialect.ts). Browser-safe: no driver import.
 */
import { duckdbDialect } from "../table/duckdb-dialect.js";
export const sqlIdent = duckdbDialect.ident;
export const sqlString = duckdbDialect.string;
export const sqlNumber = duckdbDialect.number;
export const sqlStringList = duckdbDialect.stringList;
/** The relation with a 0-based row number (DuckDB keeps file order for a streaming window). */
export const numbered = duckdbDialect.numbered;
