/**
 * Built-in baselines: what a simple model achieves on the same data. A complex model that a
 * baseline matches is a finding. Each trains on labelled rows and returns a Model.
 */
import type { Batch } from "../../table/types.js";
import type { Model } from "../model.js";
import { type Encoding, encode, learnEncoding } from "./design.js";
import { type GbdtFit, gbdtModel, gbdtParams, trainGbdt } from "./gbdt/index.js";
import { fitLogistic, type LogisticFit, predictLogistic } from "./logistic.js";
import { fitTree, predictTree, type TreeNode } from "./tree.js";

export type BaselineKind = "majority" | "logistic" | "tree" | "gbdt";
export const BASELINES: readonly BaselineKind[] = ["majority", "logistic", "tree", "gbdt"];

/** What a trained baseline learned, enough to save it (saved.ts) and score with it again. */
export type BaselineState =
  | { kind: "majority"; prevalence: number }
  | { kind: "logistic"; encoding: Encoding; fit: LogisticFit }
  | { kind: "tree"; encoding: Encoding; root: TreeNode }
  | {
      kind: "gbdt";
      fit: Pick<GbdtFit, "loss" | "binning" | "baseScore" | "trees">;
      params: Record<string, unknown>;
    };

export interface BaselineOptions {
  /** Most frequent categories one-hot encoded per text column (default 10). */
  topCategories?: number;
  /** Inverse L2 strength of the logistic regression (default 1, as scikit-learn). */
  C?: number;
  /** Depth of the tree (default 3). */
  maxDepth?: number;
  /** Fewest training rows in a leaf of the tree (default 20); 1 lets a deep tree memorise its rows. */
  minLeaf?: number;
  /** GBDT parameters (gbdt/params.ts), e.g. { maxIterations: 50 }. */
  gbdt?: Record<string, unknown>;
}

export const BASELINE_NAMES: Record<BaselineKind, string> = {
  majority: "majority class",
  logistic: "logistic regression (L2)",
  tree: "decision tree",
  gbdt: "gradient-boosted trees",
};
const NAMES = BASELINE_NAMES;

export type TrainedBaseline = Model & { encoding: Encoding | null; state: BaselineState };

/** Trains one baseline on `train` (which must hold `features`) with 0/1 `labels`. */
export function trainBaseline(
  kind: BaselineKind,
  train: Batch,
  labels: ArrayLike<number>,
  features: string[],
  options: BaselineOptions = {},
): TrainedBaseline {
  const n = labels.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i];
  if (kind === "majority") return baselineFromState({ kind, prevalence: positives / n }, []);
  if (kind === "gbdt") {
    const model = trainGbdt(train, labels, features, { params: options.gbdt });
    return baselineFromState({ kind, fit: model.fit, params: { ...model.params } }, features);
  }
  const encoding = learnEncoding(train, features, options.topCategories ?? 10);
  const p = encoding.columns.length;
  const x = encode(train, encoding);
  if (kind === "logistic")
    return baselineFromState({ kind, encoding, fit: fitLogistic(x, labels, p, { C: options.C }) }, features);
  const root = fitTree(x, labels, p, { maxDepth: options.maxDepth, minLeaf: options.minLeaf });
  return baselineFromState({ kind, encoding, root }, features, {
    maxDepth: options.maxDepth ?? 3,
    minLeaf: options.minLeaf ?? 20,
  });
}

/** A Model that scores with a learned (or loaded) baseline state. */
export function baselineFromState(
  state: BaselineState,
  features: string[],
  details: Record<string, unknown> = {},
  source = `baseline:${state.kind}`,
): TrainedBaseline {
  if (state.kind === "majority") {
    const rate = state.prevalence;
    return baselineModel(state, [], null, { prevalence: rate, ...details }, source, (batch) =>
      new Float64Array(batch.length).fill(rate),
    );
  }
  if (state.kind === "gbdt") {
    const model = gbdtModel(state.fit, features, gbdtParams(state.params), source);
    return {
      ...model,
      encoding: null,
      state,
      metadata: { ...model.metadata, ...details },
    };
  }
  const { encoding } = state;
  const p = encoding.columns.length;
  if (state.kind === "logistic") {
    const { fit } = state;
    return baselineModel(
      state,
      features,
      encoding,
      { iterations: fit.iterations, columns: p, ...details },
      source,
      (batch) => predictLogistic(fit, encode(batch, encoding), batch.length),
    );
  }
  const { root } = state;
  return baselineModel(state, features, encoding, { columns: p, ...details }, source, (batch) =>
    predictTree(root, encode(batch, encoding), batch.length, p),
  );
}

function baselineModel(
  state: BaselineState,
  features: string[],
  encoding: Encoding | null,
  details: Record<string, unknown>,
  source: string,
  score: (batch: Batch) => Float64Array,
): TrainedBaseline {
  const kind = state.kind;
  return {
    name: NAMES[kind],
    kind: "baseline",
    features,
    encoding,
    state,
    metadata: { source, task: "binary", baseline: kind, ...details },
    async predict(batch: Batch) {
      return { scores: score(batch) };
    },
    async close() {},
  };
}
