import type { TopLevelSpec } from "vega-lite";
import { formatNumber, formatPercent } from "../report/format.js";
import { badge, escapeHtml, htmlPage } from "../report/html.js";
import type { Report } from "../report/report.js";
import { renderSvg } from "../report/vega.js";
import type { Anomaly } from "./validate.js";

/**
 * The validation report as one self-contained HTML page: a summary, every check in a table, and a
 * card per anomaly with its offending rows, the suggested schema change and, where the data allow,
 * an inline SVG chart (Vega-Lite rendered in Node): reference vs batch shares for domains, reference
 * vs batch quantiles for ranges and unit changes.
 */
export async function validationHtml(report: Report, results: Anomaly[]): Promise<string> {
  const flagged = results.filter((r) => r.status !== "pass");
  const errors = flagged.filter((r) => r.status === "fail").length;
  const [data, schema] = report.inputs;
  const summary = `<section><h2>Summary ${badge(report.summary.status)}</h2>
<p>${escapeHtml(data?.name)} — ${formatNumber(Number(report.rows ?? 0))} rows, checked against ${escapeHtml(schema?.name)}:
${results.length} checks, <strong>${errors}</strong> error${errors === 1 ? "" : "s"}, ${flagged.length - errors} warning${flagged.length - errors === 1 ? "" : "s"}.</p></section>`;
  const cards: string[] = [];
  for (const r of flagged) cards.push(await anomalyCard(r, results));
  const table = `<section><h2>All checks</h2><table><thead><tr><th>status</th><th>check</th><th>column</th><th class="num">count</th><th>message</th></tr></thead><tbody>
${results
  .map(
    (r) =>
      `<tr><td>${badge(r.status)}</td><td>${escapeHtml(r.check)}</td><td>${escapeHtml(r.subject?.rule ?? r.subject?.column ?? "")}</td><td class="num">${
        r.count !== undefined
          ? `${formatNumber(r.count)}${r.total ? ` (${formatPercent(r.count, r.total)})` : ""}`
          : ""
      }</td><td>${escapeHtml(r.message)}</td></tr>`,
  )
  .join("\n")}
</tbody></table></section>`;
  return htmlPage(
    `Validation of ${data?.name ?? "a batch"}`,
    `assay ${report.assayVersion} · ${report.createdAt} · schema ${schema?.name ?? ""} (sha256 ${(schema?.digest ?? "").slice(0, 12)}) · data sha256 ${(data?.digest ?? "").slice(0, 12)}`,
    `${summary}${cards.length > 0 ? `<h2>Anomalies</h2><div class="grid">${cards.join("\n")}</div>` : ""}${table}`,
  );
}

async function anomalyCard(r: Anomaly, all: Anomaly[]): Promise<string> {
  const column = r.subject?.column;
  const examples = (r.examples ?? []) as Record<string, unknown>[];
  // offending rows with their whole record: row number first, the checked column highlighted
  const flat = examples.map((e) => {
    const { record, value: _value, ...rest } = e as { record?: Record<string, unknown>; value?: unknown };
    return { ...rest, ...(record ?? (_value !== undefined ? { value: _value } : {})) };
  });
  const keys = [...new Set(flat.flatMap((e) => Object.keys(e)))];
  const rows =
    flat.length > 0
      ? `<table><thead><tr>${keys.map((k) => `<th>${escapeHtml(k)}</th>`).join("")}</tr></thead><tbody>${flat
          .map(
            (e) =>
              `<tr>${keys
                .map((k) => {
                  const cell = escapeHtml(show((e as Record<string, unknown>)[k]));
                  return k === column ? `<td><strong>${cell}</strong></td>` : `<td>${cell}</td>`;
                })
                .join("")}</tr>`,
          )
          .join("")}</tbody></table>`
      : "";
  const chartSource =
    r.chart ??
    (r.check === "schema.out_of_range"
      ? all.find((x) => x.check === "schema.unit_change" && x.subject?.column === column)?.chart
      : undefined);
  const spec = chartSource ? chartSpec(chartSource, column ?? "") : null;
  const svg = spec ? `<div class="chart">${await renderSvg(spec)}</div>` : "";
  return `<section><h3>${badge(r.status)} ${escapeHtml(r.check)}${column ? ` · ${escapeHtml(column)}` : ""}</h3>
<p>${escapeHtml(r.message)}</p>${r.suggestion ? `<p class="muted">Suggested: ${escapeHtml(r.suggestion)}</p>` : ""}${svg}${rows}</section>`;
}

export function chartSpec(chart: NonNullable<Anomaly["chart"]>, column: string): TopLevelSpec {
  if (chart.kind === "domain") {
    const values = new Set([...Object.keys(chart.reference), ...Object.keys(chart.batch)]);
    const ranked = [...values]
      .map((v) => ({ v, weight: Math.max(chart.reference[v] ?? 0, chart.batch[v] ?? 0) }))
      .sort((a, b) => b.weight - a.weight)
      .slice(0, 15)
      .map((x) => x.v);
    const data = ranked.flatMap((v) => [
      { value: v, side: "reference", share: chart.reference[v] ?? 0 },
      { value: v, side: "batch", share: chart.batch[v] ?? 0 },
    ]);
    return {
      width: 300,
      height: { step: 9 },
      data: { values: data },
      mark: "bar",
      encoding: {
        y: { field: "value", type: "nominal", sort: ranked, title: column },
        yOffset: { field: "side", type: "nominal" },
        x: { field: "share", type: "quantitative", axis: { format: "%" }, title: "share of present values" },
        color: { field: "side", type: "nominal", title: null, sort: ["reference", "batch"] },
      },
    } as TopLevelSpec;
  }
  const data = Object.keys(chart.reference).flatMap((q) => [
    { q: Number(q), side: "reference", value: chart.reference[q] },
    ...(chart.batch[q] !== undefined ? [{ q: Number(q), side: "batch", value: chart.batch[q] }] : []),
  ]);
  return {
    width: 300,
    height: 160,
    data: { values: data },
    mark: { type: "line", point: true },
    encoding: {
      x: { field: "q", type: "quantitative", title: "quantile", axis: { format: "%" } },
      y: { field: "value", type: "quantitative", title: column, scale: { type: "symlog" } },
      color: { field: "side", type: "nominal", title: null, sort: ["reference", "batch"] },
    },
  } as TopLevelSpec;
}

function show(v: unknown): string {
  if (v === null || v === undefined) return "–";
  if (typeof v === "number") return formatNumber(v);
  return typeof v === "string" ? v : JSON.stringify(v);
}
