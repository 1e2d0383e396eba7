import { formatPercent, textTable } from "./format.js";
import type { CheckResult } from "./report.js";

type Finding = CheckResult & { count?: number; total?: number; suggestion?: string };

/** The terminal table of flagged checks that validate and lint share, then each one's offending rows. */
export function findingsText(flagged: Finding[], messageWidth: number): string[] {
  const lines = [
    textTable(
      ["status", "check", "column", "count", "message"],
      flagged.map((r) => [
        r.status === "fail" ? "ERROR" : "warn",
        r.check,
        r.subject?.rule ?? r.subject?.column ?? "",
        r.count !== undefined ? `${r.count}${r.total ? ` (${formatPercent(r.count, r.total)})` : ""}` : "",
        r.message.length > messageWidth ? `${r.message.slice(0, messageWidth - 3)}…` : r.message,
      ]),
    ),
  ];
  for (const r of flagged) {
    const rows = ((r.examples ?? []) as { row?: number }[]).map((e) => e.row).filter((x) => x !== undefined);
    if (rows.length > 0 || r.suggestion)
      lines.push(
        `  ${r.check}${(r.subject?.rule ?? r.subject?.column) ? ` [${r.subject?.rule ?? r.subject?.column}]` : ""}:` +
          (rows.length > 0 ? ` rows ${rows.join(", ")}` : "") +
          (r.suggestion ? ` — suggest: ${r.suggestion}` : ""),
      );
  }
  return lines;
}
