import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fixture, runCli, vegaData } from "../helpers/cli.js";

const oracle = JSON.parse(readFileSync(fixture("drift", "adult_drift_oracle.json"), "utf8")).drift;
const train = fixture("adult", "adult_train.csv");
const testSplit = fixture("adult", "adult_test.csv");

function driftJson(args: string[]) {
  const r = runCli(["drift", ...args, "--json"]);
  assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
  return { code: r.code, report: JSON.parse(r.stdout) };
}

test("adult train vs test: nothing drifts, exit 0, statistics equal the SciPy oracle", () => {
  const { code, report } = driftJson([train, testSplit]);
  assert.equal(code, 0);
  assert.equal(report.kind, "drift");
  assert.equal(report.drifted, false);
  assert.equal(report.share, 0);
  assert.equal(report.columns.length, 15);
  const age = report.columns.find((c: { name: string }) => c.name === "age");
  const expected = oracle.train_vs_test.columns.age;
  assert.equal(age.kind, "numeric");
  assert.ok(Math.abs(age.stats.ks.statistic - expected.ks.statistic) <= 1e-12 * expected.ks.statistic);
  assert.ok(Math.abs(age.stats.ks.pValue - expected.ks.pvalue) <= 1e-9 * expected.ks.pvalue);
  assert.ok(Math.abs(age.stats.psi - expected.psi.value) <= 1e-12 * expected.psi.value);
  assert.ok(
    Math.abs(age.stats.wassersteinNorm - expected.wasserstein_normed) <= 1e-12 * expected.wasserstein_normed,
  );
  const sex = report.columns.find((c: { name: string }) => c.name === "sex");
  assert.equal(sex.stats.chi2.dof, 1);
  assert.ok(
    Math.abs(sex.stats.chi2.statistic - oracle.train_vs_test.columns.sex.chi2.statistic) <=
      1e-10 * oracle.train_vs_test.columns.sex.chi2.statistic,
  );
  for (const c of report.columns) {
    assert.ok(["drift", "warn", "insufficient", "stable"].includes(c.status));
    assert.ok(c.stats.missingRate !== undefined);
  }
  assert.equal(report.results.at(-1).check, "drift.dataset");
});

test("adult train vs the test rows with age ≥ 45: drift, exit 1, the shifted columns flagged", () => {
  const sql = `SELECT * FROM read_csv('${testSplit}', header = true) WHERE age >= 45`;
  const { code, report } = driftJson([train, "--current-sql", sql]);
  assert.equal(code, 1);
  assert.equal(report.drifted, true);
  const status = Object.fromEntries(
    report.columns.map((c: { name: string; status: string }) => [c.name, c.status]),
  );
  for (const name of ["age", "marital-status", "relationship"]) assert.equal(status[name], "drift", name);
  // race's shares move by under 3 points (JS 0.027): a confirmed change below the threshold
  assert.equal(status.race, "warn");
  // sorted by status, then by effect ratio
  assert.equal(report.columns[0].name, "age");
  assert.ok(report.share > 0 && report.share < 1);
});

test("a YAML policy and command-line overrides change methods, thresholds and ignored columns", () => {
  const sql = `SELECT * FROM read_csv('${testSplit}', header = true) WHERE age >= 45`;
  const { report } = driftJson([train, "--current-sql", sql, "--config", fixture("drift", "policy.yaml")]);
  assert.equal(report.config.alpha, 0.01);
  assert.deepEqual(report.ignored, ["fnlwgt"]);
  const age = report.columns.find((c: { name: string }) => c.name === "age");
  assert.equal(age.effect.method, "ks");
  assert.equal(age.effect.threshold, 0.2);
  const race = report.columns.find((c: { name: string }) => c.name === "race");
  assert.equal(race.effect.method, "linf");
  const cli = driftJson([
    train,
    testSplit,
    "--method",
    "numeric=psi",
    "--threshold",
    "age=0.3",
    "--columns",
    "age,sex",
  ]);
  assert.equal(cli.report.columns.length, 2);
  const age2 = cli.report.columns.find((c: { name: string }) => c.name === "age");
  assert.equal(age2.effect.method, "psi");
  assert.equal(age2.effect.threshold, 0.3);
});

test("terminal summary lists columns and the dataset verdict", () => {
  const r = runCli(["drift", train, testSplit, "--columns", "age,sex,education"]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /dataset: no drift/);
  assert.match(r.stdout, /age\s+numeric\s+wassersteinNorm/);
  assert.match(r.stdout, /rule: /);
});

test("--html writes a self-contained report with an SVG chart per column", () => {
  const dir = mkdtempSync(join(tmpdir(), "assay-drift-"));
  const out = join(dir, "drift.html");
  const r = runCli(["drift", train, testSplit, "--columns", "age,sex", "--html", out]);
  assert.equal(r.code, 0, r.stderr);
  const html = readFileSync(out, "utf8");
  assert.equal((html.match(/<svg/g) ?? []).length, 4, "a chart per column and its thumbnail in the table");
  assert.equal((html.match(/<script/g) ?? []).length, 1, "only the shared table-sorting script");
  assert.ok(!/<script src|https?:\/\/(?!www\.w3\.org)/.test(html), "no network references");
});

