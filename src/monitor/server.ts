import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { InputError } from "../table/errors.js";
import type { AlertEngine } from "./alerts.js";
import { allows, bearerToken, hashToken } from "./auth.js";
import { MonitorMetrics } from "./metrics.js";
import { alertRoutes } from "./routes-alerts.js";
import { dashboardRoutes } from "./routes-dashboard.js";
import { modelRoutes } from "./routes-models.js";
import { type ReadinessOptions, readinessRoutes } from "./routes-readiness.js";
import { MonitorService, type ServiceOptions } from "./service.js";
import type { MonitorStore, Scope } from "./store.js";

interface ServerOptions {
  store: MonitorStore;
  service?: Partial<ServiceOptions>;
  /** Largest request body in bytes (413 beyond). */
  bodyLimit?: number;
  alerts?: AlertEngine;
  logger?: boolean;
  /** Cards whose readiness the dashboard shows (`assay serve --card`). */
  readiness?: ReadinessOptions;
}

export const DEFAULT_BODY_LIMIT = 16 * 1024 * 1024;

declare module "fastify" {
  interface FastifyContextConfig {
    /** The token scope a route needs; routes without one (only /healthz) are public. */
    scope?: Scope | "public";
  }
  interface FastifyRequest {
    tokenName?: string;
  }
}

export interface MonitorServer {
  app: FastifyInstance;
  service: MonitorService;
  metrics: MonitorMetrics;
}

/** Builds the Fastify app of `assay serve` (not listening yet). */
export function buildServer(options: ServerOptions): MonitorServer {
  const app = Fastify({
    logger: options.logger ?? false,
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

  const tokens = new Map<string, { scopes: Scope[]; name: string; at: number }>();
  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    const needed = request.routeOptions.config?.scope;
    if (needed === "public") return;
    const token = bearerToken(request.headers.authorization);
    if (token === null) {
      reply.header("www-authenticate", 'Bearer realm="assay"');
      return reply
        .code(401)
        .send({ statusCode: 401, error: "missing bearer token (Authorization: Bearer …)" });
    }
    const hash = hashToken(token);
    let grant = tokens.get(hash);
    if (!grant || Date.now() - grant.at > 30_000) {
      const found = await options.store.findToken(hash);
      grant = found ? { scopes: found.scopes, name: found.name, at: Date.now() } : undefined;
      if (grant) tokens.set(hash, grant);
      else tokens.delete(hash);
    }
    if (!grant) {
      reply.header("www-authenticate", 'Bearer realm="assay", error="invalid_token"');
      return reply.code(401).send({ statusCode: 401, error: "invalid token" });
    }
    const scope = needed ?? "read";
    if (!allows(grant.scopes, scope))
      return reply.code(403).send({ statusCode: 403, error: `this token lacks the '${scope}' scope` });
    request.tokenName = grant.name;
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    // an InputError from any layer (a bad rules file, a malformed record) is the client's to fix
    const status =
      error instanceof InputError
        ? 400
        : error.statusCode && error.statusCode >= 400 && error.statusCode < 600
          ? error.statusCode
          : 500;
    if (status >= 500) request.log.error(error);
    if (status < 500) metrics.rejected.inc({ reason: String(status) });
    const message =
      status === 413
        ? `request body is larger than the limit of ${app.initialConfig.bodyLimit} bytes`
        : status >= 500
          ? "internal error"
          : error.message;
    reply.code(status).send({ statusCode: status, error: message });
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
  modelRoutes(app, service, metrics);
  if (options.alerts) alertRoutes(app, options.alerts);
  dashboardRoutes(app);
  readinessRoutes(
    app,
    options.store,
    options.readiness ?? { cards: [], rules: () => ({ rules: [], webhooks: [] }) },
  );
  return { app, service, metrics };
}
