/** The HTML report of `assay conformal`: the shared page shell, charts as inline SVG from Vega-Lite. */
import { formatNumber } from "../report/format.js";
import { badge, escapeHtml, htmlPage } from "../report/html.js";
import type { Report } from "../report/report.js";
import { renderSvg } from "../report/vega.js";
import { type CoverageBar, coverageSpec, riskCoverageSpec, setSizeSpec } from "./chart-specs.js";
import type { ConformalResult } from "./conformal.js";
import { pct, pctCi } from "./conformal-text.js";
import { oodSections } from "./ood-html.js";
import type { OodSummary } from "./ood-summary.js";
import type { Ranking, SelectiveReport } from "./selective-report.js";

export async function renderConformalHtml(
  report: Report,
  r: ConformalResult,
  selective: SelectiveReport | null,
  ood: OodSummary | null,
): Promise<string> {
  const config = report.config as { model: { name: string }; label: string };
  const positive = (report as { positiveClass?: { value: string } }).positiveClass;
  const promised = 1 - r.alpha;
  const parts: string[] = [];
  const size =
    r.task === "regression"
      ? `mean interval width ${formatNumber(r.meanIntervalWidth)}`
      : `mean set size ${formatNumber(r.meanSetSize)}`;
  parts.push(`<section><h2>Summary ${badge(report.summary.status)}</h2>
<p>${escapeHtml(r.method)} at α = ${r.alpha}: qhat ${Number.isFinite(r.qhat) ? formatNumber(r.qhat) : "+∞"} (rank ${formatNumber(r.rank)} of ${formatNumber(r.calibrationRows)} calibration scores, ${escapeHtml(r.convention)}).
Coverage on ${formatNumber(r.evaluationRows)} evaluation rows: <b>${pct(r.coverage.value)}</b> ${pctCi(r.coverage.ci)}, promised ≥ ${pct(promised)}; ${size}.</p></section>`);
  const charts: Promise<string>[] = [];
  const bars: CoverageBar[] = [];
  const bar = (label: string, c: { value: number | null; ci: [number, number] | null }, n: number) =>
    bars.push({ label, coverage: c.value, lo: c.ci?.[0] ?? null, hi: c.ci?.[1] ?? null, n });
  bar("all rows", r.coverage, r.evaluationRows);
  for (const s of r.setSizes ?? []) if (s.count > 0) bar(`set size ${s.size}`, s.coverage, s.count);
  for (const w of r.widths ?? [])
    if (r.widths!.length > 1)
      bar(`width ${formatNumber(w.lower)}–${formatNumber(w.upper)}`, w.coverage, w.count);
  for (const [column, groups] of Object.entries(r.groups))
    for (const g of groups) bar(`${column} = ${g.group}`, g.coverage, g.n);
  for (const c of r.mondrian?.cells ?? []) bar(`Mondrian ${c.group}`, c.coverage, c.n);
  charts.push(renderSvg(coverageSpec("Coverage against its promise", bars, promised)));
  if (r.setSizes) charts.push(renderSvg(setSizeSpec(r.setSizes)));
  if (selective) {
    const curves = (Object.keys(selective.curves) as Ranking[]).flatMap((name) =>
      selective.curves[name]!.points.map((p) => ({ ranking: name, coverage: p.coverage, risk: p.risk })),
    );
    charts.push(renderSvg(riskCoverageSpec(curves, selective.risk, selective.target)));
  }
  parts.push(
    `<section><h2>Charts</h2><div class="grid">${(await Promise.all(charts)).map((svg) => `<div class="chart">${svg}</div>`).join("")}</div></section>`,
  );
  if (selective?.abstention)
    parts.push(`<section><h2>Abstention for a ${escapeHtml(selective.risk)} of ${pct(selective.target)}</h2>
<table><tr><th>ranking</th><th class="num">AURC</th><th class="num">abstain (observed)</th><th class="num">abstain (${Math.round(100 * r.level)}% confidence)</th></tr>
${(Object.keys(selective.abstention) as Ranking[])
  .map((name) => {
    const a = selective.abstention![name]!;
    return `<tr><td>${escapeHtml(name)}</td><td class="num">${formatNumber(selective.curves[name]!.aurc)}</td><td class="num">${a.observed ? pct(a.observed.abstention) : "not reached"}</td><td class="num">${a.guaranteed ? pct(a.guaranteed.abstention) : "–"}</td></tr>`;
  })
  .join("\n")}</table></section>`);
  if (ood) parts.push(...(await oodSections(ood, null, "Evaluation rows against the calibration rows")));
  const findings = report.results.filter((x) => x.status !== "pass");
  if (findings.length > 0)
    parts.push(
      `<section><h2>Findings</h2><table>${findings
        .map(
          (f) =>
            `<tr><td>${badge(f.status)}</td><td>${escapeHtml(f.check)}</td><td>${escapeHtml(f.subject?.group ?? "")}</td><td>${escapeHtml(f.message)}</td></tr>`,
        )
        .join("\n")}</table></section>`,
    );
  return htmlPage(
    `Conformal prediction — ${config.model.name}`,
    `${report.inputs.map((i) => i.name).join(" → ")} · label ${config.label}${positive ? ` · positive = "${positive.value}"` : ""} · assay ${report.assayVersion} · ${report.createdAt}`,
    parts.join("\n"),
    { report },
  );
}
