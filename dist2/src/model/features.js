import { ModelError } from "./model.js";
export function findColumn(batch, name) {
    const column = batch.columns.find((c) => c.name === name);
    if (!column)
        throw new ModelError(`the model needs column '${name}', which the data does not have (columns: ${batch.columns.map((c) => c.name).join(", ")})`);
    return column;
}
/**
 * A row-major [rows × features] matrix of the named numeric columns. Missing cells become NaN (the
 * model decides what that means); a text column is an error, because its encoding is the model's
 * business and guessing it would give silently wrong scores.
 */
export function featureMatrix(batch, features, make) {
    const d = features.length;
    const out = make(batch.length * d);
    const columns = features.map((name) => {
        const column = findColumn(batch, name);
        if (column.type === "string")
            throw new ModelError(`feature '${name}' is text; this model takes numbers (encode it, or score with a model that takes raw rows)`);
        return { values: column.values, valid: column.valid, complete: column.valid.indexOf(0) === -1 };
    });
    // Blocks of rows keep the strided writes of all columns inside a few cache lines.
    for (let start = 0; start < batch.length; start += BLOCK_ROWS) {
        const end = Math.min(start + BLOCK_ROWS, batch.length);
        columns.forEach(({ values, valid, complete }, j) => {
            if (out instanceof Float32Array)
                fill32(out, values, valid, complete, d, j, start, end);
            else
                fill64(out, values, valid, complete, d, j, start, end);
        });
    }
    return out;
}
const BLOCK_ROWS = 1024;
// Two monomorphic copies of one loop: a loop generic over the output type runs several times slower,
// and for small models building the input costs more than the inference.
function fill32(out, values, valid, complete, stride, column, start, end) {
    if (complete)
        for (let i = start, k = start * stride + column; i < end; i++, k += stride)
            out[k] = values[i];
    else
        for (let i = start, k = start * stride + column; i < end; i++, k += stride)
            out[k] = valid[i] ? values[i] : Number.NaN;
}
function fill64(out, values, valid, complete, stride, column, start, end) {
    if (complete)
        for (let i = start, k = start * stride + column; i < end; i++, k += stride)
            out[k] = values[i];
    else
        for (let i = start, k = start * stride + column; i < end; i++, k += stride)
            out[k] = valid[i] ? values[i] : Number.NaN;
}
/** Rows as plain objects (for HTTP and JS-module models): numbers stay numbers, missing cells are null. */
export function batchRecords(batch, features) {
    const columns = features ? features.map((f) => findColumn(batch, f)) : batch.columns;
    const rows = new Array(batch.length);
    for (let i = 0; i < batch.length; i++) {
        const row = {};
        for (const c of columns)
            row[c.name] = c.valid[i] ? c.values[i] : null;
        rows[i] = row;
    }
    return rows;
}
/** Rows [start, end) of a batch, sharing memory where the column type allows. */
export function sliceBatch(batch, start, end) {
    return {
        length: end - start,
        offset: batch.offset + start,
        columns: batch.columns.map((c) => c.type === "string"
            ? { ...c, values: c.values.slice(start, end), valid: c.valid.subarray(start, end) }
            : { ...c, values: c.values.subarray(start, end), valid: c.valid.subarray(start, end) }),
    };
}
/**
 * Reads a model's output into binary scores. Accepted shapes: [N], [N, 1] (the score itself) and
 * [N, k] (column `index`, default the last one: P(class 1) for a two-column probability output).
 */
export function scoresFromOutput(data, dims, rows, index, what) {
    const width = dims.length <= 1 ? 1 : dims.slice(1).reduce((a, b) => a * b, 1);
    if (data.length !== rows * width)
        throw new ModelError(`${what}: expected ${rows} rows of output, got shape [${dims.join(", ")}]`);
    const column = index ?? width - 1;
    if (column < 0 || column >= width)
        throw new ModelError(`${what}: output index ${column} is outside the output's ${width} column(s)`);
    // The typed-array constructor converts natively; Float64Array.from would go through the iterator.
    if (width === 1 && (data instanceof Float32Array || data instanceof Float64Array))
        return new Float64Array(data);
    const out = new Float64Array(rows);
    for (let i = 0; i < rows; i++)
        out[i] = Number(data[i * width + column]);
    return out;
}
/** The rows at `indices` of a batch, copied (cross-fitting and subsampling). */
export function takeRows(batch, indices) {
    const m = indices.length;
    return {
        length: m,
        offset: 0,
        columns: batch.columns.map((c) => {
            const valid = new Uint8Array(m);
            for (let k = 0; k < m; k++)
                valid[k] = c.valid[indices[k]];
            if (c.type === "string") {
                const values = new Array(m);
                for (let k = 0; k < m; k++)
                    values[k] = c.values[indices[k]];
                return { ...c, values, valid };
            }
            const values = new Float64Array(m);
            for (let k = 0; k < m; k++)
                values[k] = c.values[indices[k]];
            return { ...c, values, valid };
        }),
    };
}
