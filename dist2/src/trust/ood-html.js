/** The HTML of an OOD summary: the share flagged, each detector, a p-value histogram and the top rows. */
import { formatNumber } from "../report/format.js";
import { escapeHtml } from "../report/html.js";
import { renderSvg } from "../report/vega.js";
import { pValueSpec } from "./chart-specs.js";
import { pct, pctCi, share } from "./conformal-text.js";
export async function oodSections(s, pValues, title) {
    const parts = [];
    const chance = s.chance
        ? ` Rows like the reference would give ${pct(s.chance.band[0])}–${pct(s.chance.band[1])} (p = ${s.chance.upperTail.toPrecision(2)}).`
        : "";
    parts.push(`<section><h2>${escapeHtml(title)}</h2>
<p>${formatNumber(s.flagged.count)} of ${formatNumber(s.rows)} rows (<b>${pct(s.flagged.share)}</b> ${pctCi(s.flagged.ci)}) have a conformal p-value ≤ ${s.targetFpr} against ${formatNumber(s.calibrationRows)} held-out reference rows.${chance}</p>
<table><tr><th>detector</th><th class="num">flagged alone</th><th class="num">CI</th></tr>
${s.byDetector.map((d) => `<tr><td>${escapeHtml(d.detector)}</td><td class="num">${pct(d.flagged.share)}</td><td class="num">${pctCi(d.flagged.ci)}</td></tr>`).join("\n")}
</table>
<p class="muted">Columns: ${escapeHtml([...s.columns.numeric, ...s.columns.categorical].join(", "))}${s.columns.skipped.length ? `; skipped: ${escapeHtml(s.columns.skipped.map((x) => `${x.name} (${x.reason})`).join(", "))}` : ""}.</p></section>`);
    if (pValues)
        parts.push(`<section><div class="chart">${await renderSvg(pValueSpec(pValues, s.targetFpr))}</div></section>`);
    parts.push(`<section><h2>Most unusual rows</h2><table><tr><th class="num">row</th><th class="num">p-value</th><th>what makes it unusual (share of reference rows as extreme)</th></tr>
${s.topRows
        .map((r) => `<tr><td class="num">${r.row}</td><td class="num">${r.pValue.toPrecision(2)}</td><td>${escapeHtml(r.features
        .map((f) => `${f.column} = ${f.value === null ? "missing" : String(f.value)}${f.unseen ? " (never seen)" : ""}: ${share(f.referenceShare)}`)
        .join("; "))}</td></tr>`)
        .join("\n")}</table></section>`);
    return parts;
}
