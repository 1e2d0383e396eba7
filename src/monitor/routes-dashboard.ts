import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance, FastifyReply } from "fastify";
import { REPORT_CSS } from "../report/html.js";

/**
 * The dashboard (`web/`) at `/`, and a read-only view of the evidence store.
 *
 * The page and its assets are public: they hold no data. The page asks the API with a read token the
 * user pastes once (or passes as `#token=…`), so everything with data stays behind the token check.
 * Vega and Vega-Lite come from node_modules, the chart specs and report CSS from the compiled
 * `src/report/`, so the dashboard works without network access and draws what the HTML reports draw.
 */
interface DashboardOptions {
  /** Where saved reports live; default `$ASSAY_HOME/evidence` or `.assay/evidence` (as `saveEvidence`). */
  evidenceDir?: string;
}

const WEB_DIR = fileURLToPath(new URL("../../../web/", import.meta.url));
const SRC_DIR = fileURLToPath(new URL("../", import.meta.url));
/** Compiled modules of src/ the browser may import: pure (no runtime imports but each other). */
const SHARED_MODULES = new Set([
  "report/chart-specs.js",
  "report/html.js",
  "report/html-escape.js",
  "report/verdict-html.js",
  "report/names.js",
  "report/format.js",
  "evaluate/chart-specs.js",
  "compat/chart-specs.js",
  "readiness/chart-specs.js",
]);

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
};

const require = createRequire(import.meta.url);

/** The build/ folder of an installed package (vega and vega-lite export their ESM build from there). */
function packageBuild(name: string): string {
  return dirname(require.resolve(name));
}

const VENDOR: Record<string, () => string> = {
  "vega.min.js": () => join(packageBuild("vega"), "vega.min.js"),
  "vega-lite.min.js": () => join(packageBuild("vega-lite"), "vega-lite.min.js"),
};

const EVIDENCE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,200}\.json$/;

async function sendFile(reply: FastifyReply, path: string, type: string): Promise<FastifyReply> {
  let body: Buffer;
  try {
    body = await readFile(path);
  } catch {
    return reply.code(404).send({ statusCode: 404, error: `no dashboard asset ${path.split("/").pop()}` });
  }
  return reply.header("content-type", type).header("cache-control", "no-cache").send(body);
}

function typeOf(name: string): string | null {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? null : (TYPES[name.slice(dot)] ?? null);
}

interface EvidenceEntry {
  id: string;
  kind: string;
  createdAt: string;
  status: string | null;
  inputs: unknown;
  config: unknown;
}

export function dashboardRoutes(app: FastifyInstance, options: DashboardOptions = {}): void {
  const evidenceDir = options.evidenceDir ?? join(process.env.ASSAY_HOME ?? ".assay", "evidence");
  const publicRoute = { config: { scope: "public" as const } };

  app.get("/", publicRoute, (_request, reply) =>
    sendFile(reply, join(WEB_DIR, "index.html"), TYPES[".html"]),
  );

  app.get<{ Params: { file: string } }>("/assets/:file", publicRoute, (request, reply) => {
    const { file } = request.params;
    if (file === "report.css")
      return reply.header("content-type", TYPES[".css"]).header("cache-control", "no-cache").send(REPORT_CSS);
    const type = typeOf(file);
    if (!/^[a-z0-9][a-z0-9-]*\.[a-z]+$/.test(file) || type === null)
      return reply.code(404).send({ statusCode: 404, error: `no dashboard asset ${file}` });
    return sendFile(reply, join(WEB_DIR, file), type);
  });

  app.get<{ Params: { file: string } }>("/assets/vendor/:file", publicRoute, (request, reply) => {
    const locate = VENDOR[request.params.file];
    if (!locate)
      return reply.code(404).send({ statusCode: 404, error: `no vendor asset ${request.params.file}` });
    return sendFile(reply, locate(), TYPES[".js"]);
  });

  app.get<{ Params: { folder: string; file: string } }>(
    "/assets/:folder/:file",
    publicRoute,
    (request, reply) => {
      const module = `${request.params.folder}/${request.params.file}`;
      if (!SHARED_MODULES.has(module))
        return reply.code(404).send({ statusCode: 404, error: `no shared module ${module}` });
      return sendFile(reply, join(SRC_DIR, module), TYPES[".js"]);
    },
  );

  /** Saved reports, newest first; `kind` filters, `contains` keeps reports whose config or inputs mention it. */
  app.get<{ Querystring: { kind?: string; contains?: string; limit?: number } }>(
    "/v1/evidence",
    {
      config: { scope: "read" },
      schema: {
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            kind: { type: "string", pattern: "^[a-z_-]{1,40}$" },
            contains: { type: "string", minLength: 1, maxLength: 256 },
            limit: { type: "integer", minimum: 1, maximum: 200 },
          },
        },
      },
    },
    async (request) => {
      const { kind, contains, limit = 20 } = request.query;
      let names: string[];
      try {
        names = (await readdir(evidenceDir)).filter((n) => EVIDENCE_ID.test(n));
      } catch {
        names = [];
      }
      // File names start with the creation time, so a reverse sort is newest first.
      names.sort().reverse();
      if (kind) names = names.filter((n) => n.includes(`-${kind}-`));
      const evidence: EvidenceEntry[] = [];
      for (const id of names) {
        if (evidence.length >= limit) break;
        const report = await readReport(join(evidenceDir, id));
        if (!report || (kind && report.kind !== kind)) continue;
        if (contains && !JSON.stringify([report.config, report.inputs]).includes(contains)) continue;
        evidence.push({
          id,
          kind: String(report.kind),
          createdAt: String(report.createdAt),
          status: (report.summary as { status?: string } | undefined)?.status ?? null,
          inputs: report.inputs ?? [],
          config: report.config ?? null,
        });
      }
      return { directory: evidenceDir, evidence };
    },
  );

  app.get<{ Params: { id: string } }>(
    "/v1/evidence/:id",
    { config: { scope: "read" } },
    async (request, reply) => {
      const { id } = request.params;
      const report = EVIDENCE_ID.test(id) ? await readReport(join(evidenceDir, id)) : null;
      if (!report) return reply.code(404).send({ statusCode: 404, error: `no saved report '${id}'` });
      return report;
    },
  );
}

async function readReport(path: string): Promise<Record<string, unknown> | null> {
  try {
    const value = JSON.parse(await readFile(path, "utf8"));
    return value && typeof value === "object" && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}
