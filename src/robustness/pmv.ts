/**
 * Perturbed Model Validation (Zhang, Harman et al. 2019): flip the labels of a share r of the training
 * rows (r = 0 … 0.5, several seeded replicates each), retrain, and measure the training accuracy
 * against the labels the model was trained on. A model that fits the signal and ignores the noise
 * loses accuracy at the rate r·(2a₀ − 1), a₀ its clean training accuracy (it keeps predicting the true
 * label, which now disagrees with a share r of the training labels); a model that memorises keeps
 * its accuracy high, slope near 0. So memorisation = 1 − slope / (−(2a₀ − 1)): 0 ignores the noise,
 * 1 memorises all of it. Verdicts: under-fit when clean training accuracy is within 0.01 of the
 * majority-class rate; over-fit when the memorisation's interval lies above 0.5; well-fit when it lies
 * below 0.5; else unclear. Cross-validated accuracy on the clean training labels stands beside it.
 */

import { takeRows } from "../model/features.js";
import type { Model } from "../model/model.js";
import { predictTable } from "../model/predict.js";
import { olsSlope } from "../stats/ols-slope.js";
import { type Random, seededRandom } from "../stats/random.js";
import { sampleWithoutReplacement } from "../stats/sample-without-replacement.js";
import { stratifiedFolds } from "../stats/stratified-folds.js";
import { InputError } from "../table/errors.js";
import type { Batch } from "../table/types.js";

/** Trains a model on rows with 0/1 labels (a built-in baseline, or a user's training command). */
export type Trainer = (rows: Batch, labels: Uint8Array) => Promise<Model>;

interface PmvPoint {
  rate: number;
  replicate: number;
  /** Accuracy on the training rows against their (noisy) training labels. */
  trainAccuracy: number;
  /** Accuracy on the clean test rows, when there are any. */
  testAccuracy: number | null;
}

type PmvVerdict = "over-fit" | "under-fit" | "well-fit" | "unclear";

export interface PmvResult {
  points: PmvPoint[];
  slope: number;
  slopeCi: [number, number] | null;
  /** −(2a₀ − 1): the slope of a model that ignores label noise. */
  expectedSlope: number;
  memorisation: number;
  memorisationCi: [number, number] | null;
  cleanTrainAccuracy: number;
  majorityRate: number;
  crossValidation: { folds: number; accuracy: number; perFold: number[] };
  verdict: PmvVerdict;
  reason: string;
}

interface PmvOptions {
  rates: number[];
  replicates: number;
  folds: number;
  seed: number;
  threshold: number;
  level: number;
  onProgress?: (fraction: number) => void;
}

