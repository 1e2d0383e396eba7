import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { openEngineSource } from "../../src/io/engine-source.js";
import type { EngineRelation } from "../../src/io/engine-relation.js";
import { openSource } from "../../src/io/source.js";
import { profileSource } from "../../src/profile/sql.js";
import type { TableProfile } from "../../src/profile/types.js";
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
  for (const [i, column] of actual.columns.entries()) close(column, expected.columns[i], column.name);
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

  test("every request is read-only: a write is refused", async () => {
    await assert.rejects(relation.query("CREATE TABLE default.assay_should_not_exist (a Int8) ENGINE = Memory"), /readonly/i);
  });
});
