import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, runCli, vegaData } from "../helpers/cli.js";

/**
 * `assay check <preset>` on real data: each stage must say what the command it stands for says on the
 * same inputs (run beside it), and the suite must fail exactly when a stage does.
 */
const dir = mkdtempSync(join(tmpdir(), "assay-check-"));
const adult = (f: string) => join(ROOT, "examples", "adult", f);
const schema = adult("adult.schema.yaml");
const json = (stdout: string) => JSON.parse(stdout);

test("data-release on adult's test split: validate and lint pass, as the two commands do alone", () => {
  const junit = join(dir, "release.xml");
  const args = [
    "--current",
    adult("adult_test.csv"),
    "--schema",
    schema,
    "--reference",
    adult("adult_train.csv"),
  ];
  const r = runCli([
    "check",
    "data-release",
    ...args,
    "--label",
    "income-per-year",
    "--json",
    "--junit",
    junit,
  ]);
  assert.equal(r.code, 0, r.stderr);
  const report = json(r.stdout);
  assert.equal(report.kind, "check");
  assert.deepEqual(
    report.summary.stages.map((s: { name: string }) => s.name),
    ["validate", "lint"],
  );
  assert.deepEqual(report.summary.failedStages, []);
  const validate = runCli(["validate", adult("adult_test.csv"), "--schema", schema, "--json"]);
  assert.equal(validate.code, 0);
  const alone = json(validate.stdout).results.map(
    (x: { check: string; status: string }) => `${x.check} ${x.status}`,
  );
  const inSuite = report.results
    .filter((x: { stage: string }) => x.stage === "validate")
    .map((x: { check: string; status: string }) => `${x.check} ${x.status}`);
  assert.deepEqual(inSuite, alone);
  const lint = runCli([
    "lint",
    adult("adult_test.csv"),
    "--label",
    "income-per-year",
    "--against",
    adult("adult_train.csv"),
    "--json",
  ]);
  assert.equal(
    report.results.filter((x: { stage: string }) => x.stage === "lint").length,
    json(lint.stdout).results.length,
  );
  const xml = readFileSync(junit, "utf8");
  assert.equal((xml.match(/<testsuite /g) ?? []).length, 2);
  assert.match(xml, /<testsuite name="data-release: validate"/);
  assert.equal((xml.match(/<testcase /g) ?? []).length, report.results.length);
});

test("data-release of a batch scaled ×1000 with a rule on the previous batch fails validate, and the JUnit says where", () => {
  const junit = join(dir, "broken.xml");
  const html = join(dir, "broken.html");
  const rules = join(dir, "with-rules.schema.yaml");
  writeFileSync(
    rules,
    `${readFileSync(schema, "utf8")}
rules:
  - id: volume
    rowCount: { previous: previous, min: 0.8, max: 1.25 }
  - id: hours-possible
    expect: '"hours-per-week" <= 168'
`,
  );
  const batch = `SELECT * REPLACE (age * 1000 AS age) FROM read_csv('${adult("adult_test.csv")}', header = true)`;
  const r = runCli([
    "check",
    "data-release",
    "--current-sql",
    batch,
    "--schema",
    rules,
    "--table",
    `previous=${adult("adult_train.csv")}`,
    "--json",
    "--junit",
    junit,
    "--html",
    html,
  ]);
  assert.equal(r.code, 1, r.stderr);
  const report = json(r.stdout);
  assert.deepEqual(report.summary.failedStages, ["validate"]);
  const failing = report.results
    .filter((x: { status: string }) => x.status === "fail")
    .map(
      (x: { check: string; subject?: { rule?: string; column?: string } }) =>
        `${x.check} ${x.subject?.rule ?? x.subject?.column}`,
    );
  assert.ok(failing.includes("schema.unit_change age"), failing.join(", "));
  assert.ok(failing.includes("rule.row_count_change volume"), failing.join(", "));
  assert.ok(!failing.some((f: string) => f.includes("hours-possible")));
  const xml = readFileSync(junit, "utf8");
  assert.match(
    xml,
    /<testcase classname="rule.row_count_change" name="rule.row_count_change \[volume\]" time="0">\n\s*<failure/,
  );
  assert.match(readFileSync(html, "utf8"), /volume: 16281 rows against 32561/);
});

