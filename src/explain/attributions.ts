/**
 * Per-row attributions for any Model by the best method it allows: exact TreeSHAP for the built-in
 * tree and gbdt, Kernel SHAP (with its stated sampling error) otherwise. Browser-safe.
 */
import type { TrainedBaseline } from "../model/baselines/index.js";
import type { Model } from "../model/model.js";
import type { Batch } from "../table/types.js";
import { routeBaseline, treeShapRows } from "./baseline-tree-shap.js";
import { type KernelShapOptions, kernelShap } from "./kernel-shap.js";

export interface Attributions {
  method: "tree-shap" | "kernel-shap";
  features: string[];
  /** Row-major [rows × features]. */
  phi: Float64Array;
  /** Kernel SHAP's standard errors (0 when exact); null for TreeSHAP (exact). */
  standardError: Float64Array | null;
  base: number;
  space: "probability" | "log-odds" | "output";
  rows: number;
}

export function treeExplainable(model: Model): model is TrainedBaseline {
  const state = (model as Partial<TrainedBaseline>).state;
  return model.kind === "baseline" && (state?.kind === "tree" || state?.kind === "gbdt");
}

export async function attributions(
  model: Model,
  explained: Batch,
  background: Batch,
  features: string[],
  options: KernelShapOptions & { method?: "auto" | "kernel" } = {},
): Promise<Attributions> {
  if (options.method !== "kernel" && treeExplainable(model)) {
    const tree = treeShapRows(routeBaseline(model, explained, background), explained.length);
    return { method: "tree-shap", ...tree, standardError: null, rows: explained.length };
  }
  const kernel = await kernelShap(model, explained, background, features, options);
  const space =
    kernel.link === "logit" ? "log-odds" : model.metadata.task === "binary" ? "probability" : "output";
  return {
    method: "kernel-shap",
    features,
    phi: kernel.phi,
    standardError: kernel.standardError,
    base: kernel.base,
    space,
    rows: explained.length,
  };
}

/** Mean |φ| per feature over the explained rows: the global attribution ranking. */
export function meanAbsolute(a: Attributions): Float64Array {
  const m = a.features.length;
  const out = new Float64Array(m);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < m; j++) out[j] += Math.abs(a.phi[i * m + j]);
  for (let j = 0; j < m; j++) out[j] /= Math.max(1, a.rows);
  return out;
}
