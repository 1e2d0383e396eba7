import { realpathSync } from "node:fs";
import { resolve, sep } from "node:path";
import type { FastifyInstance } from "fastify";
import { profileBatches } from "../profile/build.js";
import { PROFILE_FORMAT, PROFILE_VERSION, type TableProfile } from "../profile/types.js";
import { BadRequest, parseLabels, parsePredictions } from "./ingest.js";
import type { MonitorMetrics } from "./metrics.js";
import type { ModelSpec } from "./records.js";
import type { MonitorService } from "./service.js";
import { isoTime, requireDateTime } from "./time-bounds.js";
import { NAMED_WINDOWS, parseDuration, parseTimestamp } from "./windows.js";

const NAME = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$";

const modelBody = {
  type: "object",
  required: ["name"],
  additionalProperties: false,
  properties: {
    name: { type: "string", pattern: NAME },
    task: { type: "string", enum: ["binary", "multiclass", "regression"] },
    positiveLabel: { type: ["string", "number", "boolean"] },
    threshold: { type: "number", minimum: 0, maximum: 1 },
    features: {
      type: "array",
      maxItems: 10_000,
      items: {
        type: "object",
        required: ["name", "type"],
        additionalProperties: false,
        properties: {
          name: { type: "string", minLength: 1, maxLength: 256, pattern: "^[^@]" },
          type: { type: "string", enum: ["number", "string", "boolean"] },
        },
      },
    },
    trainedAt: { type: "string", format: "date-time" },
    description: { type: "string", maxLength: 10_000 },
    scoreColumn: { type: ["string", "null"], maxLength: 256 },
    actionLimits: {
      type: "object",
      additionalProperties: false,
      properties: {
        minPositiveRate: { type: "number", minimum: 0, maximum: 1 },
        maxPositiveRate: { type: "number", minimum: 0, maximum: 1 },
      },
    },
  },
} as const;

export const modelParams = {
  type: "object",
  required: ["model"],
  properties: { model: { type: "string", pattern: NAME } },
} as const;

type ModelParams = { Params: { model: string } };

