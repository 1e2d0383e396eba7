/**
 * How the model compares with the built-in baselines on the same rows. Baselines train on the
 * training data when it is given; otherwise they are cross-fitted on the evaluation data (k folds:
 * each row is scored by baselines that never saw it), so their numbers are out-of-sample either way.
 * The model − best-baseline ROC AUC difference gets a paired bootstrap interval (plain rows).
 * The gradient-boosted trees baseline is kept fast here: at most GBDT_ROWS training rows (seeded
 * subsample) and GBDT_PARAMS (50 trees, no early stopping) unless the caller gives its own params.
 */
import {
  BASELINE_NAMES,
  BASELINES,
  type BaselineKind,
  type BaselineOptions,
  trainBaseline,
} from "../model/baselines/index.js";
import { takeRows } from "../model/features.js";
import { formatFixed as fmt } from "../report/format.js";
import {
  allRows,
  type BootstrapOptions,
  DEFAULT_LEVEL,
  percentileInterval,
  strataByLabel,
  stratifiedBootstrap,
} from "../stats/bootstrap.js";
import { seededRandom } from "../stats/random.js";
import type { Batch } from "../table/types.js";
import { BINARY_METRICS, BinaryMetricEngine } from "./binary.js";
import { budgetedResamples, type Estimate } from "./estimate.js";

const REPORTED = ["rocAuc", "prAuc", "logLoss", "brier", "accuracy", "f1"] as const;
type Reported = (typeof REPORTED)[number];
const AUC = BINARY_METRICS.indexOf("rocAuc");

interface BaselineResult {
  kind: BaselineKind;
  name: string;
  metrics: Record<Reported, Estimate>;
}

export interface BaselineComparison {
  trainedOn: string;
  features: string[];
  baselines: BaselineResult[];
  best: string;
  /** Model ROC AUC − best baseline ROC AUC, with a paired bootstrap interval. */
  rocAucDifference: Estimate;
  /** Resamples behind the baseline intervals (fewer than asked on very large inputs, see SECONDARY_BUDGET). */
  resamples: number;
  /** True when the best baseline is not credibly worse than the model (interval reaches 0 or below). */
  baselineMatchesModel: boolean;
  finding: string;
}

interface BaselineInput {
  table: Batch;
  labels: Uint8Array;
  modelScores: Float64Array;
  features: string[];
  threshold: number;
  train?: { table: Batch; labels: Uint8Array };
  folds?: number;
  /** Training rows beyond this are subsampled (seeded), to keep fitting time bounded (default 200,000). */
  maxTrainRows?: number;
  baseline?: BaselineOptions;
}

export const GBDT_ROWS = 20_000;
export const GBDT_PARAMS = { maxIterations: 50, earlyStopping: false };

/** Trains one baseline, with the gbdt's row and iteration caps. */
function fitBaseline(
  kind: BaselineKind,
  table: Batch,
  labels: Uint8Array,
  features: string[],
  options: BaselineOptions | undefined,
  seed: number,
) {
  if (kind !== "gbdt") return trainBaseline(kind, table, labels, features, options);
  const capped = capRows(table, labels, GBDT_ROWS, seed);
  return trainBaseline(kind, capped.table, capped.labels, features, {
    ...options,
    gbdt: options?.gbdt ?? GBDT_PARAMS,
  });
}

