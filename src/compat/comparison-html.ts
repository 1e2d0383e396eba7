/** A self-contained HTML page for a comparison report: headline numbers, the gate, groups and slices. */

import { describePositive } from "../evaluate/labels.js";
import { formatFixed, formatInterval, formatPValue } from "../report/format.js";
import { badge, escapeHtml, htmlPage } from "../report/html.js";
import { metricHeading } from "../report/names.js";
import type { Report } from "../report/report.js";
import { renderSvg } from "../report/vega.js";
import { type MetricDeltas, metricDeltaSpec } from "./chart-specs.js";
import type { Comparison } from "./compare.js";
import type { GroupComparison } from "./groups.js";

const num = (x: number | null | undefined) => formatFixed(x, 4, "n/a");
const ci = (c: [number, number] | null | undefined) => formatInterval(c, num, "");

export async function comparisonHtml(report: Report, r: Comparison): Promise<string> {
  const config = report.config as { old: string; new: string };
  const positive = (report as { positiveClass?: { value: string; count: number; rows: number } })
    .positiveClass;
  const headline: [string, string][] = [
    ["rows", String(r.n)],
    ["accuracy old → new", `${num(r.accuracyOld)} → ${num(r.accuracyNew)}`],
    ["accuracy Δ (95% CI)", `${num(r.accuracyDelta.value)} ${ci(r.accuracyDelta.ci)}`],
    ["negative flips", `${r.negativeFlips} (NFR ${num(r.negativeFlipRate)} ${ci(r.negativeFlipRateCi)})`],
    ["positive flips", String(r.positiveFlips)],
    ["BTC / BEC / error persistence", `${num(r.btc)} / ${num(r.bec)} / ${num(r.errorPersistence)}`],
    ["McNemar exact p", formatPValue(r.mcnemarPValue)],
  ];
  const allGroups: GroupComparison[] = [...Object.values(r.groups).flat(), ...r.slices];
  const numCell = (text: string) => `<td class="num">${text}</td>`;
  const metricRows = Object.entries(r.metrics)
    .map(
      ([name, m]) =>
        `<tr><td>${escapeHtml(metricHeading(name))}</td>${numCell(num(m.old))}${numCell(num(m.new))}${numCell(num(m.delta.value))}${numCell(ci(m.delta.ci))}</tr>`,
    )
    .join("");
  const groupRows = allGroups
    .map(
      (g) =>
        `<tr><td>${escapeHtml(g.column)}</td><td>${escapeHtml(g.value)}</td>${numCell(String(g.n))}${numCell(num(g.accuracyOld))}${numCell(num(g.accuracyNew))}` +
        `${numCell(`${num(g.accuracyDelta.value)} ${ci(g.accuracyDelta.ci)}`)}${numCell(`${g.negativeFlips}/${g.positiveFlips}`)}` +
        `${numCell(formatPValue(g.adjustedPValue, "not tested"))}</tr>`,
    )
    .join("");
  // real failures apart from the slices too small to judge: those are listed, folded, after
  const checkRow = (c: Comparison["checks"][number]) =>
    `<tr><td>${badge(c.status)}</td><td class="message">${escapeHtml(c.message)}</td></tr>`;
  const failures = r.checks.filter((c) => c.status === "fail" || c.status === "warn" || c.status === "error");
  const insufficient = r.checks.filter((c) => c.status === "insufficient");
  const flips = `<table class="flips"><thead><tr><th></th><th class="num">new correct</th><th class="num">new wrong</th></tr></thead><tbody>
<tr><th>old correct</th><td class="num">${r.bothCorrect} <span class="muted">both right</span></td><td class="num"><strong>${r.negativeFlips}</strong> <span class="muted">negative flips</span></td></tr>
<tr><th>old wrong</th><td class="num">${r.positiveFlips} <span class="muted">positive flips</span></td><td class="num">${r.bothWrong} <span class="muted">both wrong</span></td></tr></tbody></table>`;
  const fairnessRows = Object.values(r.fairness ?? {}).flatMap((fd) =>
    Object.entries(fd.gaps).map(
      ([gap, g]) =>
        `<tr><td>${escapeHtml(fd.attribute)}</td><td>${escapeHtml(metricHeading(gap))}</td>${numCell(num(g.old))}${numCell(num(g.new))}${numCell(`${num(g.delta.value)} ${ci(g.delta.ci)}`)}</tr>`,
    ),
  );
  const body = `<section id="headline"><h2>${badge(r.verdict, `verdict: ${r.verdict}`)}</h2>
<div class="grid"><table>${headline.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td class="nowrap">${escapeHtml(v)}</td></tr>`).join("")}</table><div><h3>Flips at threshold ${num(r.threshold)}</h3>${flips}</div></div></section>
<section id="failures"><h2>Failures and warnings</h2>${failures.length > 0 ? `<table>${failures.map(checkRow).join("")}</table>` : '<p class="muted">none</p>'}
${insufficient.length > 0 ? `<details><summary>${insufficient.length} check${insufficient.length === 1 ? "" : "s"} insufficient (too few rows to judge; not failures)</summary><table>${insufficient.map(checkRow).join("")}</table></details>` : ""}</section>
<section id="metrics"><h2>Metrics (paired bootstrap, 95%)</h2><div class="chart">${await renderSvg(metricDeltaSpec(r.metrics as MetricDeltas, { width: 420 }))}</div><div class="scroll"><table class="sortable"><thead><tr><th>metric</th><th class="num">old</th><th class="num">new</th><th class="num">Δ</th><th class="num">CI</th></tr></thead><tbody>${metricRows}</tbody></table></div></section>
${fairnessRows.length > 0 ? `<section id="fairness"><h2>Fairness gaps, old → new (paired bootstrap)</h2><div class="scroll"><table class="sortable"><thead><tr><th>attribute</th><th>gap</th><th class="num">old</th><th class="num">new</th><th class="num">Δ (CI)</th></tr></thead><tbody>${fairnessRows.join("")}</tbody></table></div></section>` : ""}
<section id="groups"><h2>Groups and slices</h2><div class="scroll"><table class="sortable"><thead><tr><th>column</th><th>value</th><th class="num">n</th><th class="num">acc old</th><th class="num">acc new</th><th class="num">Δ (CI)</th><th class="num">flips −/+</th><th class="num">adjusted p (${escapeHtml(r.gate.adjustment)})</th></tr></thead><tbody>${groupRows}</tbody></table></div></section>`;
  return htmlPage(
    `Comparison: ${shortName(config.old)} → ${shortName(config.new)}`,
    `${config.old} → ${config.new} · ${r.n} rows${positive ? ` · ${describePositive({ positive: positive.value, positives: positive.count, rows: positive.rows })}` : ""} · assay ${report.assayVersion} · ${report.createdAt}`,
    body,
    {
      report,
      anchor: (c) =>
        c.check.startsWith("compat.fairness")
          ? "fairness"
          : c.subject?.slice || c.subject?.group
            ? "groups"
            : c.status === "insufficient"
              ? "failures"
              : "headline",
    },
  );
}

/** A model as its file name or score column: "adult_v2.onnx", not the whole path or spec. */
function shortName(spec: string): string {
  return spec.split(/[\\/]/).pop() ?? spec;
}
