import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { namedFiles } from "../../src/io/user-sql.js";
import { runCli } from "../helpers/cli.js";
const dir = mkdtempSync(join(tmpdir(), "assay-user-sql-"));
writeFileSync(join(dir, "ok.csv"), "a,b\n1,2\n3,4\n");
mkdirSync(join(dir, "parts"));
writeFileSync(join(dir, "parts", "p1.csv"), "a,b\n5,6\n");
writeFileSync(join(dir, "secret.txt"), "top secret\n");
const cli = (sql) => runCli(["profile", "--sql", sql, "--json"], { cwd: dir });
test("namedFiles: data files in literals and quoted identifiers, globs as their directory, nothing else", () => {
    const access = namedFiles(`SELECT * FROM 'a.csv', "b/c.parquet", read_json('/abs/x.ndjson.gz'), read_csv('parts/*.csv'),
     read_text('/etc/passwd'), read_csv('/etc/*'), read_csv('p/*/../../../etc/*.csv') -- 'skipped.csv'
     /* "also-skipped.csv" */ WHERE s = 'it''s.csv'`, "/work");
    assert.deepEqual(access.paths.sort(), [
        "/abs/x.ndjson.gz",
        "/work/a.csv",
        "/work/b/c.parquet",
        "/work/it's.csv",
    ]);
    assert.deepEqual(access.directories, ["/work/parts/"]);
});
test("--sql cannot break out of its wrapper: COPY and ATTACH smuggled after a ')' write nothing", () => {
    const before = readdirSync(dir).sort();
    for (const smuggled of [
        "COPY (SELECT 42 AS x) TO 'x.csv'",
        "ATTACH 'evil.db' AS evil",
        "COPY (SELECT 42 AS x) TO 'ok.csv'",
    ]) {
        const r = cli(`SELECT 1 AS a); ${smuggled}; SELECT * FROM (SELECT 1 AS a`);
        assert.equal(r.code, 2, r.stderr);
        assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    }
    assert.deepEqual(readdirSync(dir).sort(), before, "no file was created");
    assert.equal(existsSync(join(dir, "x.csv")), false);
});
test("--sql is exactly one SELECT: other statements, several statements and SET are refused with exit 2", () => {
    const cases = [
        ["COPY (SELECT 1) TO 'y.csv'", /read-only SELECT query; found a COPY statement/],
        ["ATTACH 'z.db'", /found a ATTACH statement|read-only SELECT/],
        ["SELECT 1; SELECT 2", /exactly one SELECT statement; found 2/],
        ["CREATE TABLE t AS SELECT 1", /read-only SELECT query; found a CREATE statement/],
        ["SET enable_external_access = true", /read-only SELECT query/],
        ["SELEC nonsense", /syntax error/i],
    ];
    for (const [sql, message] of cases) {
        const r = cli(sql);
        assert.equal(r.code, 2, `${sql}: ${r.stderr}`);
        assert.match(r.stderr, message, sql);
    }
    assert.equal(existsSync(join(dir, "y.csv")), false);
    assert.equal(existsSync(join(dir, "z.db")), false);
});
test("--sql reads only the files it names: /etc/passwd and files outside a glob's directory are refused", () => {
    for (const sql of [
        "SELECT * FROM read_text('/etc/passwd')",
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM read_text('secret.txt')",
        "SELECT * FROM 'ok.csv', read_text('secret.txt')",
        "SELECT * FROM glob('/etc/*')",
        "SELECT * FROM read_csv('parts/../secret.txt')",
    ]) {
        const r = cli(sql);
        assert.equal(r.code, 2, `${sql}: ${r.stdout}`);
        assert.match(r.stderr, /Permission Error|disabled by configuration/, sql);
    }
    const named = cli("SELECT a, b FROM 'ok.csv' -- a trailing comment;");
    assert.equal(named.code, 0, named.stderr);
    assert.equal(JSON.parse(named.stdout).rows, 2);
    const glob = cli("SELECT * FROM read_csv('parts/*.csv');");
    assert.equal(glob.code, 0, glob.stderr);
    assert.equal(JSON.parse(glob.stdout).rows, 1);
});
test("drift with a --current-sql and a reference file reads both through one sandbox", () => {
    const r = runCli(["drift", "ok.csv", "--current-sql", "SELECT a + 1 AS a, b FROM 'parts/p1.csv'", "--json"], {
        cwd: dir,
    });
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.equal(JSON.parse(r.stdout).kind, "drift");
});
