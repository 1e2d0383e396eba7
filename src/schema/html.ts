import type { TopLevelSpec } from "vega-lite";
import { formatNumber, formatPercent } from "../report/format.js";
import { badge, escapeHtml, htmlPage } from "../report/html.js";
import { checkLabel } from "../report/names.js";
import type { Report } from "../report/report.js";
import { renderSvg } from "../report/vega.js";
import { checkRowId } from "../report/verdict-html.js";
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
  for (const r of flagged) cards.push(await anomalyCard(r, results, results.indexOf(r)));
  return htmlPage(
    `Validation of ${data?.name ?? "a batch"}`,
    `assay ${report.assayVersion} · ${report.createdAt} · schema ${schema?.name ?? ""} (sha256 ${(schema?.digest ?? "").slice(0, 12)}) · data sha256 ${(data?.digest ?? "").slice(0, 12)}`,
    `${summary}${cards.length > 0 ? `<h2>Anomalies</h2><div class="grid">${cards.join("\n")}</div>` : ""}${byColumnTable(results)}`,
    { report, checksTable: false, anchor: (r, i) => (r.status === "pass" ? undefined : anomalyId(i)) },
  );
}

const anomalyId = (index: number) => `anomaly-${index}`;

/**
 * Every expectation grouped by column, as GX's Data Docs show them: the expectation and what the batch
 * showed side by side; table-level checks (row count, new columns) first. Sortable, foldable when long.
 */
function byColumnTable(results: Anomaly[]): string {
  const groups = new Map<string, { r: Anomaly; index: number }[]>();
  results.forEach((r, index) => {
    const key = r.subject?.column ?? "";
    groups.set(key, [...(groups.get(key) ?? []), { r, index }]);
  });
  const keys = [...groups.keys()].sort((a, b) => (a === "" ? -1 : b === "" ? 1 : 0));
  const body = keys
    .map((key) => {
      const rows = groups.get(key)!;
      const bad = rows.filter(({ r }) => r.status !== "pass").length;
      return `<tbody><tr class="group"><th colspan="5">${escapeHtml(key || "the table")} <span class="muted">${rows.length - bad} of ${rows.length} passed</span></th></tr>${rows
        .map(
          ({ r, index }) =>
            `<tr id="${checkRowId(index)}"><td>${r.status === "pass" ? badge("pass") : `<a href="#${anomalyId(index)}">${badge(r.status)}</a>`}</td><td>${escapeHtml(checkLabel(r.check))}</td><td class="message">${escapeHtml(describeExpected(r.expected))}</td><td class="message">${escapeHtml(describeObserved(r))}</td><td class="message muted">${escapeHtml(r.message)}</td></tr>`,
        )
        .join("")}</tbody>`;
    })
    .join("\n");
  return `<section id="checks"><details${results.length <= 60 ? " open" : ""}><summary><h2>Expectations by column <span class="muted">${results.length}</span></h2></summary>
<div class="scroll"><table class="by-column"><thead><tr><th>status</th><th>expectation</th><th>expected</th><th>observed</th><th>message</th></tr></thead>${body}</table></div></details></section>`;
}

/** The contract's side of a check as a short phrase: "maxFraction 0.0035", "min 0, max 1, mostly 0.9944". */
function describeExpected(expected: unknown): string {
  if (expected === undefined || expected === null) return "–";
  if (typeof expected !== "object") return show(expected);
  return Object.entries(expected as Record<string, unknown>)
    .map(([k, v]) => `${k} ${v !== null && typeof v === "object" ? summarise(v) : show(v)}`)
    .join(", ");
}

/** What the batch showed: the offending count over its denominator, and the value found when there is one. */
function describeObserved(r: Anomaly): string {
  const parts: string[] = [];
  if (r.count !== undefined)
    parts.push(
      `${formatNumber(r.count)}${r.total ? ` of ${formatNumber(r.total)} (${formatPercent(r.count, r.total)})` : ""}`,
    );
  if (r.found !== undefined && r.found !== null)
    parts.push(typeof r.found === "object" ? summarise(r.found) : show(r.found));
  return parts.join("; ") || "–";
}

function summarise(v: object): string {
  const entries = Object.entries(v as Record<string, unknown>);
  const text = entries
    .map(([k, x]) => `${k}: ${x !== null && typeof x === "object" ? "…" : show(x)}`)
    .join(", ");
  return text.length > 120 ? `${text.slice(0, 117)}…` : `{${text}}`;
}

async function anomalyCard(r: Anomaly, all: Anomaly[], index: number): Promise<string> {
  const column = r.subject?.column;
  const examples = (r.examples ?? []) as Record<string, unknown>[];
  // offending rows with their whole record: row number first, the checked column highlighted
  const flat = examples.map((e) => {
    const { record, value: _value, ...rest } = e as { record?: Record<string, unknown>; value?: unknown };
    return { ...rest, ...(record ?? (_value !== undefined ? { value: _value } : {})) };
  });
  // the row number, then the offending column, then the rest of the record: the cell to look at is in view
  const fields = [...new Set(flat.flatMap((e) => Object.keys(e)))];
  const first = fields.filter((k) => k === "row" || k === column || k === "value");
  const keys = [...first, ...fields.filter((k) => !first.includes(k))];
  const rows =
    flat.length > 0
      ? `<div class="scroll"><table class="examples"><thead><tr>${keys.map((k) => `<th>${escapeHtml(k)}</th>`).join("")}</tr></thead><tbody>${flat
          .map(
            (e) =>
              `<tr>${keys
                .map((k) => {
                  const cell = escapeHtml(show((e as Record<string, unknown>)[k]));
                  return k === column ? `<td class="offending">${cell}</td>` : `<td>${cell}</td>`;
                })
                .join("")}</tr>`,
          )
          .join("")}</tbody></table></div>`
      : "";
  const chartSource =
    r.chart ??
    (r.check === "schema.out_of_range"
      ? all.find((x) => x.check === "schema.unit_change" && x.subject?.column === column)?.chart
      : undefined);
  const spec = chartSource ? chartSpec(chartSource, column ?? "") : null;
  const svg = spec ? `<div class="chart">${await renderSvg(spec)}</div>` : "";
  return `<section id="${anomalyId(index)}"><h3>${badge(r.status)} ${escapeHtml(checkLabel(r.check))}${column ? ` · ${escapeHtml(column)}` : ""}</h3>
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
      width: 220,
      height: { step: 9 },
      data: { values: data },
      mark: "bar",
      encoding: {
        y: { field: "value", type: "nominal", sort: ranked, title: column, axis: { labelLimit: 360 } },
        yOffset: { field: "side", type: "nominal" },
        x: { field: "share", type: "quantitative", axis: { format: "%" }, title: "share of present values" },
        tooltip: [
          { field: "value", type: "nominal", title: column },
          { field: "side", type: "nominal" },
          { field: "share", type: "quantitative", format: ".2%" },
        ],
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
