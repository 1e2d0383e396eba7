import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { rocAuc } from "../../../src/evaluate/ranking.js";
import { numericEdges } from "../../../src/model/baselines/gbdt/binning.js";
import { fitGbdt, gbdtParams, trainGbdt } from "../../../src/model/baselines/gbdt/index.js";
import { trainBaseline } from "../../../src/model/baselines/index.js";
import { learnerOptions, parseParamList } from "../../../src/model/baselines/learner.js";
import { loadSavedModel, saveModel } from "../../../src/model/baselines/saved.js";
import { ModelError } from "../../../src/model/model.js";
import { loadModel } from "../../../src/model/node/index.js";
import { seededRandom } from "../../../src/stats/random.js";
import { type Batch, batchFromRows } from "../../../src/table/types.js";
import { fixture } from "../../helpers/cli.js";
import { adult } from "./adult-data.js";

const reference = JSON.parse(readFileSync(fixture("learning", "adult-hgb.json"), "utf8"));

test("gbdt on adult: test ROC AUC within 0.005 of scikit-learn's HistGradientBoostingClassifier", async () => {
  const { train, test: held, yTrain, yTest, features } = await adult();
  const model = trainGbdt(train, yTrain, features, { params: { earlyStopping: false } });
  assert.equal(model.fit.trees.length, 100);
  const auc = rocAuc((await model.predict(held)).scores, yTest);
  assert.ok(
    Math.abs(auc - reference.testRocAuc) <= 0.005,
    `assay ${auc} vs scikit-learn ${reference.testRocAuc}`,
  );
  // Training loss falls every iteration (a full Newton step on a convex loss with shrinkage 0.1).
  const loss = model.training.trainLoss;
  for (let k = 1; k < loss.length; k++) assert.ok(loss[k] < loss[k - 1], `iteration ${k}`);
});

function synthetic(n: number, seed: number): { batch: Batch; y: Uint8Array } {
  const random = seededRandom(seed);
  const rows: Record<string, unknown>[] = [];
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = random.next() * 10;
    const missing = random.next() < 0.2;
    // 300 categories: only the ones whose number is divisible by 7 carry the signal (not an order).
    const cat = random.below(300);
    const p = missing ? 0.9 : cat % 7 === 0 ? 0.8 : x > 5 ? 0.6 : 0.1;
    y[i] = random.next() < p ? 1 : 0;
    rows.push({ x: missing ? null : x, cat: `c${cat}`, noise: random.next() });
  }
  const columns = [
    { name: "x", type: "float" as const, sourceType: "DOUBLE" },
    { name: "cat", type: "string" as const, sourceType: "VARCHAR" },
    { name: "noise", type: "float" as const, sourceType: "DOUBLE" },
  ];
  return { batch: batchFromRows(columns, rows), y };
}

test("missing values are routed by a learned direction; >255 categories and a category set are learned", async () => {
  const { batch, y } = synthetic(6000, 3);
  const model = trainGbdt(batch, y, ["x", "cat", "noise"], {
    params: { earlyStopping: false, maxIterations: 60 },
  });
  const binning = model.fit.binning[1];
  assert.ok(
    binning.kind === "categorical" && binning.categories.length === 255,
    "the 255 most frequent kept",
  );
  const kept = binning.categories.filter((c) => Number(c.slice(1)) % 7 === 0);
  const plain = binning.categories.filter((c) => Number(c.slice(1)) % 7 !== 0);
  const probe = batchFromRows(
    [
      { name: "x", type: "float", sourceType: "DOUBLE" },
      { name: "cat", type: "string", sourceType: "VARCHAR" },
      { name: "noise", type: "float", sourceType: "DOUBLE" },
    ],
    [
      { x: null, cat: plain[0], noise: 0.5 },
      { x: 2, cat: plain[0], noise: 0.5 },
      { x: 2, cat: kept[0], noise: 0.5 },
      { x: 8, cat: plain[0], noise: 0.5 },
      { x: Number.NaN, cat: "never-seen", noise: 0.5 },
    ],
  );
  const s = (await model.predict(probe)).scores;
  assert.ok(s[0] > 0.65 && s[0] > s[1] + 0.4, `missing x → high score (true 0.9), got ${s[0]}`);
  assert.ok(s[1] < 0.25, `x = 2, plain category → low, got ${s[1]}`);
  // ~20 rows per category: partly learned (true 0.8), far above a plain category at the same x.
  assert.ok(s[2] > 0.4 && s[2] > s[1] + 0.25, `x = 2, a category divisible by 7 → high, got ${s[2]}`);
  assert.ok(s[3] > s[1] + 0.2, `x = 8 (true 0.6) above x = 2 (true 0.1), got ${s[3]} vs ${s[1]}`);
  assert.ok(Number.isFinite(s[4]), "NaN and an unseen category still score");
  const fresh = synthetic(4000, 4);
  const auc = rocAuc((await model.predict(fresh.batch)).scores, fresh.y);
  assert.ok(auc > 0.8, `held-out AUC ${auc}`);
});

