/** `assay readiness`: MLTRL levels and the ML Test Score, computed from the evidence and the sign-offs. */
import { assessReadiness } from "../readiness/assess.js";
import { readinessReport } from "../readiness/report.js";
import { readinessText } from "../readiness/text.js";
import { parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { printJson, saveEvidence, writeTextFile } from "./output.js";
import { READINESS_HELP, READINESS_OPTIONS, readinessFromArgs } from "./readiness-args.js";
const HELP = `usage: assay readiness [--card FILE] [--json] [--html FILE] [--verbose] [options]

How ready is this system, and what stands in the way? Reads the card, every report in the evidence store
and the sign-off log, and computes for each component and for the system (the lowest of its components):
- the certified level (MLTRL 0–9): every gate up to it holds — its evidence fresh and passing, its
  requirements' criteria met, its roles signed on this version of the card;
- what blocks the next level, item by item, with the command that would produce what is missing;
- switchbacks: review and embedded ones from the log, and discovery ones — a level reviewers approved whose
  evidence has since failed or gone stale, with the cause;
- the ML Test Score (Breck et al.): 28 tests in four sections, 0 / 0.5 (manual) / 1 (automated and
  recurring), the final score the weakest section's.
Evidence is fresh while its inputs' digests match the card's artefacts now and it is inside the freshness
window (docs/readiness.md).

${READINESS_HELP}
  --json              print the readiness report as JSON (systemLevel, components[].certifiedLevel and
                      blocking[], switchbacks[], mlTestScore.sections and score, …)
  --html FILE         write a self-contained HTML page (levels, blocking items, ML Test Score)
  --verbose           every gate item up to the next level, and every ML Test Score test

exit codes: 0 assessed · 1 a discovery switchback (an approved level lost its evidence) · 2 bad card, log,
policy or option`;
export async function run(argv) {
    const { values, positionals, help } = parseCommand(argv, {
        ...READINESS_OPTIONS,
        json: { type: "boolean", default: false },
        html: { type: "string" },
        verbose: { type: "boolean", default: false },
    }, HELP);
    if (help)
        return 0;
    if (positionals.length > 0)
        throw new UsageError(`unexpected argument '${positionals[0]}' (see --help)`);
    const files = readinessFromArgs(values);
    const readiness = assessReadiness(files.inputs);
    const report = readinessReport("readiness", files.source, readiness);
    saveEvidence(report);
    if (typeof values.html === "string") {
        const { readinessHtml } = await import("../readiness/html.js");
        writeTextFile(values.html, await readinessHtml(readiness));
    }
    if (values.json)
        printJson(report);
    else
        process.stdout.write(readinessText(readiness, { verbose: values.verbose === true }));
    return readiness.switchbacks.some((s) => s.type === "discovery") ? 1 : 0;
}
