import assert from "node:assert/strict";
import { test } from "node:test";
import { parseCard } from "../../src/readiness/card-read.js";
import { starterCard } from "../../src/readiness/card-template.js";
import { checkDocs } from "../../src/readiness/doc-check.js";
import { parseDoc } from "../../src/readiness/doc-read.js";
import { renderTemplate, TEMPLATE_NAMES, TEMPLATES, template, UNANSWERED, } from "../../src/readiness/doc-templates.js";
import { indexEvidence, SYSTEM } from "../../src/readiness/evidence-index.js";
import { judgeRequirements } from "../../src/readiness/requirements.js";
import { makeReport } from "../../src/report/report.js";
const card = parseCard(starterCard({ name: "T", owner: "ana", reviewer: "ben", entryLevel: 0 }), "assay.card.yaml");
const people = parseCard(starterCard({ name: "T", owner: "ana", reviewer: "ben", entryLevel: 0 }).replace("aboutPeople: false", "aboutPeople: true"), "assay.card.yaml");
/** A template with every question answered (people questions too, unless `skipPeople`). */
function answered(name, subject, skipPeople = false) {
    const t = template(name);
    if (!t)
        throw new Error(name);
    let text = renderTemplate(t, { name: "T", subject, card: null });
    for (const q of t.sections.flatMap((s) => s.questions))
        if (!(skipPeople && q.people))
            text = text.replace(new RegExp(`(### ${q.id.replaceAll(".", "\\.")}:[^\\n]*\\n\\n)${UNANSWERED}\\n`), `$1An answer about ${q.id}.\n`);
    return text.replace("### decision D1: (a short title)\n\nRequirements: R1\n\nTODO", "### decision D1: holdout\n\nRequirements: R1, P1\n\nWe keep a holdout.");
}
test("every template renders and reads back with all its questions unanswered", () => {
    assert.deepEqual(TEMPLATE_NAMES, [
        "datasheet",
        "model-card",
        "dataset-requirements",
        "dataset-design",
        "dataset-implementation",
        "dataset-testing",
        "dataset-maintenance",
    ]);
    for (const t of TEMPLATES) {
        const doc = parseDoc(renderTemplate(t, { name: "X", subject: null, card: null }), `${t.name}.md`);
        const questions = t.sections.flatMap((s) => s.questions);
        assert.equal(doc.answers.length, questions.length, t.name);
        assert.ok(doc.answers.every((a) => a.state === "unanswered"), t.name);
        assert.deepEqual(doc.absent, []);
    }
    assert.ok(TEMPLATES.find((t) => t.name === "datasheet")?.sections.some((s) => s.questions.some((q) => q.people)));
});
const evidence = (files = []) => indexEvidence(files, [
    { component: "model", path: "model.yaml", digest: "m".repeat(64) },
    { component: SYSTEM, path: "assay.card.yaml", digest: "c".repeat(64) },
], { now: Date.parse("2026-02-01T00:00:00Z"), freshnessDays: 30 });
function check(docs, c = card, files = [], fill = false) {
    const index = evidence(files);
    return checkDocs({
        card: c,
        docs: docs.map((d) => ({ ...d, doc: parseDoc(d.text, d.path) })),
        evidence: index,
        requirements: judgeRequirements(c, index),
        fill,
    });
}
test("completeness: unanswered questions and N/A without a reason are named by file and line", () => {
    let text = answered("datasheet", "data");
    text = text.replace("An answer about motivation.funding.", "N/A");
    text = text.replace("An answer about uses.risks.", UNANSWERED);
    text = text.replace("An answer about distribution.license.", "N/A: it is not distributed");
    const out = check([{ path: "docs/datasheet.md", text }]);
    const complete = out.results.find((r) => r.check === "docs.complete" && r.subject?.group === "docs/datasheet.md");
    assert.equal(complete?.status, "fail");
    const lines = text.split("\n");
    const lineOf = (id) => lines.findIndex((l) => l.startsWith(`### ${id}:`)) + 1;
    assert.deepEqual(complete?.examples, [
        `docs/datasheet.md:${lineOf("motivation.funding")}: motivation.funding: N/A needs a reason ('N/A: why it does not apply')`,
        `docs/datasheet.md:${lineOf("uses.risks")}: uses.risks: unanswered — write the answer, or 'N/A: reason'`,
    ]);
});
test("questions about people are asked only when the data is about people", () => {
    const text = answered("datasheet", "data", true);
    assert.equal(check([{ path: "d.md", text }]).results.find((r) => r.subject?.group === "d.md")?.status, "pass");
    const asked = check([{ path: "d.md", text }], people).results.find((r) => r.subject?.group === "d.md");
    assert.equal(asked?.status, "fail");
    assert.match(asked?.message ?? "", /composition\.identify: unanswered/);
});
test("a datasheet per dataset and a model card per model are required", () => {
    const out = check([{ path: "d.md", text: answered("datasheet", "data") }]);
    const model = out.results.find((r) => r.subject?.group === "model");
    assert.equal(model?.status, "fail");
    assert.match(model?.message ?? "", /model \(model\) has no model-card: write one with 'assay docs init model-card --subject model'/);
});
test("traceability: each requirement needs a decision naming it and a test in the evidence", () => {
    const design = answered("dataset-design", "data");
    const none = check([{ path: "design.md", text: design }]);
    const r1 = none.results.find((r) => r.check === "docs.traceability" && r.subject?.group === "R1");
    assert.equal(r1?.status, "fail");
    assert.match(r1?.message ?? "", /^assay\.card\.yaml:48: requirements\.R1: no fresh evidence tests it \(evaluation\.rocAuc >= 0\.75 lower: missing\)$/);
    const evaluation = makeReport("evaluation", { inputs: [{ name: "model.yaml", digest: "m".repeat(64), rows: 9 }], config: {} }, { metrics: { rocAuc: { value: 0.8, ci: [0.7, 0.9] } } }, new Date("2026-01-20T00:00:00Z"));
    const traced = check([{ path: "design.md", text: design }], card, [{ id: "e.json", report: evaluation }]);
    const ok = traced.results.find((r) => r.check === "docs.traceability" && r.subject?.group === "R1");
    assert.equal(ok?.status, "pass", ok?.message);
    assert.match(ok?.message ?? "", /decided in design\.md:\d+ \(D1\); tested by e\.json/);
    const unknown = check([
        {
            path: "design.md",
            text: design.replace("holdout\n\nRequirements: R1, P1", "holdout\n\nRequirements: R1, R7"),
        },
    ]);
    assert.ok(unknown.results.some((r) => /design\.md:\d+: decision D1: names requirement 'R7', which the card does not have/.test(r.message)));
});
test("the model card's generated sections are written from the card and the latest fresh evaluation, and checked", () => {
    const text = answered("model-card", "model");
    const evaluation = makeReport("evaluation", {
        inputs: [{ name: "test.csv", digest: "t".repeat(64), rows: 500 }],
        config: { model: { source: "model.yaml", digest: "m".repeat(64) } },
    }, {
        model: { name: "m1" },
        threshold: 0.5,
        bootstrap: { resamples: 200, level: 0.95 },
        metrics: { rocAuc: { value: 0.81234, ci: [0.78, 0.84], n: 500 } },
    }, new Date("2026-01-25T00:00:00Z"));
    const files = [{ id: "eval-1.json", report: evaluation }];
    const stale = check([{ path: "mc.md", text }], card, files);
    const sections = stale.results.filter((r) => r.check === "docs.model-card");
    assert.ok(sections.every((r) => r.status === "fail"));
    assert.ok(sections.some((r) => /the evaluation section is out of date \(not written yet; the latest fresh evaluation is eval-1\.json\): run 'assay docs check --fill'/.test(r.message)));
    const filled = check([{ path: "mc.md", text }], card, files, true);
    assert.equal(filled.filled.length, 1);
    const written = filled.filled[0].text;
    assert.match(written, /<!-- assay:begin evaluation from=eval-1\.json -->\nFrom `eval-1\.json`/);
    assert.match(written, /\| ROC AUC \| 0\.8123 \| \[0\.78, 0\.84\] \| 500 \|/);
    assert.match(written, /\*\*Intended uses\*\* \(from assay\.card\.yaml\)/);
    const after = check([{ path: "mc.md", text: written }], card, files);
    assert.ok(after.results.filter((r) => r.check === "docs.model-card").every((r) => r.status === "pass"));
});
test("bad documents are named by file, line and field", () => {
    const t = renderTemplate(template("dataset-design"), { name: "X", subject: null, card: null });
    const cases = [
        ["# no front matter\n", /^x\.md:1: expected YAML front matter/],
        [
            t.replace("template: dataset-design", "template: datasheep"),
            /^x\.md:4: template: expected one of datasheet, model-card/,
        ],
        [
            t.replace("### design.sampling:", "### design.sampleing:"),
            /^x\.md:\d+: design\.sampleing: not a question of the dataset-design template/,
        ],
        [
            t.replace("Requirements: R1\n", "We decided.\n"),
            /^x\.md:\d+: decision D1: a decision names the requirements it serves/,
        ],
        [`${t}\n### design.sources: again\n\nyes\n`, /^x\.md:\d+: design\.sources: answered twice/],
        [
            renderTemplate(template("model-card"), { name: "X", subject: null, card: null }).replace("<!-- assay:end uses -->", ""),
            /^x\.md:\d+: assay:end evaluation: closes 'uses', opened on line \d+/,
        ],
        [
            renderTemplate(template("model-card"), { name: "X", subject: null, card: null }).replace("<!-- assay:end evaluation -->", ""),
            /^x\.md:\d+: assay:begin evaluation: is never closed/,
        ],
    ];
    for (const [text, expected] of cases)
        assert.throws(() => parseDoc(text, "x.md"), (e) => {
            assert.match(e.message, expected);
            return true;
        });
});
