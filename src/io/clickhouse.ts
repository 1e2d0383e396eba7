import { clickhouseDialect as dialect } from "../table/dialects/clickhouse.js";
import { InputError, oneLine } from "../table/errors.js";
import type { Row } from "../table/relation.js";
import type { Batch, ColumnInfo, ColumnType } from "../table/types.js";
import { isNumberType, lines, numberField, unescapeField } from "./clickhouse-tsv.js";
import { batchOfValues, batchTypeOf, type EngineRelation, restricted } from "./engine-relation.js";
import { digestOf, type TableSpec } from "./postgres.js";

const BATCH_ROWS = 10_000;

/**
 * A ClickHouse table as a Relation, over the HTTP interface with fetch (no driver). Every request
 * carries `readonly=1`, so the server refuses writes and setting changes whatever the SQL says.
 *
 * `clickhouse://user:password@host:8123/database` with `--table T`. When T is a Distributed table, each
 * shard scans and pre-aggregates its part and the server that was asked merges: the profile's GROUP BYs
 * run distributed. (`remote()` would do the same without a cluster in the server's config, but
 * ClickHouse forbids table functions in read-only mode, and read-only is not negotiable here.)
 *
 * ClickHouse 18.16 has no server-side query parameters, so the two literal values we send (the
 * database and table names, to look up the columns) are quoted by the dialect, whose escaping the
 * hostile-name tests exercise.
 */
export async function openClickHouse(url: string, spec: TableSpec): Promise<EngineRelation> {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "default";
  const endpoint = `http://${parsed.hostname}:${parsed.port || 8123}/`;
  const headers: Record<string, string> = { "content-type": "text/plain; charset=utf-8" };
  const user = decodeURIComponent(parsed.username) || "default";
  const password = decodeURIComponent(parsed.password);
  headers.authorization = `Basic ${btoa(`${user}:${password}`)}`;
  const name = spec.table;
  const where = `clickhouse://${parsed.hostname}:${parsed.port || 8123}/${database}`;

  const post = async (sql: string): Promise<Response> => {
    const params = new URLSearchParams({ readonly: "1", database });
    let response: Response;
    try {
      response = await fetch(`${endpoint}?${params}`, { method: "POST", headers, body: sql });
    } catch (error) {
      throw new InputError(`${where}: cannot connect (${oneLine(error)})`);
    }
    if (!response.ok) throw new InputError(`${name}: ${serverError(await response.text())}`);
    return response;
  };

  /** A result: its header, then rows of decoded fields. An error ClickHouse hits mid-stream arrives as a text line. */
  const results = async function* (
    sql: string,
  ): AsyncGenerator<{ names: string[]; types: string[] } | unknown[]> {
    const response = await post(`${sql}\nFORMAT TabSeparatedWithNamesAndTypes`);
    let names: string[] | null = null;
    let types: string[] | null = null;
    let readers: ((f: string) => unknown)[] = [];
    for await (const line of lines(response.body as AsyncIterable<Uint8Array>)) {
      const fields = line.split("\t");
      if (names === null) names = fields.map((f) => unescapeField(f) ?? "");
      else if (types === null) {
        types = fields;
        readers = types.map((t) => (isNumberType(t) ? numberField : unescapeField));
        yield { names, types };
      } else {
        if (fields.length !== names.length && /^Code: \d+/.test(line))
          throw new InputError(`${name}: ${serverError(line)}`);
        yield fields.map((f, i) => readers[i](f));
      }
    }
  };

  const query = async (sql: string): Promise<Row[]> => {
    const rows: Row[] = [];
    let names: string[] = [];
    for await (const item of results(sql)) {
      if (!Array.isArray(item)) names = item.names;
      else {
        const row: Row = {};
        names.forEach((n, i) => (row[n] = item[i]));
        rows.push(row);
      }
    }
    return rows;
  };

  const columnRows = await query(
    `SELECT name, type FROM system.columns WHERE database = ${dialect.string(database)} AND table = ${dialect.string(name)}`,
  );
  if (columnRows.length === 0) throw new InputError(`${where}: no table named '${name}'`);
  const columns: ColumnInfo[] = columnRows.map((r) => ({
    name: String(r.name),
    sourceType: String(r.type),
    type: columnTypeOf(String(r.type)),
  }));
  const table = `${dialect.ident(database)}.${dialect.ident(name)}`;
  const identity = `${where}/${name}`;

  const stream = async function* (sql: string, infos?: ColumnInfo[]): AsyncGenerator<Batch> {
    let kinds: ColumnInfo[] = infos ?? [];
    let rows: unknown[][] = [];
    let offset = 0;
    for await (const item of results(sql)) {
      if (!Array.isArray(item)) {
        if (!infos)
          kinds = item.names.map((n, i) => ({
            name: n,
            sourceType: item.types[i],
            type: batchTypeOf(isNumberType(item.types[i]) ? "number" : "text"),
          }));
        continue;
      }
      rows.push(item);
      if (rows.length === BATCH_ROWS) {
        yield batchOfValues(kinds, rows, offset);
        offset += rows.length;
        rows = [];
      }
    }
    if (rows.length > 0) yield batchOfValues(kinds, rows, offset);
  };

  const make = (predicates: string[]): EngineRelation => {
    const sql = restricted(table, predicates);
    return {
      name,
      columns,
      sql,
      dialect,
      // ClickHouse's primary key is a sort key, not unique: it cannot name one row
      primaryKey: [],
      query,
      stream: (text) => stream(text),
      batches: async function* (options = {}) {
        const wanted = options.columns
          ? options.columns.map((n) => {
              const c = columns.find((x) => x.name === n);
              if (!c) throw new InputError(`${name}: no column named '${n}'`);
              return c;
            })
          : columns;
        const select = wanted.map((c, i) => `${dialect.batchValue(c)} AS __c${i}`).join(", ");
        yield* stream(`SELECT ${select || "1"} FROM ${sql}`, wanted);
      },
      materialized: async () => sql,
      digest: async () => digestOf(identity, predicates),
      rowCount: async () =>
        (await query(`SELECT ${dialect.double("count()")} AS n FROM ${sql}`))[0].n as number,
      where: (predicate) => make([...predicates, predicate]),
      close: async () => {},
    };
  };
  return make(spec.where ? [spec.where] : []);
}

/** ClickHouse's `Code: 60, e.displayText() = DB::Exception: Table … doesn't exist, e.what() = …` → its message. */
function serverError(text: string): string {
  const m = /DB::Exception: (.*?)(, e\.what\(\)|$)/s.exec(text.trim());
  return oneLine(m ? m[1] : text.trim());
}

/** Maps a ClickHouse type (Nullable and LowCardinality unwrapped) to an Assay column type. */
function columnTypeOf(type: string): ColumnType {
  const t = type.replace(/^(Nullable|LowCardinality)\((.*)\)$/, "$2").replace(/^Nullable\((.*)\)$/, "$1");
  if (/^U?Int\d+$/.test(t)) return "integer";
  if (/^(Float\d+|Decimal)/.test(t)) return "float";
  if (t === "Date") return "date";
  if (t.startsWith("DateTime")) return "timestamp";
  return "string";
}
