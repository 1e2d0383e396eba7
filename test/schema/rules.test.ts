import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { openSources } from "../../src/io/source.js";
import type { Anomaly } from "../../src/schema/anomaly.js";
import { expressionProblem } from "../../src/schema/rules/expression.js";
import type { RuleTable } from "../../src/schema/rules/plan.js";
import { validateRelation } from "../../src/schema/validate.js";
import { parseSchema } from "../../src/schema/yaml-read.js";
import { fixture, vegaData } from "../helpers/cli.js";

/** pandas' counts for the same rules (test/fixtures/schema/make_rules_oracle.py). */
const oracle = JSON.parse(readFileSync(fixture("schema", "rules_oracle.json"), "utf8"));
const ADULT = "/work/shared/datasets/adult/";

const header = "format: assay.schema\nversion: 1\n";

async function validate(
  data: string,
  rules: string,
  tables: Record<string, string> = {},
  now?: number,
): Promise<Map<string, Anomaly>> {
  const schema = parseSchema(`${header}${rules}`, "rules.yaml");
  const names = Object.keys(tables);
  const [source, ...others] = await openSources(
    [{ path: data }, ...names.map((n) => ({ path: tables[n] }))],
    {
      sandbox: true,
    },
  );
  const ruleTables: Record<string, RuleTable> = {};
  names.forEach((n, i) => {
    ruleTables[n] = { sql: others[i].sql, columns: others[i].columns };
  });
  const outcome = await validateRelation(source, schema, { tables: ruleTables, now });
  return new Map(outcome.results.filter((r) => r.subject?.rule).map((r) => [r.subject!.rule!, r]));
}

test("conditional expressions and a column-set key on adult count what pandas counts", async () => {
  const results = await validate(
    `${ADULT}adult_test.csv`,
    `rules:
  - id: wife-is-female
    when: "relationship = 'Wife'"
    expect: "sex = 'Female'"
  - id: long-hours-farmers
    expect: "\\"hours-per-week\\" <= 60 OR occupation = 'Farming-fishing'"
    mostly: 0.95
  - id: age-fnlwgt-key
    unique: [age, fnlwgt]
    severity: warning
`,
  );
  const wife = results.get("wife-is-female")!;
  assert.equal(wife.check, "rule.expression");
  assert.deepEqual([wife.count, wife.total], [oracle["wife-is-female"].k, oracle["wife-is-female"].n]);
  // 1 of 763 with no tolerance: beyond chance, an error
  assert.equal(wife.status, "fail");
  const examples = wife.examples as { row: number; record: Record<string, unknown> }[];
  assert.equal(examples.length, 1);
  assert.equal(examples[0].record.relationship, "Wife");
  assert.equal(examples[0].record.sex, "Male");

  const hours = results.get("long-hours-farmers")!;
  assert.deepEqual(
    [hours.count, hours.total],
    [oracle["long-hours-farmers"].k, oracle["long-hours-farmers"].n],
  );
  // 3.0% against the 5% mostly allows
  assert.equal(hours.status, "pass");
  assert.equal(hours.threshold, 0.05);

  const key = results.get("age-fnlwgt-key")!;
  assert.equal(key.check, "rule.unique");
  assert.equal(key.count, oracle["age-fnlwgt-key"].k);
  assert.equal(key.status, "warn");
  assert.equal(key.severity, "warning");
});

test("a conditional regular expression on zip codes finds New York's three non-1xxxx codes", async () => {
  const results = await validate(
    vegaData("zipcodes.csv"),
    `rules:
  - id: ny-zip
    when: "state = 'NY'"
    column: zip_code
    matches: '1[0-4][0-9]{3}'
`,
  );
  const r = results.get("ny-zip")!;
  assert.equal(r.check, "rule.format");
  assert.deepEqual([r.count, r.total], [oracle["ny-zip"].k, oracle["ny-zip"].n]);
  assert.deepEqual(
    (r.examples as { value: unknown }[]).map((e) => e.value),
    oracle["ny-zip"].values,
  );
});

test("a foreign key to another table names the missing keys, most frequent first", async () => {
  const results = await validate(
    vegaData("flights-20k.json"),
    `rules:
  - id: origin-known
    columns: origin
    references: { table: airports, columns: iata }
  - id: destination-known
    columns: destination
    references: { table: all_airports, columns: iata }
`,
    { airports: fixture("schema", "airports_lower48.csv"), all_airports: vegaData("airports.csv") },
  );
  const r = results.get("origin-known")!;
  assert.equal(r.check, "rule.foreign_key");
  assert.deepEqual([r.count, r.total], [oracle["origin-known"].k, oracle["origin-known"].n]);
  assert.equal(r.status, "fail");
  const missing = (r.found as { missingKeys: { origin: string; count: number }[] }).missingKeys;
  assert.deepEqual(
    missing.slice(0, 3).map((m) => ({ origin: m.origin, count: m.count })),
    oracle["origin-known"].top,
  );
  assert.equal(results.get("destination-known")!.status, "pass");
  assert.equal(results.get("destination-known")!.count, 0);
});

