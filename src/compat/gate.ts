/**
 * The update gate. Each criterion compares an interval with a threshold:
 *   - the interval lies on the good side → pass; on the bad side → fail;
 *   - it straddles the threshold and is wider than the margin it has to resolve → insufficient
 *     ("too few rows to tell"); it straddles but is narrow → warn (a borderline case, well measured).
 * Fewer than minRows rows is insufficient outright. The verdict is fail if any criterion fails, else
 * insufficient if an overall criterion is, else warn if anything warns, else pass.
 */
import { formatInterval, formatPValue, formatRounded } from "../report/format.js";
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

export interface GateInput {
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

/** Status of "value must be ≥ bound" (or ≤ when upper), read from an interval. */
export function intervalStatus(
  ci: [number, number],
  bound: number,
  side: "atLeast" | "atMost",
  margin: number,
): Exclude<Verdict, "warn"> | "warn" {
  const [lo, hi] = ci;
  if (side === "atLeast") {
    if (lo >= bound) return "pass";
    if (hi < bound) return "fail";
  } else {
    if (hi <= bound) return "pass";
    if (lo > bound) return "fail";
  }
  return hi - lo > margin ? "insufficient" : "warn";
}

export function runGate(input: GateInput, thresholds: GateThresholds = DEFAULT_GATE): GateOutcome {
  const { counts } = input;
  const checks: CheckResult[] = [];
  const tooFew = counts.n < thresholds.minRows;
  const fewMessage = `${counts.n} rows, fewer than the ${thresholds.minRows} needed to tell`;

  // Accuracy non-inferiority.
  const delta = input.accuracyDelta;
  const bound = -thresholds.accuracyTolerance;
  let accuracyStatus: Verdict;
  if (tooFew || delta.value === null || delta.ci === null) accuracyStatus = "insufficient";
  else accuracyStatus = intervalStatus(delta.ci, bound, "atLeast", thresholds.accuracyTolerance);
  checks.push({
    check: "compat.accuracy_delta",
    status: accuracyStatus,
    value: delta.value,
    threshold: bound,
    ...(delta.ci ? { ci: delta.ci } : {}),
    message: tooFew
      ? fewMessage
      : `accuracy new − old = ${fmt(delta.value)} (CI ${fmtCi(delta.ci)}); allowed down to ${fmt(bound)}: ${describe(accuracyStatus)}`,
  });

  // Negative flip rate ceiling.
  const nfr = counts.negativeFlips / counts.n;
  const nfrCi = wilsonInterval(counts.negativeFlips, counts.n, input.level ?? 0.95);
  let nfrStatus: Verdict;
  if (tooFew || nfrCi === null) nfrStatus = "insufficient";
  else
    nfrStatus = intervalStatus(
      nfrCi,
      thresholds.maxNegativeFlipRate,
      "atMost",
      thresholds.maxNegativeFlipRate,
    );
  checks.push({
    check: "compat.negative_flip_rate",
    status: nfrStatus,
    value: nfr,
    threshold: thresholds.maxNegativeFlipRate,
    ...(nfrCi ? { ci: nfrCi } : {}),
    message: tooFew
      ? fewMessage
      : `${counts.negativeFlips} of ${counts.n} rows the old model got right are now wrong (NFR ${fmt(nfr)}, CI ${fmtCi(nfrCi)}); ceiling ${fmt(thresholds.maxNegativeFlipRate)}: ${describe(nfrStatus)}`,
  });

  // Groups and slices: a significant (adjusted) drop beyond the tolerance fails; a significant drop within it warns.
  for (const g of input.groups) {
    const subject =
      g.kind === "sensitive" ? { column: g.column, group: g.value } : { column: g.column, slice: g.value };
    let status: Status;
    let message: string;
    const d = g.accuracyDelta.value ?? 0;
    if (!g.tested || g.adjustedPValue === null) {
      status = "insufficient";
      message = `${g.column} = ${g.value}: ${g.n} rows, fewer than ${thresholds.minGroupRows}; not tested`;
    } else {
      const significant = g.adjustedPValue < thresholds.alpha && d < 0;
      status = significant ? (d < -thresholds.groupTolerance ? "fail" : "warn") : "pass";
      message =
        `${g.column} = ${g.value}: accuracy ${fmt(g.accuracyOld)} → ${fmt(g.accuracyNew)} (Δ ${fmt(d)}, CI ${fmtCi(g.accuracyDelta.ci)}), ` +
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
      const lo = g.delta.ci ? g.delta.ci[0] : g.delta.value;
      const status: Status = lo > thresholds.fairnessTolerance ? "fail" : lo > 0 ? "warn" : "pass";
      checks.push({
        check: "compat.fairness_delta",
        subject: { column: f.attribute },
        status,
        value: g.delta.value,
        threshold: thresholds.fairnessTolerance,
        ...(g.delta.ci ? { ci: g.delta.ci } : {}),
        gap,
        message: `${f.attribute}: ${gap} ${fmt(g.old)} → ${fmt(g.new)} (Δ ${fmt(g.delta.value)}, CI ${fmtCi(g.delta.ci)})${
          status === "pass"
            ? ""
            : status === "warn"
              ? ": the gap widened"
              : `: the gap widened by more than ${fmt(thresholds.fairnessTolerance)}`
        }`,
      });
    }

  if (input.golden) {
    const { n, correct } = input.golden;
    const rate = n > 0 ? correct / n : Number.NaN;
    const status: Status = n === 0 ? "insufficient" : rate >= thresholds.goldenMinPassRate ? "pass" : "fail";
    checks.push({
      check: "compat.golden_set",
      status,
      value: n > 0 ? rate : null,
      threshold: thresholds.goldenMinPassRate,
      message: `the new model gets ${correct} of ${n} golden rows right (${fmt(rate)}); required ${fmt(thresholds.goldenMinPassRate)}`,
    });
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

function describe(status: Verdict): string {
  switch (status) {
    case "pass":
      return "met";
    case "fail":
      return "not met";
    case "warn":
      return "borderline (the interval straddles the threshold)";
    default:
      return "too few rows to tell (the interval is wider than the margin)";
  }
}

const fmt = (x: number | null) => formatRounded(x);
const fmtCi = (ci: [number, number] | null) => formatInterval(ci, fmt, "n/a");
