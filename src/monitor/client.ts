/**
 * assay/client — send a model's predictions (and later its labels) to `assay serve` without getting in
 * the model's way: records are buffered, batched and sent in the background; failures are retried with
 * exponential backoff and jitter (safe because the server is idempotent by id); the buffer is bounded
 * (the oldest records are dropped, and counted, when it is full); nothing ever throws into the caller.
 * Uses only fetch and timers, so it also runs in browsers; in Node it flushes when the event loop drains
 * (beforeExit). A process that calls process.exit() itself should `await client.close()` first.
 *
 * With a trust bundle (`trust` option, or `await client.loadTrust()` from the server), `client.trust(row,
 * score)` says locally, without a round trip, whether to act on a prediction or defer to a person.
 */

import { parseTrustBundle, scoreWithBundle, type TrustBundle, type TrustScore } from "../trust/bundle.js";

export interface ClientOptions {
  /** Base URL of the server, e.g. http://127.0.0.1:8080 */
  url: string;
  model: string;
  /** A token with the ingest scope. */
  token: string;
  /** Model version stamped on every prediction (optional). */
  version?: string;
  /** Records per request (default 100). */
  batchSize?: number;
  /** Longest a record waits before a partial batch is sent (default 1000 ms). */
  flushIntervalMs?: number;
  /** Most records held in memory per kind (default 10 000); the oldest are dropped beyond. */
  maxBuffer?: number;
  /** Retries per batch after the first attempt (default 5). */
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
  /** Told about every failure (a dropped batch, an overflow); never required. */
  onError?: (error: Error) => void;
  /** Replaceable for tests and exotic runtimes. */
  fetch?: typeof fetch;
  /** Flush when a Node process's event loop drains (default true). */
  flushOnExit?: boolean;
  /**
   * A trust bundle (`assay conformal --out`, as parsed JSON) for `client.trust`; checked here, so a bad
   * one throws from the constructor. `loadTrust()` fetches the server's instead.
   */
  trust?: unknown;
}

export interface PredictionInput {
  id?: string;
  timestamp?: number | string;
  features: Record<string, unknown>;
  prediction?: unknown;
  score?: number | null;
  version?: string;
}

export interface ClientStats {
  /** Records the server acknowledged. */
  sent: number;
  /** Records dropped because the buffer was full. */
  dropped: number;
  /** Records in batches given up on (retries exhausted or rejected by the server). */
  failed: number;
  buffered: number;
}

interface Queue {
  path: "predictions" | "labels";
  records: Record<string, unknown>[];
  sending: Promise<void> | null;
}

export class AssayClient {
  private readonly options: Required<Omit<ClientOptions, "version" | "onError" | "fetch" | "trust">> &
    Pick<ClientOptions, "version" | "onError">;
  private readonly fetcher: typeof fetch;
  private readonly queues: Record<"predictions" | "labels", Queue> = {
    predictions: { path: "predictions", records: [], sending: null },
    labels: { path: "labels", records: [], sending: null },
  };
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private readonly exitHook: (() => void) | null = null;
  readonly stats: ClientStats = { sent: 0, dropped: 0, failed: 0, buffered: 0 };
  private bundle: TrustBundle | null = null;

  constructor(options: ClientOptions) {
    this.options = {
      batchSize: 100,
      flushIntervalMs: 1000,
      maxBuffer: 10_000,
      retries: 5,
      baseDelayMs: 200,
      maxDelayMs: 10_000,
      timeoutMs: 10_000,
      flushOnExit: true,
      ...options,
      url: options.url.replace(/\/+$/, ""),
    };
    this.fetcher = options.fetch ?? globalThis.fetch.bind(globalThis);
    if (options.trust !== undefined) this.bundle = parseTrustBundle(options.trust);
    const proc = nodeProcess();
    if (this.options.flushOnExit && proc?.on) {
      this.exitHook = () => {
        if (this.pending() > 0) void this.flush();
      };
      proc.on("beforeExit", this.exitHook);
    }
  }