export async function compareWithBaselines(
  input: BaselineInput,
  options: BootstrapOptions = {},
): Promise<BaselineComparison> {
  const { table, labels, features } = input;
  const n = labels.length;
  const seed = options.seed ?? 20240607;
  const maxRows = input.maxTrainRows ?? 200_000;
  // Five fits instead of one: each fold trains on at most a quarter of the single-fit cap.
  const maxFoldRows = Math.floor(maxRows / 4);
  const scores = new Map<BaselineKind, Float64Array>();
  let trainedOn: string;
  if (input.train) {
    const { table: t, labels: y } = capRows(input.train.table, input.train.labels, maxRows, seed);
    trainedOn = `training data (${y.length} rows)`;
    for (const kind of BASELINES) {
      const model = fitBaseline(kind, t, y, features, input.baseline, seed);
      scores.set(kind, (await model.predict(table)).scores);
    }
  } else {
    const folds = input.folds ?? 5;
    trainedOn = `${folds}-fold cross-fitting on the evaluation data`;
    const fold = new Uint8Array(n);
    const random = seededRandom(seed);
    // Stratified fold assignment: shuffle each class, then deal rows round-robin.
    for (const stratum of strataByLabel(labels)) {
      const rows = Array.from(stratum);
      for (let i = rows.length - 1; i > 0; i--) {
        const j = random.below(i + 1);
        [rows[i], rows[j]] = [rows[j], rows[i]];
      }
      rows.forEach((row, k) => (fold[row] = k % folds));
    }
    for (const kind of BASELINES) scores.set(kind, new Float64Array(n));
    for (let f = 0; f < folds; f++) {
      const inFold: number[] = [];
      const outFold: number[] = [];
      for (let i = 0; i < n; i++) (fold[i] === f ? inFold : outFold).push(i);
      const trainRows = capIndices(outFold, maxFoldRows, seed + f);
      const t = takeRows(table, trainRows);
      const y = Uint8Array.from(trainRows, (i) => labels[i]);
      const held = takeRows(table, inFold);
      for (const kind of BASELINES) {
        const model = fitBaseline(kind, t, y, features, input.baseline, seed + f);
        const s = (await model.predict(held)).scores;
        const out = scores.get(kind)!;
        inFold.forEach((row, k) => (out[row] = s[k]));
      }
    }
  }

  const engines = BASELINES.map((kind) => new BinaryMetricEngine(scores.get(kind)!, labels, input.threshold));
  const modelEngine = new BinaryMetricEngine(input.modelScores, labels, input.threshold);
  const points = engines.map((e) => e.metrics());
  let bestIndex = 0;
  points.forEach((p, k) => {
    if (p[AUC] > points[bestIndex][AUC]) bestIndex = k;
  });
  const modelAuc = modelEngine.metrics()[AUC];
  const picks = REPORTED.map((m) => BINARY_METRICS.indexOf(m));
  const resamples = budgetedResamples(options, n * (engines.length + 1));
  // Plain rows: accuracy, F1, log loss and Brier depend on prevalence, which a label-stratified
  // resample would hold fixed (too-narrow intervals); the AUC difference is valid either way.
  const samples = stratifiedBootstrap(
    allRows(n),
    n,
    (w) => {
      const out: number[] = [];
      let bestAuc = Number.NaN;
      engines.forEach((e, k) => {
        const m = e.metricsByRow(w);
        for (const j of picks) out.push(m[j]);
        if (k === bestIndex) bestAuc = m[AUC];
      });
      out.push(modelEngine.metricsByRow(w)[AUC] - bestAuc);
      return out;
    },
    { ...options, resamples },
  );
  const level = options.level ?? DEFAULT_LEVEL;
  const ci = (k: number) => (samples[k] ? percentileInterval(samples[k], level) : null);
  const baselines: BaselineResult[] = BASELINES.map((kind, b) => ({
    kind,
    name: BASELINE_NAMES[kind],
    metrics: Object.fromEntries(
      REPORTED.map((m, r) => {
        const value = points[b][picks[r]];
        return [
          m,
          Number.isFinite(value)
            ? { value, ci: ci(b * REPORTED.length + r), n }
            : { value: null, ci: null, n, reason: "undefined" },
        ];
      }),
    ) as Record<Reported, Estimate>,
  }));
  const difference = modelAuc - points[bestIndex][AUC];
  const diffCi = ci(BASELINES.length * REPORTED.length);
  const matches = diffCi ? diffCi[0] <= 0 : difference <= 0;
  const best = baselines[bestIndex];
  return {
    trainedOn,
    features,
    baselines,
    best: best.name,
    rocAucDifference: { value: difference, ci: diffCi, n },
    resamples,
    baselineMatchesModel: matches,
    finding: matches
      ? `the ${best.name} baseline does as well as the model or better (ROC AUC ${fmt(points[bestIndex][AUC])} vs ${fmt(modelAuc)}): a simpler model would do`
      : `the model beats the best baseline (${best.name}) by ${fmt(difference)} ROC AUC`,
  };
}

function capIndices(rows: number[], max: number, seed: number): number[] {
  if (rows.length <= max) return rows;
  const random = seededRandom(seed);
  const copy = rows.slice();
  for (let i = 0; i < max; i++) {
    const j = i + random.below(copy.length - i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, max).sort((a, b) => a - b);
}

function capRows(
  table: Batch,
  labels: Uint8Array,
  max: number,
  seed: number,
): { table: Batch; labels: Uint8Array } {
  if (labels.length <= max) return { table, labels };
  const rows = capIndices(
    Array.from({ length: labels.length }, (_, i) => i),
    max,
    seed,
  );
  return { table: takeRows(table, rows), labels: Uint8Array.from(rows, (i) => labels[i]) };
}
