/**
 * The model arguments of the commands that run a model (evaluate, conformal, ood): loading --model SPEC
 * or --score COL with --features and the endpoint settings, and running it over a table. A ModelError is
 * an InputError, so main.ts already reports it on one line with exit 2.
 */
import { type Model, type Prediction, predictTable } from "../model/index.js";
import { loadModel } from "../model/node/index.js";
import type { Batch } from "../table/types.js";
import { listOption, numberOption } from "./args.js";
import { progress } from "./output.js";
import { resolveModelSpec } from "./registered-model.js";

/** Loads --model SPEC (or --score COL as score:COL) with evaluate's options; null when neither is given. */
export async function modelFromArgs(
  v: Record<string, unknown>,
  task?: "binary" | "multiclass" | "regression",
): Promise<{ model: Model; spec: string } | null> {
  const spec = v.score !== undefined ? `score:${v.score}` : (v.model as string | undefined);
  if (spec === undefined) return null;
  const { target, features } = resolveModelSpec(spec, listOption(v.features), "--model");
  const model = await loadModel(target, {
    features,
    task,
    classes: listOption(v.classes),
    http: {
      timeoutMs: numberOption(v.timeout, "--timeout", { min: 1 }),
      retries: numberOption(v.retries, "--retries", { min: 0 }),
      batchSize: numberOption(v["batch-size"], "--batch-size", { min: 1 }),
    },
  });
  return { model, spec };
}

/** Runs the model over a table; models that take any columns never see `hidden` (the label). */
export async function predictRows(
  model: Model,
  table: Batch,
  hidden: string[],
  what: string,
): Promise<Prediction> {
  const input: Batch = model.features
    ? table
    : { ...table, columns: table.columns.filter((c) => !hidden.includes(c.name)) };
  const bar = progress(`scoring ${what} with ${model.name}`);
  try {
    return await predictTable(model, input, { onProgress: bar.update });
  } finally {
    bar.done();
  }
}