test("totals, freshness and row counts against the previous batch judge the table", async () => {
  const day = 86_400_000;
  const newest = Date.parse(`${oracle["newest-weather"]}T00:00:00Z`);
  const rules = `rules:
  - id: fresh
    freshness: { column: date, maxAgeHours: 36 }
  - id: rain-total
    aggregate: sum(precipitation)
    min: 0
  - id: volume
    rowCount: { previous: previous, min: 0.9, max: 1.1 }
`;
  const weather = vegaData("seattle-weather.csv");
  const fresh = await validate(weather, rules, { previous: weather }, newest + day);
  assert.equal(fresh.get("fresh")!.status, "pass");
  assert.equal(fresh.get("fresh")!.value, 24);
  assert.equal(fresh.get("rain-total")!.status, "pass");
  assert.equal(fresh.get("volume")!.value, 1);
  const stale = await validate(weather, rules, { previous: `${ADULT}adult_test.csv` }, newest + 2 * day);
  assert.equal(stale.get("fresh")!.status, "fail");
  assert.equal(stale.get("fresh")!.value, 48);
  assert.equal(stale.get("volume")!.status, "fail");
  assert.equal(stale.get("volume")!.value, 1461 / 16281);

  const totals = await validate(
    `${ADULT}adult_test.csv`,
    `rules:
  - id: gain-exact
    aggregate: 'sum("capital-gain")'
    equals: ${oracle["gain-total"].sum}
  - id: gain-vs-train
    aggregate: 'sum("capital-gain")'
    equals: { table: train }
    tolerance: 0.01
`,
    { train: `${ADULT}adult_train.csv` },
  );
  assert.equal(totals.get("gain-exact")!.status, "pass");
  assert.equal(totals.get("gain-exact")!.value, oracle["gain-total"].sum);
  // the test split holds half the rows: half the total, far beyond 1%
  assert.equal(totals.get("gain-vs-train")!.status, "fail");
});

test("a rule that names a table nobody gave, or a column the batch lacks, fails and says why", async () => {
  const results = await validate(
    vegaData("seattle-weather.csv"),
    `rules:
  - { id: volume, rowCount: { previous: yesterday, min: 0.5 } }
  - { id: key, unique: [date, station] }
`,
  );
  assert.match(results.get("volume")!.message, /no table 'yesterday'.*--table yesterday=FILE/);
  assert.equal(results.get("volume")!.status, "fail");
  assert.match(results.get("key")!.message, /no column 'station'/);
});

test("a misspelt column in a rule's SQL is a FILE:LINE error at the rule", async () => {
  await assert.rejects(
    validate(
      vegaData("seattle-weather.csv"),
      `rules:
  - id: ok
    expect: "temp_max >= temp_min"
  - id: typo
    expect: "temp_maxx >= 0"
`,
    ),
    /^SchemaFileError: rules\.yaml:7: rules\.1\.expect: .*temp_maxx/,
  );
});

test("the sandbox refuses statements, subqueries, file readers and tricks with quotes and comments", () => {
  const refused = [
    "1); COPY (SELECT 1) TO 'x.csv'; SELECT (1",
    "x IN (SELECT 1)",
    "(FROM read_text('/etc/passwd'))",
    "read_csv('a.csv') IS NULL",
    "x = 1 -- )",
    "x = 1 /* ) */",
    "E'\\'' ) ; DROP TABLE t ; SELECT '",
    "getenv('HOME') = ''",
    "x = 1)",
    "(x = 1",
    "'unterminated",
    "$1 = x",
    "",
  ];
  for (const text of refused) assert.notEqual(expressionProblem(text), null, text);
  const accepted = [
    "TotalCharges >= MonthlyCharges OR tenure = 0",
    "\"select\" = 'from; -- drop'",
    "coalesce(a, 0) + abs(b) BETWEEN 1 AND 10",
    "regexp_full_match(zip, '[0-9]{5}') AND country = 'it''s'",
  ];
  for (const text of accepted) assert.equal(expressionProblem(text), null, text);
});

test("bad rules are FILE:LINE: field errors", () => {
  const bad: [string, RegExp][] = [
    ["rules:\n  - { id: a }\n", /rules\.yaml:4: rules\.0: rule 'a' needs one of expect/],
    [
      "rules:\n  - id: a\n    expect: x > 0\n    unique: [x]\n",
      /:4: rules\.0: rule 'a' has expect and unique/,
    ],
    [
      "rules:\n  - id: a\n    expect: x > 0\n  - id: a\n    expect: x < 9\n",
      /:6: rules\.1\.id: duplicate rule id 'a'/,
    ],
    [
      "rules:\n  - id: a\n    expect: 'x > 0; DROP TABLE t'\n",
      /:5: rules\.0\.expect: must be one expression/,
    ],
    [
      "rules:\n  - id: a\n    column: z\n    matches: '(['\n",
      /:6: rules\.0\.matches: not a regular expression/,
    ],
    ["rules:\n  - id: a\n    aggregate: sum(x)\n", /rules\.0: aggregate rule 'a' needs equals, min or max/],
    [
      "rules:\n  - id: a\n    freshness: { column: t, maxAgeHours: -1 }\n",
      /rules\.0\.freshness\.maxAgeHours: must be ≥ 0/,
    ],
    ["rules:\n  - id: a\n    rowCount: { min: 2, max: 1 }\n", /rules\.0\.rowCount: min \(2\) is above max/],
    [
      "rules:\n  - id: a\n    rowCount: { min: 0.5 }\n    mostly: 0.9\n",
      /rules\.0\.mostly: row_count_change|rules\.0\.mostly: rowCount rules judge the whole table/,
    ],
    [
      "rules:\n  - id: a\n    expect: x > 0\n    severity: fatal\n",
      /rules\.0\.severity: expected error, warning or info/,
    ],
    ["rules:\n  - id: a\n    expect: x > 0\n    colour: red\n", /rules\.0\.colour: unknown field/],
  ];
  for (const [text, pattern] of bad)
    assert.throws(() => parseSchema(`${header}${text}`, "rules.yaml"), pattern, text);
});
