/**
 * Learning sanity checks (docs/learning.md): does the learning code itself work? Four checks on a
 * trainable learner, each pass/fail with its numbers:
 *  - overfit: on a tiny stratified sample (default 64 rows) the learner, at high capacity, reaches a
 *    training ROC AUC ≥ 0.95 — a learner that cannot memorise 64 rows ignores its input;
 *  - shuffled labels: trained on a half of the rows with the labels permuted, its ROC AUC on the other
 *    half (against their permuted labels) is not distinguishable from 0.5 — the two-sided Mann–Whitney
 *    p-value exceeds 1 − level (1%); below, the learner sees the label some other way (a leak);
 *  - reproducible: trained twice with the same rows and seed, the predictions are identical;
 *  - loss decreases: its training log loss is below the constant (prevalence) predictor's.
 * Rows are drawn with the seeded source, so the run repeats exactly.
 */
import { rocAucEstimate } from "../evaluate/auc-estimate.js";
import { rocAuc } from "../evaluate/ranking.js";
import { takeRows } from "../model/features.js";
import type { Model } from "../model/model.js";
import { mannWhitney } from "../stats/mann-whitney.js";
import { seededRandom } from "../stats/random.js";
import { InputError } from "../table/errors.js";
import type { Batch } from "../table/types.js";

/** Trains on rows with 0/1 labels; `capacity: "high"` asks a built-in learner to be able to memorise. */
export type SanityTrainer = (rows: Batch, labels: Uint8Array, capacity: "default" | "high") => Promise<Model>;

export interface SanityCheck {
  check: "sanity.overfit" | "sanity.shuffled_labels" | "sanity.reproducible" | "sanity.loss_decreases";
  status: "pass" | "fail";
  value: number;
  threshold?: number;
  ci?: [number, number];
  pValue?: number;
  rows: number;
  message: string;
}

export interface SanityOptions {
  seed?: number;
  /** Rows of the overfit sample (default 64). */
  tinyRows?: number;
  /** Rows used by the other checks, a seeded sample (default 4000). */
  rows?: number;
  level?: number;
  /** The label's column in `table`, permuted along with the labels in the shuffled-labels check. */
  labelColumn?: string;
}

