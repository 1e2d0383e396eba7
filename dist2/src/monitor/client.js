/**
 * assay/client — send a model's predictions (and later its labels) to `assay serve` without getting in
 * the model's way: records are buffered, batched and sent in the background; failures are retried with
 * exponential backoff and jitter (safe because the server is idempotent by id); the buffer is bounded
 * (the oldest records are dropped, and counted, when it is full); nothing ever throws into the caller.
 * Uses only fetch and timers, so it also runs in browsers; in Node it flushes when the event loop drains
 * (beforeExit). A process that calls process.exit() itself should `await client.close()` first.
 */
export class AssayClient {
    options;
    fetcher;
    queues = {
        predictions: { path: "predictions", records: [], sending: null },
        labels: { path: "labels", records: [], sending: null },
    };
    timer = null;
    closed = false;
    exitHook = null;
    stats = { sent: 0, dropped: 0, failed: 0, buffered: 0 };
    constructor(options) {
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
        const proc = nodeProcess();
        if (this.options.flushOnExit && proc?.on) {
            this.exitHook = () => {
                if (this.pending() > 0)
                    void this.flush();
            };
            proc.on("beforeExit", this.exitHook);
        }
    }
    /** Queues one prediction; returns its id (generated when not given). Never throws. */
    record(input) {
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
        }
        catch (error) {
            this.report(error);
            return input?.id ?? "";
        }
    }
    /** Queues the observed outcome for a prediction id. Never throws. */
    label(id, label, timestamp = Date.now()) {
        try {
            this.push(this.queues.labels, { id, label, timestamp });
        }
        catch (error) {
            this.report(error);
        }
    }
    /**
     * Wraps a predict function: the wrapper returns exactly what `predict` returns (or throws what it
     * throws) and records the prediction on the side. `describe` maps input and output to the record.
     */
    wrap(predict, describe) {
        return (input) => {
            const output = predict(input);
            const note = (value) => {
                try {
                    this.record({
                        id: describe.id?.(input),
                        features: describe.features(input),
                        score: describe.score ? describe.score(value) : null,
                        prediction: describe.prediction ? describe.prediction(value) : value,
                    });
                }
                catch (error) {
                    this.report(error);
                }
            };
            if (output instanceof Promise) {
                // Record on success only; the caller still gets the original promise (and its rejection).
                output.then(note, () => { });
            }
            else
                note(output);
            return output;
        };
    }
    /** Sends everything buffered; resolves when the buffers are empty or their batches were given up. */
    async flush() {
        if (this.timer) {
            clearTimeout(this.timer);
            this.timer = null;
        }
        for (;;) {
            const work = [this.queues.predictions, this.queues.labels].map((q) => this.drain(q));
            await Promise.all(work);
            if (this.pending() === 0)
                return;
        }
    }
    /** Flushes and stops: later records are ignored. */
    async close() {
        await this.flush();
        this.closed = true;
        const proc = nodeProcess();
        if (this.exitHook && proc?.off)
            proc.off("beforeExit", this.exitHook);
    }
    pending() {
        return this.queues.predictions.records.length + this.queues.labels.records.length;
    }
    push(queue, record) {
        if (this.closed)
            return;
        if (queue.records.length >= this.options.maxBuffer) {
            queue.records.shift();
            this.stats.dropped++;
            if (this.stats.dropped === 1 || this.stats.dropped % 1000 === 0)
                this.report(new Error(`assay client: buffer full (${this.options.maxBuffer}); ${this.stats.dropped} dropped so far`));
        }
        queue.records.push(record);
        this.stats.buffered = this.pending();
        if (queue.records.length >= this.options.batchSize)
            void this.drain(queue);
        else if (!this.timer) {
            this.timer = setTimeout(() => {
                this.timer = null;
                void this.drain(this.queues.predictions);
                void this.drain(this.queues.labels);
            }, this.options.flushIntervalMs);
            this.timer.unref?.();
        }
    }
    /** Sends batches one at a time per queue until it is empty. */
    drain(queue) {
        if (queue.sending)
            return queue.sending;
        if (queue.records.length === 0)
            return Promise.resolve();
        queue.sending = (async () => {
            try {
                while (queue.records.length > 0) {
                    const batch = queue.records.slice(0, this.options.batchSize);
                    const ok = await this.send(queue.path, batch);
                    queue.records.splice(0, batch.length);
                    if (ok)
                        this.stats.sent += batch.length;
                    else
                        this.stats.failed += batch.length;
                    this.stats.buffered = this.pending();
                }
            }
            catch (error) {
                this.report(error);
            }
            finally {
                queue.sending = null;
            }
        })();
        return queue.sending;
    }
    async send(path, batch) {
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
                if (response.ok)
                    return true;
                last = `HTTP ${response.status} ${text.slice(0, 200)}`;
                if (response.status !== 429 && response.status < 500)
                    break; // the server refuses this batch: retrying won't help
            }
            catch (error) {
                last = error.message;
            }
        }
        this.report(new Error(`assay client: gave up on ${batch.length} ${path}: ${last}`));
        return false;
    }
    report(error) {
        try {
            this.options.onError?.(error instanceof Error ? error : new Error(String(error)));
        }
        catch {
            // an onError that throws must not reach the caller either
        }
    }
}
/** A backoff pause. Deliberately keeps a Node process alive: a retry during the exit flush must still run. */
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
/** Node's process object when there is one (not in browsers). */
function nodeProcess() {
    return globalThis.process;
}
function randomId() {
    const c = globalThis.crypto;
    if (c?.randomUUID)
        return c.randomUUID();
    return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}
/** Shorthand: a client plus a wrapped predict function. */
export function monitorModel(predict, options) {
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
