import { makeReport, type Report, type ReportInput } from "../report/report.js";
import type { Comparison } from "./compare.js";

export interface ComparisonReportParts {
  /** The labelled rows both models scored, then any model files (name, digest, rows). */
  inputs: ReportInput[];
  config?: Record<string, unknown>;
  /** Golden-set rows that could not be found in the data. */
  goldenUnmatched?: number;
}

/**
 * The comparison Report (`assay compare --json`): the gate's checks, its verdict as the summary (an
 * insufficient verdict warns), the flips, BTC/BEC, McNemar, paired deltas, slices, groups and fairness
 * beside the envelope; the regressed rows as a count and the first twenty.
 */
export function comparisonReport(r: Comparison, parts: ComparisonReportParts): Report {
  return makeReport(
    "comparison",
    {
      inputs: parts.inputs,
      config: { ...parts.config, gate: r.gate },
      results: r.checks,
      summary: {
        status: r.verdict === "fail" ? "fail" : r.verdict === "pass" ? "pass" : "warn",
        verdict: r.verdict,
      },
    },
    {
      n: r.n,
      threshold: r.threshold,
      bothCorrect: r.bothCorrect,
      negativeFlips: r.negativeFlips,
      positiveFlips: r.positiveFlips,
      bothWrong: r.bothWrong,
      negativeFlipRate: r.negativeFlipRate,
      negativeFlipRateCi: r.negativeFlipRateCi,
      positiveFlipRate: r.positiveFlipRate,
      relativeNegativeFlipRate: r.relativeNegativeFlipRate,
      btc: r.btc,
      bec: r.bec,
      errorPersistence: r.errorPersistence,
      mcnemarPValue: r.mcnemarPValue,
      mcnemarChiSquare: r.mcnemarChiSquare,
      accuracyOld: r.accuracyOld,
      accuracyNew: r.accuracyNew,
      accuracyDelta: r.accuracyDelta,
      metrics: r.metrics,
      slices: r.slices,
      groups: r.groups,
      fairness: r.fairness,
      golden: r.golden ? { ...r.golden, unmatched: parts.goldenUnmatched ?? 0 } : null,
      regressedRows: { count: r.regressedRows.length, first: Array.from(r.regressedRows.subarray(0, 20)) },
      verdict: r.verdict,
    },
  );
}
