import { createHash } from "node:crypto";
import { createReadStream, existsSync, statSync } from "node:fs";
import { basename, extname, resolve } from "node:path";
import type { DuckDBConnection, DuckDBDataChunk } from "@duckdb/node-api";
import { duckdbDialect } from "../table/duckdb-dialect.js";
import { InputError, oneLine } from "../table/errors.js";
import type { Relation, Row } from "../table/relation.js";
import type { Batch, Column, ColumnInfo, ColumnType } from "../table/types.js";
import { keepBooleanWords } from "./csv-booleans.js";
import { duckdb, plainValue, queryRows, sandboxedDuckdb } from "./duckdb.js";
import { namedFiles, singleSelect } from "./user-sql.js";

/** Where data comes from: a file, or a DuckDB SQL query over files. */
export interface SourceSpec {
  path?: string;
  sql?: string;
  /** Parquet only: expose `file_row_number` to `where` filters (for splitting a file across workers). */
  rowNumbers?: boolean;
}

/**
 * A file or a query over files, opened in the process's DuckDB: the core's Relation, plus what only the
 * edge uses — the connection, and a row filter for batches (how the profile workers split a file).
 */
export interface DuckDBRelation extends Relation {
  readonly conn: DuckDBConnection;
  batches(options?: { columns?: string[]; where?: string }): AsyncGenerator<Batch>;
}

export const FILE_EXTENSIONS = [
  ".csv",
  ".tsv",
  ".parquet",
  ".json",
  ".ndjson",
  ".jsonl",
  ".arrow",
  ".feather",
  ".ipc",
];

export async function openSource(spec: SourceSpec): Promise<DuckDBRelation> {
  return (await openSources([spec]))[0];
}

/**
 * Opens sources that a command reads together. Without SQL they share the process's DuckDB. With a
 * user query among them, all of them open on one sandboxed DuckDB (a session can then read both sides,
 * as drift and skew do) that may read only the files the queries name and the files given as paths.
 */
export async function openSources(
  specs: SourceSpec[],
  options: { sandbox?: boolean } = {},
): Promise<DuckDBRelation[]> {
  const queries = specs.filter((s) => s.sql !== undefined);
  // a connection per relation (one connection streams one result at a time), on one engine
  let connect: () => Promise<DuckDBConnection> = duckdb;
  // sandbox: the SQL of a contract's rules runs too, so the engine may read only these files
  if (queries.length > 0 || options.sandbox) {
    const paths: string[] = [];
    const directories: string[] = [];
    for (const q of queries) {
      const access = namedFiles(q.sql!);
      paths.push(...access.paths);
      directories.push(...access.directories);
    }
    for (const s of specs) if (s.path !== undefined) paths.push(resolve(s.path));
    connect = await sandboxedDuckdb({ paths, directories });
  }
  const out: DuckDBRelation[] = [];
  for (const spec of specs) out.push(await openOn(await connect(), spec));
  return out;
}