export function modelRoutes(
  app: FastifyInstance,
  service: MonitorService,
  metrics: MonitorMetrics,
  referenceDir: string | null = null,
): void {
  const store = service.store;
  const ingestClock = () => ({ bounds: service.options.timeBounds, now: service.options.clock() });

  const modelOr404 = (name: string) => requireModel(service, name);

  app.post<{ Body: Record<string, unknown> }>(
    "/v1/models",
    { config: { scope: "admin" }, schema: { body: modelBody } },
    async (request, reply) => {
      const b = request.body;
      const spec: ModelSpec = {
        name: b.name as string,
        task: (b.task as ModelSpec["task"]) ?? "binary",
        positiveLabel: String(b.positiveLabel ?? "1"),
        threshold: (b.threshold as number) ?? 0.5,
        features: (b.features as ModelSpec["features"]) ?? [],
        trainedAt: (b.trainedAt as string) ?? null,
        createdAt: new Date().toISOString(),
        description: (b.description as string) ?? "",
        scoreColumn: b.scoreColumn === undefined ? "score" : (b.scoreColumn as string | null),
        actionLimits: (b.actionLimits as ModelSpec["actionLimits"]) ?? {},
      };
      const names = new Set<string>();
      for (const f of spec.features) {
        if (names.has(f.name)) throw new BadRequest(`feature "${f.name}" is declared twice`);
        names.add(f.name);
      }
      if (!(await service.createModel(spec)))
        return reply.code(409).send({ statusCode: 409, error: `model '${spec.name}' exists already` });
      return reply.code(201).send(spec);
    },
  );

  app.get("/v1/models", { config: { scope: "read" } }, async (request) => {
    const limited = request.tokenModels;
    const models = await store.listModels();
    return { models: limited ? models.filter((m) => limited.includes(m.name)) : models };
  });

  app.get<ModelParams>(
    "/v1/models/:model",
    { config: { scope: "read" }, schema: { params: modelParams } },
    async (request) => {
      const spec = await modelOr404(request.params.model);
      return { ...spec, referenceVersions: await store.listReferenceVersions(spec.name) };
    },
  );

  /** The reference's distributions (no sketches): what the dashboard overlays on a window's charts. */
  app.get<ModelParams & { Querystring: { version?: string } }>(
    "/v1/models/:model/reference",
    {
      config: { scope: "read" },
      schema: {
        params: modelParams,
        querystring: {
          type: "object",
          properties: { version: { type: "string", minLength: 1, maxLength: 128 } },
        },
      },
    },
    async (request) => {
      const spec = await modelOr404(request.params.model);
      const reference = await service.reference(spec.name, request.query.version ?? null);
      if (!reference) return { model: spec.name, version: null, rows: 0, columns: [] };
      const { profile } = reference;
      return {
        model: spec.name,
        version: reference.version,
        rows: profile.rows,
        columns: profile.columns.map((c) => ({
          name: c.name,
          type: c.type,
          count: c.count,
          distinct: c.distinct,
          distinctExact: c.distinctExact,
          histogram: c.histogram,
          top: c.top,
        })),
      };
    },
  );

  app.put<ModelParams & { Querystring: { version?: string }; Body: unknown }>(
    "/v1/models/:model/reference",
    {
      config: { scope: "admin" },
      schema: {
        params: modelParams,
        querystring: {
          type: "object",
          properties: { version: { type: "string", minLength: 1, maxLength: 128 } },
        },
      },
    },
    async (request) => {
      const spec = await modelOr404(request.params.model);
      const version = request.query.version ?? "default";
      const body = request.body as Record<string, unknown> | null;
      if (body === null || typeof body !== "object" || Array.isArray(body))
        throw new BadRequest(
          'body must be a profile made by `assay profile --out` or {"path": "training file"}',
        );
      const exclude = Array.isArray(body.exclude) ? body.exclude.map(String) : [];
      let profile: TableProfile;
      if (typeof body.path === "string") profile = await profileFile(serverFile(referenceDir, body.path));
      else if (body.format === "assay.profile" && Array.isArray(body.columns)) profile = profileOf(body);
      else
        throw new BadRequest(
          'body must be a profile (format "assay.profile") or {"path": "training file", "exclude": [columns]}',
        );
      await service.putReference(spec, version, profile, exclude);
      const updated = (await service.model(spec.name)) ?? spec;
      return { model: spec.name, version, rows: profile.rows, features: updated.features };
    },
  );

  app.post<ModelParams>(
    "/v1/models/:model/predictions",
    { config: { scope: "ingest" }, schema: { params: modelParams } },
    async (request) => {
      const spec = await modelOr404(request.params.model);
      const records = parsePredictions(request.body, ingestClock());
      const result = await service.ingestPredictions(spec, records);
      metrics.predictions.inc({ model: spec.name }, result.accepted);
      return result;
    },
  );

  app.post<ModelParams>(
    "/v1/models/:model/labels",
    { config: { scope: "ingest" }, schema: { params: modelParams } },
    async (request) => {
      const spec = await modelOr404(request.params.model);
      const records = parseLabels(request.body, ingestClock());
      const result = await service.ingestLabels(spec, records);
      metrics.labels.inc({ model: spec.name }, result.accepted);
      return result;
    },
  );

  app.get<ModelParams>(
    "/v1/models/:model/summary",
    { config: { scope: "read" }, schema: { params: modelParams } },
    async (request) => {
      const spec = await modelOr404(request.params.model);
      const c = await store.counts(spec.name);
      return {
        model: spec.name,
        predictions: c.predictions,
        labels: c.labels,
        timeRange:
          c.firstTimestamp === null
            ? null
            : { from: isoTime(c.firstTimestamp), to: isoTime(c.lastTimestamp) },
        referenceVersions: await store.listReferenceVersions(spec.name),
        unfolded: await unfoldedOf(spec.name),
      };
    },
  );

  async function unfoldedOf(model: string): Promise<{ pending: number; lagMs: number | null }> {
    const queue = await store.unfolded(model, 0);
    const lagMs =
      queue.oldestReceived === null ? null : Math.max(0, service.options.clock() - queue.oldestReceived);
    return { pending: queue.pending, lagMs };
  }

  type WindowQuery = {
    Querystring: { window?: string; end?: string; from?: string; to?: string; version?: string };
  };
  const windowQuery = {
    type: "object",
    additionalProperties: false,
    properties: {
      window: { type: "string" },
      end: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      version: { type: "string" },
    },
  } as const;

  /** [from, to) from ?from&to, or ?window (5m | 1h | 1d | a duration) ending at ?end (default: the data clock). */
  async function windowOf(
    model: string,
    q: WindowQuery["Querystring"],
  ): Promise<{ from: number; to: number }> {
    if (q.from !== undefined || q.to !== undefined) {
      const from = parseTimestamp(q.from);
      const to = parseTimestamp(q.to);
      if (from === null || to === null || to <= from)
        throw new BadRequest("from and to must both be timestamps (ISO 8601 or epoch ms) with from < to");
      return { from: requireDateTime(from, "from"), to: requireDateTime(to, "to") };
    }
    const length =
      q.window === undefined ? NAMED_WINDOWS["1h"] : (NAMED_WINDOWS[q.window] ?? parseDuration(q.window));
    if (length === null)
      throw new BadRequest(`window must be 5m, 1h, 1d or a duration like 15m, got '${q.window}'`);
    let end: number | null;
    if (q.end !== undefined) {
      end = parseTimestamp(q.end);
      if (end === null) throw new BadRequest(`end must be an ISO 8601 timestamp or epoch ms, got '${q.end}'`);
      requireDateTime(end, "end");
    } else {
      // The newest prediction, read off the time index (a count of every prediction would scan them all).
      const last = await store.newestTimestamp(model, 1);
      // A data clock beyond the Date range (stored before times were bounded) falls back to the server's.
      end = last === null || isoTime(last + 1) === null ? service.options.clock() : last + 1;
    }
    if (!Number.isFinite(end - length) || isoTime(end - length) === null)
      throw new BadRequest(`the window ${q.window} before ${isoTime(end)} starts outside the range of dates`);
    return { from: end - length, to: end };
  }

  app.get<ModelParams & WindowQuery>(
    "/v1/models/:model/monitors",
    { config: { scope: "read" }, schema: { params: modelParams, querystring: windowQuery } },
    async (request) => {
      const spec = await modelOr404(request.params.model);
      const w = await windowOf(spec.name, request.query);
      const { results, referenceVersion, summary, unfolded } = await service.monitors(
        spec,
        w.from,
        w.to,
        Date.now(),
        request.query.version,
      );
      metrics.record(spec.name, results);
      return {
        model: spec.name,
        window: { from: new Date(w.from).toISOString(), to: new Date(w.to).toISOString() },
        referenceVersion,
        rows: summary?.rows ?? 0,
        unfolded,
        monitors: results,
      };
    },
  );

  app.get<ModelParams & WindowQuery>(
    "/v1/models/:model/window",
    { config: { scope: "read" }, schema: { params: modelParams, querystring: windowQuery } },
    async (request) => {
      const spec = await modelOr404(request.params.model);
      const w = await windowOf(spec.name, request.query);
      const { summary, unfolded } = await service.readWindow(spec.name, w.from, w.to);
      return {
        model: spec.name,
        window: { from: new Date(w.from).toISOString(), to: new Date(w.to).toISOString() },
        unfolded,
        summary,
      };
    },
  );

  app.get<ModelParams & { Querystring: { limit?: number } }>(
    "/v1/models/:model/samples",
    {
      config: { scope: "read" },
      schema: {
        params: modelParams,
        querystring: {
          type: "object",
          properties: { limit: { type: "integer", minimum: 1, maximum: 1000 } },
        },
      },
    },
    async (request) => {
      const spec = await modelOr404(request.params.model);
      // Samples are drawn when rows are folded. A small queue is folded first (one fold batch at most), so
      // what was just sent shows; a backlog is left to the background folder and its size is said instead
      // of making the read wait for it.
      const queued = (await store.unfolded(spec.name, 0)).pending;
      if (queued > 0 && queued <= service.options.foldBatch) await service.fold(spec.name);
      return {
        model: spec.name,
        samples: await store.samples(spec.name, request.query.limit ?? 100),
        unfolded: { pending: (await store.unfolded(spec.name, 0)).pending },
      };
    },
  );
}

