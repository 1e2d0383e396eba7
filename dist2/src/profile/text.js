import { formatNumber, formatPercent, formatValue, textTable } from "../report/format.js";
/** The terminal view of a profile: one line per column, then what looks wrong. */
export function renderProfileText(profile, findings) {
    const header = [
        "column",
        "type",
        "missing",
        "distinct",
        "min",
        "median",
        "max",
        "mean",
        "std",
        "top value",
    ];
    const rows = profile.columns.map((c) => {
        const top = c.top[0];
        const topText = top
            ? `${String(formatValue(top.value, c.type)).slice(0, 24)} (${formatPercent(top.count, c.count)})`
            : "–";
        const distinct = `${c.distinctExact ? "" : "≈"}${formatNumber(c.distinct)}`;
        const numeric = c.type !== "string";
        return [
            c.name,
            c.inferred.issue ? `${c.type}→${c.inferred.type}?` : c.type,
            formatPercent(c.missing, profile.rows),
            distinct,
            numeric ? formatValue(c.min, c.type) : c.length ? `len ${c.length.min}` : "–",
            numeric ? formatValue(c.quantiles?.["0.5"] ?? null, c.type) : "",
            numeric ? formatValue(c.max, c.type) : c.length ? `len ${c.length.max}` : "–",
            numeric && c.type !== "date" && c.type !== "timestamp" ? formatNumber(c.mean) : "",
            numeric && c.type !== "date" && c.type !== "timestamp" ? formatNumber(c.std) : "",
            topText,
        ];
    });
    const lines = [
        `${profile.source.name}: ${formatNumber(profile.rows)} rows × ${profile.columns.length} columns (engine: ${profile.engine})`,
        "",
        textTable(header, rows),
    ];
    if (findings.length > 0) {
        lines.push("", "findings:");
        for (const f of findings)
            lines.push(`  ! ${f.message}`);
    }
    return `${lines.join("\n")}\n`;
}
