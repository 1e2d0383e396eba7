import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { EngineRelation } from "../../src/io/engine-relation.js";
import { openEngineSource } from "../../src/io/engine-source.js";
import { profilePartitions } from "../../src/io/partitions.js";
import { openSource } from "../../src/io/source.js";
import { profileBatches } from "../../src/profile/build.js";
import { profileSource } from "../../src/profile/sql.js";
import type { TableProfile } from "../../src/profile/types.js";
import { runCli } from "../helpers/cli.js";
import {
  CH_URL,
  dataset,
  HOSTILE,
  loadClickHouse,
  loadPostgres,
  PG_URL,
  skipCh,
  skipPg,
  writeParquet,
} from "./engine-fixtures.js";

const data = dataset(6000);
const parquet = join(mkdtempSync(join(tmpdir(), "assay-pushdown-")), "rows.parquet");
let fileProfile: TableProfile;
/** A table name with quotes of each kind, a space and SQL in it. */
const TABLE = `push'down "t" \`x\` ; DROP TABLE y; --`;

before(async () => {
  await writeParquet(data, parquet);
  fileProfile = await profileSource(await openSource({ path: parquet }));
});

/**
 * Two profiles of the same rows agree: every count, extreme, frequency and sketch exactly; moments to
 * 1e-12 relative (they are folded from the same groups, but the engines hand the groups over in
 * different orders, and floating-point addition is not associative).
 */
export function assertSameProfile(actual: TableProfile, expected: TableProfile): void {
  assert.equal(actual.rows, expected.rows);
  assert.deepEqual(
    actual.columns.map((c) => [c.name, c.type]),
    expected.columns.map((c) => [c.name, c.type]),
  );
  for (const [i, column] of actual.columns.entries()) {
    const whole = expected.columns[i];
    if (!column.distinctExact && whole.distinctExact) {
      // A merge cannot count distinct values exactly past the frequency capacity: the merged
      // HyperLogLog's estimate, within three of its stated standard errors
      assert.ok(
        Math.abs(column.distinct - whole.distinct) <= 3 * column.distinctError * whole.distinct,
        `${column.name}: distinct ${column.distinct} vs ${whole.distinct} (±${column.distinctError})`,
      );
      // and the frequency sketch past its capacity keeps a top-k whose ties (here every id once) may differ
      assert.equal(column.frequencies.exact, false);
      for (const n of Object.values(column.frequencies.counts))
        assert.ok(n <= Math.max(...Object.values(whole.frequencies.counts)) + column.frequencies.error);
      const { distinct, distinctExact, distinctError, exactDistinct, frequencies, top, ...rest } =
        column as never as Record<string, unknown>;
      const {
        distinct: d,
        distinctExact: e,
        distinctError: r,
        exactDistinct: x,
        frequencies: f,
        top: t,
        ...wholeRest
      } = whole as never as Record<string, unknown>;
      close(rest, wholeRest, column.name);
    } else close(column, whole, column.name);
  }
}

function close(a: unknown, b: unknown, path: string): void {
  if (typeof a === "number" && typeof b === "number") {
    if (Number.isFinite(a) && Number.isFinite(b) && a !== b)
      assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b)), `${path}: ${a} vs ${b}`);
    else assert.equal(a, b, path);
  } else if (a && b && typeof a === "object" && typeof b === "object") {
    assert.deepEqual(Object.keys(a).sort(), Object.keys(b).sort(), path);
    for (const k of Object.keys(a)) close((a as never)[k], (b as never)[k], `${path}.${k}`);
  } else assert.deepEqual(a, b, path);
}

describe("PostgreSQL push-down", { skip: skipPg }, () => {
  let relation: EngineRelation;
  before(async () => {
    await loadPostgres(data, TABLE);
    relation = await openEngineSource(PG_URL!, { table: TABLE });
  });
  after(() => relation?.close());

  test("the profile of the table equals the profile of the same rows in a Parquet file", async () => {
    assert.deepEqual(relation.primaryKey, ["id"]);
    assert.equal(relation.columns.at(-1)!.name, HOSTILE);
    assertSameProfile(await profileSource(relation), fileProfile);
  });

  test("its rows pulled in batches (the stream engine) give the same profile too", async () => {
    const pulled = await profileBatches(relation.columns, relation.batches(), { name: TABLE, digest: "" });
    assertSameProfile(pulled, fileProfile);
  });

  test("one statement per query: a second statement in --where is an error, not a second statement", async () => {
    const sneaky = relation.where("true; DROP TABLE whatever");
    await assert.rejects(sneaky.rowCount(), /cannot insert multiple commands|syntax error/);
  });

  test("the connection is read-only: a write through the relation is refused", async () => {
    await assert.rejects(relation.query(`DELETE FROM ${relation.sql}`), /read-only transaction/);
    assert.equal(await relation.rowCount(), data.rows.length);
  });
});

