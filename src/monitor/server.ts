import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { InputError } from "../table/errors.js";
import type { AlertEngine } from "./alerts.js";
import { allows, bearerToken, hashToken } from "./auth.js";
import { MonitorMetrics } from "./metrics.js";
import { alertRoutes } from "./routes-alerts.js";
import { dashboardRoutes } from "./routes-dashboard.js";
import { modelRoutes } from "./routes-models.js";
import { type ReadinessOptions, readinessRoutes } from "./routes-readiness.js";
import { trustRoutes } from "./routes-trust.js";
import { MonitorService, type ServiceOptions } from "./service.js";
import type { MonitorStore, Scope } from "./store.js";
import { isoTime } from "./time-bounds.js";

interface ServerOptions {
  store: MonitorStore;
  service?: Partial<ServiceOptions>;
  /** Largest request body in bytes (413 beyond). */
  bodyLimit?: number;
  alerts?: AlertEngine;
  logger?: boolean;
  /** The directory `{"path": …}` references may be read from (`--reference-dir`); null: none. */
  referenceDir?: string | null;
  /** Where internal errors (500) are logged, one JSON line each with the request id; stderr by default. */
  errorLog?: (line: string) => void;
  /** Timeouts and the connection cap (defaults: CONNECTION_LIMITS). */
  limits?: Partial<ConnectionLimits>;
  /** Cards whose readiness the dashboard shows (`assay serve --card`). */
  readiness?: ReadinessOptions;
}

export const DEFAULT_BODY_LIMIT = 16 * 1024 * 1024;

/**
 * Bounds on connections. Without them a client sending its body slowly (or never) held a socket for
 * ever, also after its 401; 300 such connections under `ulimit -n 256` made every new connection fail.
 */
export interface ConnectionLimits {
  /** Time to receive a whole request, headers and body (408 after). */
  requestTimeoutMs: number;
  /** Time to receive the headers. */
  headersTimeoutMs: number;
  /** How long an idle keep-alive connection stays open between requests. */
  keepAliveTimeoutMs: number;
  /** A socket with no traffic either way for this long is closed (a slow read still sends nothing). */
  idleTimeoutMs: number;
  /** Open connections at most; further ones are closed on arrival. */
  maxConnections: number;
}

export const CONNECTION_LIMITS: ConnectionLimits = {
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 120_000,
  maxConnections: 1000,
};

declare module "fastify" {
  interface FastifyContextConfig {
    /** The token scope a route needs; routes without one (only /healthz) are public. */
    scope?: Scope | "public";
  }
  interface FastifyRequest {
    tokenName?: string;
    /** The models the request's token is limited to; null or undefined: every model. */
    tokenModels?: string[] | null;
  }
}

/**
 * Sent with every response. The dashboard loads only its own scripts and styles (Vega from the server's
 * node_modules). Vega compiles its expressions with the Function constructor, hence 'unsafe-eval' (the
 * vega-interpreter package would remove the need; it is not installed here); its SVG renderer sets style
 * attributes, hence 'unsafe-inline' for styles. No inline script is allowed, no other origin, no framing.
 */
const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy":
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

export interface MonitorServer {
  app: FastifyInstance;
  service: MonitorService;
  metrics: MonitorMetrics;
}

/** Builds the Fastify app of `assay serve` (not listening yet). */
export function buildServer(options: ServerOptions): MonitorServer {
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
  const errorLog = options.errorLog ?? ((line: string) => process.stderr.write(line));
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
  });
  const service = new MonitorService(options.store, options.service);
  const metrics = new MonitorMetrics();

  // NDJSON (and plain text holding NDJSON) arrives as a string; ingest.ts splits it into records.
  app.addContentTypeParser(
    [
      "application/x-ndjson",
      "application/ndjson",
      "application/jsonl",
      "application/json-lines",
      "text/plain",
    ],
    { parseAs: "string" },
    (_req, body, done) => done(null, body),
  );

  // Every request looks its token up: a revoked token stops working at once (a lookup by primary key
  // costs microseconds on SQLite, one round trip on PostgreSQL).
  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    const needed = request.routeOptions.config?.scope;
    if (needed === "public") return;
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
        error: expired ? `token expired at ${isoTime(grant!.expiresAt)}` : "invalid token",
      });
    }
    const scope = needed ?? "read";
    if (!allows(grant.scopes, scope))
      return reply.code(403).send({ statusCode: 403, error: `this token lacks the '${scope}' scope` });
    if (grant.models !== null) {
      const model = (request.params as { model?: string } | undefined)?.model;
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

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    // an InputError from any layer (a bad rules file, a malformed record) is the client's to fix
    const status =
      error instanceof InputError
        ? 400
        : error.statusCode && error.statusCode >= 400 && error.statusCode < 600
          ? error.statusCode
          : 500;
    if (status >= 500) {
      errorLog(
        `${JSON.stringify({
          time: new Date().toISOString(),
          level: "error",
          requestId: request.id,
          method: request.method,
          url: request.url.split("?")[0],
          error: error.message,
          stack: error.stack,
        })}\n`,
      );
    }
    if (status < 500) metrics.rejected.inc({ reason: String(status) });
    const message =
      status === 413
        ? `request body is larger than the limit of ${app.initialConfig.bodyLimit} bytes`
        : status >= 500
          ? "internal error"
          : error.message;
    reply
      .code(status)
      .send(
        status >= 500
          ? { statusCode: status, error: message, requestId: request.id }
          : { statusCode: status, error: message },
      );
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
  trustRoutes(app, service);
  if (options.alerts) alertRoutes(app, options.alerts, service);
  dashboardRoutes(app);
  readinessRoutes(
    app,
    options.store,
    options.readiness ?? { cards: [], rules: () => ({ rules: [], webhooks: [] }) },
  );
  return { app, service, metrics };
}