test("a saved model reloads to identical predictions (gbdt, logreg, tree), also through --model FILE", async () => {
  const { batch, y } = synthetic(3000, 5);
  const probe = synthetic(500, 6).batch;
  const dir = mkdtempSync(join(tmpdir(), "assay-gbdt-"));
  for (const kind of ["gbdt", "logistic", "tree"] as const) {
    const model = trainBaseline(kind, batch, y, ["x", "cat", "noise"], { gbdt: { maxIterations: 20 } });
    const saved = saveModel(model, { label: "y", positiveClass: "1", rows: batch.length, params: {} });
    const text = JSON.stringify(saved);
    const reloaded = loadSavedModel(JSON.parse(text), "model.json");
    const a = (await model.predict(probe)).scores;
    const b = (await reloaded.predict(probe)).scores;
    assert.deepEqual(Array.from(b), Array.from(a), kind);
    const file = join(dir, `${kind}.json`);
    writeFileSync(file, text);
    const loaded = await loadModel(file);
    assert.deepEqual(
      Array.from((await loaded.predict(probe)).scores),
      Array.from(a),
      `${kind} via loadModel`,
    );
    assert.match(String(loaded.metadata.digest), /^[0-9a-f]{64}$/);
    assert.equal(loaded.metadata.positiveClass, "1");
  }
  const broken = JSON.parse(
    JSON.stringify(
      saveModel(trainBaseline("gbdt", batch, y, ["x"], { gbdt: { maxIterations: 2 } }), {
        label: "y",
        rows: 1,
        params: {},
      }),
    ),
  );
  delete broken.state.fit.trees[0].left;
  assert.throws(
    () => loadSavedModel(broken, "m.json"),
    /m\.json: not a valid saved model \(every tree needs the array 'left'\)/,
  );
  assert.throws(() => loadSavedModel({ format: "assay-model", version: 9 }, "m.json"), /version 9/);
});

test("same seed, same model; early stopping stops on labels that carry no signal", () => {
  const { batch, y } = synthetic(12_000, 7);
  const a = fitGbdt(batch, y, ["x", "cat", "noise"], "logloss", gbdtParams({ seed: 11 }));
  const b = fitGbdt(batch, y, ["x", "cat", "noise"], "logloss", gbdtParams({ seed: 11 }));
  assert.deepEqual(b.trees, a.trees);
  assert.ok(Math.abs(a.validationRows - 1200) <= 2, `auto early stopping holds out 10%: ${a.validationRows}`);
  const random = seededRandom(1);
  const noise = Uint8Array.from({ length: y.length }, () => (random.next() < 0.3 ? 1 : 0));
  const stopped = fitGbdt(batch, noise, ["x", "cat", "noise"], "logloss", gbdtParams({ seed: 11 }));
  assert.ok(stopped.trees.length < 30, `stopped after ${stopped.trees.length} trees`);
});

