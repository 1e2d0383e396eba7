/** The terminal view of a suite run: one line per test, then the failing examples of failed tests. */
import { formatInterval, textTable } from "../report/format.js";
export function renderSuiteText(title, outcomes, summary) {
    const lines = [title, ""];
    lines.push(textTable(["status", "type", "test", "rows", "failed", "rate (95% CI)", "tolerance"], outcomes.map((o) => [
        o.status.toUpperCase(),
        o.type.toUpperCase(),
        o.name,
        String(o.rows),
        String(o.failures),
        o.rate === null
            ? "–"
            : `${(100 * o.rate).toFixed(1)}% ${formatInterval(o.ci, (x) => `${(100 * x).toFixed(1)}%`, "")}`.trim(),
        `${(100 * o.tolerance).toFixed(1)}%`,
    ])));
    for (const o of outcomes) {
        if (o.status !== "fail" && o.status !== "error")
            continue;
        lines.push("", `${o.status.toUpperCase()} ${o.name} (line ${o.line}): ${o.message}`, `  relation: ${o.relation}`);
        for (const e of o.examples.slice(0, 3)) {
            if (e.transformed) {
                const changes = Object.keys(e.transformed).filter((k) => e.transformed[k] !== e.row[k]);
                const diff = changes
                    .map((k) => `${k}: ${JSON.stringify(e.row[k])} → ${JSON.stringify(e.transformed[k])}`)
                    .join(", ");
                lines.push(`  score ${fmt(e.score)} → ${fmt(e.transformedScore)}  ${diff || "(rows reordered)"}`);
            }
            else
                lines.push(`  score ${fmt(e.score)}  ${JSON.stringify(e.row)}`);
        }
    }
    lines.push("", `${summary.tests} tests: ${summary.passed} passed, ${summary.failed} failed, ${summary.errors} errors, ${summary.insufficient} insufficient`, "");
    return lines.join("\n");
}
function fmt(x) {
    return x === undefined || !Number.isFinite(x) ? String(x) : x.toFixed(4);
}
