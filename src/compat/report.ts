import type { BinaryLabel } from "../evaluate/labels.js";
import { type CheckResult, makeReport, type Report, type ReportInput } from "../report/report.js";
import type { Comparison } from "./compare.js";

export interface ComparisonReportParts {
  /** The labelled rows both models scored, then any model files (name, digest, rows). */
  inputs: ReportInput[];
  config?: Record<string, unknown>;
  /** Golden-set rows that could not be found in the data. */
  goldenUnmatched?: number;
  /** The label as read: names the positive class as written. */
  positiveClass?: BinaryLabel;
  /** Findings that the scores run against the label (invertedModelChecks): they fail the comparison. */
  inverted?: CheckResult[];
}

/**
 * The comparison Report (`assay compare --json`): the gate's checks, its verdict as the summary (an
 * insufficient verdict warns), the flips, BTC/BEC, McNemar, paired deltas, slices, groups and fairness
 * beside the envelope; the regressed rows as a count and the first twenty. Scores that run against the
 * label (`inverted`) void the gate: its deltas compare two readings of the wrong class, so the verdict
 * fails and `gateVerdict` keeps what the gate alone said.
 */
export function comparisonReport(r: Comparison, parts: ComparisonReportParts): Report {
  const inverted = parts.inverted ?? [];
  const verdict = inverted.length > 0 ? "fail" : r.verdict;
  const status = verdict === "fail" ? "fail" : verdict === "pass" ? "pass" : "warn";
  const label = parts.positiveClass;
  return makeReport(
    "comparison",
    {
      inputs: parts.inputs,
      config: { ...parts.config, gate: r.gate },
      results: [...inverted, ...r.checks],
      summary: { status, verdict, gateVerdict: r.verdict },
    },
    {
      ...(label
        ? { positiveClass: { value: label.positive, count: label.positives, rows: label.rows } }
        : {}),
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