export async function perturbedModelValidation(
  train: Batch,
  labels: Uint8Array,
  test: { rows: Batch; labels: Uint8Array } | null,
  fit: Trainer,
  options: PmvOptions,
): Promise<PmvResult> {
  const n = labels.length;
  let ones = 0;
  for (const y of labels) ones += y;
  if (ones === 0 || ones === n)
    throw new InputError(
      `the label has one class only (${ones} positives of ${n} rows): there is nothing to fit or to perturb`,
    );
  const points: PmvPoint[] = [];
  const jobs = options.rates.length * options.replicates + options.folds;
  let done = 0;
  for (const rate of options.rates)
    for (let replicate = 0; replicate < (rate === 0 ? 1 : options.replicates); replicate++) {
      const noisy = flipLabels(
        labels,
        rate,
        seededRandom((options.seed + 1000 * replicate + Math.round(rate * 1e6)) >>> 0),
      );
      const model = await fit(train, noisy);
      try {
        const trainAccuracy = accuracy((await predictTable(model, train)).scores, noisy, options.threshold);
        const testAccuracy = test
          ? accuracy((await predictTable(model, test.rows)).scores, test.labels, options.threshold)
          : null;
        points.push({ rate, replicate, trainAccuracy, testAccuracy });
      } finally {
        await model.close();
      }
      options.onProgress?.(++done / jobs);
    }
  const fold = stratifiedFolds(labels, options.folds, options.seed);
  const perFold: number[] = [];
  let hits = 0;
  for (let f = 0; f < options.folds; f++) {
    const inside: number[] = [];
    const outside: number[] = [];
    for (let i = 0; i < n; i++) (fold[i] === f ? outside : inside).push(i);
    if (outside.length === 0 || inside.length === 0) continue;
    const model = await fit(
      takeRows(train, inside),
      Uint8Array.from(inside, (i) => labels[i]),
    );
    try {
      const held = Uint8Array.from(outside, (i) => labels[i]);
      const a = accuracy(
        (await predictTable(model, takeRows(train, outside))).scores,
        held,
        options.threshold,
      );
      perFold.push(a);
      hits += a * outside.length;
    } finally {
      await model.close();
    }
    options.onProgress?.(++done / jobs);
  }
  const fitLine = olsSlope(
    points.map((p) => p.rate),
    points.map((p) => p.trainAccuracy),
    options.level,
  );
  const clean = points.filter((p) => p.rate === 0);
  const cleanTrainAccuracy = clean.reduce((s, p) => s + p.trainAccuracy, 0) / Math.max(1, clean.length);
  let positives = 0;
  for (const y of labels) positives += y;
  const majorityRate = Math.max(positives, n - positives) / n;
  const expectedSlope = -(2 * cleanTrainAccuracy - 1);
  const memo = (slope: number) => (expectedSlope < 0 ? 1 - slope / expectedSlope : Number.NaN);
  const memorisation = memo(fitLine.slope);
  const memorisationCi: [number, number] | null = fitLine.ci
    ? sortPair(memo(fitLine.ci[0]), memo(fitLine.ci[1]))
    : null;
  let verdict: PmvVerdict = "unclear";
  let reason: string;
  if (cleanTrainAccuracy <= majorityRate + 0.01) {
    verdict = "under-fit";
    reason = `clean training accuracy ${cleanTrainAccuracy.toFixed(4)} is no better than always predicting the majority class (${majorityRate.toFixed(4)})`;
  } else if (memorisationCi && memorisationCi[0] > 0.5) {
    verdict = "over-fit";
    reason = `it memorises ${(100 * memorisation).toFixed(0)}% of the injected label noise (interval ${(100 * memorisationCi[0]).toFixed(0)}–${(100 * memorisationCi[1]).toFixed(0)}%): training accuracy falls at ${fitLine.slope.toFixed(3)} per unit of noise where ignoring it would give ${expectedSlope.toFixed(3)}`;
  } else if (memorisationCi && memorisationCi[1] < 0.5) {
    verdict = "well-fit";
    reason = `it memorises ${(100 * memorisation).toFixed(0)}% of the injected label noise (interval ${(100 * memorisationCi[0]).toFixed(0)}–${(100 * memorisationCi[1]).toFixed(0)}%): training accuracy falls at ${fitLine.slope.toFixed(3)} per unit of noise, close to the ${expectedSlope.toFixed(3)} of a model that ignores it`;
  } else
    reason = memorisationCi
      ? `the memorisation interval ${(100 * memorisationCi[0]).toFixed(0)}–${(100 * memorisationCi[1]).toFixed(0)}% contains 50%: add --replicates or rows`
      : "too few points for an interval on the slope";
  return {
    points,
    slope: fitLine.slope,
    slopeCi: fitLine.ci,
    expectedSlope,
    memorisation,
    memorisationCi,
    cleanTrainAccuracy,
    majorityRate,
    crossValidation: { folds: perFold.length, accuracy: hits / n, perFold },
    verdict,
    reason,
  };
}

/** A copy of the labels with exactly round(rate·n) of them flipped, chosen at random. */
function flipLabels(labels: Uint8Array, rate: number, random: Random): Uint8Array {
  const out = labels.slice();
  for (const i of sampleWithoutReplacement(labels.length, Math.round(rate * labels.length), random))
    out[i] = 1 - out[i];
  return out;
}

function accuracy(scores: Float64Array, labels: Uint8Array, threshold: number): number {
  let hit = 0;
  for (let i = 0; i < labels.length; i++)
    if (Number.isFinite(scores[i]) && (scores[i] >= threshold ? 1 : 0) === labels[i]) hit++;
  return labels.length > 0 ? hit / labels.length : Number.NaN;
}

function sortPair(a: number, b: number): [number, number] {
  return a <= b ? [a, b] : [b, a];
}
