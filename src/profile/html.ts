import { distributionSpec, drawsAsCategories } from "../report/chart-specs.js";
import { formatNumber, formatPercent, formatValue } from "../report/format.js";
import { escapeHtml, htmlPage, sectionId } from "../report/html.js";

import type { Report } from "../report/report.js";
import { renderSvg } from "../report/vega.js";
import { profileAlerts } from "./alerts.js";
import { type ColumnProfile, PROFILE_QUANTILES, type TableProfile } from "./types.js";

/** A column's id on the page: what the verdict's reasons and the alerts link to. */
const columnId = (name: string) => sectionId("column", name);

/** The dataset at a glance, as the first thing on the page: rows, columns by type, missing cells. */
function overview(profile: TableProfile): string {
  const byType = new Map<string, number>();
  for (const c of profile.columns) byType.set(c.type, (byType.get(c.type) ?? 0) + 1);
  const missing = profile.columns.reduce((a, c) => a + c.missing, 0);
  const cells = profile.rows * profile.columns.length;
  const items: [string, string][] = [
    ["rows", formatNumber(profile.rows)],
    ["columns", `${profile.columns.length} (${[...byType].map(([t, n]) => `${n} ${t}`).join(", ")})`],
    ["missing cells", `${formatNumber(missing)} (${formatPercent(missing, cells)})`],
    ["duplicate rows", "not counted by the profile (assay lint reports them)"],
  ];
  return `<section id="overview"><h2>Dataset</h2><dl class="stats">${items.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join("")}</dl></section>`;
}

function alertsSection(profile: TableProfile): string {
  const alerts = profileAlerts(profile.columns, profile.rows);
  if (alerts.length === 0) return `<section id="alerts"><h2>Alerts</h2><p class="muted">none</p></section>`;
  return `<section id="alerts"><h2>Alerts <span class="muted">${alerts.length}</span></h2><div class="scroll"><table class="sortable"><thead><tr><th>column</th><th>alert</th><th>detail</th></tr></thead><tbody>${alerts
    .map(
      (a) =>
        `<tr><td><a href="#${columnId(a.column)}">${escapeHtml(a.column)}</a></td><td>${escapeHtml(a.kind.replaceAll("_", " "))}</td><td class="message">${escapeHtml(a.message)}</td></tr>`,
    )
    .join("")}</tbody></table></div></section>`;
}

/** The values behind the chart, as a table: quantiles for numbers, top values with shares for the rest. */
function valueTable(c: ColumnProfile): string {
  const parts: string[] = [];
  if (c.quantiles && c.type !== "string" && c.type !== "boolean")
    parts.push(
      `<table><thead><tr><th>quantile</th>${PROFILE_QUANTILES.map((q) => `<th class="num">p${Number(q) * 100}</th>`).join("")}</tr></thead><tbody><tr><td>value</td>${PROFILE_QUANTILES.map((q) => `<td class="num">${escapeHtml(formatValue(c.quantiles?.[q] ?? null, c.type))}</td>`).join("")}</tr></tbody></table>`,
    );
  if (c.top.length > 0)
    parts.push(
      `<table><thead><tr><th>value</th><th class="num">rows</th><th class="num">share</th></tr></thead><tbody>${c.top
        .slice(0, 10)
        .map(
          (t) =>
            `<tr><td>${escapeHtml(formatValue(t.value, c.type))}</td><td class="num">${formatNumber(t.count)}</td><td class="num">${formatPercent(t.count, c.count)}</td></tr>`,
        )
        .join(
          "",
        )}</tbody></table>${c.top.length > 10 || c.distinct > c.top.length ? `<p class="muted more">${c.distinctExact ? "" : "≈ "}${formatNumber(Math.max(0, c.distinct - Math.min(10, c.top.length)))} more values</p>` : ""}`,
    );
  return parts.join("") || '<p class="muted">no values</p>';
}

