/**
 * A model behind an HTTP JSON endpoint. Each batch of rows is POSTed as
 * `{"instances": [{feature: value, …}, …]}`; the reply is `{"predictions": [...]}` (or `scores`,
 * `probabilities`, or a bare array), one entry per row: a number, a [p0, p1, …] list, or an object
 * with `score` / `probability` / `probabilities`. Network errors, timeouts, 429 and 5xx are retried
 * with exponential backoff; anything else fails at once with the server's words.
 */
import type { Batch } from "../table/types.js";
import { batchRecords, probabilitiesFromLists, sliceBatch } from "./features.js";
import { type Model, ModelError, type ModelTask, type Prediction } from "./model.js";

export interface HttpOptions {
  features?: string[] | null;
  /** Rows per request (default 256). */
  batchSize?: number;
  /** Per-request timeout in ms (default 10,000). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 2). */
  retries?: number;
  /** First backoff delay in ms, doubled per retry (default 200). */
  backoffMs?: number;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  headers?: Record<string, string>;
  /** Column of a list-valued prediction that holds P(positive); default the last. */
  outputIndex?: number;
  positiveClass?: string;
  /** Multiclass: the label value of each probability in a row's list. */
  classes?: string[];
  task?: ModelTask;
  name?: string;
}

export function httpModel(url: string, options: HttpOptions = {}): Model {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ModelError(`'${url}' is not a valid URL`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw new ModelError(`${url}: only http(s) endpoints are supported`);
  const batchSize = options.batchSize ?? 256;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = options.retries ?? 2;
  const backoffMs = options.backoffMs ?? 200;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const features = options.features ?? null;

  async function post(rows: Record<string, unknown>[]): Promise<unknown> {
    let lastError = "";
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await sleep(backoffMs * 2 ** (attempt - 1));
      let response: Response;
      try {
        response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json", ...options.headers },
          body: JSON.stringify({ instances: rows }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const e = error as Error & { cause?: { code?: string; message?: string } };
        lastError =
          e.name === "TimeoutError"
            ? `no reply within ${timeoutMs} ms`
            : `unreachable (${e.cause?.code ?? e.cause?.message ?? e.message})`;
        continue;
      }
      if (response.status === 429 || response.status >= 500) {
        lastError = `HTTP ${response.status} ${await snippet(response)}`;
        continue;
      }
      if (!response.ok) throw new ModelError(`${url}: HTTP ${response.status} ${await snippet(response)}`);
      try {
        return await response.json();
      } catch {
        throw new ModelError(`${url}: the reply is not JSON`);
      }
    }
    throw new ModelError(`${url}: ${lastError} after ${retries + 1} attempt${retries === 0 ? "" : "s"}`);
  }

  function replyList(body: unknown, rows: number): unknown[] {
    const list = Array.isArray(body)
      ? body
      : ((body as Record<string, unknown>)?.predictions ??
        (body as Record<string, unknown>)?.scores ??
        (body as Record<string, unknown>)?.probabilities);
    if (!Array.isArray(list))
      throw new ModelError(`${url}: expected {"predictions": [...]} in the reply, got ${preview(body)}`);
    if (list.length !== rows)
      throw new ModelError(`${url}: sent ${rows} rows, got ${list.length} predictions`);
    return list;
  }

  function decode(body: unknown, rows: number): Float64Array {
    const list = replyList(body, rows);
    const out = new Float64Array(rows);
    for (let i = 0; i < rows; i++) out[i] = scalar(list[i], i);
    return out;
  }

  /** Multiclass: each entry is a probability list, bare or under probabilities / probability / scores. */
  function probabilityList(entry: unknown): unknown {
    if (Array.isArray(entry) || entry === null || typeof entry !== "object") return entry;
    const o = entry as Record<string, unknown>;
    return o.probabilities ?? o.probability ?? o.scores ?? o.prediction ?? entry;
  }

  function scalar(entry: unknown, i: number): number {
    if (typeof entry === "number") return entry;
    if (entry === null) return Number.NaN;
    if (Array.isArray(entry)) {
      const k = options.outputIndex ?? entry.length - 1;
      if (typeof entry[k] === "number") return entry[k];
    } else if (typeof entry === "object") {
      const o = entry as Record<string, unknown>;
      const v = o.score ?? o.probability ?? o.prediction ?? o.probabilities;
      if (v !== undefined && v !== entry) return scalar(v, i);
    }
    throw new ModelError(`${url}: prediction ${i} is not a number or a probability list: ${preview(entry)}`);
  }

  async function predictClasses(batch: Batch): Promise<Prediction> {
    const lists: unknown[] = new Array(batch.length);
    const starts: number[] = [];
    for (let s = 0; s < batch.length; s += batchSize) starts.push(s);
    let next = 0;
    const worker = async () => {
      while (next < starts.length) {
        const start = starts[next++];
        const end = Math.min(start + batchSize, batch.length);
        const body = await post(batchRecords(sliceBatch(batch, start, end), features));
        const list = replyList(body, end - start);
        for (let i = 0; i < list.length; i++) lists[start + i] = probabilityList(list[i]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, starts.length) }, worker));
    return probabilitiesFromLists(lists, url);
  }

  return {
    name: options.name ?? `${parsed.host}${parsed.pathname === "/" ? "" : parsed.pathname}`,
    kind: "http",
    features,
    metadata: {
      source: url,
      task: options.task ?? "binary",
      positiveClass: options.positiveClass,
      classes: options.classes,
      batchSize,
      timeoutMs,
      retries,
    },
    async predict(batch: Batch): Promise<Prediction> {
      if (options.task === "multiclass") return predictClasses(batch);
      const scores = new Float64Array(batch.length);
      const starts: number[] = [];
      for (let s = 0; s < batch.length; s += batchSize) starts.push(s);
      let next = 0;
      const worker = async () => {
        while (next < starts.length) {
          const start = starts[next++];
          const end = Math.min(start + batchSize, batch.length);
          const body = await post(batchRecords(sliceBatch(batch, start, end), features));
          scores.set(decode(body, end - start), start);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, starts.length) }, worker));
      return { scores };
    },
    async close() {},
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function snippet(response: Response): Promise<string> {
  try {
    return (await response.text()).replace(/\s+/g, " ").slice(0, 200);
  } catch {
    return "";
  }
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