describe("ClickHouse push-down across two shards", { skip: skipCh }, () => {
  let relation: EngineRelation;
  before(async () => {
    await loadClickHouse(data, TABLE);
    relation = await openEngineSource(CH_URL!, { table: TABLE });
  });

  test("the Distributed table sees every row; one shard's local table sees its half", async () => {
    assert.equal(await relation.rowCount(), data.rows.length);
    const one = await openEngineSource(CH_URL!, { table: `${TABLE} local` });
    assert.equal(await one.rowCount(), data.rows.length / 2);
  });

  test("the profile across both shards equals the profile of the Parquet file", async () => {
    assertSameProfile(await profileSource(relation), fileProfile);
  });

  test("its rows pulled in batches over HTTP give the same profile too", async () => {
    const pulled = await profileBatches(relation.columns, relation.batches(), { name: TABLE, digest: "" });
    assertSameProfile(pulled, fileProfile);
  });

  test("every request is read-only: a write is refused", async () => {
    await assert.rejects(
      relation.query("CREATE TABLE default.assay_should_not_exist (a Int8) ENGINE = Memory"),
      /readonly/i,
    );
  });
});

describe("partitioned profiles and the command line", { skip: skipPg || skipCh }, () => {
  test("partitions profiled apart and merged equal the whole table, on PostgreSQL and on ClickHouse", async () => {
    for (const url of [PG_URL!, CH_URL!]) {
      const relation = await openEngineSource(url, { table: TABLE });
      try {
        const parted = await profilePartitions(relation, "kind");
        // eight words, a numeric-looking "12" and "3.5", and the NULL partition
        assert.equal(parted.partitions.length, 10, url);
        assert.equal(parted.partitions.find((p) => p.value === null)!.rows, fileProfile.columns[3].missing);
        assert.equal(
          parted.partitions.reduce((n, p) => n + p.rows, 0),
          data.rows.length,
        );
        assertSameProfile(parted.profile, fileProfile);
      } finally {
        await relation.close();
      }
    }
  });

  test("--where is pushed down: the profile equals the Parquet file's rows that satisfy it", async () => {
    const subset = await profileSource(
      await openSource({ sql: `SELECT * FROM '${parquet}' WHERE qty > 30` }),
    );
    for (const url of [PG_URL!, CH_URL!]) {
      const relation = await openEngineSource(url, { table: TABLE, where: "qty > 30" });
      assertSameProfile(await profileSource(relation), subset);
      await relation.close();
    }
  });

  test("assay profile <url> --table: a report like a file's, and one-line errors with exit 2", () => {
    const env = { ASSAY_NO_EVIDENCE: "1" };
    const ok = runCli(["profile", PG_URL!, "--table", TABLE, "--json"], { env });
    assert.equal(ok.code, 0, ok.stderr);
    const report = JSON.parse(ok.stdout);
    assert.equal(report.inputs[0].rows, data.rows.length);
    assert.equal(report.config.database, "postgres");
    for (const [args, message] of [
      [["profile", PG_URL!], /needs --table NAME/],
      [["profile", PG_URL!, "--table", "no such table"], /no table named 'no such table'/],
      [["profile", CH_URL!, "--table", TABLE, "--where", "no_column > 1"], /no_column/],
      [["profile", "data.parquet", "--table", "t"], /--table and --where go with/],
      [["lint", PG_URL!], /works with assay profile/],
    ] as const) {
      const bad = runCli([...args], { env });
      assert.equal(bad.code, 2, `${args.join(" ")}: ${bad.stderr}`);
      assert.match(bad.stderr, message);
      assert.equal(bad.stderr.trim().split("\n").length, 1, bad.stderr);
    }
  });
});
