import assert from "node:assert/strict";
import { test } from "node:test";
import { builtinTrainer } from "../../src/learning/builtin-trainer.js";
import { learningSanity, type SanityTrainer } from "../../src/learning/sanity.js";
import { learnerOptions } from "../../src/model/baselines/learner.js";
import type { Model } from "../../src/model/model.js";
import { seededRandom } from "../../src/stats/random.js";
import { type Batch, batchFromRows } from "../../src/table/types.js";
import { runCli } from "../helpers/cli.js";

const NOISE = ["x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"];
const FEATURES = ["x1", ...NOISE, "cat"];

/**
 * 3000 rows: y depends on x1 and the category; x2 … x9 are noise (so that even a linear model can
 * memorise 64 rows, as the overfit check asks); the label is also a column "y".
 */
function data(): { table: Batch; labels: Uint8Array } {
  const random = seededRandom(42);
  const rows = Array.from({ length: 3000 }, () => {
    const x1 = random.next() * 4 - 2;
    const cat = ["a", "b", "c"][random.below(3)];
    const z = 1.5 * x1 + (cat === "a" ? 1 : -0.5);
    const row: Record<string, unknown> = { x1, cat, y: random.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0 };
    for (let k = 2; k <= 9; k++) row[`x${k}`] = random.next();
    return row as { x1: number; cat: string; y: number };
  });
  const table = batchFromRows(
    [
      { name: "x1", type: "float", sourceType: "DOUBLE" },
      ...NOISE.map((name) => ({ name, type: "float" as const, sourceType: "DOUBLE" })),
      { name: "cat", type: "string", sourceType: "VARCHAR" },
      { name: "y", type: "integer", sourceType: "INTEGER" },
    ],
    rows,
  );
  return { table, labels: Uint8Array.from(rows, (r) => r.y) };
}

const status = (checks: Awaited<ReturnType<typeof learningSanity>>) =>
  Object.fromEntries(checks.map((c) => [c.check, c.status]));

function constantModel(score: (batch: Batch) => Float64Array, features: string[]): Model {
  return {
    name: "planted",
    kind: "module",
    features,
    metadata: { source: "test", task: "binary" },
    async predict(batch) {
      return { scores: score(batch) };
    },
    async close() {},
  };
}

test("the built-in learners pass every sanity check", async () => {
  const { table, labels } = data();
  for (const algo of ["logreg", "tree", "gbdt"] as const) {
    const { options } = learnerOptions(algo, algo === "gbdt" ? { maxIterations: "30" } : {});
    const checks = await learningSanity(table, labels, builtinTrainer(algo, FEATURES, options), {
      labelColumn: "y",
      rows: 2000,
    });
    assert.deepEqual(
      status(checks),
      {
        "sanity.overfit": "pass",
        "sanity.shuffled_labels": "pass",
        "sanity.reproducible": "pass",
        "sanity.loss_decreases": "pass",
      },
      `${algo}: ${checks.map((c) => c.message).join("; ")}`,
    );
  }
});

test("planted bug: a learner that ignores its input fails overfit and loss-decreases", async () => {
  const { table, labels } = data();
  const ignoring: SanityTrainer = async (_rows, y) => {
    const rate = y.reduce((a, b) => a + b, 0) / y.length;
    return constantModel((b) => new Float64Array(b.length).fill(rate), FEATURES);
  };
  const checks = await learningSanity(table, labels, ignoring, { labelColumn: "y", rows: 2000 });
  const s = status(checks);
  assert.equal(s["sanity.overfit"], "fail");
  assert.equal(s["sanity.loss_decreases"], "fail");
  assert.equal(checks.find((c) => c.check === "sanity.overfit")!.value, 0.5);
});