test("drift: flights January against June drifts (the dates), exit 1, as assay drift says", () => {
  const flights = vegaData("flights-3m.parquet");
  const month = (m: number) => `SELECT * FROM '${flights}' WHERE month(date) = ${m}`;
  const r = runCli(["check", "drift", "--reference-sql", month(1), "--current-sql", month(6), "--json"]);
  assert.equal(r.code, 1, r.stderr);
  const report = json(r.stdout);
  assert.deepEqual(report.summary.failedStages, ["drift"]);
  const alone = json(
    runCli(["drift", "--reference-sql", month(1), "--current-sql", month(6), "--json"]).stdout,
  );
  const verdicts = (rs: { check: string; subject?: { column?: string }; status: string }[]) =>
    rs.map((x) => `${x.check} ${x.subject?.column ?? ""} ${x.status}`);
  assert.deepEqual(verdicts(report.results), verdicts(alone.results));
});

test("model-release: adult v2 evaluated and compared with v1, with the verdicts of assay evaluate and assay compare", () => {
  const data = adult("adult_test.csv");
  const r = runCli([
    "check",
    "model-release",
    "--current",
    data,
    "--label",
    "income-per-year",
    "--new",
    adult("adult_v2.yaml"),
    "--old",
    adult("adult_v1.yaml"),
    "--json",
  ]);
  const report = json(r.stdout);
  assert.deepEqual(
    report.summary.stages.map((s: { name: string }) => s.name),
    ["evaluate", "compare"],
  );
  const compare = runCli([
    "compare",
    data,
    "--label",
    "income-per-year",
    "--old",
    adult("adult_v1.yaml"),
    "--new",
    adult("adult_v2.yaml"),
    "--json",
  ]);
  const alone = json(compare.stdout);
  const inSuite = report.results.filter((x: { stage: string }) => x.stage === "compare");
  assert.deepEqual(
    inSuite.map((x: { check: string; status: string }) => `${x.check} ${x.status}`),
    alone.results.map((x: { check: string; status: string }) => `${x.check} ${x.status}`),
  );
  assert.equal(report.stages[1].summary.status, alone.summary.status);
  assert.equal(r.code, compare.code === 1 ? 1 : 0, r.stderr);
});

test("a preset file names the options; flags win; bad presets and missing options are one-line usage errors", () => {
  const config = join(dir, "release.check.yaml");
  writeFileSync(
    config,
    `preset: data-release\ncurrent: ${adult("adult_test.csv")}\nschema: ${schema}\nlabel: income-per-year\n`,
  );
  const r = runCli(["check", "--config", config, "--json"]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(json(r.stdout).preset, "data-release");
  // a flag wins over the file: this label is no column
  const flagged = runCli(["check", "--config", config, "--label", "nope"]);
  assert.equal(flagged.code, 2);
  assert.match(flagged.stderr, /no label column named 'nope'/);
  for (const [args, pattern] of [
    [["check", "nightly"], /unknown preset 'nightly'; presets: data-release, drift, model-release/],
    [["check", "data-release", "--current", adult("adult_test.csv")], /data-release needs --schema FILE/],
    [["check", "drift", "--current", adult("adult_test.csv")], /drift needs --reference FILE/],
    [
      ["check", "model-release", "--current", adult("adult_test.csv"), "--label", "income-per-year"],
      /model-release needs --new SPEC/,
    ],
  ] as [string[], RegExp][]) {
    const bad = runCli(args);
    assert.equal(bad.code, 2, args.join(" "));
    assert.match(bad.stderr, pattern);
    assert.equal(bad.stderr.trim().split("\n").length, 1, bad.stderr);
  }
});

test("check --help teaches the presets, their stages and exit codes; validate --help teaches rules", () => {
  const r = runCli(["check", "--help"]);
  assert.equal(r.code, 0);
  for (const word of ["data-release", "drift", "model-release", "--junit", "--config", "exit codes"])
    assert.ok(r.stdout.includes(word), word);
  const v = runCli(["validate", "--help"]);
  assert.match(v.stdout, /--table NAME=FILE/);
  assert.match(v.stdout, /rule\.foreign_key/);
  assert.match(runCli(["--help"]).stdout, /check\s+CI suites in one step/);
});
