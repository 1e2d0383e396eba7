import { LineCounter, parseDocument } from "yaml";
/**
 * A problem in a readiness file, located: "assay.card.yaml:12: requirements.R2.risk.impact: must be ≤ 5".
 * Same shape as the schema reader's SchemaFileError; the CLI turns both into one line and exit 2.
 */
export class LocatedError extends Error {
    file;
    line;
    field;
    problem;
    name = "LocatedError";
    constructor(file, line, field, problem) {
        super(`${file}:${line}: ${field ? `${field}: ` : ""}${problem}`);
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }
}
/**
 * Parses YAML keeping positions. `firstLine` shifts line numbers, for YAML that starts further down a
 * file (front matter). Duplicate keys are an error: in a reviewed file a second `owners:` hides the first.
 */
export function readLocatedYaml(text, file, firstLine = 1) {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    const shift = firstLine - 1;
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        const line = (e.linePos?.[0]?.line ?? lines.linePos(e.pos[0]).line) + shift;
        throw new LocatedError(file, line, "", `invalid YAML: ${e.message.split("\n")[0]}`);
    }
    const lineOf = (path) => {
        for (let p = path;; p = p.slice(0, -1)) {
            const node = p.length === 0 ? doc.contents : doc.getIn(p, true);
            const range = node?.range;
            if (range)
                return lines.linePos(range[0]).line + shift;
            if (p.length === 0)
                return firstLine;
        }
    };
    return {
        file,
        value: doc.toJS({ maxAliasCount: 100 }),
        lineOf,
        fail(path, problem, field = path.join(".")) {
            throw new LocatedError(file, lineOf(path), field, problem);
        },
    };
}
export function isMapping(v) {
    return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
export function show(v) {
    if (v === null || v === undefined)
        return "nothing";
    if (Array.isArray(v))
        return "a list";
    if (isMapping(v))
        return "a mapping";
    if (v instanceof Date)
        return `the date ${v.toISOString().slice(0, 10)} (quote it to keep it text)`;
    return JSON.stringify(v);
}
/**
 * Typed field readers over one located document: each checks a value and fails at its line, naming the
 * field the way a person would write it (`requirements.R2.risk`, not `requirements.1.risk`).
 */
export function fieldReader(doc) {
    const name = (path, label) => label ?? path.join(".");
    return {
        mapping(v, path, label) {
            if (isMapping(v))
                return v;
            return doc.fail(path, `expected a mapping, got ${show(v)}`, name(path, label));
        },
        text(v, path, label) {
            if (typeof v === "string" && v.trim() !== "")
                return v.trim();
            if (typeof v === "number" || typeof v === "boolean")
                return String(v);
            return doc.fail(path, `expected text, got ${show(v)}`, name(path, label));
        },
        optionalText(v, path, label) {
            if (v === undefined || v === null || v === "")
                return null;
            return this.text(v, path, label);
        },
        integer(v, path, range, label) {
            if (typeof v !== "number" || !Number.isInteger(v))
                return doc.fail(path, `expected a whole number, got ${show(v)}`, name(path, label));
            if (v < range.min || v > range.max)
                return doc.fail(path, `must be between ${range.min} and ${range.max}, got ${v}`, name(path, label));
            return v;
        },
        boolean(v, path, label) {
            if (typeof v === "boolean")
                return v;
            return doc.fail(path, `expected true or false, got ${show(v)}`, name(path, label));
        },
        list(v, path, label) {
            if (v === undefined || v === null)
                return [];
            if (Array.isArray(v))
                return v;
            return doc.fail(path, `expected a list, got ${show(v)}`, name(path, label));
        },
        textList(v, path, label) {
            return this.list(v, path, label).map((item, i) => this.text(item, [...path, i], `${name(path, label)}[${i}]`));
        },
        oneOf(v, path, allowed, label) {
            if (typeof v === "string" && allowed.includes(v))
                return v;
            return doc.fail(path, `expected one of ${allowed.join(", ")}, got ${show(v)}`, name(path, label));
        },
        /** Unknown keys are errors: a misspelt `reviewer:` must not silently leave a gate unsigned. */
        known(o, path, allowed, label) {
            for (const k of Object.keys(o))
                if (!allowed.includes(k))
                    doc.fail([...path, k], `unknown field (expected one of ${allowed.join(", ")})`, label ? `${label}.${k}` : [...path, k].join("."));
        },
    };
}
/** Splits Markdown front matter (`---` … `---` at the top) from the body, with the line each starts on. */
export function splitFrontMatter(text) {
    const lines = text.split(/\r?\n/);
    if (lines[0]?.trim() !== "---")
        return null;
    const end = lines.findIndex((l, i) => i > 0 && l.trim() === "---");
    if (end < 0)
        return null;
    return {
        yaml: lines.slice(1, end).join("\n"),
        yamlLine: 2,
        body: lines.slice(end + 1).join("\n"),
        bodyLine: end + 2,
    };
}
