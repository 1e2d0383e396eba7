/**
 * The saved-model file of `assay train` (docs/learning.md): one JSON document holding what a built-in
 * learner learned, so `--model model.json` scores with it again, bit for bit. Browser-safe: it turns
 * a trained baseline into plain JSON and back; reading the file is the Node loader's business.
 */
import { ModelError, type ModelTask } from "../model.js";
import { type BaselineState, baselineFromState, type TrainedBaseline } from "./index.js";

export const SAVED_FORMAT = "assay-model";
export const SAVED_VERSION = 1;

export interface SavedModel {
  format: typeof SAVED_FORMAT;
  version: number;
  algo: BaselineState["kind"];
  task: ModelTask;
  /** The label column it was trained on, and the value scored as positive. */
  label: string;
  positiveClass?: string;
  features: string[];
  training: { rows: number; params: Record<string, unknown>; [detail: string]: unknown };
  state: unknown;
}

export function saveModel(
  model: TrainedBaseline,
  info: {
    label: string;
    positiveClass?: string;
    rows: number;
    params: Record<string, unknown>;
    extra?: Record<string, unknown>;
  },
): SavedModel {
  const s = model.state;
  const state = s.kind === "logistic" ? { ...s, fit: { ...s.fit, weights: Array.from(s.fit.weights) } } : s;
  return {
    format: SAVED_FORMAT,
    version: SAVED_VERSION,
    algo: s.kind,
    task: model.metadata.task,
    label: info.label,
    positiveClass: info.positiveClass,
    features: model.features ?? [],
    training: { rows: info.rows, params: info.params, ...info.extra },
    state,
  };
}

/** True when a parsed JSON document claims to be a saved model (then loadSavedModel must accept it). */
export function isSavedModel(raw: unknown): boolean {
  return !!raw && typeof raw === "object" && (raw as { format?: unknown }).format === SAVED_FORMAT;
}

export function loadSavedModel(raw: unknown, source: string): TrainedBaseline {
  const bad = (what: string) => new ModelError(`${source}: not a valid saved model (${what})`);
  if (!isSavedModel(raw)) throw bad(`'format' must be "${SAVED_FORMAT}"`);
  const d = raw as SavedModel;
  if (d.version !== SAVED_VERSION)
    throw bad(`version ${String(d.version)}; this Assay reads version ${SAVED_VERSION}`);
  if (!Array.isArray(d.features) || !d.features.every((f) => typeof f === "string"))
    throw bad("'features' must be a list of column names");
  const s = d.state as Record<string, unknown> | null;
  if (!s || typeof s !== "object" || s.kind !== d.algo) throw bad("'state.kind' must equal 'algo'");
  let state: BaselineState;
  switch (d.algo) {
    case "majority":
      if (typeof s.prevalence !== "number") throw bad("'state.prevalence' must be a number");
      state = { kind: "majority", prevalence: s.prevalence };
      break;
    case "logistic": {
      const fit = s.fit as { weights?: unknown; intercept?: unknown; iterations?: unknown } | undefined;
      if (!fit || !Array.isArray(fit.weights) || typeof fit.intercept !== "number" || !s.encoding)
        throw bad("a logistic model needs 'state.encoding' and 'state.fit' with weights and intercept");
      state = {
        kind: "logistic",
        encoding: s.encoding as never,
        fit: {
          weights: Float64Array.from(fit.weights as number[]),
          intercept: fit.intercept,
          iterations: Number(fit.iterations ?? 0),
        },
      };
      break;
    }
    case "tree":
      if (!s.encoding || !s.root || typeof s.root !== "object")
        throw bad("a tree needs 'state.encoding' and 'state.root'");
      state = { kind: "tree", encoding: s.encoding as never, root: s.root as never };
      break;
    case "gbdt": {
      const fit = s.fit as Record<string, unknown> | undefined;
      if (
        !fit ||
        !Array.isArray(fit.binning) ||
        !Array.isArray(fit.trees) ||
        typeof fit.baseScore !== "number" ||
        (fit.loss !== "logloss" && fit.loss !== "l2")
      )
        throw bad("a gbdt needs 'state.fit' with loss, baseScore, binning and trees");
      if (fit.binning.length !== d.features.length)
        throw bad("'state.fit.binning' must have one entry per feature");
      for (const t of fit.trees as Record<string, unknown>[])
        for (const key of ["feature", "threshold", "categories", "missingLeft", "left", "right", "value"])
          if (!Array.isArray(t?.[key])) throw bad(`every tree needs the array '${key}'`);
      state = { kind: "gbdt", fit: fit as never, params: (s.params as Record<string, unknown>) ?? {} };
      break;
    }
    default:
      throw bad(`unknown algo '${String(d.algo)}'`);
  }
  const model = baselineFromState(state, d.features, { label: d.label }, source);
  if (d.positiveClass !== undefined) model.metadata.positiveClass = d.positiveClass;
  return model;
}
