import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { openSource } from "../../src/io/source.js";
import { lintRelation } from "../../src/lint/lint.js";
import { fixture, runCli } from "../helpers/cli.js";

const personalCsv = fixture("privacy", "personal.csv");
const reference = JSON.parse(readFileSync(fixture("privacy", "personal.reference.json"), "utf8"));

test("every planted personal column is found with its kind, and no decoy or adult column is", async () => {
  const source = await openSource({ path: personalCsv });
  const { results } = await lintRelation(source, {});
  const found = new Map(
    results
      .filter((r) => r.check === "lint.personal_data")
      .map((r) => [r.subject?.column as string, (r as unknown as { kind: string }).kind]),
  );
  const truth = reference.personal as Record<string, string>;
  const truePositives = Object.entries(truth).filter(([c, kind]) => found.get(c) === kind).length;
  const precision = truePositives / found.size;
  const recall = truePositives / Object.keys(truth).length;
  // measured: precision 1, recall 1 (docs/privacy.md); the decoys include Luhn-passing 16-digit ids and dates
  assert.equal(recall, 1, `found ${JSON.stringify([...found])}`);
  assert.equal(precision, 1, `found ${JSON.stringify([...found])}`);
  const card = results.find((r) => r.check === "lint.personal_data" && r.subject?.column === "card_number");
  assert.ok(card);
  assert.match(card.message, /wrong check digit/);
});

test("the shared adult and German credit files have no personal-data column (false positives)", async () => {
  for (const path of [
    "/work/shared/datasets/adult/adult_train.csv",
    "/work/shared/datasets/german_credit/german.csv",
  ]) {
    const { results } = await lintRelation(await openSource({ path }), {});
    const flagged = results.filter((r) => r.check === "lint.personal_data").map((r) => r.subject?.column);
    assert.deepEqual(flagged, [], path);
  }
});

test("k-anonymity of adult quasi-identifiers equals pandas' groupby sizes", async () => {
  const ref = reference.kAnonymity;
  const source = await openSource({ path: personalCsv });
  const { results } = await lintRelation(source, { quasiIdentifiers: [ref.columns], k: 5 });
  const k = results.find((r) => r.check === "lint.k_anonymity") as unknown as Record<string, number>;
  assert.equal(k.value, ref.k);
  assert.equal(k.groups, ref.groups);
  assert.equal(k.uniqueRows, ref.uniqueRows);
  assert.equal(k.count, ref.rowsBelow5);
  assert.equal(k.uniqueShare, ref.uniqueRows / reference.rows);
});

test("assay lint --json never prints a raw planted value", () => {
  const out = runCli(["lint", personalCsv, "--json", "--label", "income-per-year"]);
  assert.equal(out.code, 0, out.stderr);
  const report = JSON.parse(out.stdout);
  assert.ok(report.results.some((r: { check: string }) => r.check === "lint.personal_data"));
  const split = (line: string) =>
    line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((v) => v.replace(/^"|"$/g, ""));
  const [header, ...lines] = readFileSync(personalCsv, "utf8").trim().split("\n");
  const names = split(header);
  for (const column of Object.keys(reference.personal)) {
    const i = names.indexOf(column);
    for (const line of lines.slice(0, 300)) {
      const value = split(line)[i];
      assert.ok(!out.stdout.includes(value), `${column} value ${value} printed`);
    }
  }
});

test("a quasi-identifier that is not a column is one line of input error", () => {
  const out = runCli(["lint", personalCsv, "--quasi", "age,zip"]);
  assert.equal(out.code, 2);
  assert.match(out.stderr, /no quasi-identifier column named 'zip'/);
  assert.ok(!out.stderr.includes("    at "));
});
