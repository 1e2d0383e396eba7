/**
 * Benchmarks of src/robustness, each beside its anchor:
 *  1. Fuzz throughput: `fuzzModel` on the adult v1 ONNX model (rows generated from the adult contract,
 *     each scored with its nudged copy, in batches of 1,024) vs the raw InferenceSession.run on the same
 *     generated rows, pre-built as float32 tensors (what scoring alone costs). Goal: ≥ 0.5× raw rows/s.
 *     Also the fuzz run with instability checks off (--instability-share 0 in the library), which
 *     scores each row once.
 *  2. Adversarial search vs random search in model calls (rows scored) per flip, on adult test rows.
 *     Goal: ≤ 0.25×.
 * Timings are the minimum over --repeats runs after a warm-up (the machine is shared).
 *
 * usage: npx tsc -p . && node dist/bench/robustness.js [--repeats 5] [--rows 200000] [--adversarial-rows 2000]
 * prints one JSON document.
 */
import { readFileSync } from "node:fs";
import * as ort from "onnxruntime-node";
import { openSource } from "../src/io/source.js";
import { readTable, takeRows } from "../src/model/index.js";
import { loadModel } from "../src/model/node/index.js";
import { adversarialSearch } from "../src/robustness/adversarial.js";
import { summariseAdversarial } from "../src/robustness/adversarial-summary.js";
import { fuzzModel } from "../src/robustness/fuzz.js";
import { generateRows, rowDecoder } from "../src/robustness/fuzz-arbitraries.js";
import { randomSearch } from "../src/robustness/random-search.js";
import { parseSchema } from "../src/schema/yaml-read.js";
import { fixture, ROOT } from "../test/helpers/cli.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const k = args.indexOf(name);
  return k >= 0 ? Number(args[k + 1]) : fallback;
};
const repeats = option("--repeats", 5);
const rows = option("--rows", 200_000);
const adversarialRows = option("--adversarial-rows", 2000);
const BATCH = 8192;
const SEED = 1;
const round = (x: number, digits = 1) => Number(x.toFixed(digits));

