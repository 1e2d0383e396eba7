/**
 * Model descriptor files (YAML or JSON), so that feature order is written down, never guessed:
 *
 *   name: adult-v1
 *   path: adult_v1.onnx            # or  url: http://…   or  module: ./model.mjs
 *   input: features                # ONNX input tensor
 *   features: [age, fnlwgt, education-num, capital-gain, capital-loss, hours-per-week]
 *   output: probability            # ONNX output tensor
 *   outputIndex: 0                 # column of the output holding P(positive)
 *   positiveClass: ">50K"
 *   task: binary                   # or multiclass (with classes: [a, b, c], the output's order)
 *
 * Relative paths are resolved against the descriptor's folder.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { ModelError, type ModelTask } from "../model.js";

export interface ModelDescriptor {
  name?: string;
  path?: string;
  url?: string;
  module?: string;
  input?: string;
  features?: string[];
  output?: string;
  outputIndex?: number;
  positiveClass?: string;
  classes?: string[];
  task?: ModelTask;
  batchSize?: number;
  timeoutMs?: number;
  retries?: number;
  headers?: Record<string, string>;
}

const KEYS = new Set([
  "name",
  "path",
  "url",
  "module",
  "input",
  "features",
  "output",
  "outputIndex",
  "positiveClass",
  "classes",
  "task",
  "batchSize",
  "timeoutMs",
  "retries",
  "headers",
  "description",
  "version",
]);

export function readDescriptor(file: string): ModelDescriptor {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new ModelError(`${file}: no such model descriptor`);
  }
  let raw: unknown;
  try {
    raw = file.toLowerCase().endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ModelError(
      `${file}: not valid ${file.endsWith(".json") ? "JSON" : "YAML"} (${(error as Error).message.split("\n")[0]})`,
    );
  }
  return checkDescriptor(raw, file);
}

/** Validates a parsed descriptor and resolves its relative paths against `file`'s folder. */
export function checkDescriptor(raw: unknown, file: string): ModelDescriptor {
  if (!raw || typeof raw !== "object" || Array.isArray(raw))
    throw new ModelError(`${file}: a model descriptor must be a mapping (path, features, …)`);
  const d = raw as Record<string, unknown>;
  for (const key of Object.keys(d))
    if (!KEYS.has(key))
      throw new ModelError(`${file}: unknown key '${key}' (known: ${[...KEYS].join(", ")})`);
  const targets = ["path", "url", "module"].filter((k) => d[k] !== undefined);
  if (targets.length !== 1)
    throw new ModelError(
      `${file}: give exactly one of 'path' (ONNX file), 'url' (HTTP endpoint) or 'module' (JS file)`,
    );
  const text = (k: string) => {
    if (d[k] !== undefined && typeof d[k] !== "string")
      throw new ModelError(`${file}: '${k}' must be a string`);
    return d[k] as string | undefined;
  };
  const int = (k: string) => {
    if (d[k] !== undefined && !(Number.isInteger(d[k]) && (d[k] as number) >= 0))
      throw new ModelError(`${file}: '${k}' must be a non-negative integer`);
    return d[k] as number | undefined;
  };
  if (
    d.features !== undefined &&
    !(Array.isArray(d.features) && d.features.every((f) => typeof f === "string"))
  )
    throw new ModelError(`${file}: 'features' must be a list of column names`);
  if (
    d.classes !== undefined &&
    !(Array.isArray(d.classes) && d.classes.every((c) => typeof c === "string" || typeof c === "number"))
  )
    throw new ModelError(`${file}: 'classes' must be a list of label values, in the output's order`);
  if (d.task !== undefined && !["binary", "multiclass", "regression"].includes(d.task as string))
    throw new ModelError(`${file}: 'task' must be binary, multiclass or regression`);
  const base = dirname(resolve(file));
  const path = text("path");
  const mod = text("module");
  const positive = d.positiveClass;
  return {
    name: text("name"),
    path: path === undefined ? undefined : resolve(base, path),
    url: text("url"),
    module: mod === undefined ? undefined : resolve(base, mod),
    input: text("input"),
    features: d.features as string[] | undefined,
    output: text("output"),
    outputIndex: int("outputIndex"),
    positiveClass: positive === undefined || positive === null ? undefined : String(positive),
    classes: (d.classes as unknown[] | undefined)?.map(String),
    task: d.task as ModelTask | undefined,
    batchSize: int("batchSize"),
    timeoutMs: int("timeoutMs"),
    retries: int("retries"),
    headers: d.headers as Record<string, string> | undefined,
  };
}
