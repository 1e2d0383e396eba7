/**
 * The GBDT's hyper-parameters: names, defaults (scikit-learn's HistGradientBoosting defaults where
 * one exists) and the checks that turn a bad value into one clear error.
 */
import { ModelError } from "../../model.js";

export interface GbdtParams {
  learningRate: number;
  maxIterations: number;
  maxLeaves: number;
  /** 0: no limit. */
  maxDepth: number;
  minSamplesLeaf: number;
  /** L2 penalty λ on leaf values. */
  l2: number;
  maxBins: number;
  /** "auto": on when there are more than 10,000 training rows (as scikit-learn). */
  earlyStopping: boolean | "auto";
  validationFraction: number;
  /** Iterations without an improvement of the validation loss by more than `tolerance` before stopping. */
  patience: number;
  tolerance: number;
  categoricalSmoothing: number;
  seed: number;
}

export const GBDT_DEFAULTS: GbdtParams = {
  learningRate: 0.1,
  maxIterations: 100,
  maxLeaves: 31,
  maxDepth: 0,
  minSamplesLeaf: 20,
  l2: 0,
  maxBins: 255,
  earlyStopping: "auto",
  validationFraction: 0.1,
  patience: 10,
  tolerance: 1e-7,
  categoricalSmoothing: 10,
  seed: 0,
};

type Check = (v: number) => boolean;
const RULES: Record<Exclude<keyof GbdtParams, "earlyStopping">, [Check, string]> = {
  learningRate: [(v) => v > 0 && v <= 1, "a number in (0, 1]"],
  maxIterations: [(v) => Number.isInteger(v) && v >= 1 && v <= 100_000, "an integer from 1 to 100000"],
  maxLeaves: [(v) => Number.isInteger(v) && v >= 2 && v <= 4096, "an integer from 2 to 4096"],
  maxDepth: [(v) => Number.isInteger(v) && v >= 0, "a non-negative integer (0: no limit)"],
  minSamplesLeaf: [(v) => Number.isInteger(v) && v >= 1, "a positive integer"],
  l2: [(v) => v >= 0 && Number.isFinite(v), "a non-negative number"],
  maxBins: [(v) => Number.isInteger(v) && v >= 2 && v <= 255, "an integer from 2 to 255"],
  validationFraction: [(v) => v > 0 && v < 1, "a number in (0, 1)"],
  patience: [(v) => Number.isInteger(v) && v >= 1, "a positive integer"],
  tolerance: [(v) => v >= 0 && Number.isFinite(v), "a non-negative number"],
  categoricalSmoothing: [(v) => v >= 0 && Number.isFinite(v), "a non-negative number"],
  seed: [(v) => Number.isInteger(v) && v >= 0 && v < 2 ** 32, "an integer from 0 to 2^32 − 1"],
};

export const GBDT_PARAM_NAMES = [...Object.keys(RULES), "earlyStopping"];

/** Defaults overridden by `given`; any unknown name or out-of-range value is a ModelError. */
export function gbdtParams(given: Record<string, unknown> = {}): GbdtParams {
  const out: GbdtParams = { ...GBDT_DEFAULTS };
  for (const [key, value] of Object.entries(given)) {
    if (value === undefined) continue;
    if (key === "earlyStopping") {
      if (value === true || value === false || value === "auto") out.earlyStopping = value;
      else if (value === "true" || value === "false") out.earlyStopping = value === "true";
      else
        throw new ModelError(
          `gbdt parameter earlyStopping must be true, false or auto (got ${String(value)})`,
        );
      continue;
    }
    const rule = RULES[key as keyof typeof RULES];
    if (!rule)
      throw new ModelError(`unknown gbdt parameter '${key}' (known: ${GBDT_PARAM_NAMES.join(", ")})`);
    const v = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
    if (typeof v !== "number" || !rule[0](v))
      throw new ModelError(`gbdt parameter ${key} must be ${rule[1]} (got ${String(value)})`);
    (out as unknown as Record<string, number>)[key] = v;
  }
  return out;
}
