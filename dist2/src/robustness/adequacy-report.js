/** Test adequacy as checks (adequacy.domain per feature, adequacy.pairs) and as text. */
import { textTable } from "../report/format.js";
export function adequacyChecks(a, minCoverage) {
    const status = (coverage) => minCoverage !== null && coverage < minCoverage ? "fail" : coverage < 1 ? "warn" : "pass";
    const out = a.features.map((f) => ({
        check: "adequacy.domain",
        subject: { column: f.column },
        status: status(f.coverage),
        value: f.coverage,
        ...(minCoverage !== null ? { threshold: minCoverage } : {}),
        message: f.untested.length === 0
            ? `all ${f.cells.length} cells of ${f.column} are tested`
            : `${f.covered} of ${f.cells.length} cells of ${f.column} are tested; never: ${f.untested.slice(0, 8).join(", ")}${f.untested.length > 8 ? ", …" : ""}`,
        examples: f.untested.slice(0, 20),
    }));
    if (a.pairs.length > 0 && a.pairCoverage !== null) {
        const untested = a.pairs.flatMap((p) => p.untested);
        out.push({
            check: "adequacy.pairs",
            status: status(a.pairCoverage),
            value: a.pairCoverage,
            ...(minCoverage !== null ? { threshold: minCoverage } : {}),
            message: `${(100 * a.pairCoverage).toFixed(1)}% of the cells of ${a.pairs.length} feature pairs are tested; least covered pair: ${a.pairs[0].columns.join(" × ")} (${(100 * a.pairs[0].coverage).toFixed(1)}%)`,
            examples: untested.slice(0, 20),
        });
    }
    return out;
}
export function renderAdequacyText(title, a) {
    const lines = [title, ""];
    lines.push(textTable(["feature", "cells", "tested", "coverage", "never tested"], a.features.map((f) => [
        f.column,
        String(f.cells.length),
        String(f.covered),
        `${(100 * f.coverage).toFixed(0)}%`,
        f.untested.slice(0, 4).join("; ") + (f.untested.length > 4 ? " …" : ""),
    ])));
    if (a.pairs.length > 0) {
        lines.push("", `pairs: ${a.pairCoverage === null ? "n/a" : `${(100 * a.pairCoverage).toFixed(1)}%`} of cells tested; least covered:`);
        for (const p of a.pairs.slice(0, 5))
            lines.push(`  ${p.columns.join(" × ")}: ${p.covered} of ${p.cells} (${(100 * p.coverage).toFixed(1)}%)${p.untested.length > 0 ? `, e.g. ${p.untested.slice(0, 2).join("; ")}` : ""}`);
    }
    for (const s of a.skipped)
        lines.push(`skipped ${s.column}: ${s.reason}`);
    lines.push("");
    return lines.join("\n");
}
