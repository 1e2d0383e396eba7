/**
 * What a string value looks like. The same regular expressions run in JS (stream engine) and in DuckDB
 * (SQL engine, RE2 syntax), so both engines classify every value alike. First match wins, in this order.
 */
export const PATTERNS = [
    ["integer", "^\\s*[+-]?[0-9]+\\s*$"],
    ["float", "^\\s*[+-]?([0-9]+\\.[0-9]*|\\.[0-9]+|[0-9]+)([eE][+-]?[0-9]+)?\\s*$"],
    ["boolean", "^(true|false|TRUE|FALSE|True|False)$"],
    ["date", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"],
    [
        "timestamp",
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?$",
    ],
];
const COMPILED = PATTERNS.map(([name, source]) => [name, new RegExp(source)]);
export function emptyPatterns() {
    return { integer: 0, float: 0, boolean: 0, date: 0, timestamp: 0, other: 0 };
}
export function classify(value) {
    const c = value.charCodeAt(0);
    // Fast exit for the common case of words: not a digit, sign, dot, space, or the start of true/false.
    const plausible = (c >= 48 && c <= 57) ||
        c === 43 ||
        c === 45 ||
        c === 46 ||
        c === 32 ||
        (c >= 9 && c <= 13) ||
        c === 116 ||
        c === 102 ||
        c === 84 ||
        c === 70;
    if (!plausible)
        return "other";
    for (const [name, re] of COMPILED)
        if (re.test(value))
            return name;
    return "other";
}
/**
 * The type a string column's values suggest. All numeric → numbers stored as strings; a numeric majority
 * mixed with other text → mixed types. Dates and booleans written as text are normal in CSV and JSON, so
 * they change the inferred type without being flagged.
 */
export function inferFromPatterns(p) {
    const total = p.integer + p.float + p.boolean + p.date + p.timestamp + p.other;
    if (total === 0)
        return { type: "string", issue: null };
    const numeric = p.integer + p.float;
    const numericType = p.float > 0 ? "float" : "integer";
    if (numeric === total)
        return { type: numericType, issue: "numbers_as_strings" };
    if (numeric > 0 && numeric / total >= 0.5)
        return { type: numericType, issue: "mixed_types" };
    if (p.boolean === total)
        return { type: "boolean", issue: null };
    if (p.date === total)
        return { type: "date", issue: null };
    if (p.date + p.timestamp === total)
        return { type: "timestamp", issue: null };
    return { type: "string", issue: null };
}