  /**
   * Fetches the trust bundle the server scores this model's predictions with (of `version`, else the
   * client's version, else the newest) and keeps it for `trust`. Unlike recording, this throws: a caller
   * that asks for trust needs to know it has none.
   */
  async loadTrust(version: string | undefined = this.options.version): Promise<TrustBundle> {
    const query = version ? `?version=${encodeURIComponent(version)}` : "";
    const url = `${this.options.url}/v1/models/${encodeURIComponent(this.options.model)}/trust${query}`;
    const response = await this.fetcher(url, {
      headers: { authorization: `Bearer ${this.options.token}` },
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    if (!response.ok) {
      const body = await response.text().catch(() => "");
      throw new Error(`assay: GET ${url} answered ${response.status}: ${body.slice(0, 300)}`);
    }
    this.bundle = parseTrustBundle(await response.json(), `trust bundle from ${url}`);
    return this.bundle;
  }

  /**
   * Scores one prediction with the trust bundle: its prediction set (or interval), its OOD score and
   * p-value, and whether to abstain (defer to a person) with the reasons. `score` is what the model
   * returned: P(positive), class probabilities, or a regression prediction. Throws without a bundle.
   */
  trust(
    row: Record<string, unknown>,
    score: number | ArrayLike<number> | Record<string, number>,
  ): TrustScore {
    if (!this.bundle)
      throw new Error("assay: no trust bundle; pass { trust } to the client or await client.loadTrust()");
    return scoreWithBundle(this.bundle, row, score);
  }

  /** Queues one prediction; returns its id (generated when not given). Never throws. */
  record(input: PredictionInput): string {
    try {
      const id = input.id ?? randomId();
      this.push(this.queues.predictions, {
        id,
        timestamp: input.timestamp ?? Date.now(),
        features: input.features ?? {},
        prediction: input.prediction ?? null,
        score: typeof input.score === "number" && Number.isFinite(input.score) ? input.score : null,
        ...((input.version ?? this.options.version)
          ? { version: input.version ?? this.options.version }
          : {}),
      });
      return id;
    } catch (error) {
      this.report(error);
      return input?.id ?? "";
    }
  }

  /** Queues the observed outcome for a prediction id. Never throws. */
  label(id: string, label: string | number | boolean, timestamp: number | string = Date.now()): void {
    try {
      this.push(this.queues.labels, { id, label, timestamp });
    } catch (error) {
      this.report(error);
    }
  }

  /**
   * Wraps a predict function: the wrapper returns exactly what `predict` returns (or throws what it
   * throws) and records the prediction on the side. `describe` maps input and output to the record.
   */
  wrap<I, O>(
    predict: (input: I) => O,
    describe: {
      features: (input: I) => Record<string, unknown>;
      score?: (output: Awaited<O>) => number | null;
      prediction?: (output: Awaited<O>) => unknown;
      id?: (input: I) => string;
    },
  ): (input: I) => O {
    return (input: I) => {
      const output = predict(input);
      const note = (value: Awaited<O>) => {
        try {
          this.record({
            id: describe.id?.(input),
            features: describe.features(input),
            score: describe.score ? describe.score(value) : null,
            prediction: describe.prediction ? describe.prediction(value) : (value as unknown),
          });
        } catch (error) {
          this.report(error);
        }
      };
      if (output instanceof Promise) {
        // Record on success only; the caller still gets the original promise (and its rejection).
        output.then(note, () => {});
      } else note(output as Awaited<O>);
      return output;
    };
  }

  /** Sends everything buffered; resolves when the buffers are empty or their batches were given up. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    for (;;) {
      const work = [this.queues.predictions, this.queues.labels].map((q) => this.drain(q));
      await Promise.all(work);
      if (this.pending() === 0) return;
    }
  }

  /** Flushes and stops: later records are ignored. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    const proc = nodeProcess();
    if (this.exitHook && proc?.off) proc.off("beforeExit", this.exitHook);
  }

  private pending(): number {
    return this.queues.predictions.records.length + this.queues.labels.records.length;
  }

  private push(queue: Queue, record: Record<string, unknown>): void {
    if (this.closed) return;
    if (queue.records.length >= this.options.maxBuffer) {
      queue.records.shift();
      this.stats.dropped++;
      if (this.stats.dropped === 1 || this.stats.dropped % 1000 === 0)
        this.report(
          new Error(
            `assay client: buffer full (${this.options.maxBuffer}); ${this.stats.dropped} dropped so far`,
          ),
        );
    }
    queue.records.push(record);
    this.stats.buffered = this.pending();
    if (queue.records.length >= this.options.batchSize) void this.drain(queue);
    else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.drain(this.queues.predictions);
        void this.drain(this.queues.labels);
      }, this.options.flushIntervalMs);
      (this.timer as { unref?: () => void }).unref?.();
    }
  }

  /** Sends batches one at a time per queue until it is empty. */
  private drain(queue: Queue): Promise<void> {
    if (queue.sending) return queue.sending;
    if (queue.records.length === 0) return Promise.resolve();
    queue.sending = (async () => {
      try {
        while (queue.records.length > 0) {
          const batch = queue.records.slice(0, this.options.batchSize);
          const ok = await this.send(queue.path, batch);
          queue.records.splice(0, batch.length);
          if (ok) this.stats.sent += batch.length;
          else this.stats.failed += batch.length;
          this.stats.buffered = this.pending();
        }
      } catch (error) {
        this.report(error);
      } finally {
        queue.sending = null;
      }
    })();
    return queue.sending;
  }

  private async send(path: string, batch: Record<string, unknown>[]): Promise<boolean> {
    const url = `${this.options.url}/v1/models/${encodeURIComponent(this.options.model)}/${path}`;
    const body = JSON.stringify(batch);
    let last = "";
    for (let attempt = 0; attempt <= this.options.retries; attempt++) {
      if (attempt > 0) {
        const cap = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (attempt - 1));
        await sleep(Math.random() * cap);
      }
      try {
        const response = await this.fetcher(url, {
          method: "POST",
          headers: { authorization: `Bearer ${this.options.token}`, "content-type": "application/json" },
          body,
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
        const text = await response.text().catch(() => "");
        if (response.ok) return true;
        last = `HTTP ${response.status} ${text.slice(0, 200)}`;
        if (response.status !== 429 && response.status < 500) break; // the server refuses this batch: retrying won't help
      } catch (error) {
        last = (error as Error).message;
      }
    }
    this.report(new Error(`assay client: gave up on ${batch.length} ${path}: ${last}`));
    return false;
  }

  private report(error: unknown): void {
    try {
      this.options.onError?.(error instanceof Error ? error : new Error(String(error)));
    } catch {
      // an onError that throws must not reach the caller either
    }
  }
}

/** A backoff pause. Deliberately keeps a Node process alive: a retry during the exit flush must still run. */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Node's process object when there is one (not in browsers). */
function nodeProcess():
  | { on?(event: string, f: () => void): void; off?(event: string, f: () => void): void }
  | undefined {
  return (globalThis as { process?: ReturnType<typeof nodeProcess> }).process;
}

function randomId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}

/** Shorthand: a client plus a wrapped predict function. */
export function monitorModel<I, O>(
  predict: (input: I) => O,
  options: ClientOptions & {
    features: (input: I) => Record<string, unknown>;
    score?: (output: Awaited<O>) => number | null;
    prediction?: (output: Awaited<O>) => unknown;
  },
): { predict: (input: I) => O; client: AssayClient } {
  const client = new AssayClient(options);
  return {
    predict: client.wrap(predict, {
      features: options.features,
      score: options.score,
      prediction: options.prediction,
    }),
    client,
  };
}
