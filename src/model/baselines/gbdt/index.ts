/**
 * The histogram gradient-boosted trees baseline (docs/learning.md): train on a batch and 0/1 labels
 * (log loss) or numeric targets (L2), get a Model. Browser-safe.
 */
import type { Batch } from "../../../table/types.js";
import type { Model } from "../../model.js";
import { fitGbdt, type GbdtFit, predictRaw } from "./fit.js";
import type { GbdtLoss } from "./loss.js";
import { sigmoid } from "./loss.js";
import { type GbdtParams, gbdtParams } from "./params.js";

export type { FeatureBinning } from "./binning.js";
export type { GbdtFit } from "./fit.js";
export { fitGbdt, predictRaw } from "./fit.js";
export type { GbdtLoss } from "./loss.js";
export { GBDT_DEFAULTS, GBDT_PARAM_NAMES, type GbdtParams, gbdtParams } from "./params.js";
export type { GbdtTree } from "./tree.js";

export interface GbdtModel extends Model {
  readonly fit: Pick<GbdtFit, "loss" | "binning" | "baseScore" | "trees">;
  readonly params: GbdtParams;
}

export function trainGbdt(
  batch: Batch,
  y: ArrayLike<number>,
  features: string[],
  options: { loss?: GbdtLoss; params?: Record<string, unknown> } = {},
): GbdtModel & { training: GbdtFit } {
  const params = gbdtParams(options.params);
  const fit = fitGbdt(batch, y, features, options.loss ?? "logloss", params);
  return { ...gbdtModel(fit, features, params, "baseline:gbdt"), training: fit };
}

/** A Model around a fitted (or loaded) ensemble: binary scores are σ(raw), regression scores raw. */
export function gbdtModel(
  fit: Pick<GbdtFit, "loss" | "binning" | "baseScore" | "trees">,
  features: string[],
  params: GbdtParams,
  source: string,
  extra: Record<string, unknown> = {},
): GbdtModel {
  const binary = fit.loss === "logloss";
  return {
    name: "gradient-boosted trees",
    kind: "baseline",
    features,
    fit,
    params,
    metadata: {
      source,
      task: binary ? "binary" : "regression",
      baseline: "gbdt",
      trees: fit.trees.length,
      ...extra,
    },
    async predict(batch: Batch) {
      const raw = predictRaw(fit, batch);
      if (binary) for (let i = 0; i < raw.length; i++) raw[i] = sigmoid(raw[i]);
      return { scores: raw };
    },
    async close() {},
  };
}
