import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import pg from "pg";
import { openSource } from "../../src/io/source.js";
import type { Anomaly } from "../../src/schema/anomaly.js";
import { Scan } from "../../src/schema/checks/scan.js";
import { planRules, type RuleContext } from "../../src/schema/rules/plan.js";
import { duckdbRuleSql, postgresRuleSql, type RuleSql } from "../../src/schema/rules/sql.js";
import { parseSchema } from "../../src/schema/yaml-read.js";
import type { SqlDialect } from "../../src/table/dialect.js";
import { duckdbDialect } from "../../src/table/duckdb-dialect.js";
import type { QueryFn } from "../../src/table/relation.js";
import type { ColumnInfo } from "../../src/table/types.js";
import { fixture, vegaData } from "../helpers/cli.js";

/**
 * The rules push down: the same contract compiled for DuckDB and for a real PostgreSQL (the tables
 * copied into it) gives the same counts, totals and verdicts, and pandas' counts where it has them.
 */
const PG_URL = process.env.ASSAY_TEST_POSTGRES_URL;
const oracle = JSON.parse(readFileSync(fixture("schema", "rules_oracle.json"), "utf8"));

// PostgreSQL quotes as DuckDB does; its rows are numbered by its own window (src/table/dialects/ has the full dialect)
const postgresQuoting: SqlDialect = {
  ...duckdbDialect,
  name: "postgres",
  numbered: (from) =>
    `(SELECT CAST(row_number() OVER () - 1 AS DOUBLE PRECISION) AS __row, * FROM ${from} AS __t) AS __numbered`,
};

const CONTRACT = parseSchema(
  `format: assay.schema
version: 1
rules:
  - id: ny-zip
    when: "state = 'NY'"
    column: zip_code
    matches: '1[0-4][0-9]{3}'
  - id: city-state-key
    unique: [city, state]
    severity: warning
  - id: on-earth
    expect: "latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180"
  - id: mostly-north
    aggregate: avg(latitude)
    min: 0
  - id: known-person
    columns: zip_code
    references: { table: people, columns: name }
    mostly: 0.5
`,
  "pg.yaml",
);

async function judge(ctx: RuleContext, rowsSql: string): Promise<Map<string, Anomaly>> {
  const scan = new Scan(rowsSql);
  const judges = planRules(ctx, scan);
  const [agg] = await ctx.query(scan.query(ctx.relation));
  const out = new Map<string, Anomaly>();
  for (const j of judges) {
    const { result } = await j(agg, Number(agg.__rows));
    out.set(result.subject?.rule ?? "", result);
  }
  return out;
}

test("rules compiled for PostgreSQL count what DuckDB and pandas count", {
  skip: PG_URL ? false : "ASSAY_TEST_POSTGRES_URL is not set",
}, async () => {
  const zips = await openSource({ path: vegaData("zipcodes.csv") });
  const people = await openSource({ path: vegaData("lookup_people.csv") });
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  const schema = `rules_${process.pid}`;
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
    const copy = async (name: string, source: typeof zips) => {
      const cols = source.columns;
      const pgType = (c: ColumnInfo) => (c.type === "string" ? "TEXT" : "DOUBLE PRECISION");
      await client.query(
        `CREATE TABLE ${schema}.${name} (${cols.map((c) => `${duckdbDialect.ident(c.name)} ${pgType(c)}`).join(", ")})`,
      );
      const rows = await source.query(`SELECT * FROM ${source.sql}`);
      for (let i = 0; i < rows.length; i += 1000) {
        const chunk = rows.slice(i, i + 1000);
        const params: unknown[] = [];
        const tuples = chunk.map((r) => `(${cols.map((c) => `$${params.push(r[c.name])}`).join(", ")})`);
        await client.query(`INSERT INTO ${schema}.${name} VALUES ${tuples.join(", ")}`, params);
      }
    };
    await copy("zipcodes", zips);
    await copy("people", people);
    const pgQuery: QueryFn = async (sql) => (await client.query(sql)).rows;
    const context = (sql: RuleSql, query: QueryFn, relation: string, peopleSql: string): RuleContext => ({
      schema: CONTRACT,
      columns: zips.columns,
      relation,
      query,
      sql,
      tables: { people: { sql: peopleSql, columns: people.columns } },
      now: Date.now(),
    });
    const onPostgres = await judge(
      context(postgresRuleSql(postgresQuoting), pgQuery, `${schema}.zipcodes`, `${schema}.people`),
      "CAST(count(*) AS DOUBLE PRECISION)",
    );
    const onDuckdb = await judge(
      context(duckdbRuleSql, (sql) => zips.query(sql), zips.sql, people.sql),
      "count(*)::DOUBLE",
    );
    assert.equal(onPostgres.size, 5);
    for (const [id, d] of onDuckdb) {
      const p = onPostgres.get(id)!;
      assert.deepEqual([p.check, p.status, p.count, p.total], [d.check, d.status, d.count, d.total], id);
      if (typeof d.value === "number")
        assert.ok(Math.abs((p.value as number) - d.value) <= 1e-9 * Math.abs(d.value), id);
    }
    const ny = onPostgres.get("ny-zip")!;
    assert.deepEqual([ny.count, ny.total], [oracle["ny-zip"].k, oracle["ny-zip"].n]);
    // no zip code is a person's name: every keyed row is missing, beyond the 50% allowed
    assert.equal(onPostgres.get("known-person")!.count, 42049);
    assert.equal(onPostgres.get("known-person")!.status, "fail");
    assert.ok((onPostgres.get("known-person")!.found as { missingKeys: unknown[] }).missingKeys.length > 0);
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
});
