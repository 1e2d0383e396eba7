/**
 * Coverage of the multiclass intervals (src/evaluate/multiclass.ts) by simulation: a population of
 * 200,000 rows from a 4-class law (priors 0.45/0.3/0.15/0.1, logits 1.6·[c = y] + N(0, 1), softmax)
 * whose metric values are computed on all of it; samples of n rows drawn with replacement; the real
 * evaluateMulticlass on each; the share of samples whose 95% interval holds the population value.
 *
 * usage: npx tsc -p . && node dist/bench/multiclass-coverage.js [--samples 400] [--resamples 500] [--sizes 200,2000] [--seed 7]
 */

import type { Estimate } from "../src/evaluate/estimate.js";
import { evaluateMulticlass, type MulticlassEvaluation } from "../src/evaluate/multiclass.js";
import { seededRandom } from "../src/stats/random.js";

const arg = (name: string, fallback: string) => {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 ? process.argv[k + 1] : fallback;
};
const samples = Number(arg("samples", "400"));
const resamples = Number(arg("resamples", "500"));
const sizes = arg("sizes", "200,2000").split(",").map(Number);
const seed = Number(arg("seed", "7"));

const K = 4;
const PRIORS = [0.45, 0.3, 0.15, 0.1];
const SEPARATION = 1.6;
const N = 200_000;

const random = seededRandom(seed);
const normal = () => {
  const u = Math.max(random.next(), 1e-300);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
};
const labels = new Uint32Array(N);
const probabilities = new Float64Array(N * K);
for (let i = 0; i < N; i++) {
  let u = random.next();
  let y = 0;
  while (y < K - 1 && u >= PRIORS[y]) u -= PRIORS[y++];
  labels[i] = y;
  let sum = 0;
  for (let c = 0; c < K; c++) {
    const z = Math.exp((c === y ? SEPARATION : 0) + normal());
    probabilities[i * K + c] = z;
    sum += z;
  }
  for (let c = 0; c < K; c++) probabilities[i * K + c] /= sum;
}

/** The covered quantities of an evaluation, by name. */
function quantities(e: MulticlassEvaluation): Record<string, Estimate> {
  const out: Record<string, Estimate> = {};
  for (const m of [
    "accuracy",
    "balancedAccuracy",
    "macroF1",
    "weightedF1",
    "macroPrecision",
    "logLoss",
    "classwiseEce",
  ] as const)
    out[m] = e.metrics[m];
  out.top2Accuracy = e.topK[0].accuracy;
  // the percentile interval the basic one replaced: 2·θ̂ − [lo, hi] undone (before clamping at 0)
  const ece = e.metrics.classwiseEce;
  out["classwiseEce percentile"] = {
    ...ece,
    ci: ece.ci && ece.value !== null ? [2 * ece.value - ece.ci[1], 2 * ece.value - ece.ci[0]] : null,
    method: "bootstrap percentile, rows",
  };
  for (const c of [0, 3]) {
    out[`recall[${c}]`] = e.perClass[c].recall;
    out[`precision[${c}]`] = e.perClass[c].precision;
    out[`f1[${c}]`] = e.perClass[c].f1;
  }
  return out;
}

const truth: Record<string, Estimate> = quantities(
  evaluateMulticlass(labels, probabilities, K, { resamples: 0, topK: [2] }),
);
console.log(
  `population ${N} rows, ${K} classes (priors ${PRIORS.join("/")}), samples ${samples}, resamples ${resamples}, seed ${seed}, nominal 95%`,
);
console.log("n | quantity | truth | coverage | ± s.e. | mean width | interval");
for (const n of sizes) {
  const hits: Record<string, number> = {};
  const widths: Record<string, number> = {};
  const counted: Record<string, number> = {};
  const sampleLabels = new Uint32Array(n);
  const sampleProbabilities = new Float64Array(n * K);
  let methods: Record<string, string> = {};
  for (let s = 0; s < samples; s++) {
    for (let j = 0; j < n; j++) {
      const i = Math.floor(random.next() * N);
      sampleLabels[j] = labels[i];
      sampleProbabilities.set(probabilities.subarray(i * K, (i + 1) * K), j * K);
    }
    const got = quantities(
      evaluateMulticlass(sampleLabels, sampleProbabilities, K, { resamples, seed: seed + s, topK: [2] }),
    );
    methods = Object.fromEntries(Object.entries(got).map(([q, e]) => [q, e.method ?? ""]));
    for (const [q, e] of Object.entries(got)) {
      if (!e.ci) continue;
      counted[q] = (counted[q] ?? 0) + 1;
      const t = truth[q].value!;
      if (e.ci[0] <= t && t <= e.ci[1]) hits[q] = (hits[q] ?? 0) + 1;
      widths[q] = (widths[q] ?? 0) + (e.ci[1] - e.ci[0]);
    }
  }
  for (const q of Object.keys(truth)) {
    const m = counted[q] ?? 0;
    const p = (hits[q] ?? 0) / m;
    console.log(
      `${n} | ${q} | ${truth[q].value!.toFixed(4)} | ${p.toFixed(3)} | ${Math.sqrt((p * (1 - p)) / m).toFixed(3)} | ${((widths[q] ?? 0) / m).toFixed(4)} | ${methods[q]}`,
    );
  }
}