test("regression (L2) fits a non-linear target", async () => {
  const random = seededRandom(9);
  const rows = Array.from({ length: 4000 }, () => ({ x: random.next() * 4 - 2, z: random.next() }));
  const columns = [
    { name: "x", type: "float" as const, sourceType: "DOUBLE" },
    { name: "z", type: "float" as const, sourceType: "DOUBLE" },
  ];
  const batch = batchFromRows(columns, rows);
  const target = Float64Array.from(rows, (r) => r.x * r.x + 0.1 * (random.next() - 0.5));
  const model = trainGbdt(batch, target, ["x", "z"], { loss: "l2", params: { earlyStopping: false } });
  assert.equal(model.metadata.task, "regression");
  const s = (await model.predict(batch)).scores;
  let ss = 0;
  let st = 0;
  const mean = target.reduce((a, b) => a + b, 0) / target.length;
  for (let i = 0; i < s.length; i++) {
    ss += (s[i] - target[i]) ** 2;
    st += (target[i] - mean) ** 2;
  }
  assert.ok(1 - ss / st > 0.98, `R² ${1 - ss / st}`);
});

test("bad parameters and bad data are one-line ModelErrors", () => {
  const bad: [Record<string, unknown>, RegExp][] = [
    [{ maxLeaves: 1 }, /maxLeaves must be an integer from 2 to 4096 \(got 1\)/],
    [{ learningRate: "0" }, /learningRate must be a number in \(0, 1\]/],
    [{ maxBins: 256 }, /maxBins must be an integer from 2 to 255/],
    [{ earlyStopping: "maybe" }, /earlyStopping must be true, false or auto/],
    [{ depth: 3 }, /unknown gbdt parameter 'depth' \(known: learningRate/],
    [{ minSamplesLeaf: "abc" }, /minSamplesLeaf must be a positive integer \(got abc\)/],
  ];
  for (const [params, message] of bad) {
    assert.throws(
      () => gbdtParams(params),
      (e: Error) => e instanceof ModelError && message.test(e.message),
    );
  }
  assert.throws(() => parseParamList("maxLeaves"), /name=value, got 'maxLeaves'/);
  assert.throws(() => parseParamList("C=1,C=2"), /'C' is given twice/);
  assert.throws(
    () => learnerOptions("logreg", { maxDepth: "3" }),
    /unknown logreg parameter 'maxDepth' \(known: C, topCategories\)/,
  );
  assert.throws(
    () => learnerOptions("tree", { maxDepth: "0" }),
    /tree parameter maxDepth must be an integer from 1 to 64/,
  );
  const { batch, y } = synthetic(10, 1);
  const one = {
    ...batch,
    length: 1,
    columns: batch.columns.map((c) => ({ ...c, values: c.values.slice(0, 1), valid: c.valid.slice(0, 1) })),
  } as Batch;
  assert.throws(
    () => fitGbdt(one, y.slice(0, 1), ["x"], "logloss", gbdtParams()),
    /cannot train a gbdt on 1 row/,
  );
  assert.throws(() => fitGbdt(batch, y, ["nope"], "logloss", gbdtParams()), /needs column 'nope'/);
});

test("quantile edges: at most maxBins − 1 edges, none at the maximum; few distinct values get midpoints", () => {
  assert.deepEqual(numericEdges(Float64Array.from([1, 1, 2, 3, 3]), 255), [1.5, 2.5]);
  const many = Float64Array.from({ length: 10_000 }, (_, i) => i);
  const edges = numericEdges(many, 255);
  assert.equal(edges.length, 254);
  assert.ok(edges.every((e, k) => k === 0 || e > edges[k - 1]));
  assert.ok(edges[edges.length - 1] < 9999);
  // A column of one value has no edge: one bin, never split.
  assert.deepEqual(numericEdges(Float64Array.from([4, 4, 4]), 255), []);
});
