/** The HTML report of an evaluation: self-contained, charts as inline SVG rendered from Vega-Lite. */

import { formatInterval as ci, formatFixed as f, formatNumber, formatPValue } from "../report/format.js";
import { badge, escapeHtml, htmlPage, sectionId } from "../report/html.js";
import { directionText, metricHeading } from "../report/names.js";
import type { Report } from "../report/report.js";
import { renderSvg } from "../report/vega.js";
import { BINARY_METRICS } from "./binary.js";
import {
  calibrationSpec,
  confusionSpec,
  fairnessSpec,
  metricIntervalsSpec,
  prSpec,
  rocSpec,
} from "./chart-specs.js";
import type { Evaluation } from "./evaluation.js";
import { describePositive } from "./labels.js";
import { mergeNearDuplicates } from "./slice-merge.js";

export { calibrationSpec, fairnessSpec, prSpec, rocSpec };

const fairnessId = (attribute: string) => sectionId("fairness", attribute);

export async function renderEvaluationHtml(report: Report, e: Evaluation): Promise<string> {
  const config = report.config as { label: string; positive: string | null; model: { name: string } };
  const level = Math.round(e.bootstrap.level * 100);
  const charts = await Promise.all([rocSpec(e), prSpec(e), calibrationSpec(e)].map(renderSvg));
  const intervals = await renderSvg(
    metricIntervalsSpec(e.metrics as Record<string, { value: number | null; ci?: [number, number] | null }>, {
      names: BINARY_METRICS,
      level: e.bootstrap.level,
    }),
  );
  const confusion = await renderSvg(confusionSpec(e));
  const parts: string[] = [];
  parts.push(`<section id="metrics"><h2>Metrics</h2>
<p>${formatNumber(e.n)} rows, ${formatNumber(e.positives)} positive; threshold ${f(e.threshold)} (${escapeHtml(e.thresholdRule)}); ${e.bootstrap.resamples} bootstrap resamples of the rows (seed ${e.bootstrap.seed}); each interval's method is in the table.</p>
<div class="grid"><div class="chart">${intervals}</div><div class="chart">${confusion}</div></div>
<div class="scroll"><table class="sortable"><thead><tr><th>metric</th><th class="num">value</th><th class="num">${level}% CI</th><th>interval</th></tr></thead><tbody>
${BINARY_METRICS.map((m) => `<tr><td title="${escapeHtml(directionText(m))}">${escapeHtml(metricHeading(m))}</td><td class="num">${f(e.metrics[m].value)}</td><td class="num">${ci(e.metrics[m].ci)}</td><td>${escapeHtml(e.metrics[m].status === "insufficient" ? `insufficient: ${e.metrics[m].reason}` : (e.metrics[m].method ?? ""))}</td></tr>`).join("\n")}
</tbody></table></div>
<p class="muted">↑ higher is better, ↓ lower is better. Confusion at threshold ${f(e.threshold)}: TP ${e.confusion.tp}, FP ${e.confusion.fp}, TN ${e.confusion.tn}, FN ${e.confusion.fn}.</p></section>`);
  parts.push(
    `<section><h2>Curves</h2><div class="grid">${charts.map((svg) => `<div class="chart">${svg}</div>`).join("")}</div></section>`,
  );
  const t = e.thresholds;
  parts.push(`<section><h2>Thresholds <span class="muted">learned on ${escapeHtml(t.learnedOn)}</span></h2>
<table><tr><th>rule</th><th class="num">threshold</th><th class="num">precision</th><th class="num">recall</th><th class="num">F1</th><th class="num">FPR</th></tr>
${[t.maxF1, t.youden, t.cost, t.precisionAtRecall]
  .filter((x) => x !== null)
  .map(
    (x) =>
      `<tr><td>${escapeHtml(x!.rule)}</td><td class="num">${f(x!.threshold)}</td><td class="num">${f(x!.precision)}</td><td class="num">${f(x!.recall)}</td><td class="num">${f(x!.f1)}</td><td class="num">${f(x!.fpr)}</td></tr>`,
  )
  .join("\n")}</table></section>`);
  for (const attribute of Object.keys(e.fairness)) {
    const fr = e.fairness[attribute];
    const svg = await renderSvg(fairnessSpec(e, attribute));
    const reference = fr.aequitas.referenceGroup;
    parts.push(`<section id="${fairnessId(attribute)}"><h2>Fairness by ${escapeHtml(attribute)}</h2>
<p>Demographic parity difference ${f(fr.demographicParityDifference.value)} ${ci(fr.demographicParityDifference.ci)}, ratio ${f(fr.demographicParityRatio.value)};
equalized odds difference ${f(fr.equalizedOddsDifference.value)} ${ci(fr.equalizedOddsDifference.ci)}, ratio ${f(fr.equalizedOddsRatio.value)};
equal opportunity difference ${f(fr.equalOpportunityDifference.value)}. Aequitas reference: ${escapeHtml(fr.aequitas.referenceGroup ?? "–")}, τ = ${fr.aequitas.tau}.</p>
${fr.excludedGroups.length > 0 ? `<p class="muted">With every group, as Fairlearn computes it (${escapeHtml(fr.excludedGroups.join(", "))} too small for the numbers above, and not compared in the disparities): demographic parity difference ${f(fr.allGroups.demographicParityDifference)}, ratio ${f(fr.allGroups.demographicParityRatio)}; equalized odds difference ${f(fr.allGroups.equalizedOddsDifference)}; equal opportunity difference ${f(fr.allGroups.equalOpportunityDifference)}.</p>` : ""}
<div class="chart">${svg}</div>
<div class="scroll"><table class="sortable"><thead><tr><th>group</th><th class="num">count</th><th class="num">selection rate</th><th class="num">TPR ↑</th><th class="num">FPR ↓</th><th class="num">accuracy ↑</th><th>disparities outside τ</th><th>status</th></tr></thead><tbody>
${Object.entries(fr.groups)
  .map(([g, r]) => {
    const outside = (fr.aequitas.groups[g] ?? [])
      .filter((d) => d.withinTau === false)
      .map((d) => `${d.metric} ${f(d.disparity)}`);
    const status =
      r.status !== "ok"
        ? `${badge("insufficient")} <span class="muted">${escapeHtml(r.reason ?? "too few rows")}; not compared</span>`
        : g === reference
          ? '<span class="muted">reference group</span>'
          : outside.length > 0
            ? badge("warn", "outside τ")
            : badge("pass", "within τ");
    return `<tr class="${r.status === "ok" ? "" : "insufficient-row"}"><td>${escapeHtml(g)}${g === reference ? " <strong>(reference)</strong>" : ""}</td><td class="num">${formatNumber(r.count)}</td><td class="num">${f(r.selectionRate)}</td><td class="num">${f(r.tpr)}</td><td class="num">${f(r.fpr)}</td><td class="num">${f(r.accuracy)}</td><td>${escapeHtml(outside.join(", "))}</td><td>${status}</td></tr>`;
  })
  .join("\n")}</tbody></table></div></section>`);
  }
  if (e.slices.length > 0) {
    const merged = mergeNearDuplicates(
      [...e.slices].sort((a, b) => (b.score ?? b.errorRate) - (a.score ?? a.errorRate)),
    );
    const rows = merged.map((m) => m.slice);
    const sameRows = new Map(merged.map((m) => [m.slice, m.sameRows]));
    const folded = e.slices.length - rows.length;
    parts.push(`<section id="slices"><h2>Slices <span class="muted">${escapeHtml(e.sliceSearch?.method === "sliceline" ? `SliceLine, ${e.sliceSearch.examined} slices examined` : "by column")}${folded > 0 ? `; ${folded} refinement${folded === 1 ? "" : "s"} with the very same rows folded into their shorter rule` : ""}</span></h2>
<div class="scroll"><table class="sortable"><thead><tr><th>slice</th><th class="num">rows</th><th class="num">error rate ↓</th><th class="num">rest</th><th class="num">accuracy ${level}% CI</th><th class="num">ROC AUC ↑</th><th class="num">adjusted p</th>${rows.some((s) => s.score !== undefined) ? '<th class="num">score</th>' : ""}</tr></thead><tbody>
${rows
  .map(
    (s) =>
      `<tr><td class="message">${escapeHtml(s.slice)}${(sameRows.get(s) ?? []).length > 0 ? `<br><span class="muted">same rows as: ${escapeHtml(sameRows.get(s)!.join("; "))}</span>` : ""}</td><td class="num">${s.count}</td><td class="num">${f(s.errorRate)}</td><td class="num">${f(s.restErrorRate)}</td><td class="num">${ci(s.accuracy.ci)}</td><td class="num">${f(s.rocAuc.value)}</td><td class="num">${formatPValue(s.pValueAdjusted)}</td>${s.score !== undefined ? `<td class="num">${f(s.score)}</td>` : ""}</tr>`,
  )
  .join("\n")}</tbody></table></div></section>`);
  }
  if (e.baseline) {
    const b = e.baseline;
    parts.push(`<section id="baselines"><h2>Baselines <span class="muted">${escapeHtml(b.trainedOn)}</span></h2>
<p>${escapeHtml(b.finding)}; ROC AUC difference ${f(b.rocAucDifference.value)} ${ci(b.rocAucDifference.ci)}.</p>
<table><tr><th>model</th><th class="num">ROC AUC</th><th class="num">${level}% CI</th><th class="num">PR AUC</th><th class="num">log loss</th><th class="num">accuracy</th></tr>
<tr><td><b>${escapeHtml(config.model.name)}</b></td><td class="num">${f(e.metrics.rocAuc.value)}</td><td class="num">${ci(e.metrics.rocAuc.ci)}</td><td class="num">${f(e.metrics.prAuc.value)}</td><td class="num">${f(e.metrics.logLoss.value)}</td><td class="num">${f(e.metrics.accuracy.value)}</td></tr>
${b.baselines.map((x) => `<tr><td>${escapeHtml(x.name)}</td><td class="num">${f(x.metrics.rocAuc.value)}</td><td class="num">${ci(x.metrics.rocAuc.ci)}</td><td class="num">${f(x.metrics.prAuc.value)}</td><td class="num">${f(x.metrics.logLoss.value)}</td><td class="num">${f(x.metrics.accuracy.value)}</td></tr>`).join("\n")}
</table></section>`);
  }
  return htmlPage(
    `Evaluation of ${config.model.name}`,
    `${report.inputs[0]?.name ?? ""} · label ${config.label}${config.positive !== null ? ` · ${describePositive({ positive: config.positive, positives: e.positives, rows: e.n })}` : ""} · assay ${report.assayVersion} · ${report.createdAt}`,
    parts.join("\n"),
    {
      report,
      anchor: (r) => {
        if (r.check.startsWith("fairness.") && r.subject?.column) return fairnessId(r.subject.column);
        if (r.check.startsWith("slice.")) return "slices";
        if (r.check.startsWith("baseline.")) return "baselines";
        return r.check.startsWith("evaluate.") || r.check.startsWith("metric.") ? "metrics" : undefined;
      },
    },
  );
}
