/**
 * The update gate. Each criterion compares an interval with a threshold:
 *   - the interval lies on the good side → pass; on the bad side → fail;
 *   - it straddles the threshold and is wider than the margin it has to resolve → insufficient
 *     ("too few rows to tell"); it straddles but is narrow → warn (a borderline case, well measured).
 * Fewer than minRows rows is insufficient outright. The verdict is fail if any criterion fails, else
 * insufficient if an overall criterion is, else warn if anything warns, else pass.
 */
import { formatInterval, formatNumber, formatPValue } from "../report/format.js";
import { judgeMetric, type MetricCondition, metricCheck } from "../report/metric-check.js";
import type { CheckResult, Status } from "../report/report.js";
import type { Adjustment } from "../stats/multiple-testing.js";
import { wilsonInterval } from "../stats/wilson.js";
import { FAIRNESS_GAPS, type FairnessDelta } from "./fairness-delta.js";
import type { FlipCounts } from "./flips.js";
import type { GroupComparison } from "./groups.js";

export type Verdict = "pass" | "warn" | "fail" | "insufficient";

export interface GateThresholds {
  /** Non-inferiority margin: the new model may lose at most this much accuracy (default 0.01). */
  accuracyTolerance: number;
  /** Ceiling on the negative flip rate (default 0.05). */
  maxNegativeFlipRate: number;
  /** A group whose accuracy drops by more than this, significantly after adjustment, fails (default 0.02). */
  groupTolerance: number;
  /** Fewer rows than this: insufficient whatever the intervals say (default 100). */
  minRows: number;
  /** Groups smaller than this are reported but not tested (default 30). */
  minGroupRows: number;
  /** Significance level for the group tests, after adjustment (default 0.05). */
  alpha: number;
  adjustment: Adjustment;
  /** Share of golden rows the new model must get right (default 0.9). */
  goldenMinPassRate: number;
  /** A fairness gap that surely widens by more than this fails; one that surely widens at all warns (default 0.02). */
  fairnessTolerance: number;
}

export const DEFAULT_GATE: GateThresholds = {
  accuracyTolerance: 0.01,
  maxNegativeFlipRate: 0.05,
  groupTolerance: 0.02,
  minRows: 100,
  minGroupRows: 30,
  alpha: 0.05,
  adjustment: "holm",
  goldenMinPassRate: 0.9,
  fairnessTolerance: 0.02,
};

interface GateInput {
  counts: FlipCounts;
  accuracyDelta: { value: number | null; ci: [number, number] | null };
  groups: GroupComparison[];
  golden?: { n: number; correct: number } | null;
  fairness?: FairnessDelta[];
  level?: number;
}

export interface GateOutcome {
  verdict: Verdict;
  checks: CheckResult[];
}

/** A significant drop in a group: beyond the tolerance it fails, within it it warns. */
const GROUP_DROP = (t: GateThresholds): MetricCondition => ({ min: -t.groupTolerance, warn: { min: 0 } });

export function runGate(input: GateInput, thresholds: GateThresholds = DEFAULT_GATE): GateOutcome {
  const { counts } = input;
  const checks: CheckResult[] = [];
  const tooFew = counts.n < thresholds.minRows;
  const fewMessage = `${counts.n} rows, fewer than the ${thresholds.minRows} needed to tell`;

  // Accuracy non-inferiority, and a ceiling on the negative flip rate: both must be shown by the interval.
  const delta = input.accuracyDelta;
  checks.push(
    metricCheck({
      check: "compat.accuracy_delta",
      metric: "accuracy new − old",
      value: delta.value,
      ci: delta.ci,
      condition: {
        min: -thresholds.accuracyTolerance,
        reading: "interval",
        margin: thresholds.accuracyTolerance,
      },
      reason: tooFew ? fewMessage : null,
    }),
  );
  const nfrCi = wilsonInterval(counts.negativeFlips, counts.n, input.level ?? 0.95);
  checks.push(
    metricCheck({
      check: "compat.negative_flip_rate",
      metric: "negative flip rate",
      value: counts.negativeFlips / counts.n,
      ci: nfrCi,
      condition: {
        max: thresholds.maxNegativeFlipRate,
        reading: "interval",
        margin: thresholds.maxNegativeFlipRate,
      },
      reason: tooFew ? fewMessage : null,
      context: `(${counts.negativeFlips} of ${counts.n} rows the old model got right are now wrong)`,
    }),
  );

  // Groups and slices: a significant (adjusted) drop beyond the tolerance fails; a significant drop within it warns.
  for (const g of input.groups) {
    const subject =
      g.kind === "sensitive" ? { column: g.column, group: g.value } : { column: g.column, slice: g.slice };
    let status: Status;
    let message: string;
    const d = g.accuracyDelta.value ?? 0;
    if (!g.tested || g.adjustedPValue === null) {
      status = "insufficient";
      message = `${g.slice}: ${g.n} rows, fewer than ${thresholds.minGroupRows}; not tested`;
    } else {
      const significant = g.adjustedPValue < thresholds.alpha && d < 0;
      status = significant ? judgeMetric({ value: d }, GROUP_DROP(thresholds)) : "pass";
      message =
        `${g.slice}: accuracy ${formatNumber(g.accuracyOld)} → ${formatNumber(g.accuracyNew)} (Δ ${formatNumber(d)}, CI ${formatInterval(g.accuracyDelta.ci, formatNumber)}), ` +
        `${g.negativeFlips} negative / ${g.positiveFlips} positive flips, adjusted p = ${formatPValue(g.adjustedPValue)}`;
    }
    checks.push({
      check: g.kind === "sensitive" ? "compat.group_delta" : "compat.slice_delta",
      subject,
      status,
      value: g.accuracyDelta.value,
      threshold: -thresholds.groupTolerance,
      ...(g.accuracyDelta.ci ? { ci: g.accuracyDelta.ci } : {}),
      ...(g.adjustedPValue !== null ? { pValue: g.adjustedPValue } : {}),
      message,
    });
  }

  // Fairness gaps: judged on the lower end of the paired interval of the change (new − old).
  for (const f of input.fairness ?? [])
    for (const gap of FAIRNESS_GAPS) {
      const g = f.gaps[gap];
      if (g.delta.value === null) continue;
      checks.push({
        ...metricCheck({
          check: "compat.fairness_delta",
          subject: { column: f.attribute },
          metric: `${f.attribute}: ${gap} new − old`,
          value: g.delta.value,
          ci: g.delta.ci,
          condition: { max: thresholds.fairnessTolerance, reading: "excludes", warn: { max: 0 } },
          context: `(${formatNumber(g.old)} → ${formatNumber(g.new)})`,
        }),
        gap,
      });
    }

  if (input.golden) {
    const { n, correct } = input.golden;
    checks.push(
      metricCheck({
        check: "compat.golden_set",
        metric: "golden-set pass rate",
        value: n > 0 ? correct / n : null,
        condition: { min: thresholds.goldenMinPassRate },
        reason: n === 0 ? "no golden rows among the rows compared" : null,
        context: `(the new model gets ${correct} of ${n} golden rows right)`,
      }),
    );
  }

  return { verdict: combine(checks), checks };
}

function combine(checks: CheckResult[]): Verdict {
  if (checks.some((c) => c.status === "fail")) return "fail";
  const overall = checks.filter(
    (c) => c.check === "compat.accuracy_delta" || c.check === "compat.negative_flip_rate",
  );
  if (overall.some((c) => c.status === "insufficient")) return "insufficient";
  if (checks.some((c) => c.status === "warn")) return "warn";
  return "pass";
}
