/**
 * Benchmark of `assay compare`'s core beside a numpy anchor: the paired bootstrap of every evaluate
 * metric (old vs new on the same resampled rows) on seeded synthetic rows. The rows are written to
 * bench/out/compare.csv so bench/compare_numpy.py can time the same paired bootstrap (accuracy, Brier,
 * log loss and ROC AUC deltas, weights = counts of a multinomial resample) with numpy + scikit-learn.
 *
 * usage: npx tsc -p . && node dist/bench/compare.js [--rows 1000000] [--resamples 200]
 * prints one JSON document.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compareModels } from "../src/compat/compare.js";
import { seededRandom } from "../src/stats/random.js";
import { ROOT } from "../test/helpers/cli.js";
const args = process.argv.slice(2);
const option = (name, fallback) => {
    const k = args.indexOf(name);
    return k >= 0 ? Number(args[k + 1]) : fallback;
};
const rows = option("--rows", 1_000_000);
const resamples = option("--resamples", 200);
const random = seededRandom(42);
const labels = new Uint8Array(rows);
const oldScores = new Float64Array(rows);
const newScores = new Float64Array(rows);
for (let i = 0; i < rows; i++) {
    const y = random.next() < 0.3 ? 1 : 0;
    labels[i] = y;
    const shared = random.next();
    oldScores[i] = Math.min(1, Math.max(0, 0.25 * y + 0.6 * shared + 0.15 * random.next()));
    newScores[i] = Math.min(1, Math.max(0, 0.27 * y + 0.55 * shared + 0.18 * random.next()));
}
const out = join(ROOT, "bench", "out");
mkdirSync(out, { recursive: true });
const lines = ["y,old,new"];
for (let i = 0; i < rows; i++)
    lines.push(`${labels[i]},${oldScores[i]},${newScores[i]}`);
writeFileSync(join(out, "compare.csv"), `${lines.join("\n")}\n`);
const pointStart = performance.now();
compareModels({ oldScores, newScores, labels, bootstrap: { resamples: 0 } });
const pointMs = performance.now() - pointStart;
const start = performance.now();
const r = compareModels({ oldScores, newScores, labels, bootstrap: { resamples, seed: 1 } });
const totalMs = performance.now() - start;
process.stdout.write(`${JSON.stringify({
    rows,
    resamples,
    pointEstimatesMs: Math.round(pointMs),
    bootstrapMsPerResample: Number(((totalMs - pointMs) / resamples).toFixed(2)),
    negativeFlips: r.negativeFlips,
    positiveFlips: r.positiveFlips,
    mcnemarPValue: r.mcnemarPValue,
    deltas: Object.fromEntries(["accuracy", "brier", "logLoss", "rocAuc"].map((k) => [
        k,
        { value: r.metrics[k].delta.value, ci: r.metrics[k].delta.ci },
    ])),
}, null, 2)}\n`);
