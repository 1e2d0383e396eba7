/**
 * bench/pushdown: the profile of an N-row table (default 10M) in PostgreSQL and in ClickHouse (a
 * Distributed table over two shards), computed by push-down — the server counts and groups, only the
 * groups travel — side by side with its anchor, pulling every row into Node and profiling it there
 * with the stream engine (`--engine stream`), in one run. Each measurement runs in a child process of
 * its own, which reports its wall time and peak RSS (process.resourceUsage().maxRSS).
 *
 * The table: id (a key, N distinct), cat (20 words), qty (100 integers), price (cents, ≤ 100,000
 * distinct), day (365 dates). The key column's GROUP BY returns N groups, as many as pulling the rows
 * would, so the run is reported with and without it.
 *
 * Goals (issue 20): push-down ≥ 10× faster than pulling; Assay's peak RSS flat in the table size.
 *
 * usage: npx tsc -p . && ASSAY_TEST_POSTGRES_URL=… ASSAY_TEST_CLICKHOUSE_URL=… ASSAY_TEST_CLICKHOUSE_CLUSTER=…
 *        node dist/bench/pushdown.js [rows ...]      (writes bench/out/pushdown.json)
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openEngineSource } from "../src/io/engine-source.js";
import { profileBatches } from "../src/profile/build.js";
import { profileSource } from "../src/profile/sql.js";

const PG_URL = process.env.ASSAY_TEST_POSTGRES_URL;
const CH_URL = process.env.ASSAY_TEST_CLICKHOUSE_URL;
const CH_CLUSTER = process.env.ASSAY_TEST_CLICKHOUSE_CLUSTER ?? "assay_two_shards";
const COLUMNS = ["id", "cat", "qty", "price", "day"];

const table = (rows: number) => `bench_pushdown_${rows}`;

async function loadPostgres(rows: number): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  const t = table(rows);
  const exists = await client.query("SELECT count(*)::int AS n FROM pg_class WHERE relname = $1", [t]);
  if (exists.rows[0].n === 0) {
    await client.query("SELECT setseed(0.2)");
    await client.query(`CREATE TABLE ${t} AS SELECT g::bigint AS id,
        (ARRAY['alpha','beta','gamma','delta','epsilon','zeta','eta','theta','iota','kappa','lambda','mu',
               'nu','xi','omicron','pi','rho','sigma','tau','upsilon'])[1 + (g * 7) % 20] AS cat,
        ((g * 7919) % 100)::int AS qty, round((random() * 1000)::numeric, 2)::float8 AS price,
        DATE '2024-01-01' + (g % 365)::int AS day FROM generate_series(1::bigint, ${rows}::bigint) AS g`);
    await client.query(`ANALYZE ${t}`);
  }
  await client.end();
}

async function clickhouse(endpoint: string, sql: string): Promise<string> {
  const response = await fetch(`${endpoint}?query=${encodeURIComponent(sql)}`, { method: "POST" });
  const text = await response.text();
  if (!response.ok) throw new Error(text);
  return text;
}

async function loadClickHouse(rows: number): Promise<void> {
  const u = new URL(CH_URL!);
  const endpoints = [`http://${u.hostname}:${u.port}/`, `http://${u.hostname}:${Number(u.port) + 1}/`];
  const t = table(rows);
  if ((await clickhouse(endpoints[0], `EXISTS TABLE default.${t}`)).trim() === "1") return;
  const half = rows / 2;
  for (const [s, endpoint] of endpoints.entries()) {
    await clickhouse(
      endpoint,
      `CREATE TABLE default.${t}_local (id Int64, cat String, qty Int32, price Float64, day Date) ENGINE = MergeTree ORDER BY id`,
    );
    await clickhouse(
      endpoint,
      `INSERT INTO default.${t}_local SELECT number + ${s * half + 1} AS id,
         ['alpha','beta','gamma','delta','epsilon','zeta','eta','theta','iota','kappa','lambda','mu',
          'nu','xi','omicron','pi','rho','sigma','tau','upsilon'][1 + (id * 7) % 20] AS cat,
         toInt32((id * 7919) % 100) AS qty, round((rand(${s}) % 100000) / 100, 2) AS price,
         toDate('2024-01-01') + (id % 365) AS day FROM numbers(${half})`,
    );
  }
  await clickhouse(
    endpoints[0],
    `CREATE TABLE default.${t} (id Int64, cat String, qty Int32, price Float64, day Date) ENGINE = Distributed(${CH_CLUSTER}, default, ${t}_local)`,
  );
}

/** The child: one profile, then its wall time and peak RSS as JSON on stdout. */
async function child(url: string, name: string, mode: "pushdown" | "pull", columns: string[]): Promise<void> {
  const started = performance.now();
  const relation = await openEngineSource(url, { table: name });
  const profile =
    mode === "pushdown"
      ? await profileSource(relation, { columns })
      : await profileBatches(
          relation.columns.filter((c) => columns.includes(c.name)),
          relation.batches({ columns }),
          { name, digest: await relation.digest() },
        );
  await relation.close();
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${JSON.stringify({ seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, rows: profile.rows })}\n`,
  );
}

interface Measured {
  seconds: number;
  peakRssMb: number;
  rows: number;
}

function measure(url: string, name: string, mode: string, columns: string[]): Measured {
  const result = spawnSync(
    process.execPath,
    [fileURLToPath(import.meta.url), "--child", url, name, mode, columns.join(",")],
    { encoding: "utf8", maxBuffer: 1 << 20 },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout.trim().split("\n").pop()!);
}

async function main(): Promise<void> {
  if (process.argv[2] === "--child") {
    const [url, name, mode, columns] = process.argv.slice(3);
    return child(url, name, mode as "pushdown" | "pull", columns.split(","));
  }
  if (!PG_URL || !CH_URL)
    throw new Error(
      "set ASSAY_TEST_POSTGRES_URL and ASSAY_TEST_CLICKHOUSE_URL (.ci/postgres, .ci/clickhouse)",
    );
  const sizes = process.argv.slice(2).map(Number);
  const out: Record<string, unknown>[] = [];
  for (const rows of sizes.length > 0 ? sizes : [10_000_000]) {
    await loadPostgres(rows);
    await loadClickHouse(rows);
    for (const [engine, url] of [
      ["postgres", PG_URL],
      ["clickhouse", CH_URL],
    ] as const) {
      for (const columns of [COLUMNS, COLUMNS.filter((c) => c !== "id")]) {
        const pushdown = measure(url, table(rows), "pushdown", columns);
        const pull = measure(url, table(rows), "pull", columns);
        const line = {
          engine,
          rows,
          columns: columns.join(","),
          pushdownSeconds: +pushdown.seconds.toFixed(2),
          pullSeconds: +pull.seconds.toFixed(2),
          speedup: +(pull.seconds / pushdown.seconds).toFixed(1),
          pushdownPeakRssMb: Math.round(pushdown.peakRssMb),
          pullPeakRssMb: Math.round(pull.peakRssMb),
        };
        if (pushdown.rows !== rows || pull.rows !== rows)
          throw new Error(`row counts differ: ${JSON.stringify(line)}`);
        console.log(JSON.stringify(line));
        out.push(line);
      }
    }
  }
  mkdirSync("bench/out", { recursive: true });
  writeFileSync("bench/out/pushdown.json", `${JSON.stringify(out, null, 2)}\n`);
}

await main();
