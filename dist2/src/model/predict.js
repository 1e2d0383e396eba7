import { sliceBatch } from "./features.js";
/** Rows per predict() call: big for in-process runtimes, small for endpoints (which batch again). */
export function defaultBatchRows(model) {
    if (model.kind !== "http")
        return 65_536;
    // A whole number of requests per chunk, so no request is cut short in the middle of a table.
    const perRequest = Number(model.metadata.batchSize) || 256;
    return perRequest * 16;
}
/**
 * Scores every row of `table` (a batch holding at least the model's features). `onProgress` gets the
 * fraction done after each chunk.
 */
export async function predictTable(model, table, options = {}) {
    const rows = options.batchRows ?? defaultBatchRows(model);
    // Only the model's own columns are cut into chunks (copying text columns per chunk is not free).
    if (model.features) {
        const wanted = new Set(model.features);
        table = { ...table, columns: table.columns.filter((c) => wanted.has(c.name)) };
    }
    const scores = new Float64Array(table.length);
    let probabilities;
    let classes;
    // onnxruntime-node 1.30 runs inference on the main thread (its async run() only defers to
    // setImmediate), so chunks are scored one after another: keeping several in flight gains nothing.
    for (let start = 0; start < table.length; start += rows) {
        const end = Math.min(start + rows, table.length);
        const part = await model.predict(start === 0 && end === table.length ? table : sliceBatch(table, start, end));
        scores.set(part.scores, start);
        if (part.probabilities && part.classes) {
            classes = part.classes;
            probabilities ??= new Float64Array(table.length * classes);
            probabilities.set(part.probabilities, start * classes);
        }
        options.onProgress?.(end / table.length);
    }
    return probabilities ? { scores, probabilities, classes } : { scores };
}