export async function learningSanity(
  table: Batch,
  labels: Uint8Array,
  train: SanityTrainer,
  options: SanityOptions = {},
): Promise<SanityCheck[]> {
  const seed = options.seed ?? 1;
  const level = options.level ?? 0.99;
  const positives = labels.reduce((a, b) => a + b, 0);
  if (positives < 4 || labels.length - positives < 4)
    throw new InputError(
      `sanity checks need at least 4 rows of each class (got ${positives} positive, ${labels.length - positives} negative)`,
    );
  const random = seededRandom(seed);
  const out: SanityCheck[] = [];

  // 1. Overfit a tiny sample.
  const tiny = stratifiedSample(labels, options.tinyRows ?? 64, random);
  const tinyRows = takeRows(table, tiny);
  const tinyY = Uint8Array.from(tiny, (i) => labels[i]);
  const memoriser = await train(tinyRows, tinyY, "high");
  const tinyAuc = rocAuc((await memoriser.predict(tinyRows)).scores, tinyY);
  out.push({
    check: "sanity.overfit",
    status: tinyAuc >= 0.95 ? "pass" : "fail",
    value: tinyAuc,
    threshold: 0.95,
    rows: tiny.length,
    message:
      tinyAuc >= 0.95
        ? `memorises a tiny sample: training ROC AUC ${fmt(tinyAuc)} on ${tiny.length} rows`
        : `cannot overfit ${tiny.length} rows (training ROC AUC ${fmt(tinyAuc)} < 0.95): does the learner use its input?`,
  });

  // 2. Shuffled labels learn nothing. The labels of the sample are permuted — in the label vector
  // and in the label column of the rows alike, so a learner that reads the label sees the shuffled
  // one — and the fit on one half is scored on the other half against its permuted labels. Those
  // are independent of the features, so any honest learner's AUC is 0.5 up to sampling error;
  // (scoring against the true labels would not do: a function of the features fitted to noise
  // still correlates with a label the features predict.)
  const sample = stratifiedSample(labels, Math.min(options.rows ?? 4000, labels.length), random);
  shuffle(sample, random);
  const permutation = sample.slice();
  shuffle(permutation, random);
  const permuted = permuteColumn(takeRows(table, sample), takeRows(table, permutation), options.labelColumn);
  const permY = Uint8Array.from(permutation, (i) => labels[i]);
  const even = sample.map((_, k) => k).filter((k) => k % 2 === 0);
  const odd = sample.map((_, k) => k).filter((k) => k % 2 === 1);
  const noise = await train(
    takeRows(permuted, even),
    Uint8Array.from(even, (k) => permY[k]),
    "default",
  );
  const heldY = Uint8Array.from(odd, (k) => permY[k]);
  // DeLong's variance with the logit-scale interval: the one AUC interval outside evaluate's bootstrap.
  const noiseScores = (await noise.predict(takeRows(permuted, odd))).scores;
  const estimate = rocAucEstimate(noiseScores, heldY, level);
  const noiseAuc = estimate?.auc ?? Number.NaN;
  const ci = estimate?.ci ?? null;
  // The decision is the Mann–Whitney test of AUC = ½, whose null mean and variance are exact under
  // the permutation (ties included); the DeLong interval it replaced failed honest learners 5 times
  // in 200 at a nominal 1% (its variance is estimated, and the logit-scale interval is not centred
  // on ½ under the null). The interval stays in the report as a description.
  const { pValue } = mannWhitney(
    noiseScores.filter((_, i) => heldY[i] === 1),
    noiseScores.filter((_, i) => heldY[i] === 0),
  );
  const quiet = estimate !== null && pValue > 1 - level;
  const ciText = ci ? `${fmt(ci[0])}–${fmt(ci[1])}` : "n/a";
  out.push({
    check: "sanity.shuffled_labels",
    status: quiet ? "pass" : "fail",
    value: noiseAuc,
    ...(ci ? { ci } : {}),
    pValue,
    rows: even.length,
    message: quiet
      ? `learns nothing from shuffled labels: held-out ROC AUC ${fmt(noiseAuc)} (${level * 100}% CI ${ciText}), Mann–Whitney p = ${fmt(pValue)} > ${fmt(1 - level)}`
      : `trained and scored on shuffled labels it still ranks held-out rows: ROC AUC ${fmt(noiseAuc)} (${level * 100}% CI ${ciText}), Mann–Whitney p = ${pValue.toPrecision(3)} ≤ ${fmt(1 - level)} — the label leaks into training or scoring`,
  });

  const fitRows = even.map((k) => sample[k]).sort((a, b) => a - b);
  const fitBatch = takeRows(table, fitRows);
  const heldBatch = takeRows(
    table,
    odd.map((k) => sample[k]).sort((a, b) => a - b),
  );

  // 3. Same rows, same seed: identical predictions.
  const trueY = Uint8Array.from(fitRows, (i) => labels[i]);
  const first = await train(fitBatch, trueY, "default");
  const second = await train(fitBatch, trueY, "default");
  const a = (await first.predict(heldBatch)).scores;
  const b = (await second.predict(heldBatch)).scores;
  let differ = 0;
  let largest = 0;
  for (let i = 0; i < a.length; i++)
    if (!Object.is(a[i], b[i])) {
      differ++;
      largest = Math.max(largest, Math.abs(a[i] - b[i]));
    }
  out.push({
    check: "sanity.reproducible",
    status: differ === 0 ? "pass" : "fail",
    value: differ,
    threshold: 0,
    rows: a.length,
    message:
      differ === 0
        ? `two fits with the same seed give identical predictions on ${a.length} rows`
        : `two fits with the same seed disagree on ${differ} of ${a.length} rows (largest difference ${largest.toPrecision(3)}): unseeded randomness or state kept between fits`,
  });

  // 4. Training loss below the constant predictor's.
  const trainScores = (await first.predict(fitBatch)).scores;
  const prevalence = trueY.reduce((s, v) => s + v, 0) / trueY.length;
  const before = logLoss(new Float64Array(trueY.length).fill(prevalence), trueY);
  const after = logLoss(trainScores, trueY);
  const fell = after < before;
  out.push({
    check: "sanity.loss_decreases",
    status: fell ? "pass" : "fail",
    value: after,
    threshold: before,
    rows: trueY.length,
    message: fell
      ? `training log loss falls from ${fmt(before)} (prevalence) to ${fmt(after)}`
      : `training log loss ${fmt(after)} is not below the constant predictor's ${fmt(before)}: the fit does not reduce its loss`,
  });
  return out;
}

/** `rows` with the column `name` taken from `donor` (same length): the label column, permuted. */
function permuteColumn(rows: Batch, donor: Batch, name: string | undefined): Batch {
  if (name === undefined) return rows;
  const from = donor.columns.find((c) => c.name === name);
  if (!from) return rows;
  return { ...rows, columns: rows.columns.map((c) => (c.name === name ? from : c)) };
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : String(x));

function logLoss(p: Float64Array, y: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i], 1e-15), 1 - 1e-15);
    s -= y[i] === 1 ? Math.log(q) : Math.log(1 - q);
  }
  return s / y.length;
}

function shuffle(a: { length: number; [i: number]: number }, random: ReturnType<typeof seededRandom>): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

/** `size` row indices (sorted) with each class in proportion, at least 2 of each. */
function stratifiedSample(
  labels: Uint8Array,
  size: number,
  random: ReturnType<typeof seededRandom>,
): number[] {
  const pos: number[] = [];
  const neg: number[] = [];
  labels.forEach((y, i) => (y === 1 ? pos : neg).push(i));
  shuffle(pos, random);
  shuffle(neg, random);
  const m = Math.min(size, labels.length);
  const k = Math.min(pos.length, Math.max(2, Math.round((m * pos.length) / labels.length)));
  const rest = Math.min(neg.length, m - k);
  return [...pos.slice(0, k), ...neg.slice(0, rest)].sort((a, b) => a - b);
}
