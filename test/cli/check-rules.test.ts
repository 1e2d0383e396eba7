import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fixture, runCli, vegaData } from "../helpers/cli.js";

/** `assay validate` with a contract of hand-written rules, as a CI job runs it. */
const dir = mkdtempSync(join(tmpdir(), "assay-rules-cli-"));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const header = "format: assay.schema\nversion: 1\n";

test("flights against airports without Alaska: exit 1, the rule in the text, the JUnit and the JSON", () => {
  const schema = write(
    "flights.schema.yaml",
    `${header}tables:\n  airports: ${fixture("schema", "airports_lower48.csv")}\nrules:\n  - id: origin-known\n    columns: origin\n    references: { table: airports, columns: iata }\n    mostly: 0.999\n`,
  );
  const junit = join(dir, "flights.xml");
  const r = runCli(["validate", vegaData("flights-20k.json"), "--schema", schema, "--junit", junit]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /rule\.foreign_key\s+origin-known\s+113/);
  assert.match(readFileSync(junit, "utf8"), /name="rule.foreign_key \[origin-known\]"[^\n]*\n\s*<failure/);
  // --table replaces the schema's table: with every airport, nothing is missing
  const all = runCli([
    "validate",
    vegaData("flights-20k.json"),
    "--schema",
    schema,
    "--table",
    `airports=${vegaData("airports.csv")}`,
    "--json",
  ]);
  assert.equal(all.code, 0, all.stderr);
  const result = JSON.parse(all.stdout).results.find(
    (x: { check: string }) => x.check === "rule.foreign_key",
  );
  assert.equal(result.count, 0);
});

test("a misspelt column is FILE:LINE: field, and SQL that escapes the expression is refused before it runs", () => {
  const typo = write("typo.schema.yaml", `${header}rules:\n  - id: dry\n    expect: precipitaton >= 0\n`);
  const r = runCli(["validate", vegaData("seattle-weather.csv"), "--schema", typo]);
  assert.equal(r.code, 2);
  assert.match(
    r.stderr,
    new RegExp(
      `^assay: ${typo.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:5: rules\\.0\\.expect: .*precipitaton`,
    ),
  );
  const target = join(dir, "written.csv");
  const attacks = [
    `"1) AS x FROM t; COPY (SELECT 1) TO '${target}'; SELECT (1"`,
    `"E'\\\\'' ) ; COPY (SELECT 1) TO '${target}' ; SELECT '"`,
    `"(SELECT content FROM read_text('/etc/passwd')) <> ''"`,
  ];
  for (const attack of attacks) {
    const schema = write("attack.schema.yaml", `${header}rules:\n  - id: evil\n    expect: ${attack}\n`);
    const a = runCli(["validate", vegaData("seattle-weather.csv"), "--schema", schema]);
    assert.equal(a.code, 2, attack);
    assert.match(a.stderr, /attack\.schema\.yaml:5: rules\.0\.expect: /, attack);
    assert.throws(() => readFileSync(target), /ENOENT/);
  }
});
