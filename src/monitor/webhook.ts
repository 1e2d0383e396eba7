import type { Webhook } from "./alert-rules.js";

export interface DeliveryOutcome {
  url: string;
  ok: boolean;
  attempts: number;
  status: number | null;
  error?: string;
}

export interface RetryPolicy {
  /** First retry delay (ms); doubles each attempt, with full jitter, capped at maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseDelayMs: 500, maxDelayMs: 30_000, timeoutMs: 10_000 };

/**
 * POSTs a JSON payload, retrying network errors, timeouts, 429 and 5xx with exponential backoff and full
 * jitter (delay = random in [0, min(max, base·2^attempt)]). Other 4xx are the receiver rejecting the
 * payload: retrying would not help, so they are not retried. Never throws.
 */
export async function deliver(
  hook: Webhook,
  payload: unknown,
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<DeliveryOutcome> {
  const body = JSON.stringify(payload);
  let status: number | null = null;
  let error: string | undefined;
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
      if (response.ok) return { url: hook.url, ok: true, attempts: attempt + 1, status };
      error = `HTTP ${status}`;
      if (status !== 429 && status < 500)
        return { url: hook.url, ok: false, attempts: attempt + 1, status, error };
    } catch (e) {
      status = null;
      error = (e as Error).message;
    }
  }
  return { url: hook.url, ok: false, attempts: hook.retries + 1, status, error };
}
