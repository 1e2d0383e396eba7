import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fixture, runCli } from "../helpers/cli.js";

/**
 * Issue 12 on real Yes/No data (test/fixtures/yesno: 2,110 UCI Adult rows with Yes/No columns and the
 * shared models' scores): values as written, labels that cannot invert, validation severity.
 */
const CLEAN = fixture("yesno", "telco_yesno.csv");
const UNKNOWN = fixture("yesno", "telco_yesno_unknown.csv");
const NEGATIVE = fixture("yesno", "telco_yesno_negative.csv");
const oracle = JSON.parse(readFileSync(fixture("yesno", "oracle.json"), "utf8"));
const dir = mkdtempSync(join(tmpdir(), "assay-yesno-"));

interface Column {
  name: string;
  type: string;
  top: { value: string | number; count: number }[];
  histogram: unknown;
}
interface Result {
  check: string;
  subject?: { column?: string; group?: string };
  status: string;
  severity?: string;
  count?: number;
  value?: number;
  ci?: [number, number];
  message: string;
  examples?: { row: number; value: unknown; record: Record<string, unknown> }[];
}

function json(args: string[]): { code: number; report: Record<string, unknown> & { results: Result[] } } {
  const r = runCli([...args, "--json"]);
  assert.ok(r.stdout.startsWith("{"), `no JSON (exit ${r.code}): ${r.stderr}`);
  return { code: r.code, report: JSON.parse(r.stdout) };
}

/** The fixture with Yes/No of one column rewritten, e.g. to literal true/false. */
function rewritten(name: string, column: string, map: Record<string, string>): string {
  const [head, ...rows] = readFileSync(CLEAN, "utf8").trimEnd().split("\n");
  const k = head.split(",").indexOf(column);
  const body = rows.map((line) => {
    const cells = line.split(",");
    cells[k] = map[cells[k]] ?? cells[k];
    return cells.join(",");
  });
  const path = join(dir, name);
  writeFileSync(path, `${[head, ...body].join("\n")}\n`);
  return path;
}

test("profile keeps Yes/No as written: text with top values Yes/No, no 0/1 histogram", () => {
  const { code, report } = json(["profile", CLEAN]);
  assert.equal(code, 0);
  const columns = report.columns as Column[];
  const partner = columns.find((c) => c.name === "Partner")!;
  assert.equal(partner.type, "string");
  assert.deepEqual(partner.top, [
    { value: "No", count: oracle.partnerCounts.No },
    { value: "Yes", count: oracle.partnerCounts.Yes },
  ]);
  assert.equal(partner.histogram, null);
  const label = columns.find((c) => c.name === "HighIncome")!;
  assert.deepEqual(
    label.top.map((t) => t.value),
    ["No", "Yes"],
  );
  // 0/1 integers stay numbers
  assert.equal(columns.find((c) => c.name === "SeniorCitizen")!.type, "integer");
  const text = runCli(["profile", CLEAN]).stdout;
  assert.match(text, /Partner +string .* No \(54%\)/);
  assert.match(text, /FullTime +string .* Yes \(76%\)/);
});

test("a column literally true/false stays boolean and reads true/false; one stray word makes it text", () => {
  const literal = rewritten("literal.csv", "Partner", { Yes: "true", No: "false" });
  const { report } = json(["profile", literal]);
  const partner = (report.columns as Column[]).find((c) => c.name === "Partner")!;
  assert.equal(partner.type, "boolean");
  assert.match(runCli(["profile", literal]).stdout, /Partner +boolean .* false \(54%\)/);
  const html = join(dir, "literal.html");
  assert.equal(runCli(["profile", literal, "--html", html]).code, 0);
  assert.match(readFileSync(html, "utf8"), /<h3>Partner<\/h3>.*?true \/ false<\/dt><dd>975 \/ 1,135</s);
  // the stream engine reads the same relation
  const stream = json(["profile", literal, "--engine", "stream"]);
  assert.equal((stream.report.columns as Column[]).find((c) => c.name === "Partner")!.type, "boolean");
  // Y/N, as DuckDB's sniffer would also call BOOLEAN, stays text
  const yn = rewritten("yn.csv", "Partner", { Yes: "Y", No: "N" });
  const ynPartner = (json(["profile", yn]).report.columns as Column[]).find((c) => c.name === "Partner")!;
  assert.equal(ynPartner.type, "string");
  assert.deepEqual(
    ynPartner.top.map((t) => t.value),
    ["N", "Y"],
  );
});

