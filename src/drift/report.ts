import { type CheckResult, makeReport, type Report } from "../report/report.js";
import type { DriftOutcome } from "./between.js";
import { DRIFT_CHECK_STATUS } from "./check-status.js";
import type { DatasetDrift } from "./verdict.js";

/**
 * The drift Report (`assay drift --json`): a `drift.column` check per column, judged on the signal that
 * decided its status, and a `drift.dataset` check; the verdict, the columns and the sides beside them.
 */
export function driftReport(outcome: DriftOutcome): Report {
  const { drift, reference, current } = outcome;
  const approximate = reference.approximate || current.approximate;
  return makeReport(
    "drift",
    {
      inputs: [
        { name: reference.name, digest: reference.digest, rows: reference.rows },
        { name: current.name, digest: current.digest, rows: current.rows },
      ],
      config: { ...outcome.policy, selectedColumns: outcome.columns },
      results: driftChecks(drift),
      summary: {
        status: drift.drifted ? "fail" : drift.counts.warn + drift.counts.insufficient > 0 ? "warn" : "pass",
        drifted: drift.drifted,
        verdict: drift.drifted ? "drift" : drift.insufficient ? "insufficient" : "no drift",
        share: drift.share,
        counts: drift.counts,
      },
    },
    {
      drifted: drift.drifted,
      insufficient: drift.insufficient,
      share: drift.share,
      rule: drift.rule,
      approximate: approximate
        ? "one side is a saved profile: statistics come from its sketches (see docs/drift.md for the error)"
        : null,
      columns: drift.columns,
      ignored: drift.ignored,
      onlyInReference: outcome.onlyInReference,
      onlyInCurrent: outcome.onlyInCurrent,
    },
  );
}

/** One check per column and one for the dataset. */
function driftChecks(result: DatasetDrift): CheckResult[] {
  const out: CheckResult[] = result.columns.map((c) => {
    const main = c.signals[0];
    const deciding = c.signals.find((s) => s.status === c.status) ?? main;
    return {
      check: "drift.column",
      subject: { column: c.name },
      status: DRIFT_CHECK_STATUS[c.status],
      value: deciding.effect,
      threshold: deciding.threshold,
      pValue: deciding.qValue,
      message: `${c.name}: ${c.status} — ${deciding.signal === "distribution" ? "" : `${deciding.signal}: `}${deciding.reason}`,
      examples: "unseen" in c.stats && c.stats.unseen.count > 0 ? c.stats.unseen.examples : undefined,
    };
  });
  out.push({
    check: "drift.dataset",
    status: result.drifted ? "fail" : "pass",
    value: result.share,
    message: result.drifted
      ? `${result.counts.drift} of ${result.columns.length} columns drifted (${result.columns
          .filter((c) => c.status === "drift")
          .map((c) => c.name)
          .join(", ")})`
      : `no column drifted (${result.columns.length} compared)`,
  });
  return out;
}
