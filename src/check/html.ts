import { badge, escapeHtml, htmlPage } from "../report/html.js";
import type { Report } from "../report/report.js";
import type { StageOutcome } from "./suite.js";

/** The suite's page: a line per stage, then each stage's findings (what did not pass), then its inputs. */
export function checkHtml(report: Report, stages: StageOutcome[]): string {
  const summary = `<section><h2>Stages</h2><table><thead><tr><th>stage</th><th>status</th><th>verdict</th><th class="num">checks</th><th class="num">seconds</th></tr></thead><tbody>
${stages
  .map(
    (s) =>
      `<tr><td>${escapeHtml(s.name)}</td><td>${badge(s.report.summary.status)}</td><td>${s.failed ? badge("fail", "fails the suite") : badge("pass", "passes")}</td><td class="num">${s.report.results.length}</td><td class="num">${s.seconds.toFixed(1)}</td></tr>`,
  )
  .join("\n")}
</tbody></table></section>`;
  const sections = stages.map((s) => {
    const flagged = s.report.results.filter((r) => r.status !== "pass");
    const rows = flagged
      .map(
        (r) =>
          `<tr><td>${badge(r.status)}</td><td>${escapeHtml(r.check)}</td><td>${escapeHtml(r.subject?.rule ?? r.subject?.column ?? r.subject?.group ?? r.subject?.slice ?? "")}</td><td>${escapeHtml(r.message)}</td></tr>`,
      )
      .join("\n");
    return `<section><h2>${escapeHtml(s.name)} (${escapeHtml(s.report.kind)})</h2>${
      flagged.length === 0
        ? `<p>all ${s.report.results.length} checks pass</p>`
        : `<table><thead><tr><th>status</th><th>check</th><th>subject</th><th>message</th></tr></thead><tbody>${rows}</tbody></table>`
    }<p>inputs: ${s.report.inputs.map((i) => `${escapeHtml(i.name)} (${i.rows} rows, sha256 ${escapeHtml(i.digest.slice(0, 12))})`).join(" · ")}</p></section>`;
  });
  return htmlPage(
    `assay check ${String(report.preset)}`,
    `assay ${report.assayVersion} · ${report.createdAt} · status ${report.summary.status}`,
    `${summary}${sections.join("\n")}`,
  );
}
