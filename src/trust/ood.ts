/**
 * Out-of-distribution detection: four detectors fitted on reference rows, an ensemble of their ranks,
 * and conformal p-values from held-out reference rows.
 *
 * The ensemble combines the detectors' reference tail shares p_d = P̂(score_d ≥ s) (tail-transform.ts)
 * by the Cauchy combination (Liu & Xie 2020), truncated to the upper half: mean_d tan((½ − p_d)·π)
 * over detectors with p_d < ½. tan(…) ≈ 1/(π·p) for small p, so one extreme detector dominates (as
 * with the minimum) while several moderately unusual ones add up (as with Fisher's sum), and no
 * detector's units matter. Measured on adult (docs/trust.md): Fisher's Σ −ln p flagged only 56–60% of
 * rows with age 150 and 27–28% with an unseen category at α = 0.01 (the detectors' tails are
 * correlated, so typical detectors drowned one extreme); the maximum flagged 100% of both but only
 * 9–22% of German credit rows at α = 0.05; this flags 100%, 100% and 23–28%. Truncating at ½ keeps
 * rows that are very typical for one detector (p → 1, tan → −∞) from cancelling another's extreme.
 *
 * The reference is split at random (seeded): `holdout` of it (default 20%) calibrates, the rest fits
 * the detectors and the rank transform of each. Every detector and transform is therefore fixed before
 * a calibration row is scored, so calibration and new in-distribution rows are exchangeable and
 * flagging p ≤ α keeps the false-positive rate at most α (p-value.ts, exchangeable.ts).
 */

import { seededRandom } from "../stats/random.js";
import { sortFloat64 } from "../stats/sort.js";
import type { Batch } from "../table/types.js";
import { TrustError } from "./errors.js";
import {
  denseMatrix,
  type Encoded,
  encodeBatch,
  type FeatureSpace,
  fitFeatureSpace,
} from "./feature-space.js";
import { fitIsolationForest, type IsolationForest, isolationScores } from "./isolation-forest.js";
import { type KnnReference, knnDistances, knnReference } from "./knn.js";
import { fitMahalanobis, type MahalanobisModel, mahalanobisSquared } from "./mahalanobis.js";
import { conformalPValue } from "./p-value.js";
import { rarityScores } from "./rarity.js";
import { type TailKnots, tailDecades, tailKnots } from "./tail-transform.js";

const DETECTORS = ["mahalanobis", "rarity", "knn", "isolationForest"] as const;
export type DetectorName = (typeof DETECTORS)[number];

export interface OodOptions {
  /** Share of the reference held out to calibrate the p-values (default 0.2). */
  holdout?: number;
  seed?: number;
  /** k of the k-NN distance (default 5). */
  k?: number;
  /** Reference rows the k-NN distance compares against (default 2,000; 0 leaves k-NN out). */
  knnReference?: number;
  trees?: number;
  sampleSize?: number;
}

/** Everything needed to score a new row; serialisable (a trust bundle carries it). */
export interface OodDetector {
  space: FeatureSpace;
  detectors: DetectorName[];
  mahalanobis: MahalanobisModel | null;
  knn: KnnReference | null;
  isolationForest: IsolationForest;
  /** Tail-share knots of each detector in `detectors`. */
  knots: Partial<Record<DetectorName, TailKnots>>;
  /** Ensemble scores of the held-out reference rows, ascending. */
  calibration: ArrayLike<number>;
  fitRows: number;
}

export interface OodScores {
  n: number;
  byDetector: Partial<Record<DetectorName, Float64Array>>;
  /** Truncated Cauchy combination of the detectors' reference tail shares: higher is more unusual. */
  ensemble: Float64Array;
  pValue: Float64Array;
}

export interface FittedOod {
  detector: OodDetector;
  /** Reference row indices that fitted the detectors, that calibrated them, and the k-NN points. */
  fitRows: Uint32Array;
  calibrationRows: Uint32Array;
  knnRows: Uint32Array;
  /** The held-out rows' scores (their p-values are against themselves: for display only). */
  calibrationScores: OodScores;
  /** Each detector's held-out scores, ascending: per-detector p-values. */
  calibrationByDetector: Partial<Record<DetectorName, Float64Array>>;
}

const MIN_REFERENCE_ROWS = 20;

