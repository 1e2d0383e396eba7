/**
 * Benchmarks of `assay evaluate`, each beside its anchor:
 *  1. ONNX scoring as evaluate does it (loadModel + predictTable: feature matrix from columns, then
 *     InferenceSession.run) vs the raw InferenceSession.run on the same pre-built Float32 batches.
 *     Adult test rows (16,281) repeated to ~520k rows, batches of 65,536. Goal: ratio ≤ 1.2.
 *     A second anchor times a hand-written script that builds each float32 batch from the columns and
 *     runs it (what a user would write without assay).
 *  2. Every binary metric + 1,000 label-stratified bootstrap resamples on 1M seeded synthetic rows.
 *     The rows are written to bench/out/evaluate-1m.csv so bench/evaluate_sklearn.py can time
 *     scikit-learn's metrics (no bootstrap) on the same numbers.
 *
 * usage: npx tsc -p . && node dist/bench/evaluate.js [--repeats 7] [--resamples 1000] [--rows 1000000]
 *        [--scoring-only | --metrics-only]
 * prints one JSON document.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as ort from "onnxruntime-node";
import { evaluateBinary } from "../src/evaluate/binary.js";
import { openSource } from "../src/io/source.js";
import { predictTable, readTable } from "../src/model/index.js";
import { loadModel } from "../src/model/node/index.js";
import { seededRandom } from "../src/stats/random.js";
import { fixture, ROOT } from "../test/helpers/cli.js";
const args = process.argv.slice(2);
const option = (name, fallback) => {
    const k = args.indexOf(name);
    return k >= 0 ? Number(args[k + 1]) : fallback;
};
const repeats = option("--repeats", 7);
const resamples = option("--resamples", 1000);
const rows = option("--rows", 1_000_000);
const FEATURES = ["age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week"];
const BATCH = 65_536;
function repeatTable(table, times) {
    const n = table.length * times;
    return {
        length: n,
        offset: 0,
        columns: table.columns
            .filter((c) => FEATURES.includes(c.name))
            .map((c) => {
            const values = new Float64Array(n);
            const valid = new Uint8Array(n);
            for (let t = 0; t < times; t++) {
                values.set(c.values, t * table.length);
                valid.set(c.valid, t * table.length);
            }
            return { ...c, values, valid };
        }),
    };
}
async function scoring() {
    const path = fixture("evaluate", "adult_v1.onnx");
    const table = repeatTable(await readTable(await openSource({ path: fixture("adult", "adult_test.csv") })), 32);
    const session = await ort.InferenceSession.create(path);
    const batches = [];
    for (let start = 0; start < table.length; start += BATCH) {
        const m = Math.min(BATCH, table.length - start);
        const data = new Float32Array(m * FEATURES.length);
        FEATURES.forEach((name, j) => {
            const c = table.columns.find((x) => x.name === name);
            for (let i = 0; i < m; i++)
                data[i * FEATURES.length + j] = c.values[start + i];
        });
        batches.push(new ort.Tensor("float32", data, [m, FEATURES.length]));
    }
    const model = await loadModel(path, { features: FEATURES });
    let raw = Number.POSITIVE_INFINITY;
    let rawWithBuild = Number.POSITIVE_INFINITY;
    let evaluate = Number.POSITIVE_INFINITY;
    const columns = FEATURES.map((name) => table.columns.find((x) => x.name === name).values);
    let check = 0;
    for (let r = 0; r < repeats + 1; r++) {
        let t = performance.now();
        for (const feeds of batches)
            await session.run({ features: feeds });
        const rawMs = performance.now() - t;
        // A second anchor: what a hand-written script does — build each batch from the columns, then run.
        t = performance.now();
        for (let start = 0; start < table.length; start += BATCH) {
            const m = Math.min(BATCH, table.length - start);
            const data = new Float32Array(m * FEATURES.length);
            for (let i = 0; i < m; i++)
                for (let j = 0; j < FEATURES.length; j++)
                    data[i * FEATURES.length + j] = columns[j][start + i];
            await session.run({ features: new ort.Tensor("float32", data, [m, FEATURES.length]) });
        }
        const rawWithBuildMs = performance.now() - t;
        t = performance.now();
        const { scores } = await predictTable(model, table, { batchRows: BATCH });
        const evalMs = performance.now() - t;
        check = scores[0];
        if (r > 0) {
            // the first round warms up both paths
            raw = Math.min(raw, rawMs);
            rawWithBuild = Math.min(rawWithBuild, rawWithBuildMs);
            evaluate = Math.min(evaluate, evalMs);
        }
    }
    await model.close();
    await session.release();
    return {
        rows: table.length,
        batchRows: BATCH,
        rawInferenceSessionRunMs: round(raw),
        evaluateScoringMs: round(evaluate),
        ratio: round(evaluate / raw, 3),
        goal: "≤ 1.2",
        rawRunWithHandWrittenInputBuildMs: round(rawWithBuild),
        ratioToHandWrittenScript: round(evaluate / rawWithBuild, 3),
        firstScore: check,
    };
}
function metricsWithBootstrap() {
    const random = seededRandom(42);
    const scores = new Float64Array(rows);
    const labels = new Uint8Array(rows);
    for (let i = 0; i < rows; i++) {
        labels[i] = random.next() < 0.24 ? 1 : 0;
        // a noisy but informative score, rounded to 1e-6 so that ties occur as in real float32 outputs
        const z = (labels[i] ? 0.9 : -0.6) + 1.2 * (random.next() + random.next() + random.next() - 1.5);
        scores[i] = Math.round(1e6 / (1 + Math.exp(-z))) / 1e6;
    }
    const out = join(ROOT, "bench", "out");
    mkdirSync(out, { recursive: true });
    const lines = ["y,score"];
    for (let i = 0; i < rows; i++)
        lines.push(`${labels[i]},${scores[i]}`);
    writeFileSync(join(out, "evaluate-1m.csv"), `${lines.join("\n")}\n`);
    let t = performance.now();
    evaluateBinary(scores, labels, 0.5, { resamples: 0 });
    const pointMs = performance.now() - t;
    t = performance.now();
    const full = evaluateBinary(scores, labels, 0.5, { resamples });
    const fullMs = performance.now() - t;
    return {
        rows,
        resamples,
        metricsOnlyMs: round(pointMs),
        metricsWithBootstrapSeconds: round(fullMs / 1000, 2),
        perResampleMs: round((fullMs - pointMs) / Math.max(1, resamples), 2),
        values: Object.fromEntries(Object.entries(full.metrics).map(([k, v]) => [k, v.value])),
        rocAucCi: full.metrics.rocAuc.ci,
        dataFile: "bench/out/evaluate-1m.csv",
    };
}
function round(x, digits = 1) {
    return Number(x.toFixed(digits));
}
const only = args.includes("--scoring-only") ? "scoring" : args.includes("--metrics-only") ? "metrics" : null;
const result = {
    scoring: only === "metrics" ? null : await scoring(),
    metrics: only === "scoring" ? null : metricsWithBootstrap(),
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
