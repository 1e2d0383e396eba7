/**
 * The trainable learners by the names `assay train --algo` and `assay sanity --algo` use
 * (logreg, tree, gbdt), their `--params k=v,…` checked into BaselineOptions, and one call that trains
 * any of them. Bad names or values are ModelErrors (one line, exit 2 at the CLI).
 */
import type { Batch } from "../../table/types.js";
import { ModelError } from "../model.js";
import { gbdtParams } from "./gbdt/params.js";
import { type BaselineKind, type BaselineOptions, type TrainedBaseline, trainBaseline } from "./index.js";

export type LearnerName = "logreg" | "tree" | "gbdt";
export const LEARNERS: readonly LearnerName[] = ["logreg", "tree", "gbdt"];
const KIND: Record<LearnerName, BaselineKind> = { logreg: "logistic", tree: "tree", gbdt: "gbdt" };

const SIMPLE: Record<
  "logreg" | "tree",
  Record<string, [keyof BaselineOptions, (v: number) => boolean, string]>
> = {
  logreg: {
    C: ["C", (v) => v > 0 && Number.isFinite(v), "a positive number"],
    topCategories: ["topCategories", (v) => Number.isInteger(v) && v >= 0, "a non-negative integer"],
  },
  tree: {
    maxDepth: ["maxDepth", (v) => Number.isInteger(v) && v >= 1 && v <= 64, "an integer from 1 to 64"],
    minLeaf: ["minLeaf", (v) => Number.isInteger(v) && v >= 1, "a positive integer"],
    topCategories: ["topCategories", (v) => Number.isInteger(v) && v >= 0, "a non-negative integer"],
  },
};

export function learnerName(algo: string): LearnerName {
  if ((LEARNERS as readonly string[]).includes(algo)) return algo as LearnerName;
  throw new ModelError(`unknown learner '${algo}' (known: ${LEARNERS.join(", ")})`);
}

/** "maxLeaves=15,learningRate=0.05" → { maxLeaves: "15", learningRate: "0.05" }. */
export function parseParamList(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(",")) {
    if (part.trim() === "") continue;
    const eq = part.indexOf("=");
    if (eq <= 0) throw new ModelError(`a parameter must be written name=value, got '${part.trim()}'`);
    const key = part.slice(0, eq).trim();
    if (key in out) throw new ModelError(`parameter '${key}' is given twice`);
    out[key] = part.slice(eq + 1).trim();
  }
  return out;
}

/** Checks a learner's parameters; returns the options trainBaseline takes and the params as applied. */
export function learnerOptions(
  algo: LearnerName,
  raw: Record<string, unknown>,
): { options: BaselineOptions; params: Record<string, unknown> } {
  if (algo === "gbdt") {
    const params = gbdtParams(raw);
    return { options: { gbdt: { ...params } }, params: { ...params } };
  }
  const rules = SIMPLE[algo];
  const options: BaselineOptions = {};
  for (const [key, value] of Object.entries(raw)) {
    const rule = rules[key];
    if (!rule)
      throw new ModelError(`unknown ${algo} parameter '${key}' (known: ${Object.keys(rules).join(", ")})`);
    const v = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
    if (typeof v !== "number" || !rule[1](v))
      throw new ModelError(`${algo} parameter ${key} must be ${rule[2]} (got ${String(value)})`);
    (options as Record<string, number>)[rule[0]] = v;
  }
  const params =
    algo === "logreg"
      ? { C: options.C ?? 1, topCategories: options.topCategories ?? 10 }
      : {
          maxDepth: options.maxDepth ?? 3,
          minLeaf: options.minLeaf ?? 20,
          topCategories: options.topCategories ?? 10,
        };
  return { options, params };
}

/** Trains a learner on 0/1 labels. */
export function trainLearner(
  algo: LearnerName,
  rows: Batch,
  labels: ArrayLike<number>,
  features: string[],
  options: BaselineOptions,
): TrainedBaseline {
  if (rows.length === 0) throw new ModelError("no training rows");
  return trainBaseline(KIND[algo], rows, labels, features, options);
}
