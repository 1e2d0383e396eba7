import { formatShare } from "../report/format.js";
import type { CheckResult } from "../report/report.js";
import type { Severity } from "../schema/types.js";

/** The checks `assay lint` runs (ids are a contract, like the schema's). */
const LINT_CHECKS = [
  "lint.numbers_as_strings",
  "lint.mixed_types",
  "lint.disguised_missing",
  "lint.outliers",
  "lint.near_constant",
  "lint.identifier",
  "lint.duplicate_rows",
  "lint.conflicting_labels",
  "lint.class_imbalance",
  "lint.label_leakage",
  "lint.train_test_overlap",
  "lint.model_exposure",
] as const;
type LintCheck = (typeof LINT_CHECKS)[number];

export interface LintFinding extends CheckResult {
  check: LintCheck;
  severity: Severity;
  count?: number;
  total?: number;
  suggestion?: string;
}

export function finding(
  check: LintCheck,
  severity: Severity,
  fields: { message: string; status?: LintFinding["status"]; [extra: string]: unknown },
): LintFinding {
  const status = fields.status ?? (severity === "error" ? "fail" : severity === "warning" ? "warn" : "pass");
  return { check, severity, ...fields, status } as LintFinding;
}

/** k of n as a percentage (report/format.ts formatShare). */
export const percent = (k: number, n: number): string => formatShare(k, n);
