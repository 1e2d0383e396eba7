/** Turns the feature columns of a batch into the numeric matrices models consume. Browser-safe. */
import type { Batch, Column } from "../table/types.js";
import { ModelError, type Prediction } from "./model.js";

export function findColumn(batch: Batch, name: string): Column {
  const column = batch.columns.find((c) => c.name === name);
  if (!column)
    throw new ModelError(
      `the model needs column '${name}', which the data does not have (columns: ${batch.columns.map((c) => c.name).join(", ")})`,
    );
  return column;
}

/**
 * A row-major [rows × features] matrix of the named numeric columns. Missing cells become NaN (the
 * model decides what that means); a text column is an error, because its encoding is the model's
 * business and guessing it would give silently wrong scores.
 */
export function featureMatrix<T extends Float32Array | Float64Array>(
  batch: Batch,
  features: string[],
  make: (length: number) => T,
): T {
  const d = features.length;
  const out = make(batch.length * d);
  const columns = features.map((name) => {
    const column = findColumn(batch, name);
    if (column.type === "string")
      throw new ModelError(
        `feature '${name}' is text; this model takes numbers (encode it, or score with a model that takes raw rows)`,
      );
    return { values: column.values, valid: column.valid, complete: column.valid.indexOf(0) === -1 };
  });
  // Blocks of rows keep the strided writes of all columns inside a few cache lines.
  for (let start = 0; start < batch.length; start += BLOCK_ROWS) {
    const end = Math.min(start + BLOCK_ROWS, batch.length);
    columns.forEach(({ values, valid, complete }, j) => {
      if (out instanceof Float32Array) fill32(out, values, valid, complete, d, j, start, end);
      else fill64(out as Float64Array, values, valid, complete, d, j, start, end);
    });
  }
  return out;
}

const BLOCK_ROWS = 1024;

// Two monomorphic copies of one loop: a loop generic over the output type runs several times slower,
// and for small models building the input costs more than the inference.
function fill32(
  out: Float32Array,
  values: Float64Array,
  valid: Uint8Array,
  complete: boolean,
  stride: number,
  column: number,
  start: number,
  end: number,
): void {
  if (complete)
    for (let i = start, k = start * stride + column; i < end; i++, k += stride) out[k] = values[i];
  else
    for (let i = start, k = start * stride + column; i < end; i++, k += stride)
      out[k] = valid[i] ? values[i] : Number.NaN;
}

function fill64(
  out: Float64Array,
  values: Float64Array,
  valid: Uint8Array,
  complete: boolean,
  stride: number,
  column: number,
  start: number,
  end: number,
): void {
  if (complete)
    for (let i = start, k = start * stride + column; i < end; i++, k += stride) out[k] = values[i];
  else
    for (let i = start, k = start * stride + column; i < end; i++, k += stride)
      out[k] = valid[i] ? values[i] : Number.NaN;
}

/** Rows as plain objects (for HTTP and JS-module models): numbers stay numbers, missing cells are null. */
export function batchRecords(
  batch: Batch,
  features: string[] | null,
): Record<string, number | string | null>[] {
  const columns = features ? features.map((f) => findColumn(batch, f)) : batch.columns;
  const rows: Record<string, number | string | null>[] = new Array(batch.length);
  for (let i = 0; i < batch.length; i++) {
    const row: Record<string, number | string | null> = {};
    for (const c of columns) row[c.name] = c.valid[i] ? c.values[i] : null;
    rows[i] = row;
  }
  return rows;
}

/** Rows [start, end) of a batch, sharing memory where the column type allows. */
export function sliceBatch(batch: Batch, start: number, end: number): Batch {
  return {
    length: end - start,
    offset: batch.offset + start,
    columns: batch.columns.map((c) =>
      c.type === "string"
        ? { ...c, values: c.values.slice(start, end), valid: c.valid.subarray(start, end) }
        : { ...c, values: c.values.subarray(start, end), valid: c.valid.subarray(start, end) },
    ),
  };
}

/**
 * Reads a model's output into binary scores. Accepted shapes: [N], [N, 1] (the score itself) and
 * [N, k] (column `index`, default the last one: P(class 1) for a two-column probability output).
 */
export function scoresFromOutput(
  data: ArrayLike<number>,
  dims: readonly number[],
  rows: number,
  index: number | undefined,
  what: string,
): Float64Array {
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
  for (let i = 0; i < rows; i++) out[i] = Number(data[i * width + column]);
  return out;
}

/** The rows at `indices` of a batch, copied (cross-fitting and subsampling). */
export function takeRows(batch: Batch, indices: ArrayLike<number>): Batch {
  const m = indices.length;
  return {
    length: m,
    offset: 0,
    columns: batch.columns.map((c) => {
      const valid = new Uint8Array(m);
      for (let k = 0; k < m; k++) valid[k] = c.valid[indices[k]];
      if (c.type === "string") {
        const values: (string | null)[] = new Array(m);
        for (let k = 0; k < m; k++) values[k] = c.values[indices[k]];
        return { ...c, values, valid };
      }
      const values = new Float64Array(m);
      for (let k = 0; k < m; k++) values[k] = c.values[indices[k]];
      return { ...c, values, valid };
    }),
  };
}

/**
 * Reads a model's [N, k] output as a row-major probability matrix (multiclass). `scores` is each row's
 * arg-max class index (the first on a tie, as numpy).
 */
export function probabilitiesFromOutput(
  data: ArrayLike<number>,
  dims: readonly number[],
  rows: number,
  what: string,
): Prediction {
  const classes = dims.length === 2 ? dims[1] : 0;
  if (classes < 2 || data.length !== rows * classes)
    throw new ModelError(
      `${what}: a multiclass model must output [${rows}, k] class probabilities, got shape [${dims.join(", ")}]`,
    );
  const probabilities = new Float64Array(rows * classes);
  for (let j = 0; j < probabilities.length; j++) probabilities[j] = Number(data[j]);
  return { scores: argmaxClasses(probabilities, classes), probabilities, classes };
}

/** Probability lists (one per row, as HTTP endpoints and JS modules return them) as a prediction. */
export function probabilitiesFromLists(lists: unknown[], what: string): Prediction {
  const rows = lists.length;
  const first = lists[0];
  const classes = Array.isArray(first) ? first.length : 0;
  if (rows > 0 && classes < 2)
    throw new ModelError(`${what}: a multiclass prediction must be a list of class probabilities per row`);
  const probabilities = new Float64Array(rows * classes);
  for (let i = 0; i < rows; i++) {
    const list = lists[i];
    if (!Array.isArray(list) || list.length !== classes)
      throw new ModelError(
        `${what}: row ${i} has ${Array.isArray(list) ? `${list.length} probabilities` : "no probability list"}, expected ${classes}`,
      );
    for (let c = 0; c < classes; c++)
      probabilities[i * classes + c] = typeof list[c] === "number" ? list[c] : Number.NaN;
  }
  return { scores: argmaxClasses(probabilities, classes), probabilities, classes };
}

/** The arg-max class of each row (the first on a tie, as numpy's argmax), as float class indices. */
export function argmaxClasses(probabilities: ArrayLike<number>, classes: number): Float64Array {
  const n = probabilities.length / classes;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++)
      if (probabilities[i * classes + c] > probabilities[i * classes + best]) best = c;
    out[i] = best;
  }
  return out;
}
