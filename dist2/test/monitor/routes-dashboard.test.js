import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import { ROOT } from "../helpers/cli.js";
import { testServer } from "./helpers.js";
/** The dashboard's static files are public and fenced in; the evidence API needs a read token. */
const home = mkdtempSync(join(tmpdir(), "assay-evidence-"));
let s;
function saved(name, report) {
    writeFileSync(join(home, "evidence", name), JSON.stringify(report));
}
before(async () => {
    mkdirSync(join(home, "evidence"));
    saved("2026-01-01T00-00-00-000Z-evaluation-aaaaaaaaaaaa.json", {
        kind: "evaluation",
        createdAt: "2026-01-01T00:00:00.000Z",
        inputs: [{ name: "old.csv", digest: "a", rows: 10 }],
        config: { model: "churn-v1" },
        results: [],
        summary: { status: "pass" },
    });
    saved("2026-02-01T00-00-00-000Z-evaluation-bbbbbbbbbbbb.json", {
        kind: "evaluation",
        createdAt: "2026-02-01T00:00:00.000Z",
        inputs: [{ name: "new.csv", digest: "b", rows: 20 }],
        config: { model: "fraud" },
        results: [],
        summary: { status: "fail" },
    });
    saved("2026-03-01T00-00-00-000Z-comparison-cccccccccccc.json", {
        kind: "comparison",
        createdAt: "2026-03-01T00:00:00.000Z",
        inputs: [],
        config: { old: "churn-v1", new: "churn-v2" },
        results: [],
        summary: { status: "warn" },
    });
    writeFileSync(join(home, "evidence", "notes.txt"), "not a report");
    writeFileSync(join(home, "evidence", "2026-04-01T00-00-00-000Z-evaluation-broken.json"), "{ not json");
    const previous = process.env.ASSAY_HOME;
    process.env.ASSAY_HOME = home;
    s = await testServer();
    if (previous === undefined)
        delete process.env.ASSAY_HOME;
    else
        process.env.ASSAY_HOME = previous;
});
after(async () => {
    await s.close();
    rmSync(home, { recursive: true, force: true });
});
test("the page, its modules, the shared report modules and vega are served without a token", async () => {
    const page = await s.call("GET", "/", undefined, null);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<script type="module" src="\/assets\/app.js">/);
    for (const [path, type] of [
        ["/assets/app.js", "text/javascript"],
        ["/assets/dashboard.css", "text/css"],
        ["/assets/report.css", "text/css"],
        ["/assets/report/chart-specs.js", "text/javascript"],
        ["/assets/evaluate/chart-specs.js", "text/javascript"],
        ["/assets/compat/chart-specs.js", "text/javascript"],
        ["/assets/vendor/vega.min.js", "text/javascript"],
        ["/assets/vendor/vega-lite.min.js", "text/javascript"],
    ]) {
        const r = await s.call("GET", path, undefined, null);
        assert.equal(r.statusCode, 200, path);
        assert.ok(String(r.body).length > 100, path);
        assert.match((await s.app.inject({ url: path })).headers["content-type"], new RegExp(type), path);
    }
    // The report stylesheet is the shell's own CSS, byte for byte.
    const { REPORT_CSS } = await import("../../src/report/html.js");
    assert.equal((await s.call("GET", "/assets/report.css", undefined, null)).body, REPORT_CSS);
});
test("nothing outside the dashboard and the listed modules is reachable", async () => {
    for (const path of [
        "/assets/..%2f..%2fpackage.json",
        "/assets/%2e%2e/package.json",
        "/assets/report/report.js",
        "/assets/monitor/server.js",
        "/assets/report/..%2fmonitor%2fauth.js",
        "/assets/vendor/fastify.js",
        "/assets/README",
        "/assets/Index.html",
    ]) {
        const r = await s.call("GET", path, undefined, null);
        // 404, or 401 where the router resolved the dots to a path outside /assets (a token-guarded 404).
        assert.ok(r.statusCode === 404 || r.statusCode === 401, `${path}: ${r.statusCode}`);
        assert.doesNotMatch(r.body, /"name": "assay"|bearerToken/, path);
    }
});
test("the evidence API needs a read token and lists saved reports newest first", async () => {
    assert.equal((await s.call("GET", "/v1/evidence", undefined, null)).statusCode, 401);
    assert.equal((await s.call("GET", "/v1/evidence", undefined, "ingest")).statusCode, 403);
    const all = await s.call("GET", "/v1/evidence", undefined, "read");
    assert.equal(all.statusCode, 200);
    assert.deepEqual(all.json.evidence.map((e) => `${e.kind}:${e.status}`), ["comparison:warn", "evaluation:fail", "evaluation:pass"], "unreadable and non-report files are skipped");
    const evaluations = await s.call("GET", "/v1/evidence?kind=evaluation&limit=1", undefined, "read");
    assert.deepEqual(evaluations.json.evidence.map((e) => e.id), ["2026-02-01T00-00-00-000Z-evaluation-bbbbbbbbbbbb.json"]);
    const churn = await s.call("GET", "/v1/evidence?kind=evaluation&contains=churn", undefined, "read");
    assert.deepEqual(churn.json.evidence.map((e) => e.createdAt), ["2026-01-01T00:00:00.000Z"]);
    const one = await s.call("GET", `/v1/evidence/${all.json.evidence[0].id}`, undefined, "read");
    assert.equal(one.json.config.new, "churn-v2");
    assert.equal((await s.call("GET", "/v1/evidence/..%2fmonitor.db", undefined, "read")).statusCode, 404);
    assert.equal((await s.call("GET", "/v1/evidence/nope.json", undefined, "read")).statusCode, 404);
    assert.equal((await s.call("GET", "/v1/evidence?limit=0", undefined, "read")).statusCode, 400);
});
test("dashboard windows: a readable step, whole days, no mostly-empty first window", async () => {
    const { chooseStep, lastWindowEnd, windowsOf } = await import(pathToFileURL(join(ROOT, "web", "windows.js")).href);
    const day = 86_400_000;
    const from = Date.UTC(2001, 1, 1, 5, 56);
    const to = Date.UTC(2001, 5, 30, 23, 50) + 1;
    assert.equal(chooseStep(from, to).name, "7d"); // 150 days: 22 weekly windows, 151 daily would be too many
    assert.equal(chooseStep(from, from + 5 * 3_600_000).name, "1h");
    assert.equal(lastWindowEnd(to, 7 * day), Date.UTC(2001, 6, 1));
    const windows = windowsOf(from, to, 7 * day);
    assert.equal(windows.at(-1).to, Date.UTC(2001, 6, 1));
    for (let i = 1; i < windows.length; i++)
        assert.equal(windows[i].from, windows[i - 1].to);
    assert.ok(windows[0].to - from >= 3.5 * day, "the first window is at least half covered by data");
    assert.ok(windows[0].from - from < 7 * day);
    // Data shorter than one step still gets one window.
    assert.equal(windowsOf(from, from + 3_600_000, 7 * day).length, 1);
});