async function openOn(conn: DuckDBConnection, spec: SourceSpec): Promise<DuckDBRelation> {
  let sql: string;
  let name: string;
  let digest: () => Promise<string>;
  if (spec.sql !== undefined) {
    if (spec.sql.trim() === "") throw new InputError("--sql is empty");
    // a newline before the parenthesis, so a trailing -- comment cannot swallow it
    sql = `(${await singleSelect(conn, spec.sql)}\n)`;
    name = "sql";
    const text = spec.sql;
    digest = async () => createHash("sha256").update(text).digest("hex");
  } else if (spec.path !== undefined) {
    const path = spec.path;
    checkFile(path);
    name = basename(path);
    sql = await guard(name, fileRelation(conn, path, spec.rowNumbers === true));
    digest = memo(() => fileDigest(path));
  } else {
    throw new InputError("no data source given: pass a file path or --sql");
  }
  const columns = (await describe(conn, sql, name)).filter(
    (c) => !(spec.rowNumbers && c.name === "file_row_number"),
  );
  const query = (text: string): Promise<Row[]> => guard(name, queryRows(conn, text));
  const stream = (text: string, infos?: ColumnInfo[]) => streamBatches(conn, name, text, infos);
  return {
    name,
    columns,
    sql,
    dialect: duckdbDialect,
    conn,
    query,
    stream: (text) => stream(text),
    batches: async function* (options = {}) {
      const wanted = options.columns ? options.columns.map((n) => findColumn(columns, n, name)) : columns;
      const select = wanted.map(duckdbDialect.batchValue).join(", ");
      const where = options.where ? ` WHERE ${options.where}` : "";
      yield* stream(`SELECT ${select || "1"} FROM ${sql}${where}`, wanted);
    },
    materialized: memo(async () => {
      if (!TEXT_FORMAT.test(sql)) return sql;
      // a regular (not TEMP) table, so every connection of the instance sees it
      const table = `assay_table_${Math.random().toString(36).slice(2, 10)}`;
      await query(`CREATE TABLE ${table} AS SELECT * FROM ${sql}`);
      return table;
    }),
    digest,
    rowCount: memo(async () => {
      const rows = await query(`SELECT count(*)::DOUBLE AS n FROM ${sql}`);
      return rows[0].n as number;
    }),
  };
}

/**
 * Text formats (files, or queries over them) are parsed again on every scan: a stage that scans once
 * per column asks for them copied into a table. Parquet and Arrow are scanned directly, which DuckDB
 * does faster than copying them.
 */
const TEXT_FORMAT = /read_(csv|json)|\.(csv|tsv|json|ndjson|jsonl)\b/i;

function checkFile(path: string): void {
  if (!existsSync(path)) throw new InputError(`${path}: no such file`);
  const stat = statSync(path);
  if (stat.isDirectory()) throw new InputError(`${path}: is a directory, expected a data file`);
  const ext = extname(path).toLowerCase();
  if (!FILE_EXTENSIONS.includes(ext))
    throw new InputError(
      `${path}: unknown file type '${ext || "(none)"}'; expected one of ${FILE_EXTENSIONS.join(" ")}`,
    );
  if (stat.size === 0) throw new InputError(`${path}: the file is empty`);
}

/** Files below this size have their column types sniffed from every row, so a late odd value cannot break the read. */
const FULL_SNIFF_BYTES = 100 * 1024 * 1024;

async function fileRelation(conn: DuckDBConnection, path: string, rowNumbers: boolean): Promise<string> {
  const p = duckdbDialect.string(path);
  const sample = statSync(path).size < FULL_SNIFF_BYTES ? -1 : 20480;
  const csv = `header = true, quote = '"', strict_mode = true, sample_size = ${sample}`;
  switch (extname(path).toLowerCase()) {
    case ".csv":
      return keepBooleanWords(conn, (types) => `read_csv(${p}, delim = ',', ${csv}${types})`);
    case ".tsv":
      return keepBooleanWords(conn, (types) => `read_csv(${p}, delim = '\t', ${csv}${types})`);
    case ".parquet":
      return rowNumbers ? `read_parquet(${p}, file_row_number = true)` : `read_parquet(${p})`;
    case ".json":
      return `read_json(${p}, format = 'auto', sample_size = ${sample})`;
    case ".ndjson":
    case ".jsonl":
      return `read_json(${p}, format = 'newline_delimited', sample_size = ${sample})`;
    default: {
      // apache-arrow is loaded only for Arrow files: it costs a quarter of a second at start-up
      const { loadArrowFile } = await import("./arrow.js");
      return loadArrowFile(conn, path);
    }
  }
}

