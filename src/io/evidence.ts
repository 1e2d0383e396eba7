import { join } from "node:path";
import { jsonSafe, type Report } from "../report/report.js";
import { writeTextFile } from "./text-file.js";

/**
 * Saves a report in the evidence store so readiness can tell fresh evidence from stale.
 * The store is `.assay/evidence/` under the working directory unless ASSAY_HOME says otherwise;
 * ASSAY_EVIDENCE=off disables it. `directory` overrides the store (readiness commands write where the card's
 * evidence is).
 */
export function saveEvidence(report: Report, directory?: string): string | null {
  if (process.env.ASSAY_EVIDENCE === "off") return null;
  const home = process.env.ASSAY_HOME ?? ".assay";
  const digest = report.inputs[0]?.digest?.slice(0, 12) ?? "none";
  const stamp = report.createdAt.replace(/[:.]/g, "-");
  const path = join(directory ?? join(home, "evidence"), `${stamp}-${report.kind}-${digest}.json`);
  try {
    writeTextFile(path, JSON.stringify(jsonSafe(report)));
    return path;
  } catch {
    return null; // evidence is a by-product; a read-only directory must not fail the command
  }
}
