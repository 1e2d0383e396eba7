import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { fixture, runCli } from "../helpers/cli.js";

/**
 * Detection and no-false-alarm tests on the UCI adult data: a schema inferred from the training
 * split, then the test split as is and corrupted copies of it made here, each of which must fire
 * its check with the right counts and 0-based row numbers (data rows, header excluded).
 */
interface Result {
  check: string;
  subject?: { column?: string };
  status: string;
  severity: string;
  count?: number;
  total?: number;
  value?: number | null;
  message: string;
  examples?: { row: number; value?: unknown; duplicateOf?: number }[];
  suggestion?: string;
  unseenValues?: { value: string; count: number; variantOf?: string; kind?: string; renamedFrom?: string }[];
  found?: Record<string, number>;
}

const dir = mkdtempSync(join(tmpdir(), "assay-validate-"));
const schemaPath = join(dir, "adult.schema.yaml");
const testText = readFileSync(fixture("adult", "adult_test.csv"), "utf8");
const [headerLine, ...dataLines] = testText.trimEnd().split("\n");
const header = headerLine.split(",");
const rows = dataLines.map((l) => l.split(","));

function writeCsv(name: string, head: string[], body: string[][]): string {
  const path = join(dir, name);
  writeFileSync(path, `${[head.join(","), ...body.map((r) => r.join(","))].join("\n")}\n`);
  return path;
}

function validate(path: string, extra: string[] = []): { code: number; results: Result[]; report: any } {
  const r = runCli(["validate", path, "--schema", schemaPath, "--json", ...extra]);
  assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
  const report = JSON.parse(r.stdout);
  return { code: r.code, results: report.results, report };
}

function find(results: Result[], check: string, column?: string): Result {
  const hit = results.find(
    (r) => r.check === check && (column === undefined || r.subject?.column === column),
  );
  assert.ok(hit, `no ${check}${column ? ` [${column}]` : ""} result`);
  return hit;
}

const errorsOf = (results: Result[]) => results.filter((r) => r.status === "fail" && r.severity === "error");
const col = (name: string) => header.indexOf(name);

before(() => {
  const r = runCli(["schema", "infer", fixture("adult", "adult_train.csv"), "--out", schemaPath]);
  assert.equal(r.code, 0, r.stderr);
});

describe("no false alarms", () => {
  test("the schema from adult_train validates adult_test with zero error anomalies", () => {
    const { code, results, report } = validate(fixture("adult", "adult_test.csv"));
    assert.deepEqual(errorsOf(results), []);
    assert.equal(code, 0);
    assert.equal(report.kind, "validation");
    assert.equal(report.rows, 16281);
    // 15 columns: every column gets a missing-rate check
    assert.equal(results.filter((r) => r.check === "schema.missing_rate").length, 15);
  });

  test("one missing value in a column that had none is not an error", () => {
    const body = rows.map((r) => [...r]);
    body[123][col("age")] = "";
    const { code, results } = validate(writeCsv("one-missing.csv", header, body));
    const missing = find(results, "schema.missing_rate", "age");
    assert.equal(missing.count, 1);
    assert.notEqual(missing.status, "fail");
    assert.equal(code, 0);
  });
});

