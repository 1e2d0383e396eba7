import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { assay } from "./assay-process.js";
/**
 * A working copy of the adult readiness card (examples/adult/assay.card.yaml) in the demo's folder, its
 * artefact paths pointing back at the example's files, so the demo's evidence, sign-offs and filled-in
 * documentation stay out of the repository. Written before the service starts (`assay serve --card`).
 */
export function prepareReadinessCard(examples, out) {
    const dir = join(out, "readiness");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, "evidence"), { recursive: true });
    cpSync(join(examples, "docs"), join(dir, "docs"), { recursive: true });
    const card = readFileSync(join(examples, "assay.card.yaml"), "utf8").replace(/\{ path: (adult[\w.-]+), role:/g, (_, file) => `{ path: ${JSON.stringify(resolve(examples, file))}, role:`);
    const path = join(dir, "assay.card.yaml");
    writeFileSync(path, card);
    return path;
}
/**
 * Runs `work` (the demo's adult step) with its reports saved as the card's evidence: its evaluation of
 * v1 (slices, fairness, baselines) and its v1 → v2 update gate are evidence about the adult card.
 */
export function asCardEvidence(card, work) {
    const saved = { home: process.env.ASSAY_HOME, evidence: process.env.ASSAY_EVIDENCE };
    process.env.ASSAY_HOME = dirname(card);
    process.env.ASSAY_EVIDENCE = "on";
    try {
        return work();
    }
    finally {
        restore("ASSAY_HOME", saved.home);
        restore("ASSAY_EVIDENCE", saved.evidence);
    }
}
function restore(name, value) {
    if (value === undefined)
        delete process.env[name];
    else
        process.env[name] = value;
}
/**
 * Readiness on the adult model: the rest of the evidence of levels 2–4 from real runs (profile, contract,
 * lint, drift; the evaluation comes from the adult step), the documentation's generated sections, the
 * reviews of levels 1–4 and the ethics checklist, then the assessment — level 4, blocked at 5 by the
 * evidence kinds that are still being built, with the commands that would produce them.
 */
export function runReadiness(examples, card, out, say) {
    const dir = join(out, "readiness");
    const env = { ASSAY_HOME: dir, ASSAY_EVIDENCE: "on" };
    const data = (f) => join(examples, f);
    say("readiness · more evidence for the adult card: profile, contract, lint, drift");
    assay(["profile", data("adult_train.csv")], [0], env);
    assay(["validate", data("adult_test.csv"), "--schema", data("adult.schema.yaml")], [0], env);
    assay(["lint", data("adult_train.csv"), "--label", "income-per-year", "--against", data("adult_test.csv")], [0], env);
    assay(["drift", data("adult_train.csv"), data("adult_test.csv")], [0], env);
    assay(["docs", "check", "--card", card, "--fill"], [0, 1], env);
    say("readiness · reviews of levels 1–4 and the ethics checklist; the assessment");
    for (const level of ["1", "2", "3", "4"])
        assay([
            "signoff",
            "--card",
            card,
            "--level",
            level,
            "--role",
            "reviewer",
            "--by",
            "ben",
            "--decision",
            "approve",
        ], [0], env);
    assay([
        "signoff",
        "--card",
        card,
        "--level",
        "4",
        "--role",
        "ethics",
        "--by",
        "chen",
        "--decision",
        "approve",
        "--items",
        "all",
    ], [0], env);
    const html = join(dir, "readiness.html");
    const assessed = assay(["readiness", "--card", card, "--json", "--html", html], [0, 1], env);
    return { report: assessed.report, reports: [html] };
}
/** The summary's lines: the level, what blocks the next one, the ML Test Score. */
export function readinessLines(r) {
    const report = r.report;
    if (!report)
        return [];
    const blocked = [
        ...new Set(report.components.flatMap((c) => c.blocking
            .filter((b) => b.status === "missing" && !/^(signoff|coupled|card\.)/.test(b.item))
            .map((b) => b.item))),
    ];
    const t = report.mlTestScore;
    return [
        "",
        `Adult — readiness (MLTRL): level ${report.systemLevel}, ${report.systemLevelName}; level ${report.workingLevel} waits for ${blocked.join(", ") || "its sign-offs"}`,
        `  ML Test Score ${t.score} (data ${t.sections.data}, model ${t.sections.model}, infrastructure ${t.sections.infrastructure}, monitoring ${t.sections.monitoring}): ${t.band}`,
    ];
}