export function fitOod(batch: Batch, columns: string[], options: OodOptions = {}): FittedOod {
  const n = batch.length;
  if (n < MIN_REFERENCE_ROWS)
    throw new TrustError(
      `out-of-distribution detection needs at least ${MIN_REFERENCE_ROWS} reference rows, got ${n}`,
    );
  const holdout = options.holdout ?? 0.2;
  if (!(holdout > 0 && holdout < 1))
    throw new TrustError(`the holdout share must be in (0, 1), got ${holdout}`);
  const random = seededRandom(options.seed ?? 0);
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = random.below(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const held = Math.min(n - 10, Math.max(1, Math.round(holdout * n)));
  const calibrationRows = order.slice(0, held);
  const fitRows = order.slice(held);
  const space = fitFeatureSpace(batch, columns, fitRows);
  const fit = encodeBatch(space, batch, fitRows);
  const p = space.numeric.length;
  const q = space.categorical.length;
  const detectors: DetectorName[] = [];
  const inSample: Partial<Record<DetectorName, Float64Array>> = {};

  const mahalanobis = p > 0 ? fitMahalanobis(fit.z, fit.n, p) : null;
  if (mahalanobis) {
    detectors.push("mahalanobis");
    inSample.mahalanobis = mahalanobisSquared(mahalanobis, fit.z, fit.n);
  }
  detectors.push("rarity");
  inSample.rarity = rarityScores(space, fit);
  const knnSize = Math.min(options.knnReference ?? 2000, fit.n);
  let knn: KnnReference | null = null;
  if (knnSize >= 2) {
    // fitRows is already in random order, so its first rows are a random sample.
    const sample = Uint32Array.from({ length: knnSize }, (_, r) => r);
    knn = knnReference(fit, sample, p, q, options.k ?? 5);
    detectors.push("knn");
    const self = Int32Array.from({ length: knnSize }, (_, r) => r);
    inSample.knn = knnDistances(knn, { ...fit, n: knnSize }, self);
  }
  const dense = denseMatrix(space, fit);
  const isolationForest = fitIsolationForest(dense.x, fit.n, dense.d, {
    trees: options.trees,
    sampleSize: options.sampleSize,
    seed: random.nextUint32(),
  });
  detectors.push("isolationForest");
  inSample.isolationForest = isolationScores(isolationForest, dense.x, fit.n);

  const knots: OodDetector["knots"] = {};
  for (const d of detectors) knots[d] = tailKnots(inSample[d]!);
  const detector: OodDetector = {
    space,
    detectors,
    mahalanobis,
    knn,
    isolationForest,
    knots,
    calibration: new Float64Array(0),
    fitRows: fit.n,
  };
  const held_ = encodeBatch(space, batch, calibrationRows);
  const raw = detectorScores(detector, held_);
  const ensemble = ensembleOf(detector, raw, held_.n);
  detector.calibration = sortFloat64(ensemble);
  const calibrationByDetector: FittedOod["calibrationByDetector"] = {};
  for (const d of detectors) calibrationByDetector[d] = sortFloat64(raw[d]!);

  return {
    detector,
    fitRows,
    calibrationRows,
    knnRows: fitRows.slice(0, knn ? knnSize : 0),
    calibrationScores: { n: held_.n, byDetector: raw, ensemble, pValue: pValues(detector, ensemble) },
    calibrationByDetector,
  };
}

export function scoreOod(detector: OodDetector, encoded: Encoded): OodScores {
  const byDetector = detectorScores(detector, encoded);
  const ensemble = ensembleOf(detector, byDetector, encoded.n);
  return { n: encoded.n, byDetector, ensemble, pValue: pValues(detector, ensemble) };
}

function detectorScores(
  detector: OodDetector,
  encoded: Encoded,
): Partial<Record<DetectorName, Float64Array>> {
  const out: Partial<Record<DetectorName, Float64Array>> = {};
  for (const d of detector.detectors) {
    if (d === "mahalanobis")
      out.mahalanobis = mahalanobisSquared(detector.mahalanobis!, encoded.z, encoded.n);
    else if (d === "rarity") out.rarity = rarityScores(detector.space, encoded);
    else if (d === "knn") out.knn = knnDistances(detector.knn!, encoded);
    else {
      const dense = denseMatrix(detector.space, encoded);
      out.isolationForest = isolationScores(detector.isolationForest, dense.x, encoded.n);
    }
  }
  return out;
}

function ensembleOf(
  detector: OodDetector,
  scores: Partial<Record<DetectorName, Float64Array>>,
  n: number,
): Float64Array {
  const out = new Float64Array(n);
  for (const d of detector.detectors) {
    const knots = detector.knots[d]!;
    const s = scores[d]!;
    for (let i = 0; i < n; i++) {
      const tail = 10 ** -tailDecades(knots, s[i]);
      // tan((½ − p)π) = cot(pπ); below 1e-8 it is 1/(pπ) to 16 digits, and tan itself would round to tan(π/2).
      if (tail < 0.5)
        out[i] +=
          (tail < 1e-8 ? 1 / (Math.PI * tail) : Math.tan((0.5 - tail) * Math.PI)) / detector.detectors.length;
    }
  }
  return out;
}

function pValues(detector: OodDetector, ensemble: Float64Array): Float64Array {
  return Float64Array.from(ensemble, (s) => conformalPValue(detector.calibration, s));
}

/** Checks that a parsed detector (from a bundle) has the fields and lengths scoring relies on. */
export function checkOodDetector(value: unknown, where: string): OodDetector {
  const d = value as OodDetector;
  const fail = (what: string): never => {
    throw new TrustError(`${where}: the OOD reference ${what}`);
  };
  if (!d || typeof d !== "object") fail("is missing");
  if (!d.space || !Array.isArray(d.space.numeric) || !Array.isArray(d.space.categorical))
    fail("has no feature space");
  if (!Array.isArray(d.detectors) || d.detectors.some((x) => !DETECTORS.includes(x)))
    fail("names unknown detectors");
  if (!d.isolationForest || !Array.isArray(d.isolationForest.trees)) fail("has no isolation forest");
  if (!Array.isArray(d.calibration) || d.calibration.length === 0) fail("has no calibration scores");
  for (const name of d.detectors)
    if (
      !Array.isArray(d.knots?.[name]?.scores) ||
      d.knots[name].scores.length !== d.knots[name].decades?.length
    )
      fail(`has no tail knots for ${name}`);
  const p = d.space.numeric.length;
  if (d.detectors.includes("mahalanobis") && d.mahalanobis?.precision?.length !== p * p)
    fail("has a precision matrix of the wrong size");
  if (d.detectors.includes("knn") && (!d.knn || d.knn.z?.length !== d.knn.m * p))
    fail("has k-NN points of the wrong size");
  return d;
}
