/**
 * A JavaScript module that exports `predict(rows)`: rows are plain objects keyed by column name, and
 * the result (or its promise) is one score per row — an array, a typed array, or
 * `{scores}`; for a multiclass model, one probability list per row (an array of arrays, or
 * `{probabilities}`). The module may also export `features` (column names), `classes` and `name`.
 */
import { existsSync } from "node:fs";
import { basename, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Batch } from "../../table/types.js";
import { batchRecords, probabilitiesFromLists } from "../features.js";
import { type Model, ModelError, type ModelTask, type Prediction } from "../model.js";

type Predict = (rows: Record<string, number | string | null>[]) => unknown;

interface ModuleOptions {
  features?: string[] | null;
  positiveClass?: string;
  classes?: string[];
  task?: ModelTask;
  name?: string;
}

export async function loadModuleModel(path: string, options: ModuleOptions = {}): Promise<Model> {
  const full = resolve(path);
  if (!existsSync(full)) throw new ModelError(`${path}: no such module`);
  let mod: Record<string, unknown>;
  try {
    mod = await import(pathToFileURL(full).href);
  } catch (error) {
    throw new ModelError(`${path}: cannot import the module (${(error as Error).message.split("\n")[0]})`);
  }
  const predict = (mod.predict ?? (mod.default as Record<string, unknown> | undefined)?.predict) as
    | Predict
    | undefined;
  if (typeof predict !== "function")
    throw new ModelError(`${path}: the module does not export a predict function`);
  const declared = Array.isArray(mod.features) ? (mod.features as string[]) : null;
  const features = options.features ?? declared;
  return {
    name: options.name ?? (typeof mod.name === "string" ? mod.name : basename(path)),
    kind: "module",
    features,
    metadata: {
      source: path,
      task: options.task ?? "binary",
      positiveClass: options.positiveClass,
      classes:
        options.classes ?? (Array.isArray(mod.classes) ? (mod.classes as unknown[]).map(String) : undefined),
    },
    async predict(batch: Batch): Promise<Prediction> {
      let result: unknown;
      try {
        result = await predict(batchRecords(batch, features));
      } catch (error) {
        throw new ModelError(`${basename(path)}: predict threw: ${(error as Error).message.split("\n")[0]}`);
      }
      if (options.task === "multiclass") {
        const lists = (result as { probabilities?: unknown })?.probabilities ?? result;
        if (!Array.isArray(lists) || lists.length !== batch.length)
          throw new ModelError(
            `${basename(path)}: a multiclass predict must return one probability list per row (${batch.length} rows)`,
          );
        return probabilitiesFromLists(lists, basename(path));
      }
      const list = (result as { scores?: unknown })?.scores ?? result;
      if (!Array.isArray(list) && !ArrayBuffer.isView(list))
        throw new ModelError(`${basename(path)}: predict must return an array of scores`);
      const scores = Float64Array.from(list as ArrayLike<number>, Number);
      if (scores.length !== batch.length)
        throw new ModelError(
          `${basename(path)}: predict returned ${scores.length} scores for ${batch.length} rows`,
        );
      return { scores };
    },
    async close() {},
  };
}
