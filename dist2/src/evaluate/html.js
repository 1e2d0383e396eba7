/** The HTML report of an evaluation: self-contained, charts as inline SVG rendered from Vega-Lite. */
import { formatInterval as ci, formatFixed as f, formatNumber, formatPValue } from "../report/format.js";
import { badge, escapeHtml, htmlPage } from "../report/html.js";
import { renderSvg } from "../report/vega.js";
import { BINARY_METRICS } from "./binary.js";
import { calibrationSpec, fairnessSpec, prSpec, rocSpec } from "./chart-specs.js";
import { describePositive } from "./labels.js";
export { calibrationSpec, fairnessSpec, prSpec, rocSpec };
export async function renderEvaluationHtml(report, e) {
    const config = report.config;
    const level = Math.round(e.bootstrap.level * 100);
    const charts = await Promise.all([rocSpec(e), prSpec(e), calibrationSpec(e)].map(renderSvg));
    const parts = [];
    parts.push(`<section><h2>Summary ${badge(report.summary.status)}</h2>
<p>${formatNumber(e.n)} rows, ${formatNumber(e.positives)} positive; threshold ${f(e.threshold)} (${escapeHtml(e.thresholdRule)}); ${e.bootstrap.resamples} bootstrap resamples of the rows (seed ${e.bootstrap.seed}); each interval's method is in the table.</p>
<table><tr><th>metric</th><th class="num">value</th><th class="num">${level}% CI</th><th>interval</th></tr>
${BINARY_METRICS.map((m) => `<tr><td>${m}</td><td class="num">${f(e.metrics[m].value)}</td><td class="num">${ci(e.metrics[m].ci)}</td><td>${escapeHtml(e.metrics[m].status === "insufficient" ? `insufficient: ${e.metrics[m].reason}` : (e.metrics[m].method ?? ""))}</td></tr>`).join("\n")}
</table>
<p>Confusion: TP ${e.confusion.tp}, FP ${e.confusion.fp}, TN ${e.confusion.tn}, FN ${e.confusion.fn}.</p></section>`);
    parts.push(`<section><h2>Curves</h2><div class="grid">${charts.map((svg) => `<div class="chart">${svg}</div>`).join("")}</div></section>`);
    const t = e.thresholds;
    parts.push(`<section><h2>Thresholds <span class="muted">learned on ${escapeHtml(t.learnedOn)}</span></h2>
<table><tr><th>rule</th><th class="num">threshold</th><th class="num">precision</th><th class="num">recall</th><th class="num">F1</th><th class="num">FPR</th></tr>
${[t.maxF1, t.youden, t.cost, t.precisionAtRecall]
        .filter((x) => x !== null)
        .map((x) => `<tr><td>${escapeHtml(x.rule)}</td><td class="num">${f(x.threshold)}</td><td class="num">${f(x.precision)}</td><td class="num">${f(x.recall)}</td><td class="num">${f(x.f1)}</td><td class="num">${f(x.fpr)}</td></tr>`)
        .join("\n")}</table></section>`);
    for (const attribute of Object.keys(e.fairness)) {
        const fr = e.fairness[attribute];
        const svg = await renderSvg(fairnessSpec(e, attribute));
        parts.push(`<section><h2>Fairness by ${escapeHtml(attribute)}</h2>
<p>Demographic parity difference ${f(fr.demographicParityDifference.value)} ${ci(fr.demographicParityDifference.ci)}, ratio ${f(fr.demographicParityRatio.value)};
equalized odds difference ${f(fr.equalizedOddsDifference.value)} ${ci(fr.equalizedOddsDifference.ci)}, ratio ${f(fr.equalizedOddsRatio.value)};
equal opportunity difference ${f(fr.equalOpportunityDifference.value)}. Aequitas reference: ${escapeHtml(fr.aequitas.referenceGroup ?? "–")}, τ = ${fr.aequitas.tau}.</p>
${fr.excludedGroups.length > 0 ? `<p class="muted">With every group, as Fairlearn computes it (${escapeHtml(fr.excludedGroups.join(", "))} too small for the numbers above, and not compared in the disparities): demographic parity difference ${f(fr.allGroups.demographicParityDifference)}, ratio ${f(fr.allGroups.demographicParityRatio)}; equalized odds difference ${f(fr.allGroups.equalizedOddsDifference)}; equal opportunity difference ${f(fr.allGroups.equalOpportunityDifference)}.</p>` : ""}
<div class="chart">${svg}</div>
<table><tr><th>group</th><th class="num">count</th><th class="num">selection rate</th><th class="num">TPR</th><th class="num">FPR</th><th class="num">accuracy</th><th>disparities outside τ</th><th>status</th></tr>
${Object.entries(fr.groups)
            .map(([g, r]) => {
            const outside = (fr.aequitas.groups[g] ?? [])
                .filter((d) => d.withinTau === false)
                .map((d) => `${d.metric} ${f(d.disparity)}`);
            return `<tr><td>${escapeHtml(g)}</td><td class="num">${r.count}</td><td class="num">${f(r.selectionRate)}</td><td class="num">${f(r.tpr)}</td><td class="num">${f(r.fpr)}</td><td class="num">${f(r.accuracy)}</td><td>${escapeHtml(outside.join(", "))}</td><td>${r.status === "ok" ? "" : badge("insufficient")}</td></tr>`;
        })
            .join("\n")}</table></section>`);
    }
    if (e.slices.length > 0) {
        const rows = [...e.slices].sort((a, b) => (b.score ?? b.errorRate) - (a.score ?? a.errorRate));
        parts.push(`<section><h2>Slices <span class="muted">${escapeHtml(e.sliceSearch?.method === "sliceline" ? `SliceLine, ${e.sliceSearch.examined} slices examined` : "by column")}</span></h2>
<table><tr><th>slice</th><th class="num">rows</th><th class="num">error rate</th><th class="num">rest</th><th class="num">accuracy ${level}% CI</th><th class="num">ROC AUC</th><th class="num">adjusted p</th>${rows.some((s) => s.score !== undefined) ? '<th class="num">score</th>' : ""}</tr>
${rows
            .map((s) => `<tr><td>${escapeHtml(s.slice)}</td><td class="num">${s.count}</td><td class="num">${f(s.errorRate)}</td><td class="num">${f(s.restErrorRate)}</td><td class="num">${ci(s.accuracy.ci)}</td><td class="num">${f(s.rocAuc.value)}</td><td class="num">${formatPValue(s.pValueAdjusted)}</td>${s.score !== undefined ? `<td class="num">${f(s.score)}</td>` : ""}</tr>`)
            .join("\n")}</table></section>`);
    }
    if (e.baseline) {
        const b = e.baseline;
        parts.push(`<section><h2>Baselines <span class="muted">${escapeHtml(b.trainedOn)}</span></h2>
<p>${escapeHtml(b.finding)}; ROC AUC difference ${f(b.rocAucDifference.value)} ${ci(b.rocAucDifference.ci)}.</p>
<table><tr><th>model</th><th class="num">ROC AUC</th><th class="num">${level}% CI</th><th class="num">PR AUC</th><th class="num">log loss</th><th class="num">accuracy</th></tr>
<tr><td><b>${escapeHtml(config.model.name)}</b></td><td class="num">${f(e.metrics.rocAuc.value)}</td><td class="num">${ci(e.metrics.rocAuc.ci)}</td><td class="num">${f(e.metrics.prAuc.value)}</td><td class="num">${f(e.metrics.logLoss.value)}</td><td class="num">${f(e.metrics.accuracy.value)}</td></tr>
${b.baselines.map((x) => `<tr><td>${escapeHtml(x.name)}</td><td class="num">${f(x.metrics.rocAuc.value)}</td><td class="num">${ci(x.metrics.rocAuc.ci)}</td><td class="num">${f(x.metrics.prAuc.value)}</td><td class="num">${f(x.metrics.logLoss.value)}</td><td class="num">${f(x.metrics.accuracy.value)}</td></tr>`).join("\n")}
</table></section>`);
    }
    const findings = report.results.filter((r) => r.status !== "pass");
    if (findings.length > 0)
        parts.push(`<section><h2>Findings</h2><table>${findings
            .map((r) => `<tr><td>${badge(r.status)}</td><td>${escapeHtml(r.check)}</td><td>${escapeHtml(r.message)}</td></tr>`)
            .join("\n")}</table></section>`);
    return htmlPage(`Evaluation of ${config.model.name}`, `${report.inputs[0]?.name ?? ""} · label ${config.label}${config.positive !== null ? ` · ${describePositive({ positive: config.positive, positives: e.positives, rows: e.n })}` : ""} · assay ${report.assayVersion} · ${report.createdAt}`, parts.join("\n"));
}
