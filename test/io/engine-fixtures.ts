import pg from "pg";
import { duckdb } from "../../src/io/duckdb.js";
import { seededRandom } from "../../src/stats/random.js";
import { clickhouseDialect } from "../../src/table/dialects/clickhouse.js";
import { postgresDialect } from "../../src/table/dialects/postgres.js";
import { duckdbDialect } from "../../src/table/duckdb-dialect.js";

export const PG_URL = process.env.ASSAY_TEST_POSTGRES_URL;
export const CH_URL = process.env.ASSAY_TEST_CLICKHOUSE_URL;
export const CH_CLUSTER = process.env.ASSAY_TEST_CLICKHOUSE_CLUSTER;
export const skipPg = PG_URL ? false : "ASSAY_TEST_POSTGRES_URL is not set (.ci/postgres sets it)";
export const skipCh =
  CH_URL && CH_CLUSTER ? false : "ASSAY_TEST_CLICKHOUSE_URL is not set (.ci/clickhouse sets it)";

/** A column name with a quote of each kind, a backslash, spaces and SQL in it. */
export const HOSTILE = `we"ird 'col' \`x\` \\; DROP TABLE t; --`;

export interface Dataset {
  columns: { name: string; duck: string; pg: string; ch: string }[];
  rows: (number | string | null)[][];
}

/**
 * Rows of every kind the profile reads: a key, integers and floats with NULLs, NaN and ±∞, a category
 * column with numeric-looking strings, dates and whole-second timestamps (ClickHouse 18.16's DateTime
 * has seconds), and a column with a hostile name. Seeded, so every engine gets the same rows. Prices
 * have three decimals: DuckDB reads some 17-digit decimal strings one ulp off (0.12027383781970657
 * became …656, as a literal and as a cast), which would put a different value in the Parquet file.
 */
export function dataset(n: number, seed = 20): Dataset {
  const rng = seededRandom(seed);
  const random = () => rng.next();
  const words = ["alpha", "beta", "gamma", "delta", "ε-unicode", "tab\there", "quote'd", "12", "3.5"];
  const rows: Dataset["rows"] = [];
  for (let i = 0; i < n; i++) {
    const u = random();
    const f =
      u < 0.05
        ? null
        : u < 0.06
          ? Number.NaN
          : u < 0.065
            ? Infinity
            : u < 0.07
              ? -Infinity
              : Math.round((random() - 0.3) * 1e6) / 1e3;
    rows.push([
      i,
      random() < 0.1 ? null : Math.floor(random() * 50) - 10,
      f,
      random() < 0.08 ? null : words[Math.floor(random() * words.length)],
      random() < 0.05 ? null : Date.UTC(2024, 0, 1) + Math.floor(random() * 400) * 86_400_000,
      Date.UTC(2024, 0, 1) + Math.floor(random() * 3e7) * 1000,
      random() < 0.5 ? Math.round(random() * 100) / 4 : null,
    ]);
  }
  return {
    columns: [
      { name: "id", duck: "BIGINT", pg: "bigint PRIMARY KEY", ch: "Int64" },
      { name: "qty", duck: "INTEGER", pg: "integer", ch: "Nullable(Int32)" },
      { name: "price", duck: "DOUBLE", pg: "double precision", ch: "Nullable(Float64)" },
      { name: "kind", duck: "VARCHAR", pg: "text", ch: "Nullable(String)" },
      { name: "day", duck: "DATE", pg: "date", ch: "Nullable(Date)" },
      { name: "at", duck: "TIMESTAMP", pg: "timestamp", ch: "DateTime" },
      { name: HOSTILE, duck: "DOUBLE", pg: "double precision", ch: "Nullable(Float64)" },
    ],
    rows,
  };
}

const iso = (ms: number, withTime: boolean) =>
  new Date(ms)
    .toISOString()
    .slice(0, withTime ? 19 : 10)
    .replace("T", " ");

/** The dataset written to a Parquet file by DuckDB. */
export async function writeParquet(data: Dataset, path: string): Promise<void> {
  const conn = await duckdb();
  const d = duckdbDialect;
  const table = `assay_fixture_${Math.random().toString(36).slice(2, 8)}`;
  await conn.run(
    `CREATE TEMP TABLE ${table} (${data.columns.map((c) => `${d.ident(c.name)} ${c.duck}`).join(", ")})`,
  );
  const literal = (v: number | string | null, i: number) =>
    v === null
      ? "NULL"
      : typeof v === "string"
        ? d.string(v)
        : i === 4
          ? `DATE ${d.string(iso(v, false))}`
          : i === 5
            ? `TIMESTAMP ${d.string(iso(v, true))}`
            : d.number(v);
  for (let start = 0; start < data.rows.length; start += 1000) {
    const chunk = data.rows.slice(start, start + 1000);
    await conn.run(
      `INSERT INTO ${table} VALUES ${chunk.map((r) => `(${r.map(literal).join(", ")})`).join(", ")}`,
    );
  }
  await conn.run(`COPY ${table} TO ${d.string(path)} (FORMAT parquet)`);
  await conn.run(`DROP TABLE ${table}`);
}

