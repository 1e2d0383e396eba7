import { makeReport, type Report, type ReportInput } from "../report/report.js";
import type { LintFinding } from "./finding.js";

/**
 * The lint Report (`assay lint --json`): the findings as checks (leakage and a ≥ 1% train/test overlap
 * fail, the other data bugs warn), with the counts of errors and warnings in the summary.
 */
export function lintReport(
  outcome: { rows: number; results: LintFinding[] },
  parts: { inputs: ReportInput[]; config?: Record<string, unknown> },
): Report {
  const errors = outcome.results.filter((r) => r.status === "fail").length;
  const warnings = outcome.results.filter((r) => r.status === "warn").length;
  return makeReport(
    "lint",
    {
      inputs: parts.inputs,
      config: parts.config ?? {},
      results: outcome.results,
      summary: { errors, warnings, findings: errors + warnings },
    },
    { rows: outcome.rows },
  );
}
