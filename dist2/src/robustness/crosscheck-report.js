/** Crosscheck results as checks (crosscheck.disagreement, crosscheck.score_difference) and text. */
import { formatInterval, textTable } from "../report/format.js";
export function crosscheckChecks(parts, limits) {
    const out = [];
    for (const { name, part } of parts) {
        const failed = part.ci !== null && part.ci[0] > limits.maxDisagreement;
        out.push({
            check: "crosscheck.disagreement",
            subject: { slice: name },
            status: part.rows === 0
                ? "insufficient"
                : failed || (limits.maxDisagreement === 0 && part.disagreements > 0)
                    ? "fail"
                    : "pass",
            value: part.rate,
            threshold: limits.maxDisagreement,
            ...(part.ci ? { ci: part.ci } : {}),
            n: part.rows,
            message: `${part.disagreements} of ${part.rows} ${name} rows get different decisions${part.oneSidedNonFinite > 0 ? ` (${part.oneSidedNonFinite} where only one side is finite)` : ""}`,
        });
        out.push({
            check: "crosscheck.score_difference",
            subject: { slice: name },
            status: part.rows === 0 ? "insufficient" : part.maxDifference > limits.tolerance ? "fail" : "pass",
            value: part.maxDifference,
            threshold: limits.tolerance,
            n: part.rows,
            message: `largest |score a − score b| on ${name} rows: ${part.maxDifference.toPrecision(3)} (mean ${part.meanDifference.toPrecision(3)}; tolerance ${limits.tolerance})`,
            examples: part.largest.slice(0, 3),
        });
    }
    return out;
}
export function renderCrosscheckText(title, parts, slices) {
    const lines = [title, ""];
    lines.push(textTable(["rows", "n", "disagree", "rate (95% CI)", "one-sided non-finite", "max |Δ|", "mean |Δ|"], parts.map(({ name, part: p }) => [
        name,
        String(p.rows),
        String(p.disagreements),
        `${p.rate === null ? "–" : p.rate.toFixed(4)} ${formatInterval(p.ci)}`,
        String(p.oneSidedNonFinite),
        p.maxDifference.toPrecision(3),
        p.meanDifference.toPrecision(3),
    ])));
    for (const { name, part } of parts)
        if (part.largest.length > 0) {
            lines.push("", `largest differences (${name}):`);
            for (const d of part.largest.slice(0, 5))
                lines.push(`  row ${d.row}: a ${d.a.toPrecision(6)}, b ${d.b.toPrecision(6)} (Δ ${d.difference.toPrecision(3)})`);
        }
    const worst = slices.filter((s) => s.disagreements > 0).slice(0, 10);
    if (worst.length > 0) {
        lines.push("", "slices with disagreements:");
        for (const s of worst)
            lines.push(`  ${s.column} = ${s.group}: ${s.disagreements} of ${s.rows} (${(100 * s.rate).toFixed(1)}%)`);
    }
    lines.push("");
    return lines.join("\n");
}
