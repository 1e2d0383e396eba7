import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { REPORT_CSS, SORT_SCRIPT } from "../../src/report/html.js";
import { runCli, vegaData } from "../helpers/cli.js";

/**
 * One visual language: every HTML report the CLI writes is the shared shell (same stylesheet, header,
 * badges, the verdict first), self-contained (one inline script, the shared table sorter; no external
 * URL), with charts as inline SVG.
 */
const dir = mkdtempSync(join(tmpdir(), "assay-html-"));
const flights = vegaData("flights-2k.json");
const reports = new Map<string, string>();

before(() => {
  // 2,000 real flights with a label and two scores, written with the CLI's own SQL source.
  const sql = `SELECT origin, distance, (delay > 15)::INTEGER AS late,
      least(0.95, 0.1 + distance / 5000.0) AS score_old, least(0.95, 0.05 + distance / 3000.0) AS score_new
    FROM '${flights}'`;
  const html = (name: string) => join(dir, `${name}.html`);
  const runs: [string, string[]][] = [
    ["profile", ["profile", flights, "--html", html("profile")]],
    [
      "drift",
      [
        "drift",
        "--reference-sql",
        `SELECT * FROM '${flights}' WHERE date < '2001/02'`,
        "--current-sql",
        `SELECT * FROM '${flights}' WHERE date >= '2001/03'`,
        "--html",
        html("drift"),
      ],
    ],
    [
      "evaluate",
      [
        "evaluate",
        "--sql",
        sql,
        "--label",
        "late",
        "--score",
        "score_old",
        "--resamples",
        "50",
        "--html",
        html("evaluate"),
      ],
    ],
    [
      "compare",
      [
        "compare",
        "--sql",
        sql,
        "--label",
        "late",
        "--old",
        "score:score_old",
        "--new",
        "score:score_new",
        "--resamples",
        "50",
        "--html",
        html("compare"),
      ],
    ],
  ];
  const schema = join(dir, "schema.yaml");
  const inferred = runCli(["schema", "infer", flights, "--out", schema]);
  assert.equal(inferred.code, 0, inferred.stderr);
  runs.push([
    "validate",
    [
      "validate",
      "--sql",
      `SELECT * FROM '${flights}' WHERE date >= '2001/03'`,
      "--schema",
      schema,
      "--html",
      html("validate"),
    ],
  ]);
  runs.push(["adequacy", ["adequacy", flights, "--schema", schema, "--html", html("adequacy")]]);
  for (const [name, args] of runs) {
    const r = runCli(args);
    assert.ok(r.code === 0 || r.code === 1, `${name}: exit ${r.code}: ${r.stderr}`);
    reports.set(name, readFileSync(html(name), "utf8"));
  }
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** What each page must show besides the shell and its verdict: inline SVG charts. */
const EXPECT: Record<string, { svg: boolean }> = {
  profile: { svg: true },
  drift: { svg: true },
  evaluate: { svg: true },
  compare: { svg: true },
  validate: { svg: false }, // charts only on anomaly cards
  adequacy: { svg: false }, // the envelope renderer: tables only
};

for (const [name, expect] of Object.entries(EXPECT))
  test(`${name} --html is the shared shell, self-contained`, () => {
    const page = reports.get(name)!;
    assert.ok(page.startsWith("<!doctype html>"));
    assert.ok(page.includes(`<style>${REPORT_CSS}</style>`), "the shared stylesheet, unchanged");
    assert.match(page, /<header><h1>[^<]+<\/h1><div class="meta">/);
    assert.match(
      page,
      /<main><section class="verdict (pass|warn|fail|error)" id="verdict"><h2><span class="badge (pass|warn|fail|error)">/,
      "the verdict is the first thing on the page",
    );
    assert.equal(page.split("<script").length - 1, 1, "one script");
    assert.ok(page.includes(`<script>${SORT_SCRIPT}</script>`), "the shared table sorter, inline");
    assert.doesNotMatch(page, /<script src|<link |<iframe/i, "no linked resources");
    assert.doesNotMatch(page, /(src|href)="https?:/i, "nothing fetched from the network");
    if (expect.svg) assert.match(page, /<svg[^>]*>/, "charts are inline SVG");
  });
