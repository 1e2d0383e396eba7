import type { FastifyInstance } from "fastify";
import { modelParams, requireModel } from "./routes-models.js";
import type { MonitorService } from "./service.js";
import { bundleFor } from "./trust-counts.js";

const versionQuery = {
  type: "object",
  properties: { version: { type: "string", minLength: 1, maxLength: 128 } },
} as const;

/**
 * Trust bundles per model version (docs/monitor.md, "Trust"): PUT uploads one written by
 * `assay conformal --out` (checked: a bad bundle is a 400 naming the field), GET returns the bundle a
 * version's predictions are scored with, for `client.loadTrust()`.
 */
export function trustRoutes(app: FastifyInstance, service: MonitorService): void {
  app.put<{ Params: { model: string }; Querystring: { version?: string }; Body: unknown }>(
    "/v1/models/:model/trust",
    { config: { scope: "admin" }, schema: { params: modelParams, querystring: versionQuery } },
    async (request) => {
      const spec = await requireModel(service, request.params.model);
      const version = request.query.version ?? "default";
      const bundle = await service.putTrustBundle(spec, version, request.body);
      return {
        model: spec.name,
        version,
        method: bundle.conformal.method,
        alpha: bundle.conformal.alpha,
        qhat: bundle.conformal.qhat,
        ood: bundle.ood ? { targetFpr: bundle.ood.targetFpr } : null,
      };
    },
  );

  app.get<{ Params: { model: string }; Querystring: { version?: string } }>(
    "/v1/models/:model/trust",
    { config: { scope: "read" }, schema: { params: modelParams, querystring: versionQuery } },
    async (request) => {
      const spec = await requireModel(service, request.params.model);
      const bundles = await service.trust(spec.name);
      if (!bundles)
        throw Object.assign(
          new Error(
            `model '${spec.name}' has no trust bundle; upload one with PUT /v1/models/${spec.name}/trust`,
          ),
          { statusCode: 404 },
        );
      return bundleFor(bundles, request.query.version);
    },
  );
}
