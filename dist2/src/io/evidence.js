import { existsSync } from "node:fs";
import { join } from "node:path";
import { jsonSafe } from "../report/report.js";
import { writeTextFile } from "./text-file.js";
/** The evidence store: `$ASSAY_HOME/evidence`, `.assay/evidence` under the working directory by default. */
export function evidenceDirectory() {
    return join(process.env.ASSAY_HOME ?? ".assay", "evidence");
}
/**
 * Off with `--no-evidence` (the CLI sets ASSAY_NO_EVIDENCE), ASSAY_NO_EVIDENCE=1, or ASSAY_EVIDENCE=off.
 * ASSAY_EVIDENCE=on wins over both: the demo sets it for the store its readiness step reads.
 */
export function evidenceDisabled() {
    if (process.env.ASSAY_EVIDENCE === "on")
        return false;
    if (process.env.ASSAY_EVIDENCE === "off")
        return true;
    const no = (process.env.ASSAY_NO_EVIDENCE ?? "").trim().toLowerCase();
    return no !== "" && no !== "0" && no !== "false" && no !== "no";
}
/**
 * Saves a report in the evidence store so readiness can tell fresh evidence from stale. `directory`
 * overrides the store (readiness commands write where the card's evidence is). The first report in a
 * new store says so on stderr, once: where reports go, how to turn it off and how to prune.
 */
export function saveEvidence(report, directory) {
    if (evidenceDisabled())
        return null;
    const dir = directory ?? evidenceDirectory();
    const digest = report.inputs[0]?.digest?.slice(0, 12) ?? "none";
    const stamp = report.createdAt.replace(/[:.]/g, "-");
    const path = join(dir, `${stamp}-${report.kind}-${digest}.json`);
    const first = directory === undefined && !existsSync(dir);
    try {
        writeTextFile(path, JSON.stringify(jsonSafe(report)));
    }
    catch {
        return null; // evidence is a by-product; a read-only directory must not fail the command
    }
    if (first)
        process.stderr.write(`assay: saving this report as evidence in ${dir}/ (assay readiness reads it); every command does. Turn it off with --no-evidence or ASSAY_NO_EVIDENCE=1; prune with 'assay evidence prune --older-than 30d'\n`);
    return path;
}