/**
 * The profile in an uploaded body: a bare profile or the Report envelope `assay profile --out` writes (the
 * profile's fields sit beside the envelope's). Only the profile is kept.
 */
function profileOf(body: Record<string, unknown>): TableProfile {
  if (body.version !== PROFILE_VERSION)
    throw new BadRequest(
      `profile version ${String(body.version)} is not supported (this server reads ${PROFILE_VERSION})`,
    );
  if (typeof body.rows !== "number") throw new BadRequest("the profile has no row count");
  for (const c of body.columns as Record<string, unknown>[])
    if (typeof c?.name !== "string" || typeof c?.type !== "string" || typeof c?.count !== "number")
      throw new BadRequest("every profile column needs a name, a type and a count");
  return {
    format: PROFILE_FORMAT,
    version: PROFILE_VERSION,
    engine: body.engine === "sql" ? "sql" : "stream",
    source: (body.source as TableProfile["source"]) ?? { name: "upload", digest: "" },
    rows: body.rows,
    columns: body.columns as TableProfile["columns"],
  };
}

/**
 * The file a `{"path": …}` reference names, which must lie inside the directory the server was given
 * (`--reference-dir`); without one, profiling server files is off. Relative paths are read from that
 * directory; symbolic links are followed before the check, so a link cannot point outside it.
 */
function serverFile(referenceDir: string | null, path: string): string {
  if (referenceDir === null)
    throw new BadRequest(
      "profiling a file on the server is off: start assay serve with --reference-dir DIR, or upload a profile (assay profile --out)",
    );
  const root = realpathSync(referenceDir);
  let real: string;
  try {
    real = realpathSync(resolve(root, path));
  } catch {
    throw new BadRequest(`cannot profile ${path}: no such file in the reference directory`);
  }
  if (!real.startsWith(root.endsWith(sep) ? root : root + sep))
    throw new BadRequest(`cannot profile ${path}: only files inside the reference directory can be profiled`);
  return real;
}

/** Profiles a training file on the server (the admin points at it instead of uploading a profile). */
async function profileFile(path: string): Promise<TableProfile> {
  try {
    // DuckDB loads only when a training file is profiled: a server start does not pay for it.
    const { openSource } = await import("../io/source.js");
    const source = await openSource({ path });
    return await profileBatches(source.columns, source.batches(), {
      name: source.name,
      digest: await source.digest(),
    });
  } catch (error) {
    throw new BadRequest(`cannot profile ${path}: ${(error as Error).message.split("\n")[0]}`);
  }
}

/** A model's spec, or a 404 that says how to create it. */
export async function requireModel(service: MonitorService, name: string): Promise<ModelSpec> {
  const spec = await service.model(name);
  if (!spec)
    throw Object.assign(new Error(`unknown model '${name}'; create it with POST /v1/models`), {
      statusCode: 404,
    });
  return spec;
}
