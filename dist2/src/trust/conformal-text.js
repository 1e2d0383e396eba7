/** The terminal summary of `assay conformal`. */
import { formatNumber, textTable } from "../report/format.js";
const RANKING_NAMES = {
    confidence: "by confidence",
    setSize: "by set size",
    intervalWidth: "by interval width",
    ood: "by OOD score",
};
export function pct(x) {
    return x === null || x === undefined || !Number.isFinite(x) ? "–" : `${(100 * x).toFixed(1)}%`;
}
/** A reference share: small ones keep one significant digit instead of rounding to 0.0%. */
export function share(x) {
    if (x === 0)
        return "0%";
    return x < 0.001 ? `${(100 * x).toPrecision(1)}%` : pct(x);
}
export function pctCi(ci) {
    return ci ? `[${pct(ci[0])}, ${pct(ci[1])}]` : "";
}
export function renderConformalText(report, r, selective, ood, modelName) {
    const lines = [];
    const regression = r.task === "regression";
    const task = report.config.task ?? r.task;
    lines.push(`Conformal prediction — ${r.method}, α = ${r.alpha} (${task}, ${modelName})`);
    lines.push(`calibration ${formatNumber(r.calibrationRows)} rows · evaluation ${formatNumber(r.evaluationRows)} rows`);
    const positive = report.positiveClass;
    if (positive)
        lines.push(`positive = "${positive.value}" (${formatNumber(positive.calibration.count)} of ${formatNumber(positive.calibration.rows)} calibration rows, ${formatNumber(positive.evaluation.count)} of ${formatNumber(positive.evaluation.rows)} evaluation rows)`);
    lines.push(Number.isFinite(r.qhat)
        ? `qhat ${formatNumber(r.qhat)} — rank ${formatNumber(r.rank)} of ${formatNumber(r.calibrationRows)} sorted calibration scores (${r.convention})`
        : "qhat +∞ — too few calibration rows for this α: every set is full");
    lines.push(`coverage ${pct(r.coverage.value)} ${pctCi(r.coverage.ci)} — promised ≥ ${pct(1 - r.alpha)} · ${regression
        ? `mean interval width ${formatNumber(r.meanIntervalWidth)}`
        : `mean set size ${formatNumber(r.meanSetSize)}`}`);
    if (r.setSizes)
        lines.push("", textTable(["set size", "rows", "share", "coverage", `${Math.round(100 * r.level)}% CI`], r.setSizes
            .filter((s) => s.count > 0)
            .map((s) => [
            String(s.size),
            formatNumber(s.count),
            pct(s.share),
            pct(s.coverage.value),
            pctCi(s.coverage.ci),
        ])));
    if (r.widths && r.widths.length > 1)
        lines.push("", textTable(["interval width", "rows", "coverage", `${Math.round(100 * r.level)}% CI`], r.widths.map((w) => [
            `${formatNumber(w.lower)} – ${formatNumber(w.upper)}`,
            formatNumber(w.count),
            pct(w.coverage.value),
            pctCi(w.coverage.ci),
        ])));
    const groupRows = [];
    for (const [column, groups] of Object.entries(r.groups))
        for (const g of groups)
            groupRows.push([
                `${column} = ${g.group}`,
                formatNumber(g.n),
                pct(g.coverage.value),
                pctCi(g.coverage.ci),
                formatNumber(regression ? g.meanIntervalWidth : g.meanSetSize),
            ]);
    for (const c of r.mondrian?.cells ?? [])
        groupRows.push([
            `Mondrian ${c.group}${c.status === "ok" ? "" : " (pooled qhat)"}`,
            formatNumber(c.n),
            pct(c.coverage.value),
            pctCi(c.coverage.ci),
            formatNumber(regression ? c.meanIntervalWidth : c.meanSetSize),
        ]);
    if (groupRows.length > 0)
        lines.push("", textTable(["group", "rows", "coverage", "CI", regression ? "mean width" : "mean size"], groupRows));
    if (selective) {
        lines.push("", `Selective prediction: ${selective.risk} ${formatRisk(selective, selective.overallRisk)} when every row is accepted`);
        const header = ["ranking", "AURC"];
        if (selective.target !== null)
            header.push(`abstain to reach ${formatRisk(selective, selective.target)}`, "with 95% confidence");
        lines.push(textTable(header, Object.keys(selective.curves).map((name) => {
            const row = [RANKING_NAMES[name], formatNumber(selective.curves[name].aurc)];
            const a = selective.abstention?.[name];
            if (a)
                row.push(a.observed ? pct(a.observed.abstention) : "not reached", a.guaranteed ? pct(a.guaranteed.abstention) : "–");
            return row;
        })));
    }
    if (ood)
        lines.push("", `Evaluation rows out of distribution for the calibration rows: ${pct(ood.flagged.share)} ${pctCi(ood.flagged.ci)} at p ≤ ${ood.targetFpr}` +
            (ood.chance ? ` (chance: ${pct(ood.chance.band[0])}–${pct(ood.chance.band[1])})` : ""));
    const findings = report.results.filter((x) => x.status !== "pass");
    lines.push("", `status: ${report.summary.status}`);
    for (const f of findings)
        lines.push(`  ${f.status.padEnd(12)} ${f.check}${f.subject?.group ? ` [${f.subject.group}]` : ""}: ${f.message}`);
    return `${lines.join("\n")}\n`;
}
function formatRisk(s, x) {
    return s.risk === "error rate" ? pct(x) : formatNumber(x);
}
