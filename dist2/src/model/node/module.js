/**
 * A JavaScript module that exports `predict(rows)`: rows are plain objects keyed by column name, and
 * the result (or its promise) is one score per row — an array, a typed array, or
 * `{scores}`. The module may also export `features` (column names) and `name`.
 */
import { existsSync } from "node:fs";
import { basename, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { batchRecords } from "../features.js";
import { ModelError } from "../model.js";
export async function loadModuleModel(path, options = {}) {
    const full = resolve(path);
    if (!existsSync(full))
        throw new ModelError(`${path}: no such module`);
    let mod;
    try {
        mod = await import(pathToFileURL(full).href);
    }
    catch (error) {
        throw new ModelError(`${path}: cannot import the module (${error.message.split("\n")[0]})`);
    }
    const predict = (mod.predict ?? mod.default?.predict);
    if (typeof predict !== "function")
        throw new ModelError(`${path}: the module does not export a predict function`);
    const declared = Array.isArray(mod.features) ? mod.features : null;
    const features = options.features ?? declared;
    return {
        name: options.name ?? (typeof mod.name === "string" ? mod.name : basename(path)),
        kind: "module",
        features,
        metadata: { source: path, task: options.task ?? "binary", positiveClass: options.positiveClass },
        async predict(batch) {
            let result;
            try {
                result = await predict(batchRecords(batch, features));
            }
            catch (error) {
                throw new ModelError(`${basename(path)}: predict threw: ${error.message.split("\n")[0]}`);
            }
            const list = result?.scores ?? result;
            if (!Array.isArray(list) && !ArrayBuffer.isView(list))
                throw new ModelError(`${basename(path)}: predict must return an array of scores`);
            const scores = Float64Array.from(list, Number);
            if (scores.length !== batch.length)
                throw new ModelError(`${basename(path)}: predict returned ${scores.length} scores for ${batch.length} rows`);
            return { scores };
        },
        async close() { },
    };
}
