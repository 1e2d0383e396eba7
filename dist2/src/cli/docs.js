/** `assay docs init TEMPLATE` and `assay docs check`: documentation templates, and documentation that is checked. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { textDigest } from "../io/file-digest.js";
import { cardRelative, loadCard, located } from "../io/readiness-files.js";
import { checkDocs } from "../readiness/doc-check.js";
import { parseDoc } from "../readiness/doc-read.js";
import { renderTemplate, TEMPLATE_NAMES, template } from "../readiness/doc-templates.js";
import { indexEvidence } from "../readiness/evidence-index.js";
import { judgeRequirements } from "../readiness/requirements.js";
import { makeReport } from "../report/report.js";
import { parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { printJson, saveEvidence, writeTextFile } from "./output.js";
import { READINESS_HELP, READINESS_OPTIONS, readinessFromArgs } from "./readiness-args.js";
const HELP = `usage: assay docs init ${TEMPLATE_NAMES.join("|")} [--out FILE] [--subject ID] [--name NAME] [--card FILE] [--force]
       assay docs check [FILE …] [--card FILE] [--fill] [--json] [options]

init writes a documentation template: Markdown with YAML front matter, one '### id: question' per question,
in our words after Datasheets for Datasets (datasheet), Model Cards (model-card) and the dataset
accountability documents of Hutchinson et al. (dataset-requirements, -design, -implementation, -testing,
-maintenance). List the file in the card's documentation field.

check reads the card's documentation (and any FILE given) and reports:
  docs.complete       every question answered, or 'N/A: reason'; questions about people only when the
                      card's data is about people; a datasheet per dataset, a model card per model
  docs.traceability   every requirement has a design decision naming it (dataset-design: '### decision
                      ID: …' with 'Requirements: R1') and a test in the evidence (a criterion judged on a
                      fresh report)
  docs.model-card     the model card's generated sections (intended uses from the card, the quantitative
                      analysis from the latest fresh evaluation) are current; --fill writes them

  --out FILE          (init) where to write (default docs/TEMPLATE.md beside the card)
  --subject ID        (init) the card component the document is about
  --name NAME         (init) the title's name (default: the subject's, else the technology's name)
  --force             (init) overwrite an existing file
  --fill              (check) write the model card's generated sections, then check
${READINESS_HELP}
  --json              (check) print the docs report as JSON

exit codes: 0 written / all checks pass · 1 a check failed · 2 bad card, document or option (FILE:LINE: field)`;
export async function run(argv) {
    const [verb, ...rest] = argv;
    if (verb === undefined || verb === "--help" || verb === "-h") {
        process.stdout.write(`${HELP}\n`);
        return verb === undefined ? 2 : 0;
    }
    if (verb === "init")
        return init(rest);
    if (verb === "check")
        return check(rest);
    throw new UsageError(`unknown 'assay docs' verb '${verb}' (expected init or check; see --help)`);
}
async function init(argv) {
    const { values, positionals, help } = parseCommand(argv, {
        out: { type: "string" },
        subject: { type: "string" },
        name: { type: "string" },
        card: { type: "string" },
        force: { type: "boolean", default: false },
    }, HELP);
    if (help)
        return 0;
    if (positionals.length !== 1)
        throw new UsageError(`name one template: ${TEMPLATE_NAMES.join(", ")}`);
    const t = template(positionals[0]);
    if (!t)
        throw new UsageError(`no template '${positionals[0]}' (templates: ${TEMPLATE_NAMES.join(", ")})`);
    const cardPath = values.card ?? "assay.card.yaml";
    const loaded = existsSync(cardPath) ? loadCard(cardPath) : null;
    const subject = values.subject ?? null;
    const component = subject && loaded ? loaded.card.components.find((c) => c.id === subject) : undefined;
    if (subject && loaded && !component)
        throw new UsageError(`no component '${subject}' in ${cardPath} (components: ${loaded.card.components.map((c) => c.id).join(", ")})`);
    const out = values.out ??
        (loaded ? cardRelative(loaded, `docs/${t.name}.md`) : `docs/${t.name}.md`);
    if (existsSync(out) && !values.force)
        throw new UsageError(`${out} exists (use --force to overwrite it)`);
    const name = values.name ?? component?.name ?? loaded?.card.technology.name ?? "(name)";
    writeTextFile(out, renderTemplate(t, { name, subject, card: loaded ? relative(dirname(out), cardPath) : null }));
    process.stdout.write(`wrote ${out} (${t.title}): answer its questions, list it in the card's documentation, then run 'assay docs check'\n`);
    return 0;
}
async function check(argv) {
    const { values, positionals, help } = parseCommand(argv, {
        ...READINESS_OPTIONS,
        fill: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
    }, HELP);
    if (help)
        return 0;
    const files = readinessFromArgs(values);
    const { loaded, inputs } = files;
    const paths = [
        ...loaded.card.documentation.map((d) => cardRelative(loaded, d)),
        ...positionals.filter((p) => !loaded.card.documentation.some((d) => cardRelative(loaded, d) === p)),
    ];
    if (paths.length === 0)
        throw new UsageError(`no documentation to check: list files in ${loaded.path}'s documentation field, or name them`);
    const docs = paths.map((path) => {
        if (!existsSync(path))
            throw new UsageError(`${path}: no such document (listed in ${loaded.path}: documentation)`);
        const text = readFileSync(path, "utf8");
        return { path, text, doc: located(() => parseDoc(text, path)) };
    });
    const evidence = indexEvidence(inputs.evidence, inputs.artefacts, {
        now: inputs.now,
        freshnessDays: loaded.card.freshnessDays,
        kindFreshnessDays: inputs.policy.freshnessDays,
    });
    const outcome = checkDocs({
        card: loaded.card,
        docs,
        evidence,
        requirements: judgeRequirements(loaded.card, evidence),
        fill: values.fill === true,
    });
    for (const f of outcome.filled)
        writeFileSync(f.path, f.text);
    const textOf = (d) => outcome.filled.find((f) => f.path === d.path)?.text ?? d.text;
    const failed = outcome.results.filter((r) => r.status === "fail").length;
    const report = makeReport("docs", {
        inputs: [
            { name: loaded.path, digest: loaded.digest, rows: 0 },
            ...docs.map((d) => ({ name: d.path, digest: textDigest(textOf(d)), rows: 0 })),
        ],
        config: {
            card: loaded.path,
            documents: paths,
            fill: values.fill === true,
            evidence: files.evidenceDir,
        },
        results: outcome.results,
        summary: { failed, checks: outcome.results.length },
    }, {
        documents: docs.map((d) => ({ path: d.path, template: d.doc.template.name, subject: d.doc.subject })),
        filled: outcome.filled.map((f) => f.path),
    });
    saveEvidence(report, files.evidenceDir);
    if (values.json)
        printJson(report);
    else {
        const lines = [
            `docs check: ${docs.length} documents for ${loaded.card.technology.name} (${loaded.path})`,
        ];
        for (const f of outcome.filled)
            lines.push(`wrote the generated sections of ${f.path}`);
        const flagged = outcome.results.filter((r) => r.status !== "pass");
        if (flagged.length === 0)
            lines.push(`all ${outcome.results.length} checks pass`);
        else {
            // each finding in full: its FILE:LINE is what a person edits next
            for (const r of flagged) {
                lines.push(`  ✗ ${r.check}: ${r.message}`);
                for (const e of (r.examples ?? []).slice(3))
                    lines.push(`      ${e}`);
            }
            lines.push(`${failed} of ${outcome.results.length} checks failed`);
        }
        process.stdout.write(`${lines.join("\n")}\n`);
    }
    return failed > 0 ? 1 : 0;
}
