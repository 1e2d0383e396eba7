/**
 * The top and the bottom of every HTML report: the verdict with its reasons (what failed or warned, each
 * linking to where it is shown) and "checks passed / total", as Great Expectations' Data Docs open; and the
 * table of every check, sortable, which the reasons fall back to linking into.
 */
import { formatNumber, formatPValue } from "./format.js";
import { badge, escapeHtml } from "./html-escape.js";
import { checkLabel } from "./names.js";
import type { CheckResult, Report } from "./report.js";

/** How many reasons the verdict lists before it says how many more there are. */
export const REASONS_SHOWN = 12;

const ORDER: Record<CheckResult["status"], number> = { fail: 0, error: 1, warn: 2, insufficient: 3, pass: 4 };

const VERDICT_WORDS: Record<Report["summary"]["status"], string> = {
  pass: "passed",
  warn: "passed with warnings",
  fail: "failed",
  error: "could not be completed",
};

export interface VerdictOptions {
  /** The id of the section that shows a check (a column's card, a fairness section); else its row below. */
  anchor?: (result: CheckResult, index: number) => string | undefined;
}

/** The id of a check's row in the table of all checks. */
export function checkRowId(index: number): string {
  return `check-${index}`;
}

/** "schema · missing column · age": what a reason or a row names. */
export function checkTitle(r: CheckResult): string {
  const subject = [r.subject?.column, r.subject?.slice, r.subject?.group, r.subject?.metric]
    .filter((x) => x !== undefined && x !== "")
    .join(" · ");
  return `${checkLabel(r.check)}${subject ? ` · ${subject}` : ""}`;
}

/** Counts by status, and passed / total: the success summary. */
export function checkCounts(results: readonly CheckResult[]): Record<CheckResult["status"], number> {
  const counts = { pass: 0, warn: 0, fail: 0, error: 0, insufficient: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}

export function verdictSection(report: Report, options: VerdictOptions = {}): string {
  const { results } = report;
  const counts = checkCounts(results);
  const status = report.summary.status;
  const tally =
    results.length === 0
      ? "no checks: this report describes the data and judges nothing"
      : `<strong data-passed>${counts.pass}</strong> of <strong data-total>${results.length}</strong> checks passed` +
        (["fail", "error", "warn", "insufficient"] as const)
          .filter((s) => counts[s] > 0)
          .map((s) => ` · ${counts[s]} ${s === "fail" ? "failed" : s === "warn" ? "warned" : s}`)
          .join("");
  const reasons = results
    .map((r, index) => ({ r, index }))
    .filter(({ r }) => r.status !== "pass")
    .sort((a, b) => ORDER[a.r.status] - ORDER[b.r.status] || a.index - b.index);
  const shown = reasons.slice(0, REASONS_SHOWN);
  const items = shown
    .map(({ r, index }) => {
      const target = options.anchor?.(r, index) ?? checkRowId(index);
      return `<li>${badge(r.status)} <a href="#${escapeHtml(target)}">${escapeHtml(checkTitle(r))}</a> <span class="muted">${escapeHtml(r.message)}</span></li>`;
    })
    .join("");
  const more =
    reasons.length > shown.length
      ? `<p class="more" data-more="${reasons.length - shown.length}">and ${reasons.length - shown.length} more — see <a href="#checks">all checks</a></p>`
      : "";
  return `<section class="verdict ${escapeHtml(status)}" id="verdict"><h2>${badge(status, status === "pass" ? "pass" : status)} ${escapeHtml(VERDICT_WORDS[status])}</h2>
<p>${tally}</p>${items ? `<ol class="reasons">${items}</ol>` : ""}${more}</section>`;
}

/** Every check, one row each (ids the verdict links to), in a table the reader can sort and fold away. */
export function checksSection(report: Report): string {
  if (report.results.length === 0) return "";
  const rows = report.results
    .map(
      (r, index) =>
        `<tr id="${checkRowId(index)}"><td data-sort="${ORDER[r.status]}">${badge(r.status)}</td><td>${escapeHtml(checkTitle(r))}</td>` +
        `<td class="num">${typeof r.value === "number" ? formatNumber(r.value) : "–"}</td>` +
        `<td class="num">${typeof r.threshold === "number" ? formatNumber(r.threshold) : "–"}</td>` +
        `<td class="num">${typeof r.pValue === "number" ? formatPValue(r.pValue) : "–"}</td>` +
        `<td class="message">${escapeHtml(r.message)}</td></tr>`,
    )
    .join("\n");
  return `<section id="checks"><details${report.results.length <= 30 ? " open" : ""}><summary><h2>All checks <span class="muted">${report.results.length}</span></h2></summary>
<div class="scroll"><table class="sortable"><thead><tr><th>status</th><th>check</th><th class="num">value</th><th class="num">threshold</th><th class="num">p</th><th>message</th></tr></thead><tbody>
${rows}
</tbody></table></div></details></section>`;
}
