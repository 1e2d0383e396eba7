import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { after, before, test } from "node:test";
import { launchChromium, noChromium } from "../helpers/chromium.js";
import { ROOT, vegaData } from "../helpers/cli.js";
import { profileAndDrift } from "./core-scenario.js";
import { serveCore } from "./core-server.js";
import { isCoreFile } from "./layers.js";
/**
 * The browser claim, enforced: every compiled core module loads in headless Chromium (Debian's, driven
 * by playwright-core) from a loopback server with an import map, and the core profiles two months of
 * real flights and checks drift between them there, with the same result as in Node.
 */
const skip = noChromium;
const SCENARIO = join(ROOT, "dist", "test", "architecture", "core-scenario.js");
function compiledCore() {
    const base = join(ROOT, "dist", "src");
    const out = [];
    const walk = (dir) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const path = join(dir, entry.name);
            if (entry.isDirectory())
                walk(path);
            else if (entry.name.endsWith(".js") && isCoreFile(relative(base, path).split(sep).join("/")))
                out.push(path);
        }
    };
    walk(base);
    return out.sort();
}
const modules = compiledCore();
const dir = mkdtempSync(join(tmpdir(), "assay-core-browser-"));
let server;
let context;
const offHost = [];
const consoleErrors = [];
function page(importMap) {
    const urls = modules.map((file) => `/${relative(ROOT, file).split(sep).join("/")}`);
    return `<!doctype html><meta charset="utf-8"><title>assay core</title>
<script type="importmap">${JSON.stringify(importMap)}</script>
<script type="module">
const failures = [];
for (const url of ${JSON.stringify(urls)}) {
  try { await import(url); } catch (error) { failures.push(url + ": " + error.message); }
}
let outcome = null;
try {
  const { profileAndDrift } = await import("/${relative(ROOT, SCENARIO)}");
  const rows = await (await fetch("/node_modules/vega-datasets/data/flights-2k.json")).json();
  outcome = JSON.parse(JSON.stringify(await profileAndDrift(rows)));
} catch (error) { failures.push("scenario: " + (error.stack ?? error.message)); }
window.assayCore = { failures, outcome, modules: ${urls.length} };
</script>`;
}
/**
 * Where two JSON values differ: structure, strings and counts exactly, other numbers beyond 1e-12
 * relative. The two V8s may round a transcendental function differently in the last bit (PSI's log
 * came out 0.03574423178812448 in Chromium, 0.035744231788124484 in Node).
 */
function differences(a, b, path = "$") {
    if (typeof a === "number" && typeof b === "number")
        return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b))
            ? []
            : [`${path}: ${a} vs ${b}`];
    if (a === null || b === null || typeof a !== "object" || typeof b !== "object")
        return a === b ? [] : [`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`];
    if (Array.isArray(a) !== Array.isArray(b))
        return [`${path}: array vs object`];
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => differences(a[k], b[k], `${path}.${k}`));
}
before(async () => {
    if (skip)
        return;
    server = await serveCore(ROOT, [...modules, SCENARIO], page);
    context = await launchChromium(join(dir, "profile"));
    await context.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith(server.url))
            return route.continue();
        offHost.push(url);
        return route.abort();
    });
});
after(async () => {
    await context?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
});
test("the core loads in Chromium and profiles and drift-checks flights there as it does in Node", {
    skip,
}, async () => {
    assert.ok(modules.length > 100, `only ${modules.length} core modules found: is dist/ built?`);
    const tab = await context.newPage();
    tab.on("console", (m) => {
        if (m.type() === "error")
            consoleErrors.push(m.text());
    });
    tab.on("pageerror", (e) => consoleErrors.push(e.message));
    await tab.goto(server.url);
    await tab.waitForFunction(() => "assayCore" in window, undefined, { timeout: 120_000 });
    const inBrowser = (await tab.evaluate(() => window.assayCore));
    assert.deepEqual(inBrowser.failures, []);
    assert.equal(inBrowser.modules, modules.length);
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(offHost, []);
    const rows = JSON.parse(readFileSync(vegaData("flights-2k.json"), "utf8"));
    const inNode = JSON.parse(JSON.stringify(await profileAndDrift(rows)));
    assert.deepEqual(differences(inBrowser.outcome, inNode), []);
    const outcome = inBrowser.outcome;
    assert.equal(outcome.reference.rows, 707);
    assert.equal(outcome.current.rows, 699);
    const column = (name) => outcome.drift.columns.find((c) => c.name === name);
    // January against March: the dates cannot overlap, so the timestamp column must drift
    assert.equal(column("date").status, "drift");
    assert.match(outcome.driftText, /flights 2001-01 \(707 rows\) → flights 2001-03 \(699 rows\)/);
});
