import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import type { Model } from "../../src/model/model.js";
import { loadModel } from "../../src/model/node/index.js";
import { fuzzModel } from "../../src/robustness/fuzz.js";
import { columnParts, decodeColumn, type Part } from "../../src/robustness/fuzz-arbitraries.js";
import { parseSchema } from "../../src/schema/yaml-read.js";
import { seededRandom } from "../../src/stats/random.js";
import { fixture, ROOT } from "../helpers/cli.js";

const SCHEMA = parseSchema(readFileSync(`${ROOT}/examples/adult/adult.schema.yaml`, "utf8"));
const columns = (names: string[]) => names.map((n) => SCHEMA.columns.find((c) => c.name === n)!);

test("fuzz: finds both planted faults and shrinks each to one minimal row, reproducibly", async () => {
  const model = await loadModel(fixture("robustness", "planted_fault_model.mjs"));
  const cols = columns(model.features!);
  const run = () => fuzzModel(model, cols, { seed: 11, budgetRows: 6000, budgetMs: null, batchRows: 500 });
  const result = await run();
  assert.equal(result.rows, 6000);
  assert.deepEqual(
    result.failures.map((f) => f.kind),
    ["crash", "non_finite"],
  );
  const [crash, nan] = result.failures;
  assert.equal(crash.row.workclass, "");
  assert.match(crash.detail, /workclass lookup failed/);
  // Every other field at its simplest valid value: the range minimum or the most frequent category.
  assert.deepEqual(nan.row, {
    age: 17,
    "education-num": 1,
    "hours-per-week": 0,
    "capital-gain": 0,
    workclass: "Private",
  });
  assert.ok(nan.count > 10 && nan.count < 6000, String(nan.count));
  assert.notDeepEqual(nan.found, nan.row);
  const again = await run();
  assert.deepEqual(
    again.failures.map((f) => [f.row, f.count]),
    result.failures.map((f) => [f.row, f.count]),
  );
});

test("fuzz: the ONNX logistic regression returns NaN for a missing input; a sound model passes", async () => {
  const onnx = await loadModel(fixture("evaluate", "adult_v1.yaml"));
  try {
    const result = await fuzzModel(onnx, columns(onnx.features!), {
      seed: 1,
      budgetRows: 4000,
      budgetMs: null,
    });
    assert.deepEqual(
      result.failures.map((f) => f.kind),
      ["non_finite"],
    );
    const row = result.failures[0].row;
    assert.equal(Object.values(row).filter((v) => v === null).length, 1, JSON.stringify(row));
    assert.ok(result.calls >= 4 && result.calls < 20, String(result.calls));
  } finally {
    await onnx.close();
  }
  const sound: Model = {
    name: "clamped",
    kind: "module",
    features: ["age", "hours-per-week"],
    metadata: { source: "test", task: "binary" },
    predict: async (b) => ({
      scores: Float64Array.from({ length: b.length }, (_, i) =>
        b.columns[0].valid[i]
          ? 1 / (1 + Math.exp(-Math.max(-50, Math.min(50, (Number(b.columns[0].values[i]) - 40) / 10))))
          : 0.5,
      ),
    }),
    close: async () => {},
  };
  const clean = await fuzzModel(sound, columns(["age", "hours-per-week"]), {
    seed: 2,
    budgetRows: 3000,
    budgetMs: null,
  });
  assert.deepEqual(clean.failures, []);
  // A step at age 40 (a reference quantile the generator visits) is instability, found and kept at 40.
  const step = {
    ...sound,
    predict: async (b: Parameters<Model["predict"]>[0]) => ({
      scores: Float64Array.from({ length: b.length }, (_, i) =>
        Number(b.columns[0].values[i]) > 40 ? 0.8 : 0.2,
      ),
    }),
  };
  const stepped = await fuzzModel(step, columns(["age", "hours-per-week"]), {
    seed: 2,
    budgetRows: 3000,
    budgetMs: null,
  });
  assert.deepEqual(
    stepped.failures.map((f) => [f.kind, f.row.age]),
    [["unstable", 40]],
  );
  assert.deepEqual(clean.kindsChecked, ["crash", "non_finite", "out_of_range", "unstable"]);
});

test("fuzz: decoded columns follow the contract: valid, boundary, invalid and missing values", () => {
  const [age] = columns(["age"]);
  const parts = columnParts(age, 0.1);
  const n = 20000;
  const column = decodeColumn(age, parts, seededRandom(5), n);
  let inRange = 0;
  let outside = 0;
  let missing = 0;
  for (let i = 0; i < n; i++) {
    if (!column.valid[i]) missing++;
    else if (Number(column.values[i]) >= 17 && Number(column.values[i]) <= 90) inRange++;
    else outside++;
  }
  // weights 60 valid + 25 boundary inside the range, 10 just outside or extreme, 3 missing (not allowed)
  assert.ok(Math.abs(inRange / n - 85 / 98) < 0.02, String(inRange / n));
  assert.ok(Math.abs(outside / n - 10 / 98) < 0.02, String(outside / n));
  assert.ok(Math.abs(missing / n - 3 / 98) < 0.01, String(missing / n));
});

test("fuzz: one draw per value picks the part by its weight and a uniform value inside it", () => {
  const [age] = columns(["age"]);
  const parts: Part[] = [
    { kind: "integer", min: 0, max: 9, weight: 50 },
    { kind: "constants", values: [100, 200, 300, 400], weight: 30 },
    { kind: "double", min: -1, max: 1, weight: 15 },
    { kind: "constants", values: [null], weight: 5 },
  ];
  const n = 100_000;
  const column = decodeColumn(age, parts, seededRandom(9), n);
  const integers = new Array(10).fill(0);
  const listed = new Map<number, number>();
  const halves = [0, 0];
  let missing = 0;
  for (let i = 0; i < n; i++) {
    const x = column.values[i] as number;
    if (!column.valid[i]) missing++;
    else if (x >= 100) listed.set(x, (listed.get(x) ?? 0) + 1);
    else if (Number.isInteger(x) && x >= 0) integers[x]++;
    else {
      assert.ok(x >= -1 && x < 1, String(x));
      halves[x < 0 ? 0 : 1]++;
    }
  }
  const chi2 = (counts: number[]) => {
    const total = counts.reduce((a, b) => a + b, 0);
    return counts.reduce((s, o) => s + (o - total / counts.length) ** 2 / (total / counts.length), 0);
  };
  // Shares by weight, within 4 standard errors.
  const share = (count: number, p: number) =>
    assert.ok(Math.abs(count / n - p) < 4 * Math.sqrt((p * (1 - p)) / n), `${count / n} vs ${p}`);
  share(
    integers.reduce((a, b) => a + b, 0),
    0.5,
  );
  share(
    [...listed.values()].reduce((a, b) => a + b, 0),
    0.3,
  );
  share(halves[0] + halves[1], 0.15);
  share(missing, 0.05);
  // Uniform inside a part: χ² below the 99.9% points (27.9 for 9 df, 16.3 for 3, 10.8 for 1).
  assert.ok(chi2(integers) < 27.9, `integers ${integers}`);
  assert.deepEqual([...listed.keys()].sort(), [100, 200, 300, 400]);
  assert.ok(chi2([...listed.values()]) < 16.3, `constants ${[...listed.values()]}`);
  assert.ok(chi2(halves) < 10.8, `halves ${halves}`);
  // A missing value's cell is NaN, not whatever the buffer held before.
  for (let i = 0; i < n; i++) if (!column.valid[i]) assert.ok(Number.isNaN(column.values[i] as number));
});
