import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { REPORT_CSS } from "../report/html.js";
const WEB_DIR = fileURLToPath(new URL("../../../web/", import.meta.url));
const SRC_DIR = fileURLToPath(new URL("../", import.meta.url));
/** Compiled modules of src/ the browser may import: pure (no runtime imports but each other). */
const SHARED_MODULES = new Set([
    "report/chart-specs.js",
    "report/html.js",
    "report/format.js",
    "evaluate/chart-specs.js",
    "compat/chart-specs.js",
    "readiness/chart-specs.js",
]);
const TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
};
const require = createRequire(import.meta.url);
/** The build/ folder of an installed package (vega and vega-lite export their ESM build from there). */
function packageBuild(name) {
    return dirname(require.resolve(name));
}
const VENDOR = {
    "vega.min.js": () => join(packageBuild("vega"), "vega.min.js"),
    "vega-lite.min.js": () => join(packageBuild("vega-lite"), "vega-lite.min.js"),
};
const EVIDENCE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,200}\.json$/;
async function sendFile(reply, path, type) {
    let body;
    try {
        body = await readFile(path);
    }
    catch {
        return reply.code(404).send({ statusCode: 404, error: `no dashboard asset ${path.split("/").pop()}` });
    }
    return reply.header("content-type", type).header("cache-control", "no-cache").send(body);
}
function typeOf(name) {
    const dot = name.lastIndexOf(".");
    return dot < 0 ? null : (TYPES[name.slice(dot)] ?? null);
}
export function dashboardRoutes(app, options = {}) {
    const evidenceDir = options.evidenceDir ?? join(process.env.ASSAY_HOME ?? ".assay", "evidence");
    const publicRoute = { config: { scope: "public" } };
    app.get("/", publicRoute, (_request, reply) => sendFile(reply, join(WEB_DIR, "index.html"), TYPES[".html"]));
    app.get("/assets/:file", publicRoute, (request, reply) => {
        const { file } = request.params;
        if (file === "report.css")
            return reply.header("content-type", TYPES[".css"]).header("cache-control", "no-cache").send(REPORT_CSS);
        const type = typeOf(file);
        if (!/^[a-z0-9][a-z0-9-]*\.[a-z]+$/.test(file) || type === null)
            return reply.code(404).send({ statusCode: 404, error: `no dashboard asset ${file}` });
        return sendFile(reply, join(WEB_DIR, file), type);
    });
    app.get("/assets/vendor/:file", publicRoute, (request, reply) => {
        const locate = VENDOR[request.params.file];
        if (!locate)
            return reply.code(404).send({ statusCode: 404, error: `no vendor asset ${request.params.file}` });
        return sendFile(reply, locate(), TYPES[".js"]);
    });
    app.get("/assets/:folder/:file", publicRoute, (request, reply) => {
        const module = `${request.params.folder}/${request.params.file}`;
        if (!SHARED_MODULES.has(module))
            return reply.code(404).send({ statusCode: 404, error: `no shared module ${module}` });
        return sendFile(reply, join(SRC_DIR, module), TYPES[".js"]);
    });
    /** Saved reports, newest first; `kind` filters, `contains` keeps reports whose config or inputs mention it. */
    app.get("/v1/evidence", {
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
    }, async (request) => {
        const { kind, contains, limit = 20 } = request.query;
        let names;
        try {
            names = (await readdir(evidenceDir)).filter((n) => EVIDENCE_ID.test(n));
        }
        catch {
            names = [];
        }
        // File names start with the creation time, so a reverse sort is newest first.
        names.sort().reverse();
        if (kind)
            names = names.filter((n) => n.includes(`-${kind}-`));
        const evidence = [];
        for (const id of names) {
            if (evidence.length >= limit)
                break;
            const report = await readReport(join(evidenceDir, id));
            if (!report || (kind && report.kind !== kind))
                continue;
            if (contains && !JSON.stringify([report.config, report.inputs]).includes(contains))
                continue;
            evidence.push({
                id,
                kind: String(report.kind),
                createdAt: String(report.createdAt),
                status: report.summary?.status ?? null,
                inputs: report.inputs ?? [],
                config: report.config ?? null,
            });
        }
        return { directory: evidenceDir, evidence };
    });
    app.get("/v1/evidence/:id", { config: { scope: "read" } }, async (request, reply) => {
        const { id } = request.params;
        const report = EVIDENCE_ID.test(id) ? await readReport(join(evidenceDir, id)) : null;
        if (!report)
            return reply.code(404).send({ statusCode: 404, error: `no saved report '${id}'` });
        return report;
    });
}
async function readReport(path) {
    try {
        const value = JSON.parse(await readFile(path, "utf8"));
        return value && typeof value === "object" && !Array.isArray(value) ? value : null;
    }
    catch {
        return null;
    }
}