describe("detection on corrupted copies of adult_test", () => {
  test("a dropped column fires schema.missing_column", () => {
    const drop = col("education");
    const { code, results } = validate(
      writeCsv(
        "dropped.csv",
        header.filter((_, i) => i !== drop),
        rows.map((r) => r.filter((_, i) => i !== drop)),
      ),
    );
    const r = find(results, "schema.missing_column", "education");
    assert.equal(r.status, "fail");
    assert.equal(code, 1);
    assert.equal(errorsOf(results).length, 1);
  });

  test("a renamed category fires schema.out_of_domain with its count, rows and the likely rename", () => {
    const c = col("workclass");
    const body = rows.map((r) => [...r]);
    const hitRows: number[] = [];
    body.forEach((r, i) => {
      if (r[c] === "Self-emp-not-inc") {
        r[c] = "Freelance";
        hitRows.push(i);
      }
    });
    const { code, results } = validate(writeCsv("renamed.csv", header, body));
    const r = find(results, "schema.out_of_domain", "workclass");
    assert.equal(r.status, "fail");
    assert.equal(r.count, hitRows.length);
    assert.deepEqual(
      r.examples?.map((e) => e.row),
      hitRows.slice(0, 5),
    );
    assert.equal(r.unseenValues?.[0].value, "Freelance");
    assert.equal(r.unseenValues?.[0].renamedFrom, "Self-emp-not-inc");
    assert.equal(code, 1);
  });

  test("lower-cased values fire schema.out_of_domain naming the case variants", () => {
    const c = col("sex");
    const body = rows.map((r) => r.map((v, i) => (i === c ? v.toLowerCase() : v)));
    const { results } = validate(writeCsv("lower.csv", header, body));
    const r = find(results, "schema.out_of_domain", "sex");
    assert.equal(r.status, "fail");
    assert.equal(r.count, rows.length);
    assert.deepEqual(
      r.examples?.map((e) => e.row),
      [0, 1, 2, 3, 4],
    );
    const variants = Object.fromEntries((r.unseenValues ?? []).map((u) => [u.value, u.variantOf]));
    assert.deepEqual(variants, { male: "Male", female: "Female" });
    assert.match(r.suggestion ?? "", /'male' → 'Male'/);
  });

  test("a column multiplied by 1000 fires schema.unit_change (×1000) and schema.out_of_range", () => {
    const c = col("hours-per-week");
    const body = rows.map((r) => r.map((v, i) => (i === c ? String(Number(v) * 1000) : v)));
    const { results } = validate(writeCsv("x1000.csv", header, body));
    const unit = find(results, "schema.unit_change", "hours-per-week");
    assert.equal(unit.status, "fail");
    // the reference quantiles come from a sketch with 1% relative error, and test ≠ train: ≈ 1000
    assert.ok(Math.abs(Math.log((unit.value ?? 0) / 1000)) < Math.log(1.03), `factor ${unit.value}`);
    assert.match(unit.message, /×1000 \(e\.g\. kg → g/);
    const range = find(results, "schema.out_of_range", "hours-per-week");
    assert.equal(range.status, "fail");
    // train max is 99 hours: every value ≥ 1000 is outside
    assert.equal(range.count, rows.length);
    // the other numeric columns did not move
    for (const other of ["age", "fnlwgt", "education-num"])
      assert.equal(find(results, "schema.unit_change", other).status, "pass");
  });

  test("injected NaN and ±Inf fire data.non_finite with the counts and row numbers", () => {
    const c = col("fnlwgt");
    const body = rows.map((r) => [...r]);
    const injected: number[] = [];
    for (let i = 7; i < body.length && injected.length < 60; i += 97) {
      body[i][c] = injected.length < 40 ? "NaN" : injected.length < 50 ? "inf" : "-inf";
      injected.push(i);
    }
    const { code, results } = validate(writeCsv("nonfinite.csv", header, body));
    const r = find(results, "data.non_finite", "fnlwgt");
    assert.equal(r.status, "fail");
    assert.equal(r.count, 60);
    assert.deepEqual(r.found, { nan: 40, posInf: 10, negInf: 10 });
    assert.deepEqual(
      r.examples?.map((e) => e.row),
      injected.slice(0, 5),
    );
    assert.equal(r.examples?.[0].value, "NaN");
    // the column is now DOUBLE, but its finite values are whole numbers: no type error
    assert.notEqual(find(results, "schema.type_mismatch", "fnlwgt").status, "fail");
    assert.equal(code, 1);
  });

  test("numbers turned into strings fire schema.type_mismatch with the rows that do not parse", () => {
    const c = col("age");
    const body = rows.map((r) => [...r]);
    const bad = [3, 50, 51, 4000, 16280];
    for (const i of bad) body[i][c] = `${body[i][c]} years`;
    const { results } = validate(writeCsv("strings.csv", header, body));
    const r = find(results, "schema.type_mismatch", "age");
    assert.equal(r.status, "fail");
    assert.equal(r.count, bad.length);
    assert.deepEqual(
      r.examples?.map((e) => e.row),
      bad,
    );
    assert.equal(r.examples?.[0].value, `${rows[3][c]} years`);
    // the rest of the column is still checked, as numbers
    assert.equal(find(results, "schema.out_of_range", "age").status, "pass");
  });

  test("duplicated rows fire data.duplicate_rows with the count and which earlier row each repeats", () => {
    const copies = rows.slice(0, 300).map((r) => [...r]);
    const body = [...rows, ...copies];
    // expected duplicates: rows equal to an earlier row (the test split has a few of its own)
    const firstSeen = new Map<string, number>();
    const dups: { row: number; duplicateOf: number }[] = [];
    body.forEach((r, i) => {
      const key = r.join(",");
      const first = firstSeen.get(key);
      if (first === undefined) firstSeen.set(key, i);
      else dups.push({ row: i, duplicateOf: first });
    });
    const { results } = validate(writeCsv("dups.csv", header, body));
    const r = find(results, "data.duplicate_rows");
    assert.equal(r.status, "fail");
    assert.equal(r.count, dups.length);
    assert.deepEqual(r.examples, dups.slice(0, 5));
  });

  test("an extra column fires schema.new_column (a warning by default, exit 0)", () => {
    const { code, results } = validate(
      writeCsv(
        "extra.csv",
        [...header, "score"],
        rows.map((r, i) => [...r, String(i % 7)]),
      ),
    );
    const r = find(results, "schema.new_column", "score");
    assert.equal(r.status, "warn");
    assert.equal(code, 0);
  });
});

describe("outputs and bad input", () => {
  test("--junit writes one test case per check, failures for error anomalies", () => {
    const c = col("sex");
    const body = rows.map((r) => r.map((v, i) => (i === c ? v.toLowerCase() : v)));
    const junit = join(dir, "out.xml");
    const { results } = validate(writeCsv("lower2.csv", header, body), ["--junit", junit]);
    const xml = readFileSync(junit, "utf8");
    assert.equal((xml.match(/<testcase /g) ?? []).length, results.length);
    assert.equal((xml.match(/<failure /g) ?? []).length, errorsOf(results).length);
    assert.match(xml, /name="schema.out_of_domain \[sex\]"/);
  });

  test("--html writes one self-contained page with inline SVG charts", () => {
    const c = col("sex");
    const body = rows.map((r) => r.map((v, i) => (i === c ? v.toLowerCase() : v)));
    const html = join(dir, "report.html");
    validate(writeCsv("lower3.csv", header, body), ["--html", html]);
    const page = readFileSync(html, "utf8");
    assert.match(page, /^<!doctype html>/);
    assert.match(page, /schema · out of domain · sex/, "the check named for people");
    assert.ok((page.match(/<svg/g) ?? []).length >= 1);
    assert.doesNotMatch(page, /<script src|<link|src="http/);
  });

  test("a schema file error names the line and the field; exit 2", () => {
    const text = readFileSync(schemaPath, "utf8");
    const lines = text.split("\n");
    const at = lines.findIndex((l) => l.trim().startsWith("range: { min: 17"));
    lines[at] = lines[at].replace("min: 17", 'min: "seventeen"');
    const broken = join(dir, "broken.yaml");
    writeFileSync(broken, lines.join("\n"));
    const r = runCli(["validate", fixture("adult", "adult_test.csv"), "--schema", broken]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim().split("\n").length, 1);
    assert.ok(r.stderr.includes(`broken.yaml:${at + 1}: columns.age.range.min: expected a number`), r.stderr);
  });

  test("missing schema, missing data file, unknown option: one line on stderr, exit 2", () => {
    for (const args of [
      ["validate", fixture("adult", "adult_test.csv")],
      ["validate", fixture("adult", "adult_test.csv"), "--schema", join(dir, "nope.yaml")],
      ["validate", join(dir, "nope.csv"), "--schema", schemaPath],
      ["validate", fixture("adult", "adult_test.csv"), "--schema", schemaPath, "--bogus"],
    ]) {
      const r = runCli(args);
      assert.equal(r.code, 2, args.join(" "));
      assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
      assert.ok(!r.stderr.includes("    at "), r.stderr);
    }
  });
});
