import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { readSearchSpace, sampleConfig } from "../../src/learning/search-space.js";
import { tune } from "../../src/learning/tune.js";
import { seededRandom } from "../../src/stats/random.js";
import { type Batch, batchFromRows } from "../../src/table/types.js";
import { runCli } from "../helpers/cli.js";

function data(n: number): { batch: Batch; labels: Uint8Array; rows: Record<string, unknown>[] } {
  const random = seededRandom(4);
  const rows = Array.from({ length: n }, () => {
    const a = random.next() * 4 - 2;
    const b = random.next() * 4 - 2;
    const c = ["u", "v", "w"][random.below(3)];
    // an interaction: a tree with several leaves beats a stump
    const z = 2 * a * (b > 0 ? 1 : -1) + (c === "u" ? 0.7 : 0);
    return { a, b, c, y: random.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0 };
  });
  const batch = batchFromRows(
    [
      { name: "a", type: "float", sourceType: "DOUBLE" },
      { name: "b", type: "float", sourceType: "DOUBLE" },
      { name: "c", type: "string", sourceType: "VARCHAR" },
    ],
    rows,
  );
  return { batch, labels: Uint8Array.from(rows, (r) => r.y as number), rows };
}

const SPACE = {
  algo: "gbdt",
  params: {
    learningRate: { log: [0.05, 0.3] },
    maxLeaves: { int: [2, 16] },
    minSamplesLeaf: [5, 20],
    maxIterations: 30,
  },
};

test("search space: ranges, lists and fixed values; bad spaces are one-line errors", () => {
  const space = readSearchSpace(SPACE);
  const random = seededRandom(1);
  for (let i = 0; i < 200; i++) {
    const c = sampleConfig(space, random);
    assert.ok((c.learningRate as number) >= 0.05 && (c.learningRate as number) <= 0.3);
    assert.ok(Number.isInteger(c.maxLeaves) && (c.maxLeaves as number) >= 2 && (c.maxLeaves as number) <= 16);
    assert.ok([5, 20].includes(c.minSamplesLeaf as number));
    assert.equal(c.maxIterations, 30);
  }
  assert.throws(
    () => readSearchSpace({ algo: "gbdt", params: { leaves: [1, 2] } }),
    /unknown gbdt parameter 'leaves'/,
  );
  assert.throws(
    () => readSearchSpace({ algo: "gbdt", params: { maxLeaves: { int: [1, 8] } } }),
    /maxLeaves must be/,
  );
  assert.throws(
    () => readSearchSpace({ algo: "gbdt", params: { learningRate: { log: [0, 1] } } }),
    /log bounds must be positive/,
  );
  assert.throws(() => readSearchSpace({ algo: "gbdt", params: { maxIterations: 10 } }), /nothing to search/);
  assert.throws(() => readSearchSpace({ algo: "svm", params: {} }), /unknown learner 'svm'/);
  assert.throws(() => readSearchSpace({ algo: "gbdt", params: {}, extra: 1 }), /unknown key 'extra'/);
});

test("tune: successive halving keeps the best third per rung, on three times the rows; seeded", async () => {
  const { batch, labels } = data(1800);
  const space = readSearchSpace(SPACE);
  const result = await tune(batch, labels, ["a", "b", "c"], space, {
    trials: 9,
    validation: { kind: "kfold", folds: 3 },
  });
  const byRung = [0, 1, 2].map((r) => result.trials.filter((t) => t.rung === r));
  assert.deepEqual(
    byRung.map((r) => r.length),
    [9, 3, 1],
  );
  assert.equal(byRung[2][0].rows, 1200, "the last rung fits on every training row of a fold");
  assert.equal(byRung[1][0].rows, 400);
  // The promoted ones are the best of their rung.
  const rung0 = byRung[0];
  const cut = Math.min(...rung0.filter((t) => t.promoted).map((t) => t.auc!));
  assert.ok(rung0.filter((t) => !t.promoted).every((t) => t.auc! <= cut));
  assert.deepEqual(
    new Set(byRung[1].map((t) => t.config)),
    new Set(rung0.filter((t) => t.promoted).map((t) => t.config)),
  );
  assert.equal(result.best!.config, byRung[2][0].config);
  assert.ok(result.best!.ci![0] < result.best!.auc! && result.best!.auc! > 0.75);
  const again = await tune(batch, labels, ["a", "b", "c"], space, {
    trials: 9,
    validation: { kind: "kfold", folds: 3 },
  });
  assert.deepEqual(
    again.trials.map((t) => [t.config, t.auc]),
    result.trials.map((t) => [t.config, t.auc]),
  );
});

test("tune: a time budget stops new fits and the best comes from the highest rung reached", async () => {
  const { batch, labels } = data(900);
  let clock = 0;
  const result = await tune(batch, labels, ["a", "b", "c"], readSearchSpace(SPACE), {
    trials: 9,
    validation: { kind: "holdout", fraction: 0.3 },
    timeBudgetMs: 10.5,
    now: () => clock++, // each fit costs 1 ms of this clock (two reads)
  });
  assert.equal(result.stoppedBy, "time budget");
  assert.ok(result.trials.length < 13);
  assert.ok(result.best !== null);
  const top = Math.max(...result.trials.map((t) => t.rung));
  assert.equal(result.best!.rung, top);
});

test("assay tune: trial log, best config file that assay train --config reads; errors", () => {
  const dir = mkdtempSync(join(tmpdir(), "assay-tune-"));
  try {
    const { rows } = data(900);
    const csv = join(dir, "d.csv");
    writeFileSync(csv, `a,b,c,y\n${rows.map((r) => `${r.a},${r.b},${r.c},${r.y}`).join("\n")}\n`);
    const space = join(dir, "space.yaml");
    writeFileSync(space, "algo: gbdt\nparams:\n  maxLeaves: { int: [2, 16] }\n  maxIterations: 20\n");
    const best = join(dir, "best.yaml");
    const r = runCli([
      "tune",
      csv,
      "--label",
      "y",
      "--space",
      space,
      "--trials",
      "3",
      "--folds",
      "3",
      "--out",
      best,
      "--json",
    ]);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.kind, "tuning");
    assert.equal(report.tuning.trials.length, 4);
    const file = parse(readFileSync(best, "utf8"));
    assert.equal(file.algo, "gbdt");
    assert.equal(file.params.maxLeaves, report.results[0].params.maxLeaves);
    const trained = runCli(["train", csv, "--label", "y", "--config", best, "--json"]);
    assert.equal(trained.code, 0, trained.stderr);
    assert.equal(JSON.parse(trained.stdout).config.params.maxLeaves, file.params.maxLeaves);
    writeFileSync(space, "algo: gbdt\nparams:\n  maxLeaves: { int: [1, 16] }\n");
    const bad = runCli(["tune", csv, "--label", "y", "--space", space]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /maxLeaves must be an integer from 2/);
    const both = runCli(["tune", csv, "--label", "y", "--space", space, "--folds", "3", "--holdout", "0.2"]);
    assert.equal(both.code, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
