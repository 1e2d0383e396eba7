import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { launchChromium, noChromium } from "../helpers/chromium.js";
import { fixture, ROOT, runCli } from "../helpers/cli.js";

/**
 * The HTML reports in a real browser (Debian's chromium), written by the CLI from telco-like files whose
 * Yes/No columns are words: the verdict and the numbers on the page equal the JSON of the same run, the
 * page is never wider than a 1280 px viewport, nothing is logged to the console, values read as written,
 * tables sort, chart marks carry tooltips. Full-page screenshots go to test/artifacts/reports-*.png.
 */
const ARTIFACTS = join(ROOT, "test", "artifacts");
const skip = noChromium;
const dir = mkdtempSync(join(tmpdir(), "assay-reports-"));
const reference = fixture("telco", "telco_reference.csv");
const current = fixture("telco", "telco_current.csv");
const reports = new Map<string, any>();
let context: BrowserContext;
const consoleProblems: string[] = [];

const page = (name: string) => join(dir, `${name}.html`);

/** Runs a command with --json and --html together: the page and the JSON come from one run. */
function run(name: string, args: string[]): void {
  const r = runCli([...args, "--json", "--html", page(name)]);
  assert.ok(r.code === 0 || r.code === 1, `${name}: exit ${r.code}: ${r.stderr}`);
  reports.set(name, JSON.parse(r.stdout));
}

before(async () => {
  if (skip) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  run("profile", ["profile", reference]);
  run("drift", ["drift", reference, current, "--label", "Churn"]);
  run("evaluate", [
    "evaluate",
    reference,
    "--label",
    "Churn",
    "--positive",
    "Yes",
    "--score",
    "churn_score",
    "--sensitive",
    "Contract,SeniorCitizen",
    "--resamples",
    "100",
  ]);
  // a batch with a word the contract has never seen in a Yes/No column, and a long new contract type
  const schema = join(dir, "telco.schema.yaml");
  assert.equal(runCli(["schema", "infer", reference, "--out", schema]).code, 0);
  const lines = readFileSync(current, "utf8").trimEnd().split(/\r?\n/);
  const bad = lines.map((line, i) => {
    if (i === 0 || i % 97 !== 0) return line;
    const cells = line.split(",");
    cells[14] = "Unknown";
    return cells.join(",");
  });
  const batch = join(dir, "telco_batch.csv");
  writeFileSync(batch, `${bad.join("\n")}\n`);
  run("validate", ["validate", batch, "--schema", schema]);
  run("adequacy", ["adequacy", current, "--schema", schema]);
  context = await launchChromium(join(dir, "chromium-profile"), { viewport: { width: 1280, height: 900 } });
  await context.route("**/*", (route) =>
    route.request().url().startsWith("file:") ? route.continue() : route.abort(),
  );
});

after(async () => {
  await context?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(name: string): Promise<Page> {
  const p = await context.newPage();
  p.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") consoleProblems.push(`${name}: ${m.text()}`);
  });
  p.on("pageerror", (e) => consoleProblems.push(`${name}: ${e.message}`));
  await p.goto(`file://${page(name)}`);
  return p;
}

for (const name of ["profile", "drift", "evaluate", "validate", "adequacy"])
  test(`${name}: verdict and checks passed / total equal the JSON; no overflow at 1280 px; screenshot`, {
    skip,
  }, async () => {
    const p = await open(name);
    const report = reports.get(name);
    const passed = report.results.filter((r: { status: string }) => r.status === "pass").length;
    assert.equal(await p.locator("section.verdict").count(), 1);
    assert.ok(
      await p
        .locator("main > section")
        .first()
        .evaluate((s) => s.classList.contains("verdict")),
      "the verdict comes first",
    );
    assert.match((await p.textContent("section.verdict h2")) ?? "", new RegExp(report.summary.status));
    if (report.results.length > 0) {
      assert.equal(await p.textContent("[data-passed]"), String(passed));
      assert.equal(await p.textContent("[data-total]"), String(report.results.length));
      // every reason links to something on the page
      for (const href of await p
        .locator("ol.reasons a")
        .evaluateAll((as) => as.map((a) => a.getAttribute("href")))) {
        assert.ok(href?.startsWith("#"));
        assert.equal(await p.locator(`[id="${href!.slice(1)}"]`).count(), 1, `target of ${href}`);
      }
    }
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 1280, `${name} is ${width} px wide`);
    await p.screenshot({ path: join(ARTIFACTS, `reports-${name}.png`), fullPage: true });
    await p.close();
    assert.deepEqual(consoleProblems, []);
  });

