import { randomUUID } from "node:crypto";
import Fastify from "fastify";
import { InputError } from "../table/errors.js";
import { allows, bearerToken, hashToken } from "./auth.js";
import { MonitorMetrics } from "./metrics.js";
import { alertRoutes } from "./routes-alerts.js";
import { dashboardRoutes } from "./routes-dashboard.js";
import { modelRoutes } from "./routes-models.js";
import { readinessRoutes } from "./routes-readiness.js";
import { MonitorService } from "./service.js";
import { isoTime } from "./time-bounds.js";
export const DEFAULT_BODY_LIMIT = 16 * 1024 * 1024;
export const CONNECTION_LIMITS = {
    requestTimeoutMs: 30_000,
    headersTimeoutMs: 10_000,
    keepAliveTimeoutMs: 5_000,
    idleTimeoutMs: 120_000,
    maxConnections: 1000,
};
/**
 * Sent with every response. The dashboard loads only its own scripts and styles (Vega from the server's
 * node_modules). Vega compiles its expressions with the Function constructor, hence 'unsafe-eval' (the
 * vega-interpreter package would remove the need; it is not installed here); its SVG renderer sets style
 * attributes, hence 'unsafe-inline' for styles. No inline script is allowed, no other origin, no framing.
 */
export const SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
};
/** Builds the Fastify app of `assay serve` (not listening yet). */
export function buildServer(options) {
    const limits = { ...CONNECTION_LIMITS, ...options.limits };
    const app = Fastify({
        logger: options.logger ?? false,
        requestTimeout: limits.requestTimeoutMs,
        // a request id that is unique across restarts, so a logged 500 can be matched to what a client saw
        genReqId: () => randomUUID(),
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        connectionTimeout: limits.idleTimeoutMs,
        // Node checks request and header deadlines every connectionsCheckingInterval (30 s by default)
        http: {
            headersTimeout: limits.headersTimeoutMs,
            connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
        },
        bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
        // Ids, names and versions are case-sensitive; trailing slashes are forgiven.
        routerOptions: { ignoreTrailingSlash: true },
        // Unknown fields are an error the client should hear about, not something to strip silently.
        ajv: {
            customOptions: {
                removeAdditional: false,
                coerceTypes: "array",
                allErrors: false,
                allowUnionTypes: true,
            },
        },
    });
    app.server.maxConnections = limits.maxConnections;
    const errorLog = options.errorLog ?? ((line) => process.stderr.write(line));
    app.addHook("onSend", async (request, reply) => {
        reply.header("x-request-id", request.id);
        for (const [name, value] of Object.entries(SECURITY_HEADERS))
            reply.header(name, value);
    });
    const service = new MonitorService(options.store, options.service);
    const metrics = new MonitorMetrics();
    // NDJSON (and plain text holding NDJSON) arrives as a string; ingest.ts splits it into records.
    app.addContentTypeParser([
        "application/x-ndjson",
        "application/ndjson",
        "application/jsonl",
        "application/json-lines",
        "text/plain",
    ], { parseAs: "string" }, (_req, body, done) => done(null, body));
    // Every request looks its token up: a revoked token stops working at once (a lookup by primary key
    // costs microseconds on SQLite, one round trip on PostgreSQL).
    app.addHook("onRequest", async (request, reply) => {
        const needed = request.routeOptions.config?.scope;
        if (needed === "public")
            return;
        const token = bearerToken(request.headers.authorization);
        if (token === null) {
            // close after the answer: an unauthenticated client does not get to keep sending a body
            reply.header("connection", "close");
            reply.header("www-authenticate", 'Bearer realm="assay"');
            return reply
                .code(401)
                .send({ statusCode: 401, error: "missing bearer token (Authorization: Bearer …)" });
        }
        const grant = await options.store.findToken(hashToken(token));
        const expired = grant?.expiresAt != null && grant.expiresAt <= Date.now();
        if (!grant || expired) {
            reply.header("connection", "close");
            reply.header("www-authenticate", 'Bearer realm="assay", error="invalid_token"');
            return reply.code(401).send({
                statusCode: 401,
                error: expired ? `token expired at ${isoTime(grant.expiresAt)}` : "invalid token",
            });
        }
        const scope = needed ?? "read";
        if (!allows(grant.scopes, scope))
            return reply.code(403).send({ statusCode: 403, error: `this token lacks the '${scope}' scope` });
        if (grant.models !== null) {
            const model = request.params?.model;
            const listing = request.method === "GET" && request.routeOptions.url === "/v1/models";
            if (model === undefined ? !listing : !grant.models.includes(model))
                return reply.code(403).send({
                    statusCode: 403,
                    error: `this token is limited to the model${grant.models.length === 1 ? "" : "s"} ${grant.models.join(", ")}`,
                });
        }
        request.tokenName = grant.name;
        request.tokenModels = grant.models;
    });
    app.setErrorHandler((error, request, reply) => {
        // an InputError from any layer (a bad rules file, a malformed record) is the client's to fix
        const status = error instanceof InputError
            ? 400
            : error.statusCode && error.statusCode >= 400 && error.statusCode < 600
                ? error.statusCode
                : 500;
        if (status >= 500) {
            errorLog(`${JSON.stringify({
                time: new Date().toISOString(),
                level: "error",
                requestId: request.id,
                method: request.method,
                url: request.url.split("?")[0],
                error: error.message,
                stack: error.stack,
            })}\n`);
        }
        if (status < 500)
            metrics.rejected.inc({ reason: String(status) });
        const message = status === 413
            ? `request body is larger than the limit of ${app.initialConfig.bodyLimit} bytes`
            : status >= 500
                ? "internal error"
                : error.message;
        reply
            .code(status)
            .send(status >= 500
            ? { statusCode: status, error: message, requestId: request.id }
            : { statusCode: status, error: message });
    });
    app.setNotFoundHandler((request, reply) => {
        reply
            .code(404)
            .send({ statusCode: 404, error: `no route ${request.method} ${request.url.split("?")[0]}` });
    });
    app.get("/healthz", { config: { scope: "public" } }, async () => ({
        status: "ok",
        store: options.store.kind,
    }));
    app.get("/metrics", { config: { scope: "read" } }, async (_request, reply) => {
        reply.header("content-type", metrics.registry.contentType);
        return metrics.registry.metrics();
    });
    modelRoutes(app, service, metrics, options.referenceDir ?? null);
    if (options.alerts)
        alertRoutes(app, options.alerts, service);
    dashboardRoutes(app);
    readinessRoutes(app, options.store, options.readiness ?? { cards: [], rules: () => ({ rules: [], webhooks: [] }) });
    return { app, service, metrics };
}