function columnStats(c: ColumnProfile, rows: number): [string, string][] {
  const stats: [string, string][] = [
    [
      "type",
      c.inferred.issue ? `${c.type} (values look like ${c.inferred.type}: ${c.inferred.issue})` : c.type,
    ],
    ["missing", `${formatNumber(c.missing)} (${formatPercent(c.missing, rows)})`],
    [
      "distinct",
      `${c.distinctExact ? "" : "≈ "}${formatNumber(c.distinct)}${c.distinctExact ? "" : ` (±${(c.distinctError * 100).toFixed(1)}%)`}`,
    ],
  ];
  if (c.type === "boolean") {
    const count = (value: number) => c.top.find((t) => t.value === value)?.count ?? 0;
    stats.push(["true / false", `${formatNumber(count(1))} / ${formatNumber(count(0))}`]);
  } else if (c.type !== "string") {
    stats.push([
      "min / median / max",
      [c.min, c.quantiles?.["0.5"] ?? null, c.max].map((v) => formatValue(v, c.type)).join(" / "),
    ]);
    if (c.type !== "date" && c.type !== "timestamp")
      stats.push(
        ["mean ± std", `${formatNumber(c.mean)} ± ${formatNumber(c.std)}`],
        ["zeros / negatives", `${formatNumber(c.zeros)} / ${formatNumber(c.negatives)}`],
      );
    if (c.nan + c.posInf + c.negInf > 0)
      stats.push(["NaN / +Inf / −Inf", `${c.nan} / ${c.posInf} / ${c.negInf}`]);
  } else if (c.length)
    stats.push([
      "length min / mean / max",
      `${c.length.min} / ${formatNumber(c.length.mean)} / ${c.length.max}`,
    ]);
  return stats;
}

async function columnCard(c: ColumnProfile, rows: number, index: number): Promise<string> {
  const spec = distributionSpec(
    { ...c, top: drawsAsCategories(c) ? c.top : c.top.slice(0, 12) },
    { label: (v) => formatValue(v as number | string, c.type) },
  );
  // a bar of one row per value says nothing: an id column gets a sentence instead
  const unique = c.type === "string" && c.distinctExact && c.count > 1 && c.distinct === c.count;
  const chart = unique
    ? `<p class="muted">every one of the ${formatNumber(c.count)} values is different; first: ${escapeHtml(
        c.top
          .slice(0, 3)
          .map((t) => t.value)
          .join(", "),
      )} …</p>`
    : spec
      ? await renderSvg(spec)
      : '<p class="muted">no values</p>';
  const toggle = `col${index}`;
  return `<section class="chart" id="${columnId(c.name)}"><h3>${escapeHtml(c.name)}</h3>
<div class="toggle"><input type="radio" name="${toggle}" id="${toggle}-chart" checked><label for="${toggle}-chart">chart</label><input type="radio" class="show-table" name="${toggle}" id="${toggle}-table"><label for="${toggle}-table">table</label>
<div class="as-chart">${chart}</div><div class="as-table scroll">${valueTable(c)}</div></div>
<dl class="stats">${columnStats(c, rows)
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
    .join("")}</dl></section>`;
}

export async function renderProfileHtml(report: Report, profile: TableProfile): Promise<string> {
  const cards: string[] = [];
  for (const [i, c] of profile.columns.entries()) cards.push(await columnCard(c, profile.rows, i));
  const body = `${overview(profile)}${alertsSection(profile)}<h2>Columns</h2><div class="grid">${cards.join("\n")}</div>`;
  return htmlPage(
    `Profile · ${profile.source.name}`,
    `${formatNumber(profile.rows)} rows × ${profile.columns.length} columns · engine ${profile.engine} · ${report.createdAt} · sha256 ${profile.source.digest.slice(0, 16)}…`,
    body,
    {
      report,
      anchor: (r) => (r.subject?.column ? columnId(r.subject.column) : undefined),
    },
  );
}
