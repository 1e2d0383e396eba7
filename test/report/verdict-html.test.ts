import assert from "node:assert/strict";
import { test } from "node:test";
import { htmlPage } from "../../src/report/html.js";
import { makeReport } from "../../src/report/report.js";
import { reportHtml } from "../../src/report/report-html.js";
import { checkCounts, checksSection, REASONS_SHOWN, verdictSection } from "../../src/report/verdict-html.js";

const inputs = [{ name: "t.csv", digest: "ab".repeat(32), rows: 10 }];

function report(statuses: ("pass" | "warn" | "fail" | "insufficient")[]) {
  return makeReport("demo", {
    inputs,
    config: {},
    results: statuses.map((status, i) => ({
      check: "schema.out_of_range",
      subject: { column: `c${i}` },
      status,
      value: i,
      pValue: 1e-9,
      message: `column c${i}: ${status}`,
    })),
  });
}

test("the verdict says checks passed / total and lists what failed before what warned, each linked", () => {
  const r = report(["pass", "warn", "fail", "pass", "insufficient"]);
  const html = verdictSection(r);
  assert.match(
    html,
    /<strong data-passed>2<\/strong> of <strong data-total>5<\/strong> checks passed · 1 failed · 1 warned · 1 insufficient/,
  );
  const order = [...html.matchAll(/href="#check-(\d+)"/g)].map((m) => Number(m[1]));
  assert.deepEqual(order, [2, 1, 4], "fail, then warn, then insufficient; passes are not reasons");
  assert.match(html, /schema · out of range · c2/);
  assert.deepEqual(checkCounts(r.results), { pass: 2, warn: 1, fail: 1, error: 0, insufficient: 1 });
});

test("a cut list of reasons says how many more there are", () => {
  const r = report(Array.from({ length: REASONS_SHOWN + 5 }, () => "fail" as const));
  const html = verdictSection(r);
  assert.equal((html.match(/<li>/g) ?? []).length, REASONS_SHOWN);
  assert.match(html, /and 5 more — see <a href="#checks">all checks<\/a>/);
});

test("a stage may link a reason to its own section; the checks table carries the row ids", () => {
  const r = report(["fail"]);
  assert.match(verdictSection(r, { anchor: (x) => `column-${x.subject?.column}` }), /href="#column-c0"/);
  const table = checksSection(r);
  assert.match(table, /<tr id="check-0">/);
  assert.match(table, /<td class="num">1\.0e-9<\/td>/, "p-values in a non-wrapping number cell");
  const page = htmlPage("t", "m", "<p>body</p>", { report: r });
  assert.ok(page.indexOf('id="verdict"') < page.indexOf("<p>body</p>"));
  assert.ok(page.indexOf("<p>body</p>") < page.indexOf('id="checks"'));
  assert.doesNotMatch(htmlPage("t", "m", "", { report: r, checksTable: false }), /id="checks"/);
});

test("a report without checks says it judges nothing instead of claiming 0 of 0", () => {
  assert.match(verdictSection(report([])), /no checks: this report describes the data and judges nothing/);
});

test("the envelope renderer shows inputs, figures, examples and cuts long lists with a count", () => {
  const r = makeReport(
    "fuzz",
    {
      inputs,
      config: { seed: 7 },
      results: [
        { check: "fuzz.crash", status: "fail", message: "threw", examples: [{ age: 17, city: "Yes" }] },
      ],
    },
    {
      rowsPerSecond: 1234.5,
      failures: Array.from({ length: 25 }, (_, i) => ({ kind: "crash", row: { age: i } })),
    },
  );
  const html = reportHtml(r, "Fuzz");
  // four significant digits, as every number in a report
  assert.match(html, /<dt>rows per second<\/dt><dd class="message">1,235<\/dd>/);
  assert.match(html, /<th>row\.age<\/th>/, "nested records flattened one level");
  assert.match(html, /and 5 more \(the JSON report has them all\)/);
  assert.match(html, /<section id="examples-0">[\s\S]*<td class="">Yes<\/td>/, "examples as written");
  assert.match(html, /href="#examples-0"/, "the reason links to its examples");
});
