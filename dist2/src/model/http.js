import { batchRecords, sliceBatch } from "./features.js";
import { ModelError } from "./model.js";
export function httpModel(url, options = {}) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
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
    async function post(rows) {
        let lastError = "";
        for (let attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0)
                await sleep(backoffMs * 2 ** (attempt - 1));
            let response;
            try {
                response = await fetch(url, {
                    method: "POST",
                    headers: { "content-type": "application/json", accept: "application/json", ...options.headers },
                    body: JSON.stringify({ instances: rows }),
                    signal: AbortSignal.timeout(timeoutMs),
                });
            }
            catch (error) {
                const e = error;
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
            if (!response.ok)
                throw new ModelError(`${url}: HTTP ${response.status} ${await snippet(response)}`);
            try {
                return await response.json();
            }
            catch {
                throw new ModelError(`${url}: the reply is not JSON`);
            }
        }
        throw new ModelError(`${url}: ${lastError} after ${retries + 1} attempt${retries === 0 ? "" : "s"}`);
    }
    function decode(body, rows) {
        const list = Array.isArray(body)
            ? body
            : (body?.predictions ??
                body?.scores ??
                body?.probabilities);
        if (!Array.isArray(list))
            throw new ModelError(`${url}: expected {"predictions": [...]} in the reply, got ${preview(body)}`);
        if (list.length !== rows)
            throw new ModelError(`${url}: sent ${rows} rows, got ${list.length} predictions`);
        const out = new Float64Array(rows);
        for (let i = 0; i < rows; i++)
            out[i] = scalar(list[i], i);
        return out;
    }
    function scalar(entry, i) {
        if (typeof entry === "number")
            return entry;
        if (entry === null)
            return Number.NaN;
        if (Array.isArray(entry)) {
            const k = options.outputIndex ?? entry.length - 1;
            if (typeof entry[k] === "number")
                return entry[k];
        }
        else if (typeof entry === "object") {
            const o = entry;
            const v = o.score ?? o.probability ?? o.prediction ?? o.probabilities;
            if (v !== undefined && v !== entry)
                return scalar(v, i);
        }
        throw new ModelError(`${url}: prediction ${i} is not a number or a probability list: ${preview(entry)}`);
    }
    return {
        name: options.name ?? `${parsed.host}${parsed.pathname === "/" ? "" : parsed.pathname}`,
        kind: "http",
        features,
        metadata: {
            source: url,
            task: options.task ?? "binary",
            positiveClass: options.positiveClass,
            batchSize,
            timeoutMs,
            retries,
        },
        async predict(batch) {
            const scores = new Float64Array(batch.length);
            const starts = [];
            for (let s = 0; s < batch.length; s += batchSize)
                starts.push(s);
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
        async close() { },
    };
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
async function snippet(response) {
    try {
        return (await response.text()).replace(/\s+/g, " ").slice(0, 200);
    }
    catch {
        return "";
    }
}
function preview(value) {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