/** Maps a DuckDB type name to an Assay column type. */
function columnTypeOf(duckType: string): ColumnType {
  const t = duckType.toUpperCase();
  if (t === "BOOLEAN") return "boolean";
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/.test(t))
    return "integer";
  if (/^(FLOAT|DOUBLE|REAL)$/.test(t) || t.startsWith("DECIMAL")) return "float";
  if (t === "DATE") return "date";
  if (t.startsWith("TIMESTAMP")) return "timestamp";
  return "string";
}

async function describe(conn: DuckDBConnection, relation: string, name: string): Promise<ColumnInfo[]> {
  const rows = await guard(name, queryRows(conn, `DESCRIBE SELECT * FROM ${relation}`));
  if (rows.length === 0) throw new InputError(`${name}: no columns found`);
  return rows.map((r) => ({
    name: String(r.column_name),
    sourceType: String(r.column_type),
    type: columnTypeOf(String(r.column_type)),
  }));
}

/** Streams a query's result as batches; `infos` names the columns' types (else they follow the result's). */
async function* streamBatches(
  conn: DuckDBConnection,
  name: string,
  sql: string,
  infos?: ColumnInfo[],
): AsyncGenerator<Batch> {
  const result = await guard(name, conn.stream(sql));
  const columns =
    infos ??
    result.columnNames().map((column, i) => {
      const sourceType = result.columnType(i).toString();
      return { name: column, type: columnTypeOf(sourceType), sourceType };
    });
  let offset = 0;
  for (;;) {
    const chunk = await guard(name, result.fetchChunk());
    if (!chunk || chunk.rowCount === 0) break;
    yield chunkToBatch(chunk, columns, offset);
    offset += chunk.rowCount;
  }
}

function findColumn(all: ColumnInfo[], wanted: string, source: string): ColumnInfo {
  const found = all.find((c) => c.name === wanted);
  if (!found)
    throw new InputError(
      `${source}: no column named '${wanted}' (columns: ${all.map((c) => c.name).join(", ")})`,
    );
  return found;
}

function chunkToBatch(chunk: DuckDBDataChunk, columns: ColumnInfo[], offset: number): Batch {
  const length = chunk.rowCount;
  const out: Column[] = columns.map((info, index) => {
    const vector = chunk.getColumnVector(index) as unknown as {
      getItem(i: number): unknown;
      items?: Float64Array;
      validity: { itemValid(i: number): boolean };
    };
    const valid = new Uint8Array(length);
    for (let i = 0; i < length; i++) valid[i] = vector.validity.itemValid(i) ? 1 : 0;
    if (info.type === "string") {
      const values: (string | null)[] = new Array(length);
      for (let i = 0; i < length; i++) values[i] = valid[i] ? (vector.getItem(i) as string) : null;
      return { name: info.name, type: "string", values, valid };
    }
    let values: Float64Array;
    if (vector.items instanceof Float64Array && vector.items.length === length) values = vector.items.slice();
    else {
      values = new Float64Array(length);
      for (let i = 0; i < length; i++) values[i] = valid[i] ? Number(plainValue(vector.getItem(i))) : 0;
    }
    return { name: info.name, type: info.type, values, valid };
  });
  return { length, offset, columns: out };
}

/** Turns DuckDB's multi-line errors into a one-line InputError naming the source. */
export async function guard<T>(name: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${name}: ${explain(oneLine(error))}`);
  }
}

function memo<T>(fn: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | null = null;
  return () => (cached ??= fn());
}

async function fileDigest(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Rewrites DuckDB's reader errors into what a person can act on. */
function explain(message: string): string {
  if (message.includes("Error when sniffing file"))
    return "not a well-formed delimited text file: rows have different numbers of fields, a quote is not closed, or the bytes are not text";
  const late = /CSV Error on Line: (\d+)/.exec(message);
  if (late && message.startsWith("Conversion Error"))
    return `line ${late[1]} does not fit the column types guessed from the rows before it (${message.split(" — ").slice(1).join(" ")}); convert the file to Parquet or fix that line`;
  return message;
}
