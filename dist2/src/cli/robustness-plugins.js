/** Loading a suite's plug-in transformations: JS modules named in its `plugins:`, relative to the suite. */
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { UsageError } from "./errors.js";
export async function loadPlugins(suiteFile, plugins) {
    const out = {};
    for (const [name, path] of Object.entries(plugins)) {
        const full = resolve(dirname(suiteFile), path);
        if (!existsSync(full))
            throw new UsageError(`${suiteFile}: plugins.${name}: no such module ${full}`);
        let mod;
        try {
            mod = await import(pathToFileURL(full).href);
        }
        catch (error) {
            throw new UsageError(`${suiteFile}: plugins.${name}: cannot import ${path} (${error.message.split("\n")[0]})`);
        }
        const transform = mod.transform ?? mod.default;
        if (typeof transform !== "function")
            throw new UsageError(`${suiteFile}: plugins.${name}: ${path} does not export a transform(rows, options, random) function`);
        out[name] = transform;
    }
    return out;
}
