/**
 * The model arguments of the commands that run a model (evaluate, conformal, ood): loading --model SPEC
 * or --score COL with --features and the endpoint settings, running it over a table, and turning its
 * errors into usage errors.
 */
import { ModelError, predictTable } from "../model/index.js";
import { loadModel } from "../model/node/index.js";
import { listOption, numberOption } from "./args.js";
import { UsageError } from "./errors.js";
import { progress } from "./output.js";
import { resolveModelSpec } from "./registered-model.js";
/** Loads --model SPEC (or --score COL as score:COL) with evaluate's options; null when neither is given. */
export async function modelFromArgs(v, task) {
    const spec = v.score !== undefined ? `score:${v.score}` : v.model;
    if (spec === undefined)
        return null;
    const { target, features } = resolveModelSpec(spec, listOption(v.features), "--model");
    const model = await guardModel(loadModel(target, {
        features,
        task,
        http: {
            timeoutMs: numberOption(v.timeout, "--timeout", { min: 1 }),
            retries: numberOption(v.retries, "--retries", { min: 0 }),
            batchSize: numberOption(v["batch-size"], "--batch-size", { min: 1 }),
        },
    }));
    return { model, spec };
}
/** Runs the model over a table; models that take any columns never see `hidden` (the label). */
export async function predictRows(model, table, hidden, what) {
    const input = model.features
        ? table
        : { ...table, columns: table.columns.filter((c) => !hidden.includes(c.name)) };
    const bar = progress(`scoring ${what} with ${model.name}`);
    try {
        return await guardModel(predictTable(model, input, { onProgress: bar.update }));
    }
    finally {
        bar.done();
    }
}
/** Model problems the user can fix (a bad spec, a shape mismatch) become usage errors. */
export async function guardModel(work) {
    try {
        return await work;
    }
    catch (error) {
        if (error instanceof ModelError)
            throw new UsageError(error.message);
        throw error;
    }
}
