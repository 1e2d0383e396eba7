/**
 * Reads and checks a suite file; the first problem is a SuiteFileError naming file, line and field
 * ("tests.yaml:14: tests[2].transform.factor: expected a number, got \"x\"").
 */
import { fieldReader, LocatedError, readLocatedYaml, show, } from "../readiness/located-yaml.js";
import { InputError } from "../table/errors.js";
import { DEFAULT_MIN_ROWS, DEFAULT_SAMPLE, SUITE_FORMAT, SUITE_VERSION, } from "./suite.js";
export class SuiteFileError extends InputError {
    name = "SuiteFileError";
}
const TOP = ["format", "version", "threshold", "seed", "plugins", "tests"];
const TEST = [
    "name",
    "type",
    "where",
    "rows",
    "sample",
    "transform",
    "expect",
    "direction",
    "epsilon",
    "tolerance",
    "minRows",
];
const TRANSFORM_FIELDS = {
    set: ["column", "value"],
    scale: ["column", "factor"],
    shift: ["column", "by"],
    clip: ["column", "min", "max"],
    swap: ["column", "map"],
    missing: ["column"],
    noise: ["column", "sd", "relative", "band"],
    text: ["column", "style"],
    reorder: [],
};
const TEXT_STYLES = ["whitespace", "case", "punctuation", "typo"];
export function parseSuite(text, file = "tests.yaml") {
    try {
        return readSuite(text, file);
    }
    catch (error) {
        if (error instanceof LocatedError)
            throw new SuiteFileError(error.message);
        throw error;
    }
}
function readSuite(text, file) {
    const doc = readLocatedYaml(text, file);
    const r = fieldReader(doc);
    const top = r.mapping(doc.value, [], "the suite");
    r.known(top, [], TOP);
    if (top.format !== SUITE_FORMAT)
        doc.fail(["format"], `expected ${SUITE_FORMAT}, got ${show(top.format)}`);
    if (top.version !== SUITE_VERSION)
        doc.fail(["version"], `expected ${SUITE_VERSION}, got ${show(top.version)}`);
    const num = numberReader(doc.fail);
    const threshold = top.threshold === undefined ? 0.5 : num(top.threshold, ["threshold"], { min: 0, max: 1 });
    const seed = top.seed === undefined ? 1 : r.integer(top.seed, ["seed"], { min: 0, max: 2 ** 32 - 1 });
    const plugins = {};
    if (top.plugins !== undefined)
        for (const [name, path] of Object.entries(r.mapping(top.plugins, ["plugins"])))
            plugins[name] = r.text(path, ["plugins", name]);
    const list = r.list(top.tests, ["tests"]);
    if (list.length === 0)
        doc.fail(["tests"], "the suite has no tests");
    const names = new Set();
    const tests = list.map((item, i) => {
        const t = readTest(item, i, r, num, doc, plugins);
        if (names.has(t.name))
            doc.fail(["tests", i, "name"], `a second test named '${t.name}'`, `tests[${i}].name`);
        names.add(t.name);
        return t;
    });
    return { format: SUITE_FORMAT, version: SUITE_VERSION, file, threshold, plugins, seed, tests };
}
function numberReader(fail) {
    return (v, path, range = {}, label = fieldName(path)) => {
        if (typeof v !== "number" || !Number.isFinite(v))
            return fail(path, `expected a number, got ${show(v)}`, label);
        if (range.min !== undefined && v < range.min)
            return fail(path, `must be ≥ ${range.min}, got ${v}`, label);
        if (range.max !== undefined && v > range.max)
            return fail(path, `must be ≤ ${range.max}, got ${v}`, label);
        return v;
    };
}
/** tests.3.transform.0.column → tests[3].transform[0].column */
function fieldName(path) {
    return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}
