/**
 * The model side of `assay conformal` and `assay ood`: what to run on the rows and what it returned,
 * with the same SPEC forms and --features as `assay evaluate`.
 */
import type { Source } from "../io/source.js";
import { loadModel, type Model, type Prediction, predictTable } from "../model/index.js";
import type { Batch } from "../table/types.js";
import { TrustError } from "../trust/errors.js";
import { listOption, numberOption } from "./args.js";
import { UsageError } from "./errors.js";
import { guardModel } from "./evaluate.js";
import { progress } from "./output.js";

/** Loads --model SPEC (or --score COL as score:COL) with evaluate's options; null when neither is given. */
export async function modelFromArgs(
  v: Record<string, unknown>,
  task?: "binary" | "multiclass" | "regression",
): Promise<{ model: Model; spec: string } | null> {
  const spec = v.score !== undefined ? `score:${v.score}` : (v.model as string | undefined);
  if (spec === undefined) return null;
  const model = await guardModel(
    loadModel(spec, {
      features: listOption(v.features),
      task,
      http: {
        timeoutMs: numberOption(v.timeout, "--timeout", { min: 1 }),
        retries: numberOption(v.retries, "--retries", { min: 0 }),
        batchSize: numberOption(v["batch-size"], "--batch-size", { min: 1 }),
      },
    }),
  );
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
    return await guardModel(predictTable(model, input, { onProgress: bar.update }));
  } finally {
    bar.done();
  }
}

/** Columns both sources have, in the first one's order. */
export function sharedColumns(a: Source, b: Source): string[] {
  const other = new Set(b.columns.map((c) => c.name));
  return a.columns.map((c) => c.name).filter((n) => other.has(n));
}

/** Runs core trust work, turning its input errors into usage errors (one line, exit 2). */
export function guardTrust<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof TrustError) throw new UsageError(error.message);
    throw error;
  }
}

export async function guardTrustAsync<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof TrustError) throw new UsageError(error.message);
    throw error;
  }
}
