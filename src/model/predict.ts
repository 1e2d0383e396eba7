/** Running a model over a whole table, in batches of a size that suits the adapter. */
import type { Batch } from "../table/types.js";
import { sliceBatch } from "./features.js";
import type { Model, Prediction } from "./model.js";

/** Rows per predict() call: big for in-process runtimes, small for endpoints (which batch again). */
export function defaultBatchRows(model: Model): number {
  if (model.kind !== "http") return 65_536;
  // A whole number of requests per chunk, so no request is cut short in the middle of a table.
  const perRequest = Number(model.metadata.batchSize) || 256;
  return perRequest * 16;
}

/**
 * Scores every row of `table` (a batch holding at least the model's features). `onProgress` gets the
 * fraction done after each chunk.
 */
export async function predictTable(
  model: Model,
  table: Batch,
  options: { batchRows?: number; onProgress?: (fraction: number) => void } = {},
): Promise<Prediction> {
  const rows = options.batchRows ?? defaultBatchRows(model);
  // Only the model's own columns are cut into chunks (copying text columns per chunk is not free).
  if (model.features) {
    const wanted = new Set(model.features);
    table = { ...table, columns: table.columns.filter((c) => wanted.has(c.name)) };
  }
  const scores = new Float64Array(table.length);
  let probabilities: Float64Array | undefined;
  let classes: number | undefined;
  // ONNX inference runs off the main thread: with two chunks in flight, the next chunk's input is
  // built while the previous one is being scored.
  const inFlight = model.kind === "onnx" ? 2 : 1;
  const pending: { start: number; result: Promise<Prediction> }[] = [];
  let done = 0;
  const settle = async () => {
    const { start, result } = pending.shift()!;
    const part = await result;
    scores.set(part.scores, start);
    if (part.probabilities && part.classes) {
      classes = part.classes;
      probabilities ??= new Float64Array(table.length * classes);
      probabilities.set(part.probabilities, start * classes);
    }
    done += part.scores.length;
    options.onProgress?.(done / table.length);
  };
  try {
    for (let start = 0; start < table.length; start += rows) {
      const end = Math.min(start + rows, table.length);
      const chunk = start === 0 && end === table.length ? table : sliceBatch(table, start, end);
      pending.push({ start, result: model.predict(chunk) });
      if (pending.length >= inFlight) await settle();
    }
    while (pending.length > 0) await settle();
  } finally {
    // Do not leave rejected promises unobserved when an earlier chunk failed.
    for (const p of pending) p.result.catch(() => {});
  }
  return probabilities ? { scores, probabilities, classes } : { scores };
}
