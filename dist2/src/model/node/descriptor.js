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
 *   task: binary
 *
 * Relative paths are resolved against the descriptor's folder.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { ModelError } from "../model.js";
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
    "task",
    "batchSize",
    "timeoutMs",
    "retries",
    "headers",
    "description",
    "version",
]);
export function readDescriptor(file) {
    let text;
    try {
        text = readFileSync(file, "utf8");
    }
    catch {
        throw new ModelError(`${file}: no such model descriptor`);
    }
    let raw;
    try {
        raw = file.toLowerCase().endsWith(".json") ? JSON.parse(text) : parseYaml(text);
    }
    catch (error) {
        throw new ModelError(`${file}: not valid ${file.endsWith(".json") ? "JSON" : "YAML"} (${error.message.split("\n")[0]})`);
    }
    return checkDescriptor(raw, file);
}
/** Validates a parsed descriptor and resolves its relative paths against `file`'s folder. */
export function checkDescriptor(raw, file) {
    if (!raw || typeof raw !== "object" || Array.isArray(raw))
        throw new ModelError(`${file}: a model descriptor must be a mapping (path, features, …)`);
    const d = raw;
    for (const key of Object.keys(d))
        if (!KEYS.has(key))
            throw new ModelError(`${file}: unknown key '${key}' (known: ${[...KEYS].join(", ")})`);
    const targets = ["path", "url", "module"].filter((k) => d[k] !== undefined);
    if (targets.length !== 1)
        throw new ModelError(`${file}: give exactly one of 'path' (ONNX file), 'url' (HTTP endpoint) or 'module' (JS file)`);
    const text = (k) => {
        if (d[k] !== undefined && typeof d[k] !== "string")
            throw new ModelError(`${file}: '${k}' must be a string`);
        return d[k];
    };
    const int = (k) => {
        if (d[k] !== undefined && !(Number.isInteger(d[k]) && d[k] >= 0))
            throw new ModelError(`${file}: '${k}' must be a non-negative integer`);
        return d[k];
    };
    if (d.features !== undefined &&
        !(Array.isArray(d.features) && d.features.every((f) => typeof f === "string")))
        throw new ModelError(`${file}: 'features' must be a list of column names`);
    if (d.task !== undefined && !["binary", "multiclass", "regression"].includes(d.task))
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
        features: d.features,
        output: text("output"),
        outputIndex: int("outputIndex"),
        positiveClass: positive === undefined || positive === null ? undefined : String(positive),
        task: d.task,
        batchSize: int("batchSize"),
        timeoutMs: int("timeoutMs"),
        retries: int("retries"),
        headers: d.headers,
    };
}
