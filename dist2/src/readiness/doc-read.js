import { DOC_FORMAT, DOC_VERSION, TEMPLATE_NAMES, template, UNANSWERED, } from "./doc-templates.js";
import { fieldReader, LocatedError, readLocatedYaml, splitFrontMatter } from "./located-yaml.js";
const QUESTION = /^###\s+([a-z]+\.[a-z.-]+):\s*(.*)$/;
const DECISION = /^###\s+decision\s+([A-Za-z0-9_.-]+)\s*:\s*(.*)$/;
const BEGIN = /^<!--\s*assay:begin\s+([a-z-]+)(?:\s+from=(\S+))?\s*-->$/;
const END = /^<!--\s*assay:end\s+([a-z-]+)\s*-->$/;
const HEADING = /^#{1,3}\s/;
export function parseDoc(text, file) {
    const split = splitFrontMatter(text);
    if (!split)
        throw new LocatedError(file, 1, "", `expected YAML front matter (--- … ---) with format: ${DOC_FORMAT}; 'assay docs init' writes one`);
    const doc = readLocatedYaml(split.yaml, file, split.yamlLine);
    const f = fieldReader(doc);
    const meta = f.mapping(doc.value ?? {}, []);
    f.known(meta, [], ["format", "version", "template", "subject", "card", "title"]);
    if (meta.format !== DOC_FORMAT)
        doc.fail(["format"], `expected '${DOC_FORMAT}'`);
    if (meta.version !== DOC_VERSION)
        doc.fail(["version"], `this Assay reads document version ${DOC_VERSION}`);
    const t = template(f.oneOf(meta.template, ["template"], TEMPLATE_NAMES));
    if (!t)
        return doc.fail(["template"], "unknown template");
    const questions = new Map(t.sections.flatMap((s) => s.questions).map((x) => [x.id, x]));
    const lines = split.body.split(/\r?\n/);
    const answers = [];
    const decisions = [];
    const regions = [];
    let open = {};
    let region = null;
    const fail = (line, field, problem) => {
        throw new LocatedError(file, line, field, problem);
    };
    const close = () => {
        if (open.answer) {
            const body = stripComments(open.answer.body.join("\n")).trim();
            answers.push({
                question: open.answer.question,
                line: open.answer.line,
                text: body,
                state: answerState(body),
            });
        }
        if (open.decision) {
            const d = open.decision;
            const req = d.body.map((l) => /^Requirements:\s*(.*)$/i.exec(l.trim())).find((m) => m);
            if (!req)
                fail(d.line, `decision ${d.id}`, "a decision names the requirements it serves on a line 'Requirements: R1, P2'");
            const ids = req[1]
                .split(",")
                .map((x) => x.trim())
                .filter((x) => x.length > 0);
            if (ids.length === 0)
                fail(d.line, `decision ${d.id}`, "'Requirements:' lists no requirement");
            const prose = stripComments(d.body.filter((l) => !/^Requirements:/i.test(l.trim())).join("\n")).trim();
            decisions.push({
                id: d.id,
                title: d.title,
                line: d.line,
                requirements: ids,
                written: prose !== "" && prose !== UNANSWERED,
            });
        }
        open = {};
    };
    lines.forEach((raw, i) => {
        const line = split.bodyLine + i;
        const trimmed = raw.trim();
        if (region) {
            const end = END.exec(trimmed);
            if (end) {
                if (end[1] !== region.name)
                    fail(line, `assay:end ${end[1]}`, `closes '${region.name}', opened on line ${region.line}`);
                regions.push({
                    name: region.name,
                    from: region.from,
                    line: region.line,
                    endLine: line,
                    content: region.body.join("\n"),
                });
                region = null;
            }
            else
                region.body.push(raw);
            return;
        }
        const begin = BEGIN.exec(trimmed);
        if (begin) {
            close();
            if (regions.some((r) => r.name === begin[1]))
                fail(line, `assay:begin ${begin[1]}`, "appears twice");
            region = { name: begin[1], from: begin[2] ?? null, line, body: [] };
            return;
        }
        const decision = DECISION.exec(trimmed);
        if (decision) {
            close();
            if (!t.decisions)
                fail(line, `decision ${decision[1]}`, `a ${t.name} holds no decisions (the dataset-design document does)`);
            if (decisions.some((d) => d.id === decision[1]))
                fail(line, `decision ${decision[1]}`, "appears twice");
            open = { decision: { id: decision[1], title: decision[2], line, body: [] } };
            return;
        }
        const question = QUESTION.exec(trimmed);
        if (question) {
            close();
            const known = questions.get(question[1]);
            if (!known)
                fail(line, question[1], `not a question of the ${t.name} template (its questions: ${[...questions.keys()].join(", ")})`);
            if (answers.some((a) => a.question.id === question[1]))
                fail(line, question[1], "answered twice");
            open = { answer: { question: known, line, body: [] } };
            return;
        }
        if (HEADING.test(trimmed)) {
            close();
            return;
        }
        open.answer?.body.push(raw);
        open.decision?.body.push(raw);
    });
    if (region)
        fail(region.line, `assay:begin ${region.name}`, "is never closed with <!-- assay:end … -->");
    close();
    return {
        file,
        template: t,
        subject: f.optionalText(meta.subject, ["subject"]),
        card: f.optionalText(meta.card, ["card"]),
        answers,
        absent: [...questions.values()].filter((x) => !answers.some((a) => a.question.id === x.id)),
        decisions,
        regions,
    };
}
function stripComments(text) {
    return text.replace(/<!--[\s\S]*?-->/g, "");
}
function answerState(text) {
    if (text === "" || text === UNANSWERED)
        return "unanswered";
    const na = /^N\/?A\b[\s:.—-]*(.*)$/is.exec(text);
    if (na)
        return na[1].trim().length >= 3 ? "not-applicable" : "bare-na";
    return "answered";
}
