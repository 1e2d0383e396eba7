/** The shell every HTML report shares: self-contained, no network, readable when printed. */

import { escapeHtml } from "./html-escape.js";
import type { Report } from "./report.js";
import { checksSection, type VerdictOptions, verdictSection } from "./verdict-html.js";

export { badge, escapeHtml, sectionId } from "./html-escape.js";

export const REPORT_CSS = `
:root { --ink:#111827; --muted:#6b7280; --line:#e5e7eb; --pass:#15803d; --warn:#b45309; --fail:#b91c1c; --accent:#2563eb; }
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 0; background: #f9fafb; }
header { background: #111827; color: white; padding: 18px 32px; }
header h1 { margin: 0; font-size: 20px; font-weight: 600; overflow-wrap: anywhere; }
header .meta { color: #9ca3af; font-size: 12px; margin-top: 4px; overflow-wrap: anywhere; }
main { padding: 24px 32px; max-width: 1200px; }
section { background: white; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 0 0 18px; break-inside: avoid; min-width: 0; max-width: 100%; overflow-x: auto; }
h2 { font-size: 16px; margin: 0 0 10px; }
h3 { font-size: 14px; margin: 0 0 6px; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; font-size: 12px; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.message { overflow-wrap: anywhere; min-width: 16em; }
.nowrap { white-space: nowrap; }
.scroll { overflow-x: auto; max-width: 100%; }
table.examples td, table.examples th { white-space: nowrap; }
td.offending { background: #fee2e2; font-weight: 600; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; color: white; white-space: nowrap; }
.pass { background: var(--pass); } .warn, .insufficient { background: var(--warn); } .fail, .error { background: var(--fail); }
.insufficient-row td { color: var(--muted); }
section.verdict { border-left: 6px solid var(--line); background: white; }
section.verdict.pass { border-left-color: var(--pass); } section.verdict.warn { border-left-color: var(--warn); }
section.verdict.fail, section.verdict.error { border-left-color: var(--fail); }
ol.reasons { margin: 6px 0 0; padding-left: 22px; } ol.reasons li { margin: 2px 0; overflow-wrap: anywhere; }
details > summary { cursor: pointer; list-style-position: outside; } details > summary h2 { display: inline; }
table.sortable th { cursor: pointer; user-select: none; } table.sortable th[aria-sort="ascending"]::after { content: " ▲"; } table.sortable th[aria-sort="descending"]::after { content: " ▼"; }
dl.stats { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0; } dl.stats dt { color: var(--muted); } dl.stats dd { margin: 0; font-variant-numeric: tabular-nums; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(340px, 100%), 1fr)); gap: 14px; }
.grid > * { min-width: 0; }
.muted { color: var(--muted); }
.chart svg { max-width: 100%; height: auto; }
.toggle > input { display: none; } .toggle > label { display: inline-block; cursor: pointer; font-size: 12px; padding: 0 8px; border: 1px solid var(--line); border-radius: 4px; margin: 0 4px 6px 0; }
.toggle > input:checked + label { background: var(--ink); color: white; }
.toggle .as-table { display: none; } .toggle > input.show-table:checked ~ .as-table { display: block; } .toggle > input.show-table:checked ~ .as-chart { display: none; }
@media print { body { background: white; } .badge { print-color-adjust: exact; -webkit-print-color-adjust: exact; } header { background: white; color: black; border-bottom: 2px solid black; } section { border-color: #999; } details > :not(summary) { display: block; } }
`;

/**
 * The one script a report carries (inline, no network): click a header of a `table.sortable` to sort
 * its rows by that column, numbers as numbers; a cell's `data-sort` overrides its text.
 */
export const SORT_SCRIPT = `
document.querySelectorAll("table.sortable").forEach(function (table) {
  table.querySelectorAll("thead th").forEach(function (th, column) {
    th.addEventListener("click", function () {
      var down = th.getAttribute("aria-sort") === "ascending";
      table.querySelectorAll("thead th").forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", down ? "descending" : "ascending");
      var key = function (row) {
        var cell = row.children[column]; if (!cell) return "";
        var text = cell.getAttribute("data-sort") || cell.textContent.trim();
        var x = Number(text.replace(/[,%\\u2212]/g, function (c) { return c === "\\u2212" ? "-" : ""; }).split(" ")[0]);
        return Number.isFinite(x) ? x : text.toLowerCase();
      };
      var body = table.tBodies[0];
      Array.from(body.rows).sort(function (a, b) {
        var x = key(a), y = key(b);
        var order = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : typeof x === "number" ? -1 : 1;
        return down ? -order : order;
      }).forEach(function (row) { body.appendChild(row); });
    });
  });
});
`;

export interface PageOptions extends VerdictOptions {
  /** The report whose verdict, reasons and checks open and close the page. */
  report?: Report;
  /** False when the page lists every check itself (validation groups them by column): no table at the end. */
  checksTable?: boolean;
}

export function htmlPage(title: string, meta: string, body: string, options: PageOptions = {}): string {
  const { report } = options;
  const top = report ? verdictSection(report, options) : "";
  const bottom = report && options.checksTable !== false ? checksSection(report) : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${REPORT_CSS}</style></head>
<body><header><h1>${escapeHtml(title)}</h1><div class="meta">${escapeHtml(meta)}</div></header>
<main>${top}${body}${bottom}</main><script>${SORT_SCRIPT}</script></body></html>
`;
}
