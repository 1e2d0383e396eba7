import { readdirSync, readFileSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";
export function listEvidence(dir) {
    let names;
    try {
        names = readdirSync(dir).filter((n) => n.endsWith(".json"));
    }
    catch {
        return [];
    }
    const out = [];
    for (const name of names) {
        const file = join(dir, name);
        try {
            const report = JSON.parse(readFileSync(file, "utf8"));
            const time = Date.parse(String(report.createdAt));
            if (typeof report.kind !== "string" || !Number.isFinite(time))
                continue;
            out.push({
                file,
                kind: report.kind,
                createdAt: String(report.createdAt),
                time,
                bytes: statSync(file).size,
            });
        }
        catch {
            // not a report: left alone
        }
    }
    return out.sort((a, b) => b.time - a.time || (a.file < b.file ? 1 : -1));
}
/**
 * The reports to delete: those created before `before` (epoch ms), and beyond the newest `keep` of
 * each kind. Either rule may be absent; a report goes when any given rule says so.
 */
export function reportsToPrune(reports, rule) {
    const seen = new Map();
    return reports.filter((r) => {
        const rank = (seen.get(r.kind) ?? 0) + 1;
        seen.set(r.kind, rank);
        return ((rule.before !== undefined && r.time < rule.before) || (rule.keep !== undefined && rank > rule.keep));
    });
}
export function deleteReports(reports) {
    for (const r of reports)
        unlinkSync(r.file);
}
