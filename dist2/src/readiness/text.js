import { textTable } from "../report/format.js";
import { levelName } from "./levels.js";
import { SECTIONS } from "./ml-test-score.js";
const MARK = { met: "✓", "n/a": "·", missing: "○", stale: "◐", failed: "✗" };
/** The terminal view: levels first, then what blocks each component, switchbacks, and the ML Test Score. */
export function readinessText(r, options = {}) {
    const lines = [];
    lines.push(`readiness of ${r.card.name} (${r.card.id}) — card ${r.card.file} (sha256 ${r.card.digest.slice(0, 12)}…), assessed ${r.assessedAt.replace(/\.\d+Z$/, "Z")}`, "", `system: level ${r.systemLevel} (${r.systemLevelName}); next: level ${r.workingLevel} (${levelName(r.workingLevel)})`, "", textTable(["component", "type", "certified", "approved", "next gate"], r.components.map((c) => [
        c.id,
        c.type,
        `${c.certifiedLevel} ${c.levelName}${c.heldBy ? ` (held by ${c.heldBy})` : ""}`,
        String(c.approvedLevel),
        c.certifiedLevel >= 9
            ? "–"
            : c.blocking.length
                ? `${c.blocking.length} item${c.blocking.length === 1 ? "" : "s"} block level ${c.workingLevel}`
                : `level ${c.workingLevel} is held by a coupled component`,
    ])));
    for (const c of r.components) {
        if (c.blocking.length === 0)
            continue;
        lines.push("", `${c.id} → level ${c.workingLevel} (${levelName(c.workingLevel)}) is blocked by:`);
        lines.push(...itemBlock(c.blocking));
    }
    if (options.verbose)
        for (const c of r.components)
            for (const g of c.gates.filter((g) => g.level <= c.workingLevel)) {
                lines.push("", `${c.id} · gate ${g.level} (${g.name}): ${g.met ? "met" : "not met"}`);
                lines.push(...itemBlock(g.outcomes));
            }
    if (r.switchbacks.length > 0) {
        lines.push("", "switchbacks:");
        for (const s of r.switchbacks.slice(0, 10))
            lines.push(`  ${s.type} ${s.from} → ${s.to}${s.component ? ` (${s.component})` : ""} ${s.at.slice(0, 10)}${s.by ? ` by ${s.by}` : ""}${s.line ? ` [log line ${s.line}]` : ""}`, ...s.cause.map((c) => `      ${c}`));
    }
    const t = r.mlTestScore;
    lines.push("", `ML Test Score: ${t.score} — ${t.band} (${SECTIONS.map((s) => `${s} ${t.sections[s]}`).join(", ")}; the score is the weakest section)`);
    if (options.verbose)
        for (const test of t.tests)
            lines.push(`  ${String(test.points).padEnd(3)} ${test.id.padEnd(17)} ${test.title} — ${test.note}`);
    const stale = r.evidence.used.filter((e) => !e.fresh).length;
    lines.push("", `evidence: ${r.evidence.used.length} reports about this card (${stale} stale), ${r.evidence.unrelated} about other things; sign-offs: ${r.signoffs.current} on this card version, ${r.signoffs.stale} on older ones`);
    return `${lines.join("\n")}\n`;
}
/** One line per item; the command under it, unless the next item needs the same one (said once, after the last). */
function itemBlock(outcomes) {
    const lines = [];
    outcomes.forEach((o, i) => {
        lines.push(`  ${MARK[o.status] ?? "?"} ${o.level !== undefined ? `L${o.level} ` : ""}${o.item}${o.subject ? ` ${o.subject}` : ""} (${o.status}): ${o.message}`);
        const command = o.status === "met" ? undefined : o.command;
        if (command && outcomes[i + 1]?.command !== command)
            lines.push(`      → ${command}`);
    });
    return lines;
}