test("bad input: one clear line on stderr, exit 2", () => {
  const dir = mkdtempSync(join(tmpdir(), "assay-drift-"));
  const broken = join(dir, "broken.yaml");
  writeFileSync(broken, "alpha: [1, 2\n");
  const cases: [string[], RegExp][] = [
    [["drift"], /missing reference/],
    [["drift", train], /missing current/],
    [["drift", train, "nope.csv"], /nope\.csv: no such file/],
    [["drift", train, testSplit, "--columns", "salary"], /no column named 'salary'/],
    [["drift", train, testSplit, "--method", "age=chi2"], /method must be one of/],
    [["drift", train, testSplit, "--method", "sex=wasserstein"], /does not apply to categorical/],
    [["drift", train, testSplit, "--threshold", "age=abc"], /expects a number/],
    [["drift", train, testSplit, "--alpha", "0"], /alpha/],
    [["drift", train, testSplit, "--config", fixture("drift", "bad-policy.yaml")], /numeric\.method/],
    [["drift", train, testSplit, "--config", broken], /not valid YAML/],
    [["drift", train, testSplit, "extra.csv"], /unexpected argument/],
  ];
  for (const [args, message] of cases) {
    const r = runCli(args);
    assert.equal(r.code, 2, `${args.join(" ")}: exit ${r.code} ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /internal error|at .*\.js:/);
  }
});

test("a column whose type changed is compared as categorical and the change is reported", () => {
  const sql = `SELECT CAST(age AS VARCHAR) AS age, sex FROM read_csv('${testSplit}', header = true)`;
  const { report } = driftJson([train, "--current-sql", sql]);
  const age = report.columns.find((c: { name: string }) => c.name === "age");
  assert.equal(age.typeChange, "integer → string");
  assert.equal(age.kind, "categorical");
  assert.equal(age.effect.method, "jsCorrected");
  assert.ok(age.stats.chi2.dof > 50);
  assert.equal(age.status, "stable"); // same values, only the type changed
});

test("high-cardinality categorical columns are pooled in DuckDB: top categories + (other), exact unseen share", () => {
  const id = (file: string) => `SELECT CAST(fnlwgt AS VARCHAR) AS id FROM read_csv('${file}', header = true)`;
  const { report } = driftJson(["--reference-sql", id(train), "--current-sql", id(testSplit)]);
  const column = report.columns[0];
  assert.equal(column.kind, "categorical");
  assert.equal(column.stats.chi2.dof, 10_000); // 10,000 most frequent categories + (other)
  // the unseen share over all ~21,000 categories, recomputed from the files
  const values = (file: string) =>
    readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(",")[2]);
  const seen = new Set(values(train));
  const current = values(testSplit);
  const unseen = current.filter((v) => !seen.has(v)).length;
  assert.equal(column.stats.unseen.count, unseen);
  assert.ok(Math.abs(column.stats.unseen.share - unseen / current.length) < 1e-15);
  assert.equal(column.stats.current.n, current.length);
});

test("NULLs count as missing, NaN as non-finite: each is a drift signal of its own", () => {
  const sql = `SELECT CASE WHEN age > 60 THEN NULL ELSE age END AS age,
    CASE WHEN age > 60 THEN 'nan'::DOUBLE ELSE fnlwgt END AS fnlwgt FROM read_csv('${testSplit}', header = true)`;
  const { code, report } = driftJson([train, "--current-sql", sql, "--columns", "age,fnlwgt"]);
  assert.equal(code, 1);
  const col = (name: string) => report.columns.find((c: { name: string }) => c.name === name);
  const age = col("age");
  assert.ok(age.stats.missingRate.current > 0.05);
  assert.equal(age.signals.find((s: { signal: string }) => s.signal === "missing").status, "drift");
  const fnlwgt = col("fnlwgt");
  assert.equal(fnlwgt.stats.missingRate.current, 0);
  assert.ok(fnlwgt.stats.nonFiniteRate.current > 0.05);
  assert.equal(fnlwgt.status, "drift");
  assert.equal(fnlwgt.signals.find((s: { signal: string }) => s.signal === "nonFinite").status, "drift");
  assert.equal(fnlwgt.stats.current.n + Math.round(fnlwgt.stats.nonFiniteRate.current * 16281), 16281);
});

test("degenerate sides get no verdict: a header-only file is an input error, ten rows are insufficient, not 'no drift'", () => {
  const dir = mkdtempSync(join(tmpdir(), "assay-drift-empty-"));
  const lines = readFileSync(testSplit, "utf8").split("\n");
  const headerOnly = join(dir, "header-only.csv");
  writeFileSync(headerOnly, `${lines[0]}\n`);
  for (const args of [
    [train, headerOnly],
    [headerOnly, train],
  ]) {
    const r = runCli(["drift", ...args]);
    assert.equal(r.code, 2, r.stdout);
    assert.match(r.stderr, /header-only\.csv has no rows: there is nothing to compare/);
    assert.equal(r.stderr.trim().split("\n").length, 1);
  }
  const ten = join(dir, "ten.csv");
  writeFileSync(ten, `${lines.slice(0, 11).join("\n")}\n`);
  const { report } = driftJson([train, ten]);
  assert.equal(report.summary.verdict, "insufficient");
  assert.equal(report.summary.status, "warn");
  assert.equal(report.insufficient, true);
  const text = runCli(["drift", train, ten]);
  assert.match(text.stdout, /dataset: INSUFFICIENT/);
  assert.doesNotMatch(text.stdout, /no drift/);
});

test("--ignore date leaves out flights' column named date (a timestamp), not only columns of type date", () => {
  const flights = vegaData("flights-3m.parquet");
  const { report } = driftJson([
    "--reference-sql",
    `SELECT * FROM '${flights}' WHERE month(date) = 1 LIMIT 5000`,
    "--current-sql",
    `SELECT * FROM '${flights}' WHERE month(date) = 2 LIMIT 5000`,
    "--ignore",
    "date",
  ]);
  assert.deepEqual(report.ignored, ["date"]);
  assert.ok(!report.columns.some((c: { name: string }) => c.name === "date"));
});
