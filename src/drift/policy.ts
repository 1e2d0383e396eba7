import { InputError } from "../table/errors.js";
import type { ColumnType } from "../table/types.js";

/** Effect sizes a numeric column can be judged by. */
export const NUMERIC_METHODS = ["wasserstein", "ks", "psi", "js"] as const;
/** Effect sizes a categorical column can be judged by. */
export const CATEGORICAL_METHODS = ["js", "linf", "psi"] as const;
type NumericMethod = (typeof NUMERIC_METHODS)[number];
type CategoricalMethod = (typeof CATEGORICAL_METHODS)[number];
export type ColumnKind = "numeric" | "categorical";

/** What a column (or a type of column) may override. */
export interface ColumnRule {
  method?: NumericMethod | CategoricalMethod;
  /** The practical threshold on the effect size chosen by `method`. */
  threshold?: number;
  /** Leave the column out of the comparison. */
  ignore?: boolean;
  /** Compare the column as categorical (e.g. integer codes) or numeric. */
  kind?: ColumnKind;
}

/**
 * The verdict policy. A signal drifts when its effect size reaches the practical threshold AND its
 * test rejects at level α after Benjamini–Hochberg correction across every test of every column.
 * See docs/drift.md for the reasoning behind each default.
 */
export interface DriftPolicy {
  /** False discovery rate for the Benjamini–Hochberg procedure. */
  alpha: number;
  /** A signal whose effect reaches this fraction of its threshold (and whose test rejects) warns. */
  warnFraction: number;
  /** Fewer non-missing values than this on either side: the distribution verdict is `insufficient`. */
  minRows: number;
  /** The dataset drifts when at least one column drifts and the drifted share is ≥ this. */
  datasetShare: number;
  numeric: { method: NumericMethod; threshold: number };
  categorical: { method: CategoricalMethod; threshold: number };
  /** |Δ missing rate| threshold (absolute, in rate units). */
  missing: { threshold: number };
  /** Share of current values in categories the reference never saw. */
  unseen: { threshold: number };
  /** Share of current values outside the reference [min, max]. */
  range: { threshold: number };
  /** Overrides by kind ("numeric", "categorical") or column type ("integer", "string", …). */
  types: Partial<Record<ColumnKind | ColumnType, ColumnRule>>;
  /** Overrides by column name; they win over type overrides. */
  columns: Record<string, ColumnRule>;
}

/** Default thresholds of each method, used when a rule names a method but no threshold. */
const DEFAULT_THRESHOLDS: Record<NumericMethod | CategoricalMethod, number> = {
  wasserstein: 0.1,
  ks: 0.1,
  psi: 0.2,
  js: 0.1,
  linf: 0.1,
};

/**
 * Categorical defaults that differ from the numeric ones: bias-corrected JS at 0.05, so that a
 * category share moving by 10 points (JS ≥ 0.085 whatever the shares) is flagged once n is large
 * enough (docs/drift.md §3.5 gives the minimum detectable change per n).
 */
const CATEGORICAL_THRESHOLDS: Partial<Record<CategoricalMethod, number>> = { js: 0.05 };

/** The default threshold of a method for a kind of column. */
function defaultThreshold(kind: ColumnKind, method: NumericMethod | CategoricalMethod): number {
  return (
    (kind === "categorical" ? CATEGORICAL_THRESHOLDS[method as CategoricalMethod] : undefined) ??
    DEFAULT_THRESHOLDS[method]
  );
}

export function defaultPolicy(): DriftPolicy {
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
function defaultKind(type: ColumnType): ColumnKind {
  return type === "string" || type === "boolean" ? "categorical" : "numeric";
}

/** The kind a column is compared as: a column override, else a type override, else the type's default. */
export function columnKind(policy: DriftPolicy, name: string, type: ColumnType): ColumnKind {
  return policy.columns[name]?.kind ?? policy.types[type]?.kind ?? defaultKind(type);
}

export interface ResolvedRule {
  kind: ColumnKind;
  method: NumericMethod | CategoricalMethod;
  threshold: number;
  ignore: boolean;
}

/** Applies kind defaults, then type overrides, then column overrides (later wins). */
export function resolveRule(
  policy: DriftPolicy,
  name: string,
  type: ColumnType,
  forceKind?: ColumnKind,
): ResolvedRule {
  const byColumn = policy.columns[name] ?? {};
  const byType = policy.types[type] ?? {};
  const kind: ColumnKind = forceKind ?? columnKind(policy, name, type);
  const byKind = policy.types[kind] ?? {};
  const base = kind === "numeric" ? policy.numeric : policy.categorical;
  let method = base.method as ResolvedRule["method"];
  let threshold = base.threshold;
  const allowedHere: readonly string[] = kind === "numeric" ? NUMERIC_METHODS : CATEGORICAL_METHODS;
  for (const rule of [byKind, byType, byColumn]) {
    // a forced kind (a column whose type differs between the sides) skips methods of the other kind
    if (forceKind && rule.method !== undefined && !allowedHere.includes(rule.method)) continue;
    if (rule.method !== undefined) {
      method = rule.method;
      threshold = defaultThreshold(kind, rule.method);
    }
    if (rule.threshold !== undefined) threshold = rule.threshold;
  }
  const allowed: readonly string[] = kind === "numeric" ? NUMERIC_METHODS : CATEGORICAL_METHODS;
  if (!allowed.includes(method))
    throw new InputError(
      `column '${name}': method '${method}' does not apply to ${kind} columns (use ${allowed.join(", ")})`,
    );
  return { kind, method, threshold, ignore: byColumn.ignore ?? byType.ignore ?? byKind.ignore ?? false };
}
