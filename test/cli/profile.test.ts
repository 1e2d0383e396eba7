import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fixture, runCli, vegaData } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "assay-profile-"));
const write = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

test("--help teaches the command and exits 0; assay --help starts fast", () => {
  const r = runCli(["profile", "--help"]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /assay profile <source>/);
  assert.match(r.stdout, /--engine sql\|stream/);
  const top = runCli(["--help"]);
  assert.equal(top.code, 0);
  assert.match(top.stdout, /profile/);
});

test("--json prints one Report with the profile fields the contract names", () => {
  const r = runCli(["profile", fixture("adult", "adult_test.csv"), "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.kind, "profile");
  assert.equal(report.format, "assay.profile");
  assert.equal(report.rows, 16281);
  assert.equal(report.inputs[0].rows, 16281);
  assert.match(report.inputs[0].digest, /^[0-9a-f]{64}$/);
  const age = report.columns.find((c: { name: string }) => c.name === "age");
  for (const key of [
    "name",
    "type",
    "count",
    "missing",
    "distinct",
    "min",
    "max",
    "mean",
    "std",
    "quantiles",
    "top",
    "histogram",
  ])
    assert.ok(key in age, `column field ${key}`);
  assert.deepEqual(Object.keys(age.quantiles), ["0.01", "0.05", "0.25", "0.5", "0.75", "0.95", "0.99"]);
  assert.equal(age.type, "integer");
  assert.equal(age.min, 17);
  assert.equal(age.max, 90);
  assert.ok(
    Array.isArray(age.top) && typeof age.top[0].value === "number" && typeof age.top[0].count === "number",
  );
});

test("--out saves a profile, --html writes a self-contained report with an SVG chart per column", () => {
  const out = join(dir, "p.json");
  const html = join(dir, "p.html");
  const r = runCli(["profile", vegaData("flights-2k.json"), "--out", out, "--html", html]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, "", "nothing on stderr when it is not a terminal (chart warnings included)");
  assert.match(r.stdout, /flights-2k\.json: 2,000 rows × 5 columns/);
  const saved = JSON.parse(readFileSync(out, "utf8"));
  assert.equal(saved.format, "assay.profile");
  const page = readFileSync(html, "utf8");
  assert.equal((page.match(/<svg/g) ?? []).length, 5);
  assert.doesNotMatch(page, /<script src|https?:\/\/(?!www\.w3\.org)/);
});

test("--sql profiles a query over files and --columns narrows it", () => {
  const parquet = vegaData("flights-3m.parquet");
  const r = runCli([
    "profile",
    "--sql",
    `SELECT delay, origin FROM '${parquet}' WHERE month(date) = 1`,
    "--json",
    "--columns",
    "delay",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.columns.length, 1);
  assert.ok(report.rows > 400_000 && report.rows < 600_000, `January rows ${report.rows}`);
});

test("a numeric column with a stray word is profiled as text and reported as mixed, with the word", () => {
  const rows = ["id,v", ...Array.from({ length: 500 }, (_, i) => `${i},${i}.5`), "500,oops"];
  const path = write("mixed.csv", `${rows.join("\n")}\n`);
  for (const engine of ["sql", "stream"]) {
    const r = runCli(["profile", path, "--json", "--engine", engine]);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    const finding = report.results.find((x: { check: string }) => x.check === "profile.mixed_types");
    assert.ok(finding, `${engine}: mixed_types reported`);
    assert.deepEqual(finding.examples, ["oops"]);
  }
});

test("bad input gets one clear line on stderr and exit 2, never a stack trace", () => {
  const cases: [string, string[], RegExp][] = [
    ["missing file", [join(dir, "nope.csv")], /no such file/],
    ["unknown extension", [write("data.xyz", "a\n1\n")], /unknown file type '\.xyz'/],
    ["empty file", [write("empty.csv", "")], /empty/],
    ["ragged rows", [write("ragged.csv", "a,b\n1,2\n3,4,5\n6,7\n")], /not a well-formed/],
    ["broken quoting", [write("quote.csv", 'a,b\n"x,1\n2,3\n')], /not a well-formed/],
    [
      "binary garbage",
      [write("garbage.parquet", Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)))],
      /garbage\.parquet/,
    ],
    ["broken json", [write("broken.ndjson", '{"a": 1}\n{"a": \n')], /broken\.ndjson/],
    ["unknown column", [fixture("adult", "adult_test.csv"), "--columns", "nope"], /no column named 'nope'/],
    ["bad engine", [fixture("adult", "adult_test.csv"), "--engine", "gpu"], /--engine must be/],
    ["unknown flag", [fixture("adult", "adult_test.csv"), "--frobnicate"], /Unknown option/],
    ["file and --sql", [fixture("adult", "adult_test.csv"), "--sql", "SELECT 1"], /either a file or --sql/],
    ["bad sql", ["--sql", "SELEC nonsense"], /syntax error/i],
  ];
  for (const [what, args, pattern] of cases) {
    const r = runCli(["profile", ...args]);
    assert.equal(r.code, 2, `${what}: exit ${r.code} ${r.stderr}`);
    assert.match(r.stderr, pattern, what);
    assert.equal(r.stderr.trim().split("\n").length, 1, `${what}: one line, got ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /\n\s+at /, `${what}: no stack trace`);
    assert.equal(r.stdout, "", `${what}: nothing on stdout`);
  }
});

test("a header-only file is an honest empty profile", () => {
  const r = runCli(["profile", write("header.csv", "a,b\n"), "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.rows, 0);
  assert.equal(report.columns.length, 2);
  assert.equal(report.columns[0].count, 0);
});

test("the stream engine splits a Parquet file across worker threads and merges to the SQL engine's profile", async () => {
  const { duckdb } = await import("../../src/io/duckdb.js");
  const conn = await duckdb();
  const part = join(dir, "flights-150k.parquet");
  await conn.run(
    `COPY (SELECT * FROM '${vegaData("flights-3m.parquet")}' LIMIT 150000) TO '${part}' (FORMAT parquet)`,
  );
  const threaded = runCli(["profile", part, "--engine", "stream", "--workers", "3", "--json"]);
  const sql = runCli(["profile", part, "--json"]);
  assert.equal(threaded.code, 0, threaded.stderr);
  assert.equal(sql.code, 0, sql.stderr);
  const a = JSON.parse(threaded.stdout);
  const b = JSON.parse(sql.stdout);
  assert.equal(a.engine, "stream");
  assert.equal(a.rows, 150000);
  a.columns.forEach((c: Record<string, unknown>, i: number) => {
    const e = b.columns[i];
    for (const key of [
      "count",
      "missing",
      "min",
      "max",
      "zeros",
      "negatives",
      "quantiles",
      "histogram",
      "sketch",
    ])
      assert.deepEqual(c[key], e[key], `${c.name}.${key}`);
    assert.ok(
      Math.abs((c.mean as number) - e.mean) <= 1e-9 * Math.max(1, Math.abs(e.mean)),
      `${c.name}.mean`,
    );
  });
});