/** The dataset in a PostgreSQL table (replaced if it exists), inserted with parameters. */
export async function loadPostgres(data: Dataset, table: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  const q = postgresDialect.ident;
  try {
    await client.query(`DROP TABLE IF EXISTS ${q(table)}`);
    await client.query(
      `CREATE TABLE ${q(table)} (${data.columns.map((c) => `${q(c.name)} ${c.pg}`).join(", ")})`,
    );
    const width = data.columns.length;
    for (let start = 0; start < data.rows.length; start += 1000) {
      const chunk = data.rows.slice(start, start + 1000);
      const values: unknown[] = [];
      const tuples = chunk.map((r, k) => {
        r.forEach((v, i) =>
          values.push(
            v === null
              ? null
              : i === 4
                ? iso(v as number, false)
                : i === 5
                  ? iso(v as number, true)
                  : typeof v === "number"
                    ? String(v)
                    : v,
          ),
        );
        return `(${r.map((_, i) => `$${k * width + i + 1}`).join(", ")})`;
      });
      await client.query(`INSERT INTO ${q(table)} VALUES ${tuples.join(", ")}`, values);
    }
  } finally {
    await client.end();
  }
}

/** Posts one statement to a ClickHouse HTTP endpoint, as an administrator would (not read-only). */
export async function clickhouse(endpoint: string, sql: string, body?: string | Buffer): Promise<string> {
  const url = `${endpoint}?query=${encodeURIComponent(sql)}`;
  const response = await fetch(url, {
    method: "POST",
    body: typeof body === "string" || body === undefined ? (body ?? "") : new Uint8Array(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`ClickHouse: ${text}`);
  return text;
}

/** The HTTP endpoints of the two shards: shard 1 is the URL's server, shard 2 the next HTTP port. */
export function shardEndpoints(): string[] {
  const u = new URL(CH_URL!);
  const port = Number(u.port);
  return [`http://${u.hostname}:${port}/`, `http://${u.hostname}:${port + 1}/`];
}

/**
 * One row in ClickHouse's RowBinary format: little-endian numbers, a NULL flag byte before each Nullable
 * value, strings as a varint length and UTF-8 bytes, Date as a day number, DateTime as epoch seconds.
 * Binary, because 18.16 parses text floats imprecisely: "1.719" became 1.7189999999999999.
 */
function rowBinary(row: Dataset["rows"][number], columns: Dataset["columns"]): Buffer {
  const parts: Buffer[] = [];
  row.forEach((v, i) => {
    const type = columns[i].ch;
    const nullable = type.startsWith("Nullable(");
    if (nullable) parts.push(Buffer.from([v === null ? 1 : 0]));
    if (v === null) return;
    const base = type.replace(/^Nullable\((.*)\)$/, "$1");
    const b = Buffer.alloc(8);
    if (base === "Int64") b.writeBigInt64LE(BigInt(v as number));
    else if (base === "Int32") return parts.push(b.subarray(0, b.writeInt32LE(v as number)));
    else if (base === "Float64") b.writeDoubleLE(v as number);
    else if (base === "Date") return parts.push(b.subarray(0, b.writeUInt16LE((v as number) / 86_400_000)));
    else if (base === "DateTime") return parts.push(b.subarray(0, b.writeUInt32LE((v as number) / 1000)));
    else {
      const text = Buffer.from(v as string, "utf8");
      const length: number[] = [];
      let n = text.length;
      do {
        length.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
        n >>>= 7;
      } while (n > 0);
      return parts.push(Buffer.from(length), text);
    }
    parts.push(b);
  });
  return Buffer.concat(parts);
}

/**
 * The dataset split across the two shards (even ids on one, odd on the other) as `<table> local`, and a
 * Distributed table `<table>` over the cluster on shard 1, both replaced if present.
 */
export async function loadClickHouse(data: Dataset, table: string): Promise<void> {
  const local = `${table} local`;
  const q = clickhouseDialect.ident;
  const ddl = `CREATE TABLE default.${q(local)} (${data.columns.map((c) => `${q(c.name)} ${c.ch}`).join(", ")}) ENGINE = MergeTree ORDER BY id`;
  for (const [s, endpoint] of shardEndpoints().entries()) {
    await clickhouse(endpoint, `DROP TABLE IF EXISTS default.${q(table)}`);
    await clickhouse(endpoint, `DROP TABLE IF EXISTS default.${q(local)}`);
    await clickhouse(endpoint, ddl);
    const body = Buffer.concat(
      data.rows.filter((r) => (r[0] as number) % 2 === s).map((r) => rowBinary(r, data.columns)),
    );
    await clickhouse(endpoint, `INSERT INTO default.${q(local)} FORMAT RowBinary`, body);
  }
  const [first] = shardEndpoints();
  const columns = data.columns.map((c) => `${q(c.name)} ${c.ch}`).join(", ");
  const { string } = clickhouseDialect;
  await clickhouse(
    first,
    `CREATE TABLE default.${q(table)} (${columns}) ENGINE = Distributed(${CH_CLUSTER}, default, ${string(local)})`,
  );
}
