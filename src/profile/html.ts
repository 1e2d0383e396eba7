import type { TopLevelSpec } from "vega-lite";
import { distributionSpec } from "../report/chart-specs.js";
import { formatNumber, formatPercent, formatValue } from "../report/format.js";
import { badge, escapeHtml, htmlPage } from "../report/html.js";
import type { Report } from "../report/report.js";
import { renderSvg } from "../report/vega.js";
import type { ColumnProfile, TableProfile } from "./types.js";

/** Vega-Lite spec of a column's distribution: histogram bars for numbers, top values for text. */
function columnChartSpec(c: ColumnProfile): TopLevelSpec | null {
  // a boolean is two categories, true and false, not a 0–1 histogram
  if (c.type === "boolean")
    return distributionSpec({
      ...c,
      histogram: null,
      top: c.top.map((t) => ({ value: formatValue(t.value, "boolean"), count: t.count })),
    });
  return distributionSpec(c);
}

export async function renderProfileHtml(report: Report, profile: TableProfile): Promise<string> {
  const cards: string[] = [];
  for (const c of profile.columns) {
    const spec = columnChartSpec(c);
    const chart = spec ? await renderSvg(spec) : '<p class="muted">no values</p>';
    const stats: [string, string][] = [
      [
        "type",
        c.inferred.issue ? `${c.type} (values look like ${c.inferred.type}: ${c.inferred.issue})` : c.type,
      ],
      ["missing", `${formatNumber(c.missing)} (${formatPercent(c.missing, profile.rows)})`],
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
    cards.push(`<section class="chart"><h3>${escapeHtml(c.name)}</h3>${chart}
<table>${stats.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join("")}</table></section>`);
  }
  const findings = report.results.length
    ? `<section><h2>Findings</h2><table><tr><th>status</th><th>check</th><th>message</th></tr>${report.results
        .map(
          (r) =>
            `<tr><td>${badge(r.status)}</td><td>${escapeHtml(r.check)}</td><td>${escapeHtml(r.message)}</td></tr>`,
        )
        .join("")}</table></section>`
    : "";
  const body = `${findings}<div class="grid">${cards.join("\n")}</div>`;
  return htmlPage(
    `Profile · ${profile.source.name}`,
    `${formatNumber(profile.rows)} rows × ${profile.columns.length} columns · engine ${profile.engine} · ${report.createdAt} · sha256 ${profile.source.digest.slice(0, 16)}…`,
    body,
  );
}
