import { findingsText } from "../report/findings-text.js";
import type { LintFinding } from "./finding.js";

/** What `assay lint` prints: the findings that did not pass, and the label-leakage and exposure verdicts that did. */
export function renderLintText(name: string, rows: number, results: LintFinding[]): string {
  const flagged = results.filter((r) => r.status !== "pass");
  const lines = [`lint ${name} (${rows} rows): ${flagged.length} finding${flagged.length === 1 ? "" : "s"}`];
  if (flagged.length > 0) lines.push(...findingsText(flagged, 150));
  for (const r of results.filter((x) => x.check === "lint.label_leakage" && x.status === "pass"))
    lines.push(r.message);
  // Asked for with --exposure: the share and the comparison are the answer even when they pass.
  for (const r of results.filter((x) => x.check === "lint.model_exposure" && x.status === "pass"))
    lines.push(`exposure: ${r.message}`);
  return `${lines.join("\n")}\n`;
}
