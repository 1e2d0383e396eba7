import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { launchChromium, noChromium } from "../helpers/chromium.js";
import { ROOT } from "../helpers/cli.js";
import { BARE_MODEL, MODEL, seedFlights } from "./seed.js";
/**
 * The dashboard in a real browser (Debian's chromium driven by playwright-core) against a real `assay serve`
 * seeded with real flights through the ingest API. Checks that pages load, charts render, nothing is logged
 * to the console, nothing leaves loopback, and the numbers shown are the API's. Screenshots go to
 * test/artifacts/.
 */
const ARTIFACTS = join(ROOT, "test", "artifacts");
const skip = noChromium;
const dir = mkdtempSync(join(tmpdir(), "assay-web-"));
let server;
let context;
const consoleProblems = [];
const offHost = [];
/** Set while the token test sends a wrong token on purpose. */
let expectRefusal = false;
async function read(path) {
    const response = await fetch(`${server.url}${path}`, {
        headers: { authorization: `Bearer ${server.readToken}` },
    });
    assert.equal(response.status, 200, path);
    return response.json();
}
async function open(hash) {
    const page = await context.newPage();
    page.on("console", (message) => {
        // The token test is refused on purpose; the browser logs that 401 itself (and nothing else may 401).
        if (expectRefusal && /status of 401/.test(message.text()))
            return;
        if (message.type() === "error" || message.type() === "warning")
            consoleProblems.push(`${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => consoleProblems.push(`pageerror: ${error.message}`));
    await page.goto(`${server.url}/${hash}`);
    await page.waitForSelector("main[data-ready]", { timeout: 30_000 });
    return page;
}
const text = async (page, selector) => ((await page.textContent(selector)) ?? "").trim();
before(async () => {
    if (skip)
        return;
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await seedFlights(dir);
    context = await launchChromium(join(dir, "chromium-profile"), { viewport: { width: 1360, height: 900 } });
    // Everything must come from the server itself: no CDN, no fonts, no network.
    const origin = new URL(server.url).origin;
    await context.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith(origin) || url.startsWith("data:"))
            return route.continue();
        offHost.push(url);
        return route.abort();
    });
});
after(async () => {
    await context?.close();
    server?.child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
});
test("without a token the page asks for one and shows no data", { skip }, async () => {
    const page = await open("#/");
    assert.ok(await page.isVisible("form#token"));
    assert.equal(await page.locator("[data-model]").count(), 0);
    await page.fill("form#token input[name=token]", "assay_not-a-real-token");
    expectRefusal = true;
    await page.click("form#token button");
    await page.waitForSelector(".token-form .problem", { timeout: 10_000 });
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-token.png") });
    expectRefusal = false;
    assert.match(await text(page, ".token-form .problem"), /refused the token: invalid token/);
    await page.fill("form#token input[name=token]", server.readToken);
    await page.click("form#token button");
    await page.waitForSelector("[data-model]");
    await page.close();
});
test("the models page lists the model with the API's counts and takes the token from the URL", {
    skip,
}, async () => {
    const page = await open(`#token=${server.readToken}`);
    assert.doesNotMatch(page.url(), /token=/, "the token is moved out of the address bar");
    const summary = await read(`/v1/models/${MODEL}/summary`);
    const row = `[data-model="${MODEL}"]`;
    assert.equal(await text(page, `${row} [data-predictions]`), summary.predictions.toLocaleString("en-US"));
    assert.equal(await text(page, `${row} [data-labels]`), summary.labels.toLocaleString("en-US"));
    assert.ok(summary.predictions > 9000 && summary.labels > 5000, "seeded through the ingest API");
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-models.png"), fullPage: true });
    await page.close();
});
test("the model page draws every chart and shows the API's numbers", { skip }, async () => {
    const page = await open(`#/models/${MODEL}`);
    // Charts: an SVG with drawn marks in each.
    for (const chart of ["volume", "drift", "quality", "performance", "output"]) {
        const svg = page.locator(`[data-chart="${chart}"] svg`);
        assert.equal(await svg.count(), 1, `${chart} chart rendered`);
        const marks = await page
            .locator(`[data-chart="${chart}"] svg .mark-line path, [data-chart="${chart}"] svg .mark-rect path, [data-chart="${chart}"] svg .mark-symbol path`)
            .count();
        assert.ok(marks > 0, `${chart} chart has marks`);
    }
    // The newest window's distribution of every feature, with the profile report's chart spec.
    assert.equal(await page.locator('[data-chart="distribution"] svg').count(), server.features.length);
    // The latest window the page shows is the API's last full week before the data clock.
    const summary = await read(`/v1/models/${MODEL}/summary`);
    const day = 86_400_000;
    const to = Math.ceil((Date.parse(summary.timeRange.to) + 1) / day) * day;
    const latest = await read(`/v1/models/${MODEL}/monitors?from=${to - 7 * 86_400_000}&to=${to}`);
    assert.equal(await text(page, '[data-kpi="window-rows"] .kpi-value'), latest.rows.toLocaleString("en-US"));
    const drifts = latest.monitors.filter((m) => m.check === "monitor.feature_drift");
    assert.deepEqual(drifts.map((m) => m.subject.column).sort(), [...server.features].sort());
    for (const d of drifts)
        assert.equal(await text(page, `tr[data-feature="${d.subject.column}"] [data-effect]`), d.value.toFixed(3), d.subject.column);
    const drifted = drifts.filter((m) => m.status === "fail").length;
    assert.match(await text(page, '[data-kpi="drifted"] .kpi-value'), new RegExp(`^${drifted}\\s+of ${drifts.length}$`));
    const estimated = latest.monitors.find((m) => m.check === "monitor.estimated_performance" && m.subject?.metric === "accuracy");
    assert.equal(await text(page, '[data-kpi="estimated-accuracy"] .kpi-value'), estimated.value.toFixed(3));
    // Labels stop after April: no realized accuracy in the last week, estimated only.
    assert.equal(await text(page, '[data-kpi="accuracy"] .kpi-value'), "–");
    // Alerts: the history table is the API's, newest first.
    const history = await read(`/v1/alerts/history?model=${MODEL}&limit=200`);
    assert.ok(history.events.length > 0, "the seeded rules changed state at least once");
    assert.equal(await page.locator("table.alerts-history tr").count(), Math.min(40, history.events.length) + 1);
    const active = (await read("/v1/alerts")).alerts.filter((a) => a.model === MODEL);
    assert.equal(await text(page, '[data-kpi="alerts-firing"] .kpi-value'), `${active.filter((a) => a.state === "firing").length} firing`);
    // Saved reports: the latest evaluation and comparison, with their verdicts.
    const evidence = (await read("/v1/evidence")).evidence;
    for (const kind of ["evaluation", "comparison"]) {
        const saved = evidence.find((e) => e.kind === kind);
        assert.ok(saved, `${kind} in the evidence store`);
        assert.equal(await text(page, `[data-evidence="${kind}"] h3 .badge`), saved.status);
    }
    // The evaluation's ROC and calibration curves, drawn from the report with the HTML report's spec builders.
    const evaluation = await read(`/v1/evidence/${evidence.find((e) => e.kind === "evaluation").id}`);
    const comparison = await read(`/v1/evidence/${evidence.find((e) => e.kind === "comparison").id}`);
    assert.equal(await page.locator('[data-chart="metric-deltas"] svg .mark-symbol.role-mark path').count(), Object.values(comparison.metrics).filter((m) => m.delta.value !== null).length, "one point per compared metric");
    for (const chart of ["roc", "calibration"])
        assert.ok((await page.locator(`[data-chart="${chart}"] svg .mark-line path`).count()) > 0, chart);
    assert.match(await text(page, '[data-chart="roc"] svg'), new RegExp(`AUC ${evaluation.metrics.rocAuc.value.toFixed(4)}`));
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-model.png"), fullPage: true });
    for (const part of ["evidence", "drift", "performance", "features", "distributions"])
        await page
            .locator(`[data-section="${part}"]`)
            .screenshot({ path: join(ARTIFACTS, `dashboard-${part}.png`) });
    // Another window width re-renders from the API.
    await page.selectOption("#step", "30d");
    await page.waitForSelector('main[data-ready] #step option[value="30d"][selected]', { state: "attached" });
    assert.equal(await page.locator('[data-chart="drift"] svg').count(), 1);
    await page.close();
});
test("a model without reference or labels says what is missing", { skip }, async () => {
    const page = await open(`#/models/${BARE_MODEL}`);
    assert.match(await text(page, '[data-section="drift"]'), /no reference profile/);
    assert.match(await text(page, '[data-section="performance"]'), /No labels and no calibrated scores yet/);
    assert.equal(await text(page, '[data-count="predictions"]'), "300");
    assert.equal(await text(page, '[data-count="labels"]'), "0");
    await page.close();
});
test("no console errors and no request leaves the server", { skip }, () => {
    assert.deepEqual(consoleProblems, []);
    assert.deepEqual(offHost, []);
});
