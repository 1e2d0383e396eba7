/** The terminal summary of `assay ood`. */
import { formatNumber, textTable } from "../report/format.js";
import { pct, pctCi, share } from "./conformal-text.js";
export function renderOodText(report, s, confidence, surprise) {
    const lines = [];
    lines.push(`Out-of-distribution check — ${formatNumber(s.rows)} rows against ${formatNumber(s.fitRows + s.calibrationRows)} reference rows (${formatNumber(s.calibrationRows)} held out to calibrate)`);
    lines.push(`columns: ${[...s.columns.numeric, ...s.columns.categorical].join(", ")}`);
    for (const x of s.columns.skipped)
        lines.push(`  skipped ${x.name}: ${x.reason}`);
    lines.push(`flagged at p ≤ ${s.targetFpr}: ${formatNumber(s.flagged.count)} rows, ${pct(s.flagged.share)} ${pctCi(s.flagged.ci)}` +
        (s.chance ? ` — rows like the reference give ${pct(s.chance.band[0])}–${pct(s.chance.band[1])}` : ""));
    lines.push("", textTable(["detector", "flagged alone", "CI"], s.byDetector.map((d) => [d.detector, pct(d.flagged.share), pctCi(d.flagged.ci)])));
    if (s.topRows.length > 0)
        lines.push("", "most unusual rows (share of reference rows at least as extreme in that feature):", textTable(["row", "p-value", "features"], s.topRows.map((r) => [
            String(r.row),
            r.pValue.toPrecision(2),
            r.features
                .map((f) => `${f.column}=${f.value === null ? "missing" : String(f.value)}${f.unseen ? " (unseen)" : ""} ${share(f.referenceShare)}`)
                .join("; "),
        ])));
    if (confidence)
        lines.push("", `model confidence: flagged ${pct(confidence.flagged.meanConfidence)} (n = ${confidence.flagged.n}) vs others ${pct(confidence.others.meanConfidence)}; difference ${formatNumber(confidence.difference.value)} ${confidence.difference.ci ? `[${formatNumber(confidence.difference.ci[0])}, ${formatNumber(confidence.difference.ci[1])}]` : ""}` +
            (confidence.flagged.errorRate !== null
                ? `; error rate flagged ${pct(confidence.flagged.errorRate)} vs others ${pct(confidence.others.errorRate)}`
                : ""));
    if (surprise)
        lines.push(`surprise adequacy (DSA): current median ${formatNumber(surprise.current.median)}, p95 ${formatNumber(surprise.current.p95)}; held-out reference median ${formatNumber(surprise.heldOut.median)}, p95 ${formatNumber(surprise.heldOut.p95)}; ${pct(surprise.aboveHeldOutP95.value)} of current rows above the reference p95`);
    lines.push("", `status: ${report.summary.status}`);
    for (const f of report.results.filter((x) => x.status !== "pass"))
        lines.push(`  ${f.status.padEnd(12)} ${f.check}: ${f.message}`);
    return `${lines.join("\n")}\n`;
}
