import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AlertEngine } from "../../src/monitor/alerts.js";
import { hashToken } from "../../src/monitor/auth.js";
import { buildServer, type MonitorServer } from "../../src/monitor/server.js";
import type { ServiceOptions } from "../../src/monitor/service.js";
import { SqliteStore } from "../../src/monitor/sqlite-store.js";
import type { MonitorStore } from "../../src/monitor/store.js";

export const TOKENS = { admin: "t-admin", ingest: "t-ingest", read: "t-read" };

export interface TestServer extends MonitorServer {
  store: MonitorStore;
  alerts: AlertEngine;
  close(): Promise<void>;
  /** fastify.inject with a bearer token of the given scope. */
  call(
    method: "GET" | "POST" | "PUT" | "DELETE",
    url: string,
    body?: unknown,
    scope?: keyof typeof TOKENS | null,
    headers?: Record<string, string>,
  ): Promise<{ statusCode: number; json: any; body: string }>;
}

/** A server on a fresh SQLite file with one token per scope. */
export async function testServer(
  options: { bodyLimit?: number; service?: Partial<ServiceOptions>; store?: MonitorStore } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), "assay-server-"));
  const store = options.store ?? new SqliteStore(join(dir, "monitor.db"));
  await store.init();
  for (const [scope, token] of Object.entries(TOKENS))
    await store.addToken(hashToken(token), scope, [scope as "admin" | "ingest" | "read"]);
  const alerts = new AlertEngine(
    store,
    { rules: [], webhooks: [] },
    { baseDelayMs: 10, maxDelayMs: 50, timeoutMs: 2000 },
  );
  const server = buildServer({ store, bodyLimit: options.bodyLimit, service: options.service, alerts });
  alerts.attach(server.service, server.metrics);
  return {
    ...server,
    store,
    alerts,
    async close() {
      await server.app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
    async call(method, url, body, scope = "admin", headers = {}) {
      const h: Record<string, string> = { ...headers };
      if (scope) h.authorization = `Bearer ${TOKENS[scope]}`;
      const payload = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
      if (payload !== undefined && !h["content-type"])
        h["content-type"] = typeof body === "string" ? "application/x-ndjson" : "application/json";
      const res = await server.app.inject({ method, url, payload, headers: h });
      let json: unknown = null;
      try {
        json = res.body ? JSON.parse(res.body) : null;
      } catch {
        json = null;
      }
      return { statusCode: res.statusCode, json, body: res.body };
    },
  };
}
