/**
 * Budgeted tuning (`assay tune`, docs/learning.md): random search over a search space
 * (./search-space.ts) with successive halving (Jamieson & Talwalkar 2016). `trials` configurations
 * are drawn; rung 0 fits each on a 1/η^R share of the training rows, the best 1/η (by validation ROC
 * AUC) move up to a rung with η times the rows, until rung R fits the survivors on all of them
 * (R = ⌊log_η trials⌋). Validation is k-fold (stratified; out-of-fold scores pooled, as
 * sklearn's cross_val_predict) or one stratified hold-out; the AUC carries DeLong's logit-scale
 * interval. Within a rung every configuration sees the same rows, so they compare like for like.
 * A time budget stops new fits once spent; the best is then taken from the highest rung reached.
 */
import { rocAucEstimate } from "../evaluate/auc-estimate.js";
import { learnerOptions, trainLearner } from "../model/baselines/learner.js";
import { takeRows } from "../model/features.js";
import { seededRandom } from "../stats/random.js";
import { stratifiedFolds } from "../stats/stratified-folds.js";
import { InputError } from "../table/errors.js";
import type { Batch } from "../table/types.js";
import { type SearchSpace, sampleConfig } from "./search-space.js";

export type Validation = { kind: "kfold"; folds: number } | { kind: "holdout"; fraction: number };

export interface TuneOptions {
  trials?: number;
  /** Halving rate η (default 3). */
  eta?: number;
  validation?: Validation;
  /** Stop starting fits after this many milliseconds (default: no limit). */
  timeBudgetMs?: number;
  seed?: number;
  level?: number;
  /** The clock (default Date.now); tests pass their own. */
  now?: () => number;
  onTrial?: (trial: Trial) => void;
}

export interface Trial {
  /** The configuration's number (0-based, in draw order). */
  config: number;
  rung: number;
  /** Training rows of each fit at this rung. */
  rows: number;
  /** The configuration as drawn (the learner's defaults fill in the rest). */
  params: Record<string, unknown>;
  auc: number | null;
  ci: [number, number] | null;
  seconds: number;
  promoted: boolean;
}

export interface TuneResult {
  algo: SearchSpace["algo"];
  best: Trial | null;
  trials: Trial[];
  rungs: number;
  eta: number;
  validation: Validation;
  stoppedBy: "completed" | "time budget";
  seconds: number;
}

export async function tune(
  table: Batch,
  labels: Uint8Array,
  features: string[],
  space: SearchSpace,
  options: TuneOptions = {},
): Promise<TuneResult> {
  const trials = options.trials ?? 27;
  const eta = options.eta ?? 3;
  const seed = options.seed ?? 1;
  const level = options.level ?? 0.95;
  const validation = options.validation ?? { kind: "kfold", folds: 5 };
  const now = options.now ?? Date.now;
  if (!Number.isInteger(trials) || trials < 1)
    throw new InputError(`trials must be a positive integer (got ${trials})`);
  if (!Number.isInteger(eta) || eta < 2) throw new InputError(`eta must be an integer ≥ 2 (got ${eta})`);
  const start = now();
  const random = seededRandom(seed);
  const configs = Array.from({ length: trials }, () => sampleConfig(space, random));
  const splits = validationSplits(labels, validation, seed);
  // One seeded order of each split's training rows: a rung's rows are a prefix of it.
  const orders = splits.map(({ train }) => shuffled(train, random));
  const rungs = Math.floor(Math.log(trials) / Math.log(eta) + 1e-9);
  const log: Trial[] = [];
  let alive = configs.map((_, i) => i);
  let stoppedBy: TuneResult["stoppedBy"] = "completed";
  let reached = -1;
  outer: for (let rung = 0; rung <= rungs; rung++) {
    const share = eta ** (rung - rungs);
    const scored: Trial[] = [];
    for (const c of alive) {
      if (options.timeBudgetMs !== undefined && now() - start >= options.timeBudgetMs) {
        stoppedBy = "time budget";
        if (scored.length > 0) reached = rung;
        log.push(...scored);
        break outer;
      }
      const began = now();
      const { options: learner } = learnerOptions(space.algo, configs[c]);
      const scores = new Float64Array(labels.length).fill(Number.NaN);
      let rows = 0;
      for (let s = 0; s < splits.length; s++) {
        const take = Math.max(2, Math.ceil(share * orders[s].length));
        const fitRows = orders[s].slice(0, take).sort((a, b) => a - b);
        rows = take;
        const y = Uint8Array.from(fitRows, (i) => labels[i]);
        if (y.every((v) => v === y[0])) continue; // one class in a tiny rung: left unscored
        const model = trainLearner(space.algo, takeRows(table, fitRows), y, features, learner);
        const held = splits[s].test;
        const predicted = (await model.predict(takeRows(table, held))).scores;
        held.forEach((row, j) => (scores[row] = predicted[j]));
      }
      const scoredRows = [...splits.flatMap((sp) => sp.test)].filter((i) => !Number.isNaN(scores[i]));
      const estimate = rocAucEstimate(
        Float64Array.from(scoredRows, (i) => scores[i]),
        Uint8Array.from(scoredRows, (i) => labels[i]),
        level,
      );
      const trial: Trial = {
        config: c,
        rung,
        rows,
        params: configs[c],
        auc: estimate?.auc ?? null,
        ci: estimate?.ci ?? null,
        seconds: (now() - began) / 1000,
        promoted: false,
      };
      scored.push(trial);
      options.onTrial?.(trial);
    }
    reached = rung;
    scored.sort((a, b) => (b.auc ?? -1) - (a.auc ?? -1) || a.config - b.config);
    const keep = rung < rungs ? Math.max(1, Math.ceil(scored.length / eta)) : 0;
    scored.forEach((t, k) => (t.promoted = k < keep));
    log.push(...scored);
    alive = scored.slice(0, keep).map((t) => t.config);
  }
  const top = log
    .filter((t) => t.rung === reached && t.auc !== null)
    .sort((a, b) => b.auc! - a.auc! || a.config - b.config);
  return {
    algo: space.algo,
    best: top[0] ?? null,
    trials: log,
    rungs: rungs + 1,
    eta,
    validation,
    stoppedBy,
    seconds: (now() - start) / 1000,
  };
}

function validationSplits(
  labels: Uint8Array,
  v: Validation,
  seed: number,
): { train: number[]; test: number[] }[] {
  const k = v.kind === "kfold" ? v.folds : Math.round(1 / v.fraction);
  if (!Number.isInteger(k) || k < 2) throw new InputError(`validation needs at least 2 folds (got ${k})`);
  const fold = stratifiedFolds(labels, k, seed);
  const splits = (v.kind === "kfold" ? Array.from({ length: k }, (_, i) => i) : [0]).map((f) => {
    const train: number[] = [];
    const test: number[] = [];
    fold.forEach((x, i) => (x === f ? test : train).push(i));
    return { train, test };
  });
  return splits;
}

function shuffled(rows: number[], random: ReturnType<typeof seededRandom>): number[] {
  const out = rows.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
