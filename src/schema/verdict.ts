import type { Status } from "../report/report.js";
import { rateLowerBound } from "../stats/clopper-pearson.js";
import type { CheckId, CheckOverride, ColumnContract, Schema, Severity } from "./types.js";
import { DEFAULT_SEVERITY } from "./types.js";

/**
 * How a rate check turns "k of n rows broke the rule" into a status, given the tolerance t:
 * - k/n ≤ t: pass;
 * - k/n > t but the batch's one-sided lower confidence bound on its rate is ≤ t: the excess may be
 *   chance (a single stray value in a modest batch), so at most a warning;
 * - lower bound > t: the rule is broken beyond doubt, at the check's severity
 *   (error → fail, warning → warn, info → pass with a note).
 */
export function rateStatus(
  k: number,
  n: number,
  tolerance: number,
  severity: Severity,
  confidence: number,
): { status: Status; severity: Severity; lowerBound: number } {
  const lowerBound = rateLowerBound(k, n, confidence);
  if (k === 0 || n === 0 || k / n <= tolerance) return { status: "pass", severity: "info", lowerBound };
  if (lowerBound <= tolerance)
    return severity === "info"
      ? { status: "pass", severity: "info", lowerBound }
      : { status: "warn", severity: "warning", lowerBound };
  return { status: statusOf(severity), severity, lowerBound };
}

export function statusOf(severity: Severity): Status {
  return severity === "error" ? "fail" : severity === "warning" ? "warn" : "pass";
}

/** The override that applies to a check on a column: the column's own, then the schema-wide one. */
function overrideFor(schema: Schema, check: CheckId, column?: ColumnContract): CheckOverride {
  return { ...(schema.checks[check] ?? {}), ...(column?.checks?.[check] ?? {}) };
}

export function severityFor(schema: Schema, check: CheckId, column?: ColumnContract): Severity {
  return overrideFor(schema, check, column).severity ?? DEFAULT_SEVERITY[check];
}

/** The tolerated fraction: `mostly` from an override wins over the field's own tolerance. */
export function toleranceFor(
  schema: Schema,
  check: CheckId,
  fieldTolerance: number,
  column?: ColumnContract,
): number {
  const mostly = overrideFor(schema, check, column).mostly;
  // toPrecision drops the float noise of 1 − 0.999986 (1.399999999995849e-5 → 1.4e-5)
  return mostly !== undefined ? +(1 - mostly).toPrecision(12) : fieldTolerance;
}
