import { makeReport, type Report, type ReportInput } from "../report/report.js";
import type { Schema } from "./types.js";
import type { ValidationOutcome } from "./validate.js";

export interface ValidationReportParts {
  /** The table validated (its row count is the outcome's). */
  input: Omit<ReportInput, "rows">;
  schema: Schema;
  /** The schema file's name and the sha256 of its text, for evidence. */
  schemaFile: { name: string; digest: string };
  config?: Record<string, unknown>;
}

/**
 * The validation Report (`assay validate --json`): one check per contract item, anomalies failing or
 * warning by their severity; the counts of errors and warnings in the summary. Chart data, which only
 * the HTML page draws, is left out.
 */
export function validationReport(outcome: ValidationOutcome, parts: ValidationReportParts): Report {
  const errors = outcome.results.filter((r) => r.status === "fail" && r.severity === "error").length;
  const warnings = outcome.results.filter((r) => r.status === "warn").length;
  return makeReport(
    "validation",
    {
      inputs: [
        { ...parts.input, rows: outcome.rows },
        { ...parts.schemaFile, rows: 0 },
      ],
      config: { ...parts.config, confidence: parts.schema.reference?.confidence ?? 0.999 },
      results: outcome.results.map(({ chart: _chart, ...rest }) => rest),
      summary: { errors, warnings, checks: outcome.results.length },
    },
    { rows: outcome.rows, anomalies: outcome.results.filter((r) => r.status !== "pass").length },
  );
}
