/**
 * OOD scoring: our detectors against scikit-learn's IsolationForest and a NumPy Mahalanobis
 * (bench/trust_sklearn.py), on the same rows in the same run (bench/trust.sh).
 *
 * Reference: the 32,561 adult training rows, 6 numeric columns. Held out: adult test rows [0, 8140).
 * Shifted, two tasks on test rows [8140, 16281):
 *   noise          every column + N(0, (0.5·sd)²) — measurement noise, a mid-range task
 *   hours-monthly  hours-per-week recorded per month (× 52/12) — a unit bug in one column
 * For each: fit and scoring time (median of --repeats, after 3 untimed runs), rows/s of scoring, and
 * AUROC held-out vs shifted (isolation forests averaged over --seeds seeds). The rows are written to bench/out/ so that
 * the anchor scores exactly them. Also the full ensemble on all 14 adult columns (no anchor exists).
 *
 * usage: npx tsc -p . && node dist/bench/trust.js [--repeats 5] [--seeds 10]   prints one JSON document
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { rocAuc } from "../src/evaluate/ranking.js";
import { openSource } from "../src/io/source.js";
import { readTable } from "../src/model/index.js";
import { seededRandom } from "../src/stats/random.js";
import type { Batch } from "../src/table/types.js";
import { encodeBatch } from "../src/trust/feature-space.js";
import { fitIsolationForest, isolationScores } from "../src/trust/isolation-forest.js";
import { fitMahalanobis, mahalanobisSquared } from "../src/trust/mahalanobis.js";
import { fitOod, scoreOod } from "../src/trust/ood.js";
import { fixture, ROOT } from "../test/helpers/cli.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const k = args.indexOf(name);
  return k >= 0 ? Number(args[k + 1]) : fallback;
};
const repeats = option("--repeats", 5);
const seeds = option("--seeds", 10);
const NUMERIC = ["age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week"];
const OUT = join(ROOT, "bench", "out");
const d = NUMERIC.length;

function matrix(t: Batch, start = 0, end = t.length): Float64Array {
  const x = new Float64Array((end - start) * d);
  NUMERIC.forEach((name, j) => {
    const v = t.columns.find((c) => c.name === name)!.values as Float64Array;
    for (let i = start; i < end; i++) x[(i - start) * d + j] = v[i];
  });
  return x;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// Untimed runs first, here and in the anchor: the JIT compiles the hot code, and the allocator has
// grown its heap to what a call needs (until then a fresh 130 KB output costs more than the scoring
// on this machine: brk calls at 50 µs each).
const WARMUP = 3;

function timed<T>(work: () => T): { ms: number; value: T } {
  const times: number[] = [];
  let value!: T;
  for (let r = 0; r < WARMUP; r++) work();
  for (let r = 0; r < repeats; r++) {
    const t = performance.now();
    value = work();
    times.push(performance.now() - t);
  }
  return { ms: median(times), value };
}

function writeCsv(path: string, x: Float64Array): void {
  const lines = [NUMERIC.join(",")];
  for (let i = 0; i < x.length / d; i++)
    lines.push(Array.from(x.subarray(i * d, (i + 1) * d), String).join(","));
  writeFileSync(path, `${lines.join("\n")}\n`);
}

const train = await readTable(await openSource({ path: fixture("adult", "adult_train.csv") }));
const test = await readTable(await openSource({ path: fixture("adult", "adult_test.csv") }));
const reference = matrix(train);
const heldOut = matrix(test, 0, 8140);
const base = matrix(test, 8140);
const mean = NUMERIC.map((_, j) => {
  let s = 0;
  for (let i = 0; i < train.length; i++) s += reference[i * d + j];
  return s / train.length;
});
const sd = NUMERIC.map((_, j) => {
  let s = 0;
  for (let i = 0; i < train.length; i++) s += (reference[i * d + j] - mean[j]) ** 2;
  return Math.sqrt(s / train.length);
});
const random = seededRandom(11);
const normal = () => Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
const tasks: Record<string, Float64Array> = {
  noise: base.map((v, k) => v + 0.5 * sd[k % d] * normal()),
  "hours-monthly": base.map((v, k) => (k % d === 5 ? (v * 52) / 12 : v)),
};
mkdirSync(OUT, { recursive: true });
writeCsv(join(OUT, "trust-reference.csv"), reference);
writeCsv(join(OUT, "trust-heldout.csv"), heldOut);
for (const [name, x] of Object.entries(tasks)) writeCsv(join(OUT, `trust-${name}.csv`), x);

const z = (x: Float64Array) => x.map((v, k) => (v - mean[k % d]) / sd[k % d]);
const results: Record<string, unknown> = {};
for (const [name, shifted] of Object.entries(tasks)) {
  const both = new Float64Array([...heldOut, ...shifted]);
  const n = both.length / d;
  const truth = Uint8Array.from({ length: n }, (_, i) => (i < heldOut.length / d ? 0 : 1));
  const fit = timed(() => fitIsolationForest(reference, train.length, d, { seed: 0 }));
  const score = timed(() => isolationScores(fit.value, both, n));
  let auc = 0;
  for (let s = 0; s < seeds; s++)
    auc +=
      rocAuc(isolationScores(fitIsolationForest(reference, train.length, d, { seed: s }), both, n), truth) /
      seeds;
  const zr = z(reference);
  const zb = z(both);
  const mFit = timed(() => fitMahalanobis(zr, train.length, d));
  // Into one output buffer, as the anchor's einsum(out=): the scoring itself. A fresh 130 KB output
  // per call costs both sides first-touch page faults that, on this shared VM, outweigh the
  // arithmetic; that call is timed too (allocating).
  const buffer = new Float64Array(n);
  const mScore = timed(() => mahalanobisSquared(mFit.value, zb, n, buffer));
  const mAllocating = timed(() => mahalanobisSquared(mFit.value, zb, n));
  results[name] = {
    rows: n,
    isolationForest: {
      fitMs: fit.ms,
      scoreMs: score.ms,
      rowsPerSecond: n / (score.ms / 1000),
      auroc: auc,
      seeds,
    },
    mahalanobis: {
      fitMs: mFit.ms,
      scoreMs: mScore.ms,
      rowsPerSecond: n / (mScore.ms / 1000),
      allocatingRowsPerSecond: n / (mAllocating.ms / 1000),
      auroc: rocAuc(mAllocating.value, truth),
    },
  };
}

// The whole detector (4 detectors, ensemble, p-values) on all 14 adult columns, test rows as current.
const columns = train.columns.map((c) => c.name).filter((c) => c !== "income-per-year");
const fitted = timed(() => fitOod(train, columns, { seed: 1 }));
const encoded = encodeBatch(fitted.value.detector.space, test);
const ensemble = timed(() => scoreOod(fitted.value.detector, encoded));
results.ensemble14Columns = {
  rows: test.length,
  fitMs: fitted.ms,
  scoreMs: ensemble.ms,
  rowsPerSecond: test.length / (ensemble.ms / 1000),
};
console.log(JSON.stringify({ repeats, results }, null, 2));
