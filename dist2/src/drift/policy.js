import { InputError } from "../table/errors.js";
/** Effect sizes a numeric column can be judged by. */
export const NUMERIC_METHODS = ["wasserstein", "ks", "psi", "js"];
/** Effect sizes a categorical column can be judged by. */
export const CATEGORICAL_METHODS = ["js", "linf", "psi"];
/** Default thresholds of each method, used when a rule names a method but no threshold. */
export const DEFAULT_THRESHOLDS = {
    wasserstein: 0.1,
    ks: 0.1,
    psi: 0.2,
    js: 0.1,
    linf: 0.1,
};
/**
 * Categorical defaults that differ from the numeric ones: bias-corrected JS at 0.05, so that a
 * category share moving by 10 points (JS ≥ 0.07 whatever the shares) is flagged once n is large
 * enough (docs/drift.md §3.5 gives the minimum detectable change per n).
 */
export const CATEGORICAL_THRESHOLDS = { js: 0.05 };
/** The default threshold of a method for a kind of column. */
export function defaultThreshold(kind, method) {
    return ((kind === "categorical" ? CATEGORICAL_THRESHOLDS[method] : undefined) ??
        DEFAULT_THRESHOLDS[method]);
}
export function defaultPolicy() {
    return {
        alpha: 0.05,
        warnFraction: 0.5,
        minRows: 30,
        datasetShare: 0,
        numeric: { method: "wasserstein", threshold: DEFAULT_THRESHOLDS.wasserstein },
        categorical: { method: "js", threshold: defaultThreshold("categorical", "js") },
        missing: { threshold: 0.01 },
        unseen: { threshold: 0.01 },
        range: { threshold: 0.01 },
        types: {},
        columns: {},
    };
}
/** The kind a column type is compared as, before overrides: booleans and strings are categorical. */
export function defaultKind(type) {
    return type === "string" || type === "boolean" ? "categorical" : "numeric";
}
/** The kind a column is compared as: a column override, else a type override, else the type's default. */
export function columnKind(policy, name, type) {
    return policy.columns[name]?.kind ?? policy.types[type]?.kind ?? defaultKind(type);
}
/** Applies kind defaults, then type overrides, then column overrides (later wins). */
export function resolveRule(policy, name, type, forceKind) {
    const byColumn = policy.columns[name] ?? {};
    const byType = policy.types[type] ?? {};
    const kind = forceKind ?? columnKind(policy, name, type);
    const byKind = policy.types[kind] ?? {};
    const base = kind === "numeric" ? policy.numeric : policy.categorical;
    let method = base.method;
    let threshold = base.threshold;
    const allowedHere = kind === "numeric" ? NUMERIC_METHODS : CATEGORICAL_METHODS;
    for (const rule of [byKind, byType, byColumn]) {
        // a forced kind (a column whose type differs between the sides) skips methods of the other kind
        if (forceKind && rule.method !== undefined && !allowedHere.includes(rule.method))
            continue;
        if (rule.method !== undefined) {
            method = rule.method;
            threshold = defaultThreshold(kind, rule.method);
        }
        if (rule.threshold !== undefined)
            threshold = rule.threshold;
    }
    const allowed = kind === "numeric" ? NUMERIC_METHODS : CATEGORICAL_METHODS;
    if (!allowed.includes(method))
        throw new InputError(`column '${name}': method '${method}' does not apply to ${kind} columns (use ${allowed.join(", ")})`);
    return { kind, method, threshold, ignore: byColumn.ignore ?? byType.ignore ?? byKind.ignore ?? false };
}
