import { InputError } from "../table/errors.js";
import { COLUMN_TYPES } from "../table/types.js";
import { CATEGORICAL_METHODS, defaultPolicy, NUMERIC_METHODS, } from "./policy.js";
/** A problem in a drift configuration, worded for the person who wrote it. */
export class DriftConfigError extends InputError {
    name = "DriftConfigError";
}
const METHODS = [...new Set([...NUMERIC_METHODS, ...CATEGORICAL_METHODS])];
const TYPE_KEYS = ["numeric", "categorical", ...COLUMN_TYPES];
const TOP_KEYS = [
    "alpha",
    "warnFraction",
    "minRows",
    "datasetShare",
    "numeric",
    "categorical",
    "missing",
    "unseen",
    "range",
    "types",
    "columns",
];
/**
 * Builds a policy from a parsed config document (YAML or JSON), on top of `base`:
 *
 *   alpha: 0.05
 *   numeric: { method: wasserstein, threshold: 0.1 }
 *   categorical: { method: js, threshold: 0.1 }
 *   missing: { threshold: 0.01 }
 *   types: { integer: { method: ks } }
 *   columns: { date: { ignore: true }, delay: { method: psi, threshold: 0.1 } }
 */
export function policyFromConfig(doc, base = defaultPolicy()) {
    if (doc === null || doc === undefined)
        return base;
    const root = asObject(doc, "the drift config");
    for (const key of Object.keys(root))
        if (!TOP_KEYS.includes(key))
            throw new DriftConfigError(`unknown key '${key}' (known: ${TOP_KEYS.join(", ")})`);
    const policy = structuredClone(base);
    if (root.alpha !== undefined)
        policy.alpha = probability(root.alpha, "alpha", true);
    if (root.warnFraction !== undefined)
        policy.warnFraction = probability(root.warnFraction, "warnFraction");
    if (root.minRows !== undefined)
        policy.minRows = count(root.minRows, "minRows");
    if (root.datasetShare !== undefined)
        policy.datasetShare = probability(root.datasetShare, "datasetShare");
    if (root.numeric !== undefined) {
        const rule = parseRule(root.numeric, "numeric");
        if (rule.method) {
            if (!NUMERIC_METHODS.includes(rule.method))
                throw new DriftConfigError(`numeric.method must be one of ${NUMERIC_METHODS.join(", ")}`);
            policy.numeric = {
                method: rule.method,
                threshold: policy.numeric.threshold,
            };
        }
        if (rule.threshold !== undefined)
            policy.numeric.threshold = rule.threshold;
    }
    if (root.categorical !== undefined) {
        const rule = parseRule(root.categorical, "categorical");
        if (rule.method) {
            if (!CATEGORICAL_METHODS.includes(rule.method))
                throw new DriftConfigError(`categorical.method must be one of ${CATEGORICAL_METHODS.join(", ")}`);
            policy.categorical = {
                method: rule.method,
                threshold: policy.categorical.threshold,
            };
        }
        if (rule.threshold !== undefined)
            policy.categorical.threshold = rule.threshold;
    }
    for (const signal of ["missing", "unseen", "range"]) {
        if (root[signal] === undefined)
            continue;
        const o = asObject(root[signal], signal);
        for (const key of Object.keys(o))
            if (key !== "threshold")
                throw new DriftConfigError(`${signal}: unknown key '${key}' (only threshold)`);
        if (o.threshold !== undefined)
            policy[signal].threshold = nonNegative(o.threshold, `${signal}.threshold`);
    }
    if (root.types !== undefined) {
        for (const [type, rule] of Object.entries(asObject(root.types, "types"))) {
            if (!TYPE_KEYS.includes(type))
                throw new DriftConfigError(`types: unknown type '${type}' (use ${TYPE_KEYS.join(", ")})`);
            const key = type;
            policy.types[key] = { ...policy.types[key], ...parseRule(rule, `types.${type}`) };
        }
    }
    if (root.columns !== undefined) {
        for (const [name, rule] of Object.entries(asObject(root.columns, "columns")))
            policy.columns[name] = { ...policy.columns[name], ...parseRule(rule, `columns.${name}`) };
    }
    return policy;
}
/** Parses "KEY=VALUE,KEY=VALUE" (command-line overrides) into pairs. */
export function parseAssignments(text, flag) {
    return text
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s.length > 0)
        .map((item) => {
        const at = item.lastIndexOf("=");
        if (at <= 0 || at === item.length - 1)
            throw new DriftConfigError(`${flag} expects COLUMN_OR_TYPE=VALUE, got '${item}'`);
        return [item.slice(0, at), item.slice(at + 1)];
    });
}
/** Applies one override to a column name or a type/kind name. */
export function applyOverride(policy, key, rule) {
    if (TYPE_KEYS.includes(key)) {
        const k = key;
        policy.types[k] = { ...policy.types[k], ...rule };
    }
    // a key that names a type may name a column too (flights' timestamp column is called "date"):
    // `--ignore date` must leave that column out, not only the columns of type date
    policy.columns[key] = { ...policy.columns[key], ...rule };
}
export function parseRule(value, where) {
    const o = asObject(value, where);
    const rule = {};
    for (const [key, v] of Object.entries(o)) {
        if (key === "method") {
            if (typeof v !== "string" || !METHODS.includes(v))
                throw new DriftConfigError(`${where}.method must be one of ${METHODS.join(", ")}, got '${String(v)}'`);
            rule.method = v;
        }
        else if (key === "threshold")
            rule.threshold = nonNegative(v, `${where}.threshold`);
        else if (key === "ignore") {
            if (typeof v !== "boolean")
                throw new DriftConfigError(`${where}.ignore must be true or false`);
            rule.ignore = v;
        }
        else if (key === "kind") {
            if (v !== "numeric" && v !== "categorical")
                throw new DriftConfigError(`${where}.kind must be numeric or categorical`);
            rule.kind = v;
        }
        else
            throw new DriftConfigError(`${where}: unknown key '${key}' (method, threshold, ignore, kind)`);
    }
    return rule;
}
function asObject(value, where) {
    if (value === null || typeof value !== "object" || Array.isArray(value))
        throw new DriftConfigError(`${where} must be a mapping`);
    return value;
}
function nonNegative(value, where) {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
        throw new DriftConfigError(`${where} must be a number ≥ 0, got ${JSON.stringify(value)}`);
    return value;
}
function probability(value, where, open = false) {
    const v = nonNegative(value, where);
    if (v > 1 || (open && (v === 0 || v === 1)))
        throw new DriftConfigError(`${where} must be in ${open ? "(0, 1)" : "[0, 1]"}, got ${v}`);
    return v;
}
function count(value, where) {
    const v = nonNegative(value, where);
    if (!Number.isInteger(v))
        throw new DriftConfigError(`${where} must be a whole number, got ${v}`);
    return v;
}