test("profile: Yes/No columns read Yes and No, a 0/1 column is two categories, a spiky count is on a log axis", {
  skip,
}, async () => {
  const p = await open("profile");
  const churn = p.locator("#column-Churn");
  const labels = await churn.locator("svg text").allTextContents();
  assert.ok(labels.includes("Yes") && labels.includes("No"), `Churn axis: ${labels.join(", ")}`);
  assert.ok(!labels.includes("true") && !labels.includes("1"), "never true/false or 0/1");
  const senior = await p.locator("#column-SeniorCitizen svg text").allTextContents();
  assert.ok(senior.includes("0") && senior.includes("1"), "the values 0 and 1 as categories");
  assert.match((await p.locator("#column-SupportTickets svg").textContent()) ?? "", /log scale/);
  // the table view holds the JSON's top values and shares
  const profile = reports.get("profile");
  const column = profile.columns.find((c: { name: string }) => c.name === "PaymentMethod");
  await p.click('#column-PaymentMethod label:has-text("table")');
  const cells = await p.locator("#column-PaymentMethod .as-table td").allTextContents();
  assert.equal(cells[0], column.top[0].value, "Bank transfer (automatic) and the like, whole");
  assert.equal(cells[1], column.top[0].count.toLocaleString("en-US"));
  assert.equal(
    (await p.locator("#overview dd").first().textContent())?.trim(),
    profile.rows.toLocaleString("en-US"),
  );
  // bars have tooltips: an SVG <title> per mark
  assert.ok((await p.locator("#column-PaymentMethod svg path title").count()) >= 4);
  await p.close();
});

test("evaluate: the metric table equals the JSON, names are readable, the operating point is marked", {
  skip,
}, async () => {
  const p = await open("evaluate");
  const e = reports.get("evaluate");
  const rows = await p
    .locator("#metrics table tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent ?? "")),
    );
  const roc = rows.find((r) => r[0] === "ROC AUC ↑");
  assert.ok(roc, "ROC AUC, not rocAuc");
  assert.equal(roc[1], e.metrics.rocAuc.value.toFixed(4));
  assert.equal(roc[2], `[${e.metrics.rocAuc.ci[0].toFixed(4)}, ${e.metrics.rocAuc.ci[1].toFixed(4)}]`);
  const text = (await p.locator("main").textContent()) ?? "";
  assert.match(text, new RegExp(`threshold ${e.threshold.toFixed(3)}`), "the operating point's label");
  assert.match(text, /Confusion matrix/);
  assert.match(text, /Month-to-month \(reference\)/);
  // a p-value cell never wraps: one line high
  const heights = await p
    .locator("#slices td.num")
    .evaluateAll((tds) => tds.map((td) => (td as HTMLElement).getBoundingClientRect().height));
  if (heights.length > 0) assert.ok(Math.max(...heights) < 40);
  await p.close();
});

test("drift: the label is called out; clicking a header sorts the table", { skip }, async () => {
  const p = await open("drift");
  const d = reports.get("drift");
  const churn = d.columns.find((c: { name: string }) => c.name === "Churn");
  assert.match((await p.textContent("#target h2")) ?? "", new RegExp(`Label Churn ${churn.status}`));
  const names = () => p.locator("#columns tbody tr td:nth-child(2) a").allTextContents();
  await p.click("#columns thead th:nth-child(2)");
  const sorted = await names();
  assert.deepEqual(
    sorted,
    [...sorted].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
  );
  assert.equal(sorted.length, d.columns.length);
  await p.close();
});

test("validate: the offending cell is highlighted and its row scrolls inside its card", {
  skip,
}, async () => {
  const p = await open("validate");
  const cell = p.locator("td.offending").first();
  assert.equal((await cell.textContent())?.trim(), "Unknown");
  const card = await p.locator("section[id^=anomaly-]").first().boundingBox();
  assert.ok(card && card.width < 1280);
  await p.close();
});