test("three Unknown cells in a Yes/No column: type_mismatch counts those 3 rows and shows them", () => {
  // A contract written when Yes/No was read as boolean (older Assay versions inferred `type: boolean`).
  const inferred = runCli(["schema", "infer", CLEAN]);
  assert.equal(inferred.code, 0, inferred.stderr);
  assert.match(inferred.stdout, / {2}Partner:\n {4}type: string\n/);
  assert.match(inferred.stdout, /values:\n {8}No: 0\.5379\n {8}Yes: 0\.4621/);
  const boolSchema = inferred.stdout.replace(/ {2}Partner:\n( {4}.*\n)+/, "  Partner:\n    type: boolean\n");
  assert.notEqual(boolSchema, inferred.stdout);
  const schemaPath = join(dir, "bool.schema.yaml");
  writeFileSync(schemaPath, boolSchema);
  const clean = json(["validate", CLEAN, "--schema", schemaPath]);
  assert.equal(clean.code, 0, "Yes/No words under a boolean contract parse");
  const { code, report } = json(["validate", UNKNOWN, "--schema", schemaPath]);
  assert.equal(code, 1);
  const mismatch = report.results.find((r) => r.check === "schema.type_mismatch")!;
  assert.equal(mismatch.status, "fail");
  assert.equal(mismatch.count, 3);
  assert.deepEqual(
    mismatch.examples!.map((e) => [e.row, e.value]),
    oracle.unknownRows.map((row: number) => [row, "Unknown"]),
  );
  // the example rows show the other Yes/No columns as written
  assert.ok(mismatch.examples!.every((e) => e.record.FullTime === "Yes" || e.record.FullTime === "No"));
  const text = runCli(["validate", UNKNOWN, "--schema", schemaPath]).stdout;
  assert.match(text, /schema\.type_mismatch +Partner +3 \(0\.1%\)/);
  assert.match(text, /rows 17, 804, 1650/);
});

test("three negative amounts under a range from 0 warn (the schema header's promise), with their rows", () => {
  const schemaPath = join(dir, "clean.schema.yaml");
  assert.equal(runCli(["schema", "infer", CLEAN, "--out", schemaPath]).code, 0);
  assert.match(readFileSync(schemaPath, "utf8"), /a negative value under a range from 0/);
  const { code, report } = json(["validate", NEGATIVE, "--schema", schemaPath]);
  assert.equal(code, 0, "a warning, not an error");
  const range = report.results.find(
    (r) => r.check === "schema.out_of_range" && r.subject?.column === "capital_gain",
  )!;
  assert.equal(range.status, "warn");
  assert.equal(range.severity, "warning");
  assert.equal(range.count, 3);
  assert.match(range.message, /3 negative where the reference range has none/);
  assert.deepEqual(
    range.examples!.map((e) => e.row),
    oracle.negativeRows,
  );
  // the clean file and a value inside the range pass as before
  const clean = json(["validate", CLEAN, "--schema", schemaPath]);
  assert.equal(
    clean.report.results.find(
      (r) => r.check === "schema.out_of_range" && r.subject?.column === "capital_gain",
    )!.status,
    "pass",
  );
  // a severity set to info keeps it silent
  const quiet = join(dir, "quiet.schema.yaml");
  writeFileSync(
    quiet,
    readFileSync(schemaPath, "utf8").replace(
      /^checks: \{\}$/m,
      "checks: {schema.out_of_range: {severity: info}}",
    ),
  );
  const silenced = json(["validate", NEGATIVE, "--schema", quiet]);
  assert.equal(
    silenced.report.results.find(
      (r) => r.check === "schema.out_of_range" && r.subject?.column === "capital_gain",
    )!.status,
    "pass",
  );
});

test("evaluate --positive Yes uses Yes: 506 positives, scikit-learn's ROC AUC, the header says so", () => {
  const args = ["evaluate", CLEAN, "--label", "HighIncome", "--score", "score_v1", "--no-baseline"];
  const { code, report } = json([...args, "--positive", "Yes", "--resamples", "200"]);
  assert.equal(code, 0);
  assert.equal(report.positives, oracle.labelCounts.Yes);
  assert.deepEqual(report.positiveClass, { value: "Yes", count: 506, rows: 2110 });
  assert.equal((report.config as { positive: string }).positive, "Yes");
  const metrics = report.metrics as Record<string, { value: number }>;
  assert.ok(Math.abs(metrics.rocAuc.value - oracle.score_v1.rocAucYes) < 1e-12);
  assert.ok(Math.abs(metrics.accuracy.value - oracle.score_v1.accuracyYes) < 1e-12);
  assert.equal(
    report.results.find((r) => r.check === "evaluate.inverted_scores"),
    undefined,
  );
  const text = runCli([...args, "--positive", "Yes", "--resamples", "0"]).stdout;
  assert.match(text, /label HighIncome, positive = "Yes" \(506 of 2,110 rows\)/);
  // slices name the values as written
  const sliced = json([...args, "--positive", "Yes", "--resamples", "0", "--slices", "Partner"]);
  assert.deepEqual((sliced.report.slices as { slice: string }[]).map((s) => s.slice).sort(), [
    "Partner = No",
    "Partner = Yes",
  ]);
});

test("evaluate --positive No: the scores run against the label, an error finding and exit 1", () => {
  const { code, report } = json([
    "evaluate",
    CLEAN,
    "--label",
    "HighIncome",
    "--score",
    "score_v1",
    "--positive",
    "No",
    "--no-baseline",
    "--resamples",
    "200",
  ]);
  assert.equal(code, 1);
  assert.equal(report.positives, oracle.labelCounts.No);
  const inverted = report.results.find((r) => r.check === "evaluate.inverted_scores")!;
  assert.equal(inverted.status, "fail");
  assert.equal(inverted.severity, "error");
  assert.ok(Math.abs(inverted.value! - oracle.score_v1.rocAucNo) < 1e-12);
  assert.ok(inverted.ci![1] < 0.5);
  assert.match(inverted.message, /is the positive class inverted\?/);
});

