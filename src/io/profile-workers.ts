import { availableParallelism } from "node:os";
import { extname } from "node:path";
import { Worker } from "node:worker_threads";
import { mergeProfiles } from "../profile/merge.js";
import type { TableProfile } from "../profile/types.js";
import { InputError } from "../table/errors.js";

/** Below this many rows a single thread is faster than starting workers. */
const PARALLEL_MIN_ROWS = 1_000_000;

export interface WorkerTask {
  path: string;
  columns: string[];
  firstRow: number;
  endRow: number;
}

/** How many workers the stream engine should use for a file: Parquet with enough rows, one per core (≤ 4). */
export async function workerCount(
  path: string | undefined,
  rows: number,
  requested?: number,
): Promise<number> {
  if (requested !== undefined) return requested;
  if (!path || extname(path).toLowerCase() !== ".parquet" || rows < PARALLEL_MIN_ROWS) return 1;
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * The stream engine on several threads: the Parquet file is split into row ranges (DuckDB prunes row
 * groups by `file_row_number`), each worker profiles its range, and the profiles merge in order.
 */
export async function profileInWorkers(
  path: string,
  columns: string[],
  rows: number,
  workers: number,
  source: { name: string; digest: string },
  onDone?: (finished: number, total: number) => void,
): Promise<TableProfile> {
  const size = Math.ceil(rows / workers);
  const tasks: WorkerTask[] = Array.from({ length: workers }, (_, i) => ({
    path,
    columns,
    firstRow: i * size,
    endRow: Math.min(rows, (i + 1) * size),
  }));
  let finished = 0;
  const parts = await Promise.all(
    tasks.map(
      (task) =>
        new Promise<TableProfile>((resolve, reject) => {
          const worker = new Worker(new URL("./profile-worker.js", import.meta.url), { workerData: task });
          worker.once("message", (message: { profile?: TableProfile; error?: string }) => {
            if (message.error) reject(new InputError(message.error));
            else {
              onDone?.(++finished, tasks.length);
              resolve(message.profile!);
            }
          });
          worker.once("error", reject);
        }),
    ),
  );
  let merged = parts[0];
  for (const part of parts.slice(1)) merged = mergeProfiles(merged, part);
  return { ...merged, engine: "stream", source };
}
