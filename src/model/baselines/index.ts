/**
 * Built-in baselines: what a simple model achieves on the same data. A complex model that a
 * baseline matches is a finding. Each trains on labelled rows and returns a Model.
 */
import type { Batch } from "../../table/types.js";
import type { Model } from "../model.js";
import { type Encoding, encode, learnEncoding } from "./design.js";
import { fitLogistic, predictLogistic } from "./logistic.js";
import { fitTree, predictTree } from "./tree.js";

export type BaselineKind = "majority" | "logistic" | "tree";
export const BASELINES: readonly BaselineKind[] = ["majority", "logistic", "tree"];

export interface BaselineOptions {
  /** Most frequent categories one-hot encoded per text column (default 10). */
  topCategories?: number;
  /** Inverse L2 strength of the logistic regression (default 1, as scikit-learn). */
  C?: number;
  /** Depth of the tree (default 3). */
  maxDepth?: number;
  /** Fewest training rows in a leaf of the tree (default 20); 1 lets a deep tree memorise its rows. */
  minLeaf?: number;
}

const NAMES: Record<BaselineKind, string> = {
  majority: "majority class",
  logistic: "logistic regression (L2)",
  tree: "decision tree",
};

/** Trains one baseline on `train` (which must hold `features`) with 0/1 `labels`. */
export function trainBaseline(
  kind: BaselineKind,
  train: Batch,
  labels: ArrayLike<number>,
  features: string[],
  options: BaselineOptions = {},
): Model & { encoding: Encoding | null } {
  const n = labels.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i];
  if (kind === "majority") {
    const rate = positives / n;
    return baselineModel(kind, [], null, { prevalence: rate }, (batch) =>
      new Float64Array(batch.length).fill(rate),
    );
  }
  const encoding = learnEncoding(train, features, options.topCategories ?? 10);
  const p = encoding.columns.length;
  const x = encode(train, encoding);
  if (kind === "logistic") {
    const fit = fitLogistic(x, labels, p, { C: options.C });
    return baselineModel(kind, features, encoding, { iterations: fit.iterations, columns: p }, (batch) =>
      predictLogistic(fit, encode(batch, encoding), batch.length),
    );
  }
  const tree = fitTree(x, labels, p, { maxDepth: options.maxDepth, minLeaf: options.minLeaf });
  const details = { maxDepth: options.maxDepth ?? 3, minLeaf: options.minLeaf ?? 20, columns: p };
  return baselineModel(kind, features, encoding, details, (batch) =>
    predictTree(tree, encode(batch, encoding), batch.length, p),
  );
}

function baselineModel(
  kind: BaselineKind,
  features: string[],
  encoding: Encoding | null,
  details: Record<string, unknown>,
  score: (batch: Batch) => Float64Array,
): Model & { encoding: Encoding | null } {
  return {
    name: NAMES[kind],
    kind: "baseline",
    features,
    encoding,
    metadata: { source: `baseline:${kind}`, task: "binary", baseline: kind, ...details },
    async predict(batch: Batch) {
      return { scores: score(batch) };
    },
    async close() {},
  };
}
