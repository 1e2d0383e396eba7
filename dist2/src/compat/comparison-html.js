/** A self-contained HTML page for a comparison report: headline numbers, the gate, groups and slices. */
import { describePositive } from "../evaluate/labels.js";
import { formatFixed, formatInterval, formatPValue } from "../report/format.js";
import { badge, escapeHtml, htmlPage } from "../report/html.js";
import { renderSvg } from "../report/vega.js";
import { metricDeltaSpec } from "./chart-specs.js";
const num = (x) => formatFixed(x, 4, "n/a");
const ci = (c) => formatInterval(c, num, "");
export async function comparisonHtml(report, r) {
    const config = report.config;
    const positive = report
        .positiveClass;
    const headline = [
        ["rows", String(r.n)],
        ["accuracy old → new", `${num(r.accuracyOld)} → ${num(r.accuracyNew)}`],
        ["accuracy Δ (95% CI)", `${num(r.accuracyDelta.value)} ${ci(r.accuracyDelta.ci)}`],
        ["negative flips", `${r.negativeFlips} (NFR ${num(r.negativeFlipRate)} ${ci(r.negativeFlipRateCi)})`],
        ["positive flips", String(r.positiveFlips)],
        ["BTC / BEC / error persistence", `${num(r.btc)} / ${num(r.bec)} / ${num(r.errorPersistence)}`],
        ["McNemar exact p", formatPValue(r.mcnemarPValue)],
    ];
    const allGroups = [...Object.values(r.groups).flat(), ...r.slices];
    const numCell = (text) => `<td class="num">${text}</td>`;
    const metricRows = Object.entries(r.metrics)
        .map(([name, m]) => `<tr><td>${escapeHtml(name)}</td>${numCell(num(m.old))}${numCell(num(m.new))}${numCell(num(m.delta.value))}${numCell(ci(m.delta.ci))}</tr>`)
        .join("");
    const groupRows = allGroups
        .map((g) => `<tr><td>${escapeHtml(g.column)}</td><td>${escapeHtml(g.value)}</td>${numCell(String(g.n))}${numCell(num(g.accuracyOld))}${numCell(num(g.accuracyNew))}` +
        `${numCell(`${num(g.accuracyDelta.value)} ${ci(g.accuracyDelta.ci)}`)}${numCell(`${g.negativeFlips}/${g.positiveFlips}`)}` +
        `${numCell(formatPValue(g.adjustedPValue, "not tested"))}</tr>`)
        .join("");
    const checkRows = r.checks
        .filter((c) => c.status !== "pass")
        .map((c) => `<tr><td>${badge(c.status)}</td><td>${escapeHtml(c.message)}</td></tr>`)
        .join("");
    const body = `<section><h2>${badge(r.verdict, `verdict: ${r.verdict}`)}</h2>
<table>${headline.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join("")}</table></section>
<section><h2>Checks that did not pass</h2>${checkRows ? `<table><tr><th>status</th><th>message</th></tr>${checkRows}</table>` : '<p class="muted">none</p>'}</section>
<section><h2>Metrics (paired bootstrap, 95%)</h2><div class="chart">${await renderSvg(metricDeltaSpec(r.metrics, { width: 420 }))}</div><table><tr><th>metric</th><th class="num">old</th><th class="num">new</th><th class="num">Δ</th><th class="num">CI</th></tr>${metricRows}</table></section>
<section><h2>Groups and slices</h2><table><tr><th>column</th><th>value</th><th class="num">n</th><th class="num">acc old</th><th class="num">acc new</th><th class="num">Δ (CI)</th><th class="num">flips −/+</th><th class="num">adjusted p (${escapeHtml(r.gate.adjustment)})</th></tr>${groupRows}</table></section>`;
    return htmlPage(`Comparison: ${config.old} → ${config.new}`, `assay compare · ${r.n} rows${positive ? ` · ${describePositive({ positive: positive.value, positives: positive.count, rows: positive.rows })}` : ""} · assay ${report.assayVersion} · ${report.createdAt}`, body);
}
