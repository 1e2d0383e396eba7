/** `assay gate --level N`: a CI step — exit 0 when the system (or one component) is certified at N or above. */
import { assessReadiness } from "../readiness/assess.js";
import { levelName } from "../readiness/levels.js";
import { readinessReport } from "../readiness/report.js";
import { numberOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { printJson, saveEvidence } from "./output.js";
import { READINESS_HELP, READINESS_OPTIONS, readinessFromArgs } from "./readiness-args.js";
const HELP = `usage: assay gate --level N [--component ID] [--json] [options]

For CI pipelines: is the system certified at level N or above? The same assessment as 'assay readiness'
(fresh, passing evidence and current sign-offs for every gate up to N); prints what stands in the way of
each component below N, gate by gate, with the commands that would produce the missing evidence.

  --level N           the level required (0–9)
  --component ID      judge one component instead of the system (the lowest of all components)
${READINESS_HELP}
  --json              print the gate report as JSON (met, required, systemLevel, components …)

exit codes: 0 certified at N or above · 1 not · 2 bad card, log, policy or option`;
export async function run(argv) {
    const { values, positionals, help } = parseCommand(argv, {
        ...READINESS_OPTIONS,
        level: { type: "string" },
        component: { type: "string" },
        json: { type: "boolean", default: false },
    }, HELP);
    if (help)
        return 0;
    if (positionals.length > 0)
        throw new UsageError(`unexpected argument '${positionals[0]}' (see --help)`);
    if (values.level === undefined)
        throw new UsageError("--level N is required (see --help)");
    const required = numberOption(values.level, "--level", { min: 0, max: 9 });
    if (!Number.isInteger(required))
        throw new UsageError(`--level expects a whole level 0–9, got ${required}`);
    const files = readinessFromArgs(values);
    const readiness = assessReadiness(files.inputs);
    const wanted = values.component;
    const judged = wanted === undefined ? readiness.components : readiness.components.filter((c) => c.id === wanted);
    if (wanted !== undefined && judged.length === 0)
        throw new UsageError(`no component '${wanted}' in ${files.loaded.path} (components: ${readiness.components.map((c) => c.id).join(", ")})`);
    const level = Math.min(...judged.map((c) => c.certifiedLevel));
    const met = level >= required;
    const results = [];
    for (const c of judged.filter((x) => x.certifiedLevel < required))
        for (const g of c.gates.filter((x) => x.level > c.certifiedLevel && x.level <= required))
            for (const o of g.outcomes.filter((x) => x.status !== "met" && x.status !== "n/a"))
                results.push({
                    check: "gate.item",
                    subject: { group: c.id },
                    status: "fail",
                    threshold: g.level,
                    itemStatus: o.status,
                    message: `level ${g.level} ${o.item}${o.subject ? ` (${o.subject})` : ""} ${o.status}: ${o.message}`,
                    ...(o.command ? { command: o.command } : {}),
                });
    results.unshift({
        check: "gate.level",
        status: met ? "pass" : "fail",
        value: level,
        threshold: required,
        message: `${wanted ?? "the system"} is certified at level ${level} (${levelName(level)}); the gate asks for ${required}`,
    });
    const report = readinessReport("gate", files.source, readiness, {
        config: { level: required, component: wanted ?? null },
        body: { met, required },
        results,
    });
    saveEvidence(report);
    if (values.json)
        printJson(report);
    else {
        const lines = [
            `gate level ${required} (${levelName(required)}): ${met ? "met" : "NOT met"} — ${results[0].message}`,
        ];
        for (const r of results.slice(1)) {
            lines.push(`  ✗ ${r.subject?.group}: ${r.message}`);
            if (typeof r.command === "string")
                lines.push(`      → ${r.command}`);
        }
        process.stdout.write(`${lines.join("\n")}\n`);
    }
    return met ? 0 : 1;
}
