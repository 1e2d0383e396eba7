import { findingsText } from "../report/findings-text.js";
import type { Anomaly } from "./anomaly.js";

/**
 * What `assay validate` prints: the anomalies that did not pass, a hint when most contracted columns are
 * absent (the wrong table?), and the count of errors and warnings.
 */
export function renderValidationText(
  name: string,
  schemaPath: string,
  rows: number,
  results: Anomaly[],
): string {
  const flagged = results.filter((r) => r.status !== "pass");
  const lines = [`validate ${name} (${rows} rows) against ${schemaPath}: ${results.length} checks`];
  if (flagged.length === 0) lines.push("all checks pass");
  else {
    lines.push(...findingsText(flagged, 140));
  }
  const absent = results.filter((r) => r.check === "schema.missing_column" && r.status === "fail").length;
  const contracted = results.filter((r) => r.check === "schema.missing_rate").length + absent;
  if (absent > 1 && absent * 2 > contracted)
    lines.push(
      `${absent} of ${contracted} contracted columns are absent: is this the table the schema describes?`,
    );
  const errors = flagged.filter((r) => r.status === "fail").length;
  lines.push(
    `${errors} error${errors === 1 ? "" : "s"}, ${flagged.length - errors} warning${flagged.length - errors === 1 ? "" : "s"}`,
  );
  return `${lines.join("\n")}\n`;
}