function readTest(item, i, r, num, doc, plugins) {
    const at = ["tests", i];
    const label = (...rest) => fieldName([...at, ...rest]);
    const o = r.mapping(item, at, label());
    r.known(o, at, TEST, label());
    const name = r.text(o.name, [...at, "name"], label("name"));
    const type = r.oneOf(o.type, [...at, "type"], ["mft", "inv", "dir"], label("type"));
    const rows = readRows(o, at, r, num, doc.fail);
    const transforms = o.transform === undefined
        ? []
        : (Array.isArray(o.transform) ? o.transform : [o.transform]).map((t, k) => readTransform(t, Array.isArray(o.transform) ? [...at, "transform", k] : [...at, "transform"], r, num, doc.fail, plugins));
    let expect = null;
    let direction = null;
    if (type === "mft") {
        if (o.expect === undefined)
            doc.fail([...at], "an MFT test needs expect: {label: 0|1} or expect: {score: {min, max}}", label("expect"));
        if (rows.rows === null && Object.keys(rows.where).length === 0 && transforms.length === 0)
            doc.fail(at, "an MFT test needs rows: or where: (which rows must get the expected output)", label("rows"));
        expect = readExpect(o.expect, [...at, "expect"], r, num, doc.fail);
    }
    else {
        if (o.expect !== undefined)
            doc.fail([...at, "expect"], `only MFT tests take expect (this is ${type.toUpperCase()})`, label("expect"));
        if (transforms.length === 0)
            doc.fail(at, `an ${type.toUpperCase()} test needs a transform`, label("transform"));
    }
    if (type === "dir") {
        if (o.direction === undefined)
            doc.fail(at, "a DIR test needs direction: up or down", label("direction"));
        direction = r.oneOf(o.direction, [...at, "direction"], ["up", "down"], label("direction"));
    }
    else if (o.direction !== undefined)
        doc.fail([...at, "direction"], "only DIR tests take direction", label("direction"));
    const epsilon = o.epsilon === undefined ? null : num(o.epsilon, [...at, "epsilon"], { min: 0 }, label("epsilon"));
    const tolerance = o.tolerance === undefined
        ? 0
        : num(o.tolerance, [...at, "tolerance"], { min: 0, max: 1 }, label("tolerance"));
    const minRows = o.minRows === undefined
        ? DEFAULT_MIN_ROWS
        : r.integer(o.minRows, [...at, "minRows"], { min: 1, max: 1e9 }, label("minRows"));
    return {
        name,
        type,
        line: doc.lineOf(at),
        rows,
        transforms,
        expect,
        direction,
        epsilon,
        tolerance,
        minRows,
    };
}
function readRows(o, at, r, num, fail) {
    const where = {};
    if (o.where !== undefined)
        for (const [column, clause] of Object.entries(r.mapping(o.where, [...at, "where"], fieldName([...at, "where"])))) {
            const path = [...at, "where", column];
            if (Array.isArray(clause))
                where[column] = { kind: "equals", values: clause.map((v, k) => scalar(v, [...path, k], fail)) };
            else if (clause !== null && typeof clause === "object") {
                const c = clause;
                r.known(c, path, ["min", "max"], fieldName(path));
                where[column] = {
                    kind: "range",
                    min: c.min === undefined ? null : num(c.min, [...path, "min"]),
                    max: c.max === undefined ? null : num(c.max, [...path, "max"]),
                };
            }
            else
                where[column] = { kind: "equals", values: [scalar(clause, path, fail)] };
        }
    let rows = null;
    if (o.rows !== undefined) {
        rows = r
            .list(o.rows, [...at, "rows"], fieldName([...at, "rows"]))
            .map((row, k) => r.mapping(row, [...at, "rows", k], fieldName([...at, "rows", k])));
        if (rows.length === 0)
            fail([...at, "rows"], "an empty list of rows", fieldName([...at, "rows"]));
    }
    const sample = o.sample === undefined
        ? DEFAULT_SAMPLE
        : r.integer(o.sample, [...at, "sample"], { min: 1, max: 1e9 }, fieldName([...at, "sample"]));
    return { where, rows, sample };
}
function scalar(v, path, fail) {
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean")
        return v;
    return fail(path, `expected a value (text, number or true/false), got ${show(v)}`, fieldName(path));
}
function readExpect(v, path, r, num, fail) {
    const o = r.mapping(v, path, fieldName(path));
    r.known(o, path, ["label", "score"], fieldName(path));
    if ((o.label === undefined) === (o.score === undefined))
        fail(path, "give exactly one of label: 0|1 and score: {min, max}", fieldName(path));
    if (o.label !== undefined) {
        const label = o.label === true ? 1 : o.label === false ? 0 : o.label;
        if (label !== 0 && label !== 1)
            fail([...path, "label"], `expected 0 or 1, got ${show(o.label)}`, fieldName([...path, "label"]));
        return { kind: "label", value: label };
    }
    const s = r.mapping(o.score, [...path, "score"], fieldName([...path, "score"]));
    r.known(s, [...path, "score"], ["min", "max"], fieldName([...path, "score"]));
    const min = s.min === undefined ? null : num(s.min, [...path, "score", "min"]);
    const max = s.max === undefined ? null : num(s.max, [...path, "score", "max"]);
    if (min === null && max === null)
        fail([...path, "score"], "give min, max or both", fieldName([...path, "score"]));
    if (min !== null && max !== null && min > max)
        fail([...path, "score"], `min ${min} is above max ${max}`, fieldName([...path, "score"]));
    return { kind: "score", min, max };
}
function readTransform(v, path, r, num, fail, plugins) {
    const f = fieldName(path);
    const o = r.mapping(v, path, f);
    const kinds = [...Object.keys(TRANSFORM_FIELDS), ...Object.keys(plugins)];
    const kind = r.oneOf(o.kind, [...path, "kind"], kinds, `${f}.kind`);
    if (plugins[kind] !== undefined) {
        const { kind: _, ...options } = o;
        return { kind: "plugin", name: kind, options };
    }
    r.known(o, path, ["kind", ...TRANSFORM_FIELDS[kind]], f);
    const column = () => r.text(o.column, [...path, "column"], `${f}.column`);
    const opt = (k) => (o[k] === undefined ? null : num(o[k], [...path, k], {}, `${f}.${k}`));
    switch (kind) {
        case "set": {
            const value = o.value;
            if (value !== null && typeof value !== "string" && typeof value !== "number")
                fail([...path, "value"], `expected text, a number or null, got ${show(value)}`, `${f}.value`);
            return { kind, column: column(), value: value };
        }
        case "scale":
            return { kind, column: column(), factor: num(o.factor, [...path, "factor"], {}, `${f}.factor`) };
        case "shift":
            return { kind, column: column(), by: num(o.by, [...path, "by"], {}, `${f}.by`) };
        case "clip": {
            const min = opt("min");
            const max = opt("max");
            if (min === null && max === null)
                fail(path, "clip needs min, max or both", f);
            return { kind, column: column(), min, max };
        }
        case "swap": {
            const map = {};
            for (const [from, to] of Object.entries(r.mapping(o.map, [...path, "map"], `${f}.map`)))
                map[from] = r.text(to, [...path, "map", from], `${f}.map.${from}`);
            if (Object.keys(map).length === 0)
                fail([...path, "map"], "an empty map", `${f}.map`);
            return { kind, column: column(), map };
        }
        case "missing":
            return { kind, column: column() };
        case "noise": {
            const sd = opt("sd");
            const relative = opt("relative");
            const band = opt("band");
            if ([sd, relative, band].filter((x) => x !== null).length !== 1)
                fail(path, "noise needs exactly one of sd (absolute), relative (share of |value|) or band (share of the column's IQR)", f);
            for (const [k, x] of [
                ["sd", sd],
                ["relative", relative],
                ["band", band],
            ])
                if (x !== null && x < 0)
                    fail([...path, k], `must be ≥ 0, got ${x}`, `${f}.${k}`);
            return { kind, column: column(), sd, relative, band };
        }
        case "text":
            return {
                kind,
                column: column(),
                style: r.oneOf(o.style, [...path, "style"], TEXT_STYLES, `${f}.style`),
            };
        default:
            return { kind: "reorder" };
    }
}