test("a --positive in no row, or none for a Yes/No label, is exit 2 listing the values with counts", () => {
  for (const command of [
    ["evaluate", CLEAN, "--score", "score_v1"],
    ["compare", CLEAN, "--old", "score:score_v1", "--new", "score:score_v2"],
  ])
    for (const positive of ["false", "1", "yes", "Maybe"]) {
      const r = runCli([...command, "--label", "HighIncome", "--positive", positive]);
      assert.equal(r.code, 2, `${command[0]} --positive ${positive}: ${r.stderr}`);
      assert.match(
        r.stderr,
        new RegExp(
          `--positive '${positive}' occurs in no row of label 'HighIncome'.*"No" \\(1,604\\), "Yes" \\(506\\)`,
        ),
      );
      assert.equal(r.stderr.trim().split("\n").length, 1);
      if (positive === "yes") assert.match(r.stderr, /did you mean 'Yes'\?/);
    }
  const none = runCli(["evaluate", CLEAN, "--label", "HighIncome", "--score", "score_v1"]);
  assert.equal(none.code, 2);
  assert.match(
    none.stderr,
    /say which value is positive with --positive \(values: "No" \(1,604\), "Yes" \(506\)\)/,
  );
});

test("compare --positive Yes gives the true update (accuracy −0.0038); --positive No fails as inverted", () => {
  const args = [
    "compare",
    CLEAN,
    "--label",
    "HighIncome",
    "--old",
    "score:score_v1",
    "--new",
    "score:score_v2",
  ];
  const yes = json([...args, "--positive", "Yes", "--resamples", "200"]);
  assert.equal(yes.code, 0);
  const delta = (yes.report as unknown as { accuracyDelta: { value: number } }).accuracyDelta.value;
  assert.ok(Math.abs(delta - (oracle.score_v2.accuracyYes - oracle.score_v1.accuracyYes)) < 1e-12);
  assert.ok(delta < 0);
  assert.deepEqual(yes.report.positiveClass, { value: "Yes", count: 506, rows: 2110 });
  assert.equal(
    yes.report.results.find((r) => r.check === "compat.inverted_scores"),
    undefined,
  );
  assert.match(
    runCli([...args, "--positive", "Yes", "--resamples", "0"]).stdout,
    /positive = "Yes" \(506 of 2,110 rows\)/,
  );
  const no = json([...args, "--positive", "No", "--resamples", "200"]);
  assert.equal(no.code, 1);
  const inverted = no.report.results.filter((r) => r.check === "compat.inverted_scores");
  assert.deepEqual(
    inverted.map((r) => r.subject?.group),
    ["old", "new"],
  );
  assert.ok(inverted.every((r) => r.status === "fail" && r.ci![1] < 0.5));
  assert.equal((no.report.summary as { verdict: string }).verdict, "fail");
  // a golden set cut with Yes records it, and refuses to be read with No
  const golden = join(dir, "golden.json");
  assert.equal(runCli([...args, "--positive", "Yes", "--resamples", "0", "--golden-out", golden]).code, 0);
  assert.equal(JSON.parse(readFileSync(golden, "utf8")).positive, "Yes");
  const misread = runCli([...args, "--positive", "No", "--resamples", "0", "--golden", golden]);
  assert.equal(misread.code, 2);
  assert.match(misread.stderr, /golden set was cut with positive = "Yes", not "No"/);
});

test("conformal --positive No flags inverted scores on both sides (exit 1); Yes does not", () => {
  const [head, ...rows] = readFileSync(CLEAN, "utf8").trimEnd().split("\n");
  const cal = join(dir, "cal.csv");
  const ev = join(dir, "ev.csv");
  writeFileSync(cal, `${[head, ...rows.slice(0, 1055)].join("\n")}\n`);
  writeFileSync(ev, `${[head, ...rows.slice(1055)].join("\n")}\n`);
  const args = ["conformal", cal, ev, "--label", "HighIncome", "--score", "score_v1", "--no-ood"];
  const yes = json([...args, "--positive", "Yes"]);
  assert.equal(
    yes.report.results.find((r) => r.check === "trust.inverted_scores"),
    undefined,
  );
  assert.deepEqual(yes.report.positiveClass, {
    value: "Yes",
    calibration: { count: 254, rows: 1055 },
    evaluation: { count: 252, rows: 1055 },
  });
  // [negative, positive] as the label writes them
  assert.deepEqual(yes.report.classes, ["No", "Yes"]);
  const no = json([...args, "--positive", "No"]);
  assert.equal(no.code, 1);
  assert.deepEqual(
    no.report.results.filter((r) => r.check === "trust.inverted_scores").map((r) => r.subject?.group),
    ["calibration", "evaluation"],
  );
  const bad = runCli([...args, "--positive", "true"]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /occurs in no row of label 'HighIncome'/);
});