test("planted bug: a learner that leaks the label column fails the shuffled-labels check", async () => {
  const { table, labels } = data();
  const good = builtinTrainer("logreg", FEATURES, {});
  // Trains honestly, but its "feature engineering" slipped the label column in.
  const leaky: SanityTrainer = async (rows, y, capacity) =>
    good(rows, y, capacity).then((m) => ({
      ...m,
      features: [...FEATURES, "y"],
      predict: async (batch: Batch) => {
        const base = (await m.predict(batch)).scores;
        const col = batch.columns.find((c) => c.name === "y")!;
        return { scores: base.map((s, i) => 0.2 * s + 0.8 * (col.values[i] as number)) };
      },
    }));
  const checks = await learningSanity(table, labels, leaky, { labelColumn: "y", rows: 2000 });
  const shuffled = checks.find((c) => c.check === "sanity.shuffled_labels")!;
  assert.equal(shuffled.status, "fail", shuffled.message);
  assert.ok(shuffled.value > 0.9, `AUC ${shuffled.value}`);
  assert.match(shuffled.message, /leaks/);
});

test("planted bug: unseeded randomness fails the reproducibility check", async () => {
  const { table, labels } = data();
  const good = builtinTrainer("logreg", FEATURES, {});
  let call = 0;
  const jittery: SanityTrainer = async (rows, y, capacity) => {
    const m = await good(rows, y, capacity);
    const jitter = ++call * 1e-9;
    return {
      ...m,
      predict: async (b: Batch) => ({ scores: (await m.predict(b)).scores.map((s) => s + jitter) }),
    };
  };
  const checks = await learningSanity(table, labels, jittery, { labelColumn: "y", rows: 2000 });
  const r = checks.find((c) => c.check === "sanity.reproducible")!;
  assert.equal(r.status, "fail");
  assert.equal(r.value, 1000, "every held-out row differs");
  assert.equal(status(checks)["sanity.overfit"], "pass");
});

test("assay sanity and assay train on the command line: exit codes and one-line errors", () => {
  const file = "examples/adult/adult_train.csv";
  const ok = runCli([
    "sanity",
    file,
    "--label",
    "income-per-year",
    "--positive",
    ">50K",
    "--algo",
    "logreg",
    "--rows",
    "1000",
    "--json",
  ]);
  assert.equal(ok.code, 0, ok.stderr);
  const report = JSON.parse(ok.stdout);
  assert.equal(report.kind, "sanity");
  assert.equal(report.results.length, 4);
  const bad = runCli([
    "sanity",
    file,
    "--label",
    "income-per-year",
    "--positive",
    ">50K",
    "--algo",
    "gbdt",
    "--params",
    "maxLeaves=1",
  ]);
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr.trim().split("\n").length, 1, bad.stderr);
  assert.match(bad.stderr, /maxLeaves must be an integer from 2 to 4096/);
  const unknown = runCli(["train", file, "--label", "income-per-year", "--algo", "svm"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown learner 'svm' \(known: logreg, tree, gbdt\)/);
  const noPositive = runCli(["train", file, "--label", "income-per-year", "--algo", "tree"]);
  assert.equal(noPositive.code, 2);
  assert.doesNotMatch(noPositive.stderr, /at .*\.js/, "no stack trace");
});

test("assay sanity --train-cmd: the user's own training command, {capacity} high for the overfit fit", () => {
  const main = "dist/src/cli/main.js";
  const cmd =
    `if [ {capacity} = high ]; then P=maxDepth=20,minLeaf=1; else P=maxDepth=3; fi; ` +
    `node ${main} train {train} --label income-per-year --algo tree --params $P --out {dir}/m.json >/dev/null && echo {dir}/m.json`;
  const r = runCli([
    "sanity",
    "examples/adult/adult_train.csv",
    "--label",
    "income-per-year",
    "--positive",
    ">50K",
    "--rows",
    "600",
    "--train-cmd",
    cmd,
    "--json",
  ]);
  assert.equal(r.code, 0, r.stderr + r.stdout.slice(0, 2000));
  const report = JSON.parse(r.stdout);
  assert.equal(report.config.trainCmd, cmd);
  assert.ok(report.results.every((c: { status: string }) => c.status === "pass"));
});
