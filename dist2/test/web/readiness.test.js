import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { ROOT, runCli } from "../helpers/cli.js";
import { createToken } from "../monitor/process.js";
/**
 * Readiness on the dashboard, in a real browser against a real `assay serve --card`: a copy of the
 * adult worked example (its real evidence, sign-offs recorded here with the CLI), whose test file then
 * changes — so the page must show a discovery switchback — and whose model is served and monitored.
 * The numbers on the page must be the API's.
 */
const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = join(ROOT, "test", "artifacts");
const EXAMPLE = join(ROOT, "examples", "adult");
const MODEL = "adult-income";
const dir = mkdtempSync(join(tmpdir(), "assay-web-readiness-"));
const card = join(dir, "assay.card.yaml");
let child;
let url = "";
let readToken = "";
let context;
const problems = [];
const offHost = [];
function prepare() {
    for (const f of [
        "adult_train.csv",
        "adult_test.csv",
        "adult_v1.onnx",
        "adult_v1.yaml",
        "adult.schema.yaml",
    ])
        copyFileSync(join(EXAMPLE, f), join(dir, f));
    cpSync(join(EXAMPLE, "docs"), join(dir, "docs"), { recursive: true });
    cpSync(join(EXAMPLE, "evidence"), join(dir, "evidence"), { recursive: true });
    // the committed evidence keeps counting, whenever this runs; the model is served under MODEL
    writeFileSync(join(dir, "policy.yaml"), "format: assay.policy\nversion: 1\nfreshnessDays: { profile: 3650, validation: 3650, lint: 3650, drift: 3650, evaluation: 3650, comparison: 3650, docs: 3650 }\n");
    writeFileSync(card, `${readFileSync(join(EXAMPLE, "assay.card.yaml"), "utf8").replace("    dependsOn: [adult-data]\n", `    dependsOn: [adult-data]\n    monitoring: { model: ${MODEL} }\n`)}policy: policy.yaml\n`);
    for (const level of ["1", "2", "3", "4"]) {
        const r = runCli([
            "signoff",
            "--card",
            card,
            "--level",
            level,
            "--role",
            "reviewer",
            "--by",
            "ben",
            "--decision",
            "approve",
        ]);
        assert.equal(r.code, 0, r.stderr);
    }
    assert.equal(runCli([
        "signoff",
        "--card",
        card,
        "--level",
        "4",
        "--role",
        "ethics",
        "--by",
        "chen",
        "--decision",
        "approve",
        "--items",
        "all",
    ]).code, 0);
    const rows = readFileSync(join(dir, "adult_test.csv"), "utf8").trimEnd().split("\n");
    writeFileSync(join(dir, "adult_test.csv"), `${rows.slice(0, -1).join("\n")}\n`);
}
function serve(db) {
    child = spawn(process.execPath, [join(ROOT, "dist", "src", "cli", "main.js"), "serve", "--port", "0", "--db", db, "--card", card], {
        stdio: ["ignore", "ignore", "pipe"],
        env: { ...process.env, ASSAY_EVIDENCE: "on" },
    });
    let err = "";
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 30_000);
        child.stderr?.on("data", (chunk) => {
            err += chunk.toString();
            const m = /listening on (http:\/\/\S+)/.exec(err);
            if (m) {
                clearTimeout(timer);
                resolve(m[1]);
            }
        });
        child.on("exit", (code) => reject(new Error(`server exited with ${code}: ${err}`)));
    });
}
async function api(path, token = readToken, body) {
    const response = await fetch(`${url}${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.ok(response.status < 300, `${path}: ${response.status}`);
    return response.json();
}
async function open(hash) {
    const page = await context.newPage();
    page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning")
            problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(`${url}/#token=${readToken}`);
    await page.waitForSelector("main[data-ready]", { timeout: 30_000 });
    await page.goto(`${url}/${hash}`);
    await page.waitForSelector("main[data-ready]", { timeout: 60_000 });
    return page;
}
const text = async (page, selector) => ((await page.textContent(selector)) ?? "").trim();
before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    prepare();
    const db = `sqlite:${join(dir, "monitor.db")}`;
    const admin = createToken(db, "admin");
    readToken = createToken(db, "read");
    url = await serve(db);
    await api("/v1/models", admin, { name: MODEL, features: [{ name: "age", type: "number" }] });
    const predictions = Array.from({ length: 50 }, (_, i) => ({
        id: `p${i}`,
        timestamp: new Date(Date.UTC(2026, 0, 1, i)).toISOString(),
        features: { age: 20 + i },
        prediction: 0,
        score: 0.2,
    }));
    await api(`/v1/models/${MODEL}/predictions`, admin, predictions);
    await api("/v1/readiness/snapshot", admin, {});
    context = await chromium.launchPersistentContext(join(dir, "chromium-profile"), {
        executablePath: CHROMIUM,
        headless: true,
        args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--disable-component-update",
            "--disable-sync",
        ],
        viewport: { width: 1360, height: 900 },
    });
    const origin = new URL(url).origin;
    await context.route("**/*", (route) => {
        const target = route.request().url();
        if (target.startsWith(origin) || target.startsWith("data:"))
            return route.continue();
        offHost.push(target);
        return route.abort();
    });
});
after(async () => {
    await context?.close();
    child?.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
});
test("the readiness page shows each component's level, what blocks it, the ML Test Score and the switchbacks, as the API does", async () => {
    const { systems } = await api("/v1/readiness");
    const report = systems[0].report;
    assert.equal(report.systemLevel, 2, "the test file changed: the evidence of levels 3 and 4 is stale");
    const page = await open("#/readiness");
    const system = `[data-system="${report.card.id}"]`;
    assert.equal(await text(page, `${system} [data-system-level]`), String(report.systemLevel));
    for (const c of report.components)
        assert.match(await text(page, `${system} [data-component="${c.id}"] [data-certified]`), new RegExp(`^${c.certifiedLevel} `));
    const stale = page.locator(`${system} [data-blocking="validation"]`);
    assert.match((await stale.textContent()) ?? "", /stale.*adult_test\.csv changed since this report.*assay validate .*adult_test\.csv --schema .*adult\.schema\.yaml/s);
    for (const s of ["data", "model", "infrastructure", "monitoring"])
        assert.equal(await text(page, `${system} [data-section-score="${s}"]`), String(report.mlTestScore.sections[s]));
    assert.equal(await page.locator(`${system} [data-switchback="discovery"]`).count(), report.switchbacks.filter((s) => s.type === "discovery").length);
    for (const chart of ["levels", "ml-test-score"]) {
        const marks = await page
            .locator(`${system} [data-chart="${chart}"] svg path, ${system} [data-chart="${chart}"] svg rect`)
            .count();
        assert.ok(marks > 2, `${chart} has marks`);
    }
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-readiness.png"), fullPage: true });
    await page.close();
});
test("a monitored model's page shows its system's readiness, and the service wrote its monitoring evidence", async () => {
    const snapshots = readdirSync(join(dir, "evidence")).filter((f) => f.includes("-monitoring-"));
    assert.ok(snapshots.length >= 2, "one at start, one asked for");
    const latest = JSON.parse(readFileSync(join(dir, "evidence", snapshots.sort().pop()), "utf8"));
    assert.equal(latest.predictions, 50);
    assert.equal(latest.results.find((r) => r.check === "monitoring.traffic").status, "pass");
    const page = await open(`#/models/${MODEL}`);
    const section = '[data-section="readiness"]';
    await page.waitForSelector(`${section} [data-system-level]`);
    const { systems } = await api("/v1/readiness");
    assert.equal(await text(page, `${section} [data-system-level]`), String(systems[0].report.systemLevel));
    assert.ok((await page.locator(`${section} [data-chart="levels"] svg`).count()) === 1);
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-model-readiness.png"), fullPage: true });
    await page.close();
    assert.deepEqual(problems, []);
    assert.deepEqual(offHost, []);
});
