import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { openSource } from "../../src/io/source.js";
import { redactPersonalColumns } from "../../src/privacy/redact-profile.js";
import { mergeProfiles } from "../../src/profile/merge.js";
import { profileSource } from "../../src/profile/sql.js";
import { inferRelationSchema } from "../../src/schema/infer-relation.js";
import { validateRelation } from "../../src/schema/validate.js";
import { parseSchema } from "../../src/schema/yaml-read.js";
import { schemaToYaml } from "../../src/schema/yaml-write.js";
import { fixture } from "../helpers/cli.js";

const personalCsv = fixture("privacy", "personal.csv");
const reference = JSON.parse(readFileSync(fixture("privacy", "personal.reference.json"), "utf8"));
const planted = reference.personal as Record<string, string>;

/** The raw values of the planted columns, as the CSV holds them. */
function plantedValues(): string[] {
  const split = (line: string) =>
    line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((v) => v.replace(/^"|"$/g, ""));
  const [header, ...lines] = readFileSync(personalCsv, "utf8").trim().split("\n");
  const idx = split(header)
    .map((name, i) => [name, i] as const)
    .filter(([name]) => name in planted)
    .map(([, i]) => i);
  return lines.flatMap((l) => idx.map((i) => split(l)[i]));
}

test("a redacted profile marks every planted column, keeps no raw value of one, and still merges", async () => {
  const source = await openSource({ path: personalCsv });
  const exact = await profileSource(source);
  const { profile } = redactPersonalColumns(exact);
  const marked = profile.columns.filter((c) => c.personal).map((c) => [c.name, c.personal?.kind]);
  assert.deepEqual(Object.fromEntries(marked), planted);
  const text = JSON.stringify(profile);
  const leaked = plantedValues().filter((v) => text.includes(JSON.stringify(v)));
  assert.deepEqual(leaked.slice(0, 3), []);
  // the other columns are untouched, counts of the personal ones too
  for (const [i, c] of profile.columns.entries()) {
    if (!c.personal) assert.deepEqual(c, exact.columns[i]);
    else
      assert.deepEqual(
        [c.count, c.missing, c.distinct],
        [exact.columns[i].count, exact.columns[i].missing, exact.columns[i].distinct],
      );
  }
  const merged = mergeProfiles(profile, profile);
  const email = merged.columns.find((c) => c.name === "email");
  assert.equal(email?.count, 2 * reference.rows);
  assert.deepEqual(email?.frequencies.counts, {});
});

test("schema infer marks personal columns without keeping their values; validation masks and enforces", async () => {
  const source = await openSource({ path: personalCsv });
  const { schema, explain } = await inferRelationSchema(source);
  const yaml = schemaToYaml(schema, explain);
  const reread = parseSchema(yaml);
  const marks = Object.fromEntries(reread.columns.filter((c) => c.personal).map((c) => [c.name, c.personal]));
  assert.deepEqual(marks, planted);
  for (const v of plantedValues().slice(0, 400)) assert.ok(!yaml.includes(v), `schema holds ${v}`);

  const clean = await validateRelation(source, reread);
  assert.deepEqual(
    clean.results.filter((r) => r.status !== "pass").map((r) => r.check),
    [],
  );

  // an unmarked personal column is an error; examples of another failing check mask the marked columns
  const unmarked = parseSchema(yaml.replace("personal: email", ""));
  const batch = await openSource({
    sql: `SELECT * REPLACE (CASE WHEN age > 60 THEN 999 ELSE age END AS age) FROM '${personalCsv}'`,
  });
  const outcome = await validateRelation(batch, unmarked);
  const personal = outcome.results.find((r) => r.check === "schema.personal_data");
  assert.equal(personal?.status, "fail");
  assert.equal(personal?.subject?.column, "email");
  const range = outcome.results.find((r) => r.check === "schema.out_of_range" && r.status !== "pass");
  assert.ok(range?.examples && range.examples.length > 0);
  const text = JSON.stringify(outcome.results.filter((r) => r.check !== "schema.personal_data"));
  // found personal (though unmarked) is masked too
  const leaked = plantedValues().filter((v) => text.includes(JSON.stringify(v)));
  assert.deepEqual(leaked.slice(0, 3), []);
  assert.match(JSON.stringify(range.examples), /"email":"[a-z]\*\*\*@[a-z]\*\*\*\.[a-z]+"/);
});

test("a schema's personal: must be a known kind", () => {
  const yaml = `format: assay.schema\nversion: 1\nreference: null\ntable: {rows: {min: null, max: null}, duplicates: null}\nchecks: {}\ncolumns:\n  a:\n    type: string\n    required: true\n    missing: 0\n    personal: shoe_size\n`;
  assert.throws(() => parseSchema(yaml, "s.yaml"), /personal: expected one of email, phone/);
});
