import { createHash } from "node:crypto";
import pg from "pg";
import { postgresDialect as dialect } from "../table/dialects/postgres.js";
import { InputError, oneLine } from "../table/errors.js";
import type { Row } from "../table/relation.js";
import type { Batch, ColumnInfo, ColumnType } from "../table/types.js";
import { batchOfValues, batchTypeOf, type EngineRelation, restricted } from "./engine-relation.js";

/** Rows fetched per round trip from a cursor: a batch is this long, so memory stays flat in the table size. */
const FETCH_ROWS = 10_000;

/** PostgreSQL type OIDs the driver would hand back as strings (int8, numeric) read as numbers instead. */
const NUMBER_OIDS = [20, 1700];
const DOUBLE_OIDS = new Set([20, 21, 23, 700, 701, 1700, 16]);

export interface TableSpec {
  table: string;
  /** `--where`: a predicate in the engine's SQL, run on a read-only connection. */
  where?: string;
}

/**
 * A PostgreSQL table as a Relation. The session is read-only (`default_transaction_read_only`), so no
 * statement the core or a `--where` sends can write; the table is found by a parametrised catalogue
 * query and quoted as an identifier, so its name may hold quotes, spaces or SQL. Results longer than a
 * batch stream through a cursor.
 */
export async function openPostgres(url: string, spec: TableSpec): Promise<EngineRelation> {
  const parsed = new URL(url);
  const schemaName = parsed.searchParams.get("schema");
  parsed.searchParams.delete("schema");
  const client = new pg.Client({
    connectionString: parsed.toString(),
    options: "-c default_transaction_read_only=on",
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        NUMBER_OIDS.includes(oid)
          ? Number
          : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
    },
  });
  const where = `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  try {
    await client.connect();
  } catch (error) {
    throw new InputError(`postgres://${where}: cannot connect (${oneLine(error)})`);
  }
  client.on("error", () => {}); // a dropped connection surfaces on the next query
  const name = spec.table;
  const run = async (text: string, values: unknown[] = []) => {
    try {
      return await client.query({ text, values, rowMode: "array", queryMode: "extended" } as pg.QueryConfig);
    } catch (error) {
      throw new InputError(`${name}: ${oneLine(error)}`);
    }
  };
  const found = await run(
    `SELECT n.nspname, a.attname, format_type(a.atttypid, a.atttypmod), t.typname,
            COALESCE(array_position(i.indkey::int2[], a.attnum) + 1, 0)
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       JOIN pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
      WHERE c.relname = $1 AND n.nspname = COALESCE($2, current_schema()) AND c.relkind IN ('r', 'v', 'm', 'p', 'f')
      ORDER BY a.attnum`,
    [name, schemaName],
  );
  if (found.rows.length === 0) {
    await client.end();
    throw new InputError(
      `postgres://${where}: no table named '${name}'${schemaName ? ` in schema '${schemaName}'` : ""}`,
    );
  }
  const schema = String(found.rows[0][0]);
  const columns: ColumnInfo[] = found.rows.map((r) => ({
    name: String(r[1]),
    sourceType: String(r[2]),
    type: columnTypeOf(String(r[3])),
  }));
  const primaryKey = found.rows
    .filter((r) => Number(r[4]) > 0)
    .sort((a, b) => Number(a[4]) - Number(b[4]))
    .map((r) => String(r[1]));
  const table = `${dialect.ident(schema)}.${dialect.ident(name)}`;
  const identity = `postgres://${where}/${schema}/${name}`;

  const make = (predicates: string[]): EngineRelation => {
    const sql = restricted(table, predicates);
    const query = async (text: string): Promise<Row[]> => {
      const result = await run(text);
      return result.rows.map((values) => {
        const row: Row = {};
        result.fields.forEach((f, i) => (row[f.name] = values[i]));
        return row;
      });
    };
    const stream = async function* (text: string, infos?: ColumnInfo[]): AsyncGenerator<Batch> {
      // A cursor lives in a transaction; the session is read-only, so is the transaction.
      const cursor = `assay_cursor_${Math.random().toString(36).slice(2, 10)}`;
      await run("BEGIN READ ONLY");
      try {
        await run(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${text}`);
        let offset = 0;
        for (;;) {
          const result = await run(`FETCH ${FETCH_ROWS} FROM ${cursor}`);
          if (result.rows.length === 0) break;
          const kinds =
            infos ??
            result.fields.map((f) => ({
              name: f.name,
              sourceType: String(f.dataTypeID),
              type: batchTypeOf(DOUBLE_OIDS.has(f.dataTypeID) ? "number" : "text"),
            }));
          yield batchOfValues(kinds, result.rows, offset);
          offset += result.rows.length;
        }
      } finally {
        await run("COMMIT");
      }
    };
    const relation: EngineRelation = {
      name,
      columns,
      sql,
      dialect,
      primaryKey,
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
        (await query(`SELECT ${dialect.double("count(*)")} AS n FROM ${sql}`))[0].n as number,
      where: (predicate) => make([...predicates, predicate]),
      close: () => client.end(),
    };
    return relation;
  };
  return make(spec.where ? [spec.where] : []);
}

/**
 * What a server-held table's digest covers: where it is and which rows were asked for. Hashing the rows
 * would cost a scan of their own, so a changed table keeps its digest; docs/pushdown.md says so.
 */
export function digestOf(identity: string, predicates: readonly string[]): string {
  return createHash("sha256")
    .update(JSON.stringify([identity, ...predicates]))
    .digest("hex");
}

/** Maps a PostgreSQL type name (pg_type.typname) to an Assay column type. */
function columnTypeOf(typname: string): ColumnType {
  if (typname === "bool") return "boolean";
  if (/^(int2|int4|int8)$/.test(typname)) return "integer";
  if (/^(float4|float8|numeric)$/.test(typname)) return "float";
  if (typname === "date") return "date";
  if (typname === "timestamp" || typname === "timestamptz") return "timestamp";
  return "string";
}
