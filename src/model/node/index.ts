/**
 * `loadModel(spec)` for every adapter, in Node: the SPEC forms of DESIGN §3 —
 *   score:COL               a column of precomputed scores
 *   score-prefix:P          multiclass: columns P<class> hold the class probabilities (needs options.columns)
 *   probabilities:COL       multiclass: a column of JSON arrays [p0, p1, …] (with options.classes)
 *   http(s)://host/path     an HTTP JSON endpoint
 *   FILE.onnx               an ONNX model (needs options.features)
 *   FILE.yaml | FILE.json   a model descriptor (path/url/module + features, tensors, positive class)
 *   FILE.json               a model saved by `assay train` ("format": "assay-model")
 *   FILE.js | FILE.mjs      a JS module exporting predict(rows)
 * Node-only (it reads files and loads ONNX Runtime); the browser-safe surface is model/index.ts.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { extname } from "node:path";
import { isSavedModel, loadSavedModel } from "../baselines/saved.js";
import { httpModel } from "../http.js";
import { type Model, ModelError, type ModelTask } from "../model.js";
import { probabilityColumnsModel, probabilityListModel } from "../probability-columns.js";
import { scoreColumnModel } from "../score-column.js";
import { readDescriptor } from "./descriptor.js";
import { loadModuleModel } from "./module.js";
import { loadOnnxModel } from "./onnx.js";

export type { ModelDescriptor } from "./descriptor.js";
export { readDescriptor } from "./descriptor.js";

export interface LoadModelOptions {
  /** Feature columns in model order (`--features a,b,c`); overrides a module's own list. */
  features?: string[];
  /** Name shown in reports. */
  name?: string;
  task?: ModelTask;
  /** Multiclass: the label value of each output column (overrides a descriptor's). */
  classes?: string[];
  /** The columns of the data, for score-prefix:P. */
  columns?: string[];
  /** Endpoint settings for http(s) specs given without a descriptor. */
  http?: {
    batchSize?: number;
    timeoutMs?: number;
    retries?: number;
    backoffMs?: number;
    concurrency?: number;
  };
}

export async function loadModel(spec: string, options: LoadModelOptions = {}): Promise<Model> {
  const trimmed = spec.trim();
  if (trimmed === "") throw new ModelError("empty model spec");
  if (trimmed.startsWith("score:")) return scoreColumnModel(trimmed.slice("score:".length), options.task);
  if (trimmed.startsWith("score-prefix:"))
    return probabilityColumnsModel(trimmed.slice("score-prefix:".length), options.columns ?? []);
  if (trimmed.startsWith("probabilities:"))
    return probabilityListModel(trimmed.slice("probabilities:".length), options.classes);
  if (/^https?:\/\//i.test(trimmed))
    return httpModel(trimmed, {
      ...options.http,
      features: options.features,
      name: options.name,
      task: options.task,
      classes: options.classes,
    });
  const ext = extname(trimmed).toLowerCase();
  if (!existsSync(trimmed)) throw new ModelError(`${trimmed}: no such model file`);
  switch (ext) {
    case ".onnx":
      if (!options.features || options.features.length === 0)
        throw new ModelError(
          `${trimmed}: an ONNX file needs its feature columns in order: --features a,b,c (or use a model descriptor)`,
        );
      return loadOnnxModel(trimmed, {
        features: options.features,
        name: options.name,
        task: options.task,
        classes: options.classes,
      });
    case ".yaml":
    case ".yml":
    case ".json":
      return fromDescriptor(trimmed, options);
    case ".js":
    case ".mjs":
    case ".cjs":
      return loadModuleModel(trimmed, {
        features: options.features,
        name: options.name,
        task: options.task,
        classes: options.classes,
      });
    default:
      throw new ModelError(
        `${trimmed}: unknown model type '${ext || "(none)"}'; expected .onnx, a descriptor (.yaml/.json), a JS module (.js/.mjs), an http(s):// URL or score:COL`,
      );
  }
}

async function fromDescriptor(file: string, options: LoadModelOptions): Promise<Model> {
  if (file.toLowerCase().endsWith(".json")) {
    let raw: unknown = null;
    let text = "";
    try {
      text = readFileSync(file, "utf8");
      raw = JSON.parse(text);
    } catch {
      // not JSON: readDescriptor says so
    }
    if (isSavedModel(raw)) {
      const model = loadSavedModel(raw, file);
      model.metadata.digest = createHash("sha256").update(text).digest("hex");
      if (options.name) return { ...model, name: options.name };
      return model;
    }
  }
  const d = readDescriptor(file);
  const features = options.features ?? d.features;
  const common = {
    name: options.name ?? d.name,
    task: options.task ?? d.task,
    positiveClass: d.positiveClass,
    classes: options.classes ?? d.classes,
  };
  if (d.path !== undefined) {
    if (!features || features.length === 0)
      throw new ModelError(`${file}: an ONNX model needs 'features' (in order)`);
    return loadOnnxModel(d.path, {
      ...common,
      features,
      input: d.input,
      output: d.output,
      outputIndex: d.outputIndex,
    });
  }
  if (d.url !== undefined)
    return httpModel(d.url, {
      ...options.http,
      ...common,
      features: features ?? null,
      batchSize: d.batchSize ?? options.http?.batchSize,
      timeoutMs: d.timeoutMs ?? options.http?.timeoutMs,
      retries: d.retries ?? options.http?.retries,
      headers: d.headers,
      outputIndex: d.outputIndex,
    });
  return loadModuleModel(d.module!, { ...common, features: features ?? null });
}
