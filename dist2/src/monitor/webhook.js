export const DEFAULT_RETRY = { baseDelayMs: 500, maxDelayMs: 30_000, timeoutMs: 10_000 };
/**
 * POSTs a JSON payload, retrying network errors, timeouts, 429 and 5xx with exponential backoff and full
 * jitter (delay = random in [0, min(max, base·2^attempt)]). Other 4xx are the receiver rejecting the
 * payload: retrying would not help, so they are not retried. Never throws.
 */
export async function deliver(hook, payload, policy = DEFAULT_RETRY) {
    const body = JSON.stringify(payload);
    let status = null;
    let error;
    for (let attempt = 0; attempt <= hook.retries; attempt++) {
        if (attempt > 0) {
            const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
            await new Promise((r) => setTimeout(r, Math.random() * cap));
        }
        try {
            const response = await fetch(hook.url, {
                method: "POST",
                headers: { "content-type": "application/json", ...hook.headers },
                body,
                signal: AbortSignal.timeout(policy.timeoutMs),
            });
            status = response.status;
            await response.arrayBuffer().catch(() => undefined);
            if (response.ok)
                return { url: hook.url, ok: true, attempts: attempt + 1, status };
            error = `HTTP ${status}`;
            if (status !== 429 && status < 500)
                return { url: hook.url, ok: false, attempts: attempt + 1, status, error };
        }
        catch (e) {
            status = null;
            error = e.message;
        }
    }
    return { url: hook.url, ok: false, attempts: hook.retries + 1, status, error };
}
