import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AlertEngine } from "../../src/monitor/alerts.js";
import { hashToken } from "../../src/monitor/auth.js";
import { buildServer } from "../../src/monitor/server.js";
import { SqliteStore } from "../../src/monitor/sqlite-store.js";
export const TOKENS = { admin: "t-admin", ingest: "t-ingest", read: "t-read" };
/** A server on a fresh SQLite file with one token per scope. */
export async function testServer(options = {}) {
    const dir = mkdtempSync(join(tmpdir(), "assay-server-"));
    const store = options.store ?? new SqliteStore(join(dir, "monitor.db"));
    await store.init();
    for (const [scope, token] of Object.entries(TOKENS))
        await store.addToken(hashToken(token), scope, [scope]);
    const alerts = new AlertEngine(store, { rules: [], webhooks: [] }, { baseDelayMs: 10, maxDelayMs: 50, timeoutMs: 2000 });
    const server = buildServer({
        store,
        bodyLimit: options.bodyLimit,
        service: options.service,
        alerts,
        referenceDir: options.referenceDir,
        limits: options.limits,
    });
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
            const h = { ...headers };
            if (scope)
                h.authorization = `Bearer ${TOKENS[scope]}`;
            const payload = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
            if (payload !== undefined && !h["content-type"])
                h["content-type"] = typeof body === "string" ? "application/x-ndjson" : "application/json";
            const res = await server.app.inject({ method, url, payload, headers: h });
            let json = null;
            try {
                json = res.body ? JSON.parse(res.body) : null;
            }
            catch {
                json = null;
            }
            return { statusCode: res.statusCode, json, body: res.body };
        },
    };
}
const PG_URL = process.env.ASSAY_TEST_POSTGRES_URL;
let storeCount = 0;
/** The stores a server-level test runs on: SQLite always, PostgreSQL when ASSAY_TEST_POSTGRES_URL is set. */
export const STORE_KINDS = [
    { kind: "sqlite", skip: false },
    { kind: "postgres", skip: PG_URL ? false : "ASSAY_TEST_POSTGRES_URL is not set" },
];
/** A fresh, empty store of a kind (PostgreSQL: its own schema, dropped on close). */
export async function freshStore(kind) {
    if (kind === "sqlite") {
        const dir = mkdtempSync(join(tmpdir(), "assay-store-"));
        const store = new SqliteStore(join(dir, "monitor.db"));
        const close = store.close.bind(store);
        store.close = async () => {
            await close();
            rmSync(dir, { recursive: true, force: true });
        };
        return store;
    }
    const { PostgresStore } = await import("../../src/monitor/postgres-store.js");
    const store = new PostgresStore(PG_URL, { schema: `assay_t_${process.pid}_${storeCount++}` });
    const close = store.close.bind(store);
    store.close = async () => {
        await store.dropSchema().catch(() => { });
        await close();
    };
    return store;
}
/** Starts the test server listening on a loopback port; requests go through real sockets. */
export async function onSocket(s) {
    await s.app.listen({ port: 0, host: "127.0.0.1" });
    const address = s.app.server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const base = `http://127.0.0.1:${port}`;
    return {
        base,
        async call(method, path, body, scope = "admin", headers = {}) {
            const h = { ...headers };
            if (scope)
                h.authorization = `Bearer ${TOKENS[scope]}`;
            const payload = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
            if (payload !== undefined && !h["content-type"])
                h["content-type"] = typeof body === "string" ? "application/x-ndjson" : "application/json";
            const res = await fetch(base + path, { method, headers: h, body: payload });
            const text = await res.text();
            let json = null;
            try {
                json = text ? JSON.parse(text) : null;
            }
            catch {
                json = null;
            }
            return { statusCode: res.status, json, body: text, headers: res.headers };
        },
    };
}
