import { formatNumber, textTable } from "../report/format.js";
/** The terminal summary: one line per column, most drifted first, then the dataset verdict. */
export function renderDriftText(result, inputs) {
    const head = `drift: ${inputs.reference.name} (${formatNumber(inputs.reference.rows)} rows) → ${inputs.current.name} (${formatNumber(inputs.current.rows)} rows)`;
    const rows = result.columns.map((c) => {
        const main = c.signals[0];
        return [
            c.status,
            c.name,
            c.kind,
            `${main.effectName} ${formatNumber(main.effect)}`,
            formatNumber(main.threshold),
            main.test,
            formatNumber(main.pValue),
            formatNumber(main.qValue),
            note(c),
        ];
    });
    const table = textTable(["status", "column", "kind", "effect", "threshold", "test", "p", "q (BH)", "note"], rows);
    const verdict = result.drifted
        ? "DRIFT"
        : result.insufficient
            ? "INSUFFICIENT (no column could be judged)"
            : "no drift";
    const counts = Object.entries(result.counts)
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `${n} ${s}`)
        .join(", ");
    const ignored = result.ignored.length > 0 ? `\nignored: ${result.ignored.join(", ")}` : "";
    return `${head}\n\n${table}\n\ndataset: ${verdict} — ${counts || "no columns"}; drifted share ${formatNumber(result.share)}${ignored}\nrule: ${result.rule}\n`;
}
/** Why the column has its status, from the signal that decided it. */
function note(c) {
    const deciding = c.signals.find((s) => s.status === c.status) ?? c.signals[0];
    const other = deciding.signal === "distribution" ? "" : `${deciding.signal}: `;
    const changed = c.typeChange ? `type ${c.typeChange}, compared as categorical; ` : "";
    return c.status === "stable" ? changed.replace(/; $/, "") : `${changed}${other}${deciding.reason}`;
}