async function fuzzThroughput() {
  const schema = parseSchema(readFileSync(`${ROOT}/examples/adult/adult.schema.yaml`, "utf8"));
  const model = await loadModel(fixture("evaluate", "adult_v1.yaml"));
  const columns = model.features!.map((f) => schema.columns.find((c) => c.name === f)!);
  // The rows fuzzModel generates (same seeds, same batches), as float32 tensors for the raw anchor.
  const tensors: ort.Tensor[] = [];
  for (let k = 0, done = 0; done < rows; k++) {
    const m = Math.min(BATCH, rows - done);
    const batch = generateRows(columns, m, SEED + 7919 * k, 0.1, done);
    const data = new Float32Array(m * columns.length);
    batch.columns.forEach((c, j) => {
      for (let i = 0; i < m; i++)
        data[i * columns.length + j] = c.valid[i] ? (c.values[i] as number) : Number.NaN;
    });
    tensors.push(new ort.Tensor("float32", data, [m, columns.length]));
    done += m;
  }
  const session = await ort.InferenceSession.create(fixture("evaluate", "adult_v1.onnx"));
  let raw = Number.POSITIVE_INFINITY;
  let fuzz = Number.POSITIVE_INFINITY;
  let fuzzOnce = Number.POSITIVE_INFINITY;
  let search = Number.POSITIVE_INFINITY;
  let searchOnce = Number.POSITIVE_INFINITY;
  let generate = Number.POSITIVE_INFINITY;
  let inModel = Number.POSITIVE_INFINITY;
  let found: string[] = [];
  const decoder = rowDecoder(columns, 0.1, BATCH);
  for (let r = 0; r <= repeats; r++) {
    let t = performance.now();
    for (const features of tensors) await session.run({ features });
    const rawMs = performance.now() - t;
    t = performance.now();
    const result = await fuzzModel(model, columns, {
      seed: SEED,
      budgetRows: rows,
      budgetMs: null,
      batchRows: BATCH,
    });
    const fuzzMs = performance.now() - t;
    const modelMs = result.modelSeconds * 1000;
    t = performance.now();
    const once = await fuzzModel(model, columns, {
      seed: SEED,
      budgetRows: rows,
      budgetMs: null,
      batchRows: BATCH,
      instabilityShare: 0,
    });
    const onceMs = performance.now() - t;
    // Generation alone: the same batches decoded into one reused decoder, as fuzzModel does.
    t = performance.now();
    for (let k = 0, done = 0; done < rows; k++) {
      const m = Math.min(BATCH, rows - done);
      generateRows(columns, m, SEED + 7919 * k, 0.1, done, decoder);
      done += m;
    }
    const generateMs = performance.now() - t;
    found = result.failures.map((f) => f.kind);
    if (r > 0) {
      raw = Math.min(raw, rawMs);
      fuzz = Math.min(fuzz, fuzzMs);
      fuzzOnce = Math.min(fuzzOnce, onceMs);
      generate = Math.min(generate, generateMs);
      search = Math.min(search, result.seconds * 1000);
      searchOnce = Math.min(searchOnce, once.seconds * 1000);
      inModel = Math.min(inModel, modelMs);
    }
  }
  await session.release();
  await model.close();
  const rawRowsPerSecond = rows / (raw / 1000);
  return {
    rows,
    batchRows: BATCH,
    rawInferenceSessionRunMs: round(raw),
    rawRowsPerSecond: Math.round(rawRowsPerSecond),
    fuzzMs: round(fuzz),
    fuzzRowsPerSecond: Math.round(rows / (fuzz / 1000)),
    ratio: round(rows / (fuzz / 1000) / rawRowsPerSecond, 3),
    goal: "≥ 0.5",
    // The search alone (rows drawn and judged), without shrinking the failures it found afterwards:
    // a cost per failure kind, not per row.
    searchMs: round(search),
    searchRatio: round(rows / (search / 1000) / rawRowsPerSecond, 3),
    // Where the search's time goes: drawing the rows, and scoring them with their nudged copies through
    // the Model interface (feature matrix, session.run, scores out, the checks).
    generateMs: round(generate),
    scoreAndJudgeMs: round(inModel),
    fuzzWithoutInstabilityMs: round(fuzzOnce),
    ratioWithoutInstability: round(rows / (fuzzOnce / 1000) / rawRowsPerSecond, 3),
    searchWithoutInstabilityMs: round(searchOnce),
    searchRatioWithoutInstability: round(rows / (searchOnce / 1000) / rawRowsPerSecond, 3),
    failuresFound: found,
  };
}

async function callsPerFlip() {
  const table = await readTable(await openSource({ path: fixture("adult", "adult_test.csv") }));
  const step = Math.max(1, Math.floor(table.length / adversarialRows));
  const data = takeRows(
    table,
    Uint32Array.from({ length: Math.min(adversarialRows, table.length) }, (_, i) => i * step),
  );
  const model = await loadModel(fixture("evaluate", "adult_v1.yaml"));
  const features = model.features!;
  const t = performance.now();
  const search = await adversarialSearch(model, data, features, {
    threshold: 0.5,
    maxRadius: 2,
    immutable: [],
  });
  const searchMs = performance.now() - t;
  const targets = search.flips
    .filter((f) => f.radius !== null)
    .map((f) => ({ row: f.row, radius: f.radius as number }));
  const random = await randomSearch(model, data, features, targets, {
    threshold: 0.5,
    immutable: [],
    budget: 1024,
    seed: SEED,
  });
  const summary = summariseAdversarial(search, random, {
    epsilon: 0.25,
    maxRadius: 2,
    top: 0,
    level: 0.95,
    seed: SEED,
    resamples: 0,
  });
  await model.close();
  return {
    rows: data.length,
    features: features.length,
    searchMs: round(searchMs),
    flipped: summary.pointwise.flipped,
    searchCallsPerFlip: round(summary.callsPerFlip.search ?? Number.NaN, 2),
    randomCallsPerFlip: round(summary.callsPerFlip.random ?? Number.NaN, 2),
    randomFlipped: random.flips,
    randomBudgetPerRow: 1024,
    ratio: round(summary.callsPerFlip.ratio ?? Number.NaN, 3),
    goal: "≤ 0.25",
    medianRadius: round(summary.pointwise.median ?? Number.NaN, 4),
    adversarialFrequencyAt025: round(summary.frequency.value ?? Number.NaN, 4),
  };
}

const out = { fuzz: await fuzzThroughput(), adversarial: await callsPerFlip() };
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
