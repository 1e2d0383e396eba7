/**
 * The checks and the --json body of `assay conformal` (docs/trust.md).
 *
 * Coverage fails when the covered count is below what exchangeability allows: its lower tail under the
 * Beta-Binomial law of split conformal (exchangeable.ts) is below COVERAGE_TEST_LEVEL. A Wilson
 * interval alone would not do: it leaves out the luck of the calibration draw, and on adult a Mondrian
 * group 2 standard errors short of 90% failed with it although nothing was wrong. A failure means
 * the evaluation rows were not exchangeable with the calibration rows (a shift, a leak, another model).
 * Mondrian cells are tested the same way, Holm-adjusted across cells. Groups under the pooled qhat have
 * no guarantee; they warn when their Wilson interval lies wholly below 1 − α.
 */

import type { CheckResult } from "../report/report.js";
import { holm } from "../stats/multiple-testing.js";
import type { ConformalResult, GroupCoverage } from "./conformal.js";
import type { OodSummary } from "./ood-summary.js";
import type { SelectiveReport } from "./selective-report.js";

const COVERAGE_TEST_LEVEL = 0.01;

const pct = (x: number | null) => (x === null ? "–" : `${(100 * x).toFixed(1)}%`);
const ci = (c: [number, number] | null) => (c ? ` [${pct(c[0])}, ${pct(c[1])}]` : "");

export function conformalChecks(
  r: ConformalResult,
  selective: SelectiveReport | null,
  ood: OodSummary | null,
  minGroupRows: number,
): CheckResult[] {
  const target = 1 - r.alpha;
  const results: CheckResult[] = [];
  if (!Number.isFinite(r.qhat))
    results.push({
      check: "conformal.calibration_size",
      status: "insufficient",
      value: r.calibrationRows,
      message: `α = ${r.alpha} needs at least ${Math.ceil((1 - r.alpha) / r.alpha)} calibration rows for a finite threshold; with ${r.calibrationRows} every set holds every class`,
    });
  const p = r.chance?.lowerTail ?? null;
  const short = p !== null && p < COVERAGE_TEST_LEVEL;
  results.push({
    check: "conformal.coverage",
    status: short ? "fail" : "pass",
    value: r.coverage.value,
    threshold: target,
    ...(r.coverage.ci ? { ci: r.coverage.ci } : {}),
    ...(p !== null ? { pValue: p } : {}),
    message: short
      ? `coverage ${pct(r.coverage.value)}${ci(r.coverage.ci)} is below what exchangeable rows give (${pct(r.chance!.band[0])}–${pct(r.chance!.band[1])}, p = ${p.toPrecision(2)}): the evaluation rows do not behave like the calibration rows`
      : r.mondrian
        ? `coverage ${pct(r.coverage.value)}${ci(r.coverage.ci)} on ${r.evaluationRows} rows, each group calibrated on its own (see the Mondrian checks)`
        : `coverage ${pct(r.coverage.value)}${ci(r.coverage.ci)} on ${r.evaluationRows} rows, promised ≥ ${pct(target)}`,
  });
  const small = (column: string | null, g: GroupCoverage, reason?: string): boolean => {
    if (!reason && g.n >= minGroupRows) return false;
    results.push({
      check: column ? "conformal.group_coverage" : "conformal.mondrian_coverage",
      subject: column ? { column, group: g.group } : { group: g.group },
      status: "insufficient",
      value: g.coverage.value,
      message: reason ?? `${g.n} evaluation rows; at least ${minGroupRows} are needed to judge coverage`,
    });
    return true;
  };
  // With Mondrian calibration the cells carry the group checks (below).
  for (const [column, groups] of Object.entries(r.mondrian ? {} : r.groups))
    for (const g of groups) {
      if (small(column, g)) continue;
      const low = g.coverage.ci !== null && g.coverage.ci[1] < target;
      results.push({
        check: "conformal.group_coverage",
        subject: { column, group: g.group },
        status: low ? "warn" : "pass",
        value: g.coverage.value,
        threshold: target,
        ...(g.coverage.ci ? { ci: g.coverage.ci } : {}),
        message: low
          ? `coverage ${pct(g.coverage.value)}${ci(g.coverage.ci)} in this group is below ${pct(target)}: the pooled qhat promises coverage on average only; --mondrian calibrates each group on its own rows`
          : `coverage ${pct(g.coverage.value)}${ci(g.coverage.ci)} on ${g.n} rows`,
      });
    }
  const cells = (r.mondrian?.cells ?? []).filter((c) => !small(null, c, c.reason));
  const adjusted = holm(cells.map((c) => c.chance?.lowerTail ?? 1));
  cells.forEach((c, j) => {
    const fail = adjusted[j] < COVERAGE_TEST_LEVEL;
    results.push({
      check: "conformal.mondrian_coverage",
      subject: { group: c.group },
      status: fail ? "fail" : "pass",
      value: c.coverage.value,
      threshold: target,
      ...(c.coverage.ci ? { ci: c.coverage.ci } : {}),
      pValue: adjusted[j],
      message: fail
        ? `coverage ${pct(c.coverage.value)}${ci(c.coverage.ci)} in this group is below what its own calibration allows (${pct(c.chance!.band[0])}–${pct(c.chance!.band[1])}; Holm-adjusted p = ${adjusted[j].toPrecision(2)})`
        : `coverage ${pct(c.coverage.value)}${ci(c.coverage.ci)} on ${c.n} rows, calibrated on ${c.calibrationRows} rows of this group`,
    });
  });
  if (ood?.chance) {
    const shifted = ood.chance.upperTail < COVERAGE_TEST_LEVEL;
    results.push({
      check: "conformal.exchangeability",
      status: shifted ? "warn" : "pass",
      value: ood.flagged.share,
      threshold: ood.targetFpr,
      ...(ood.flagged.ci ? { ci: ood.flagged.ci } : {}),
      pValue: ood.chance.upperTail,
      message: shifted
        ? `${pct(ood.flagged.share)} of the evaluation rows are out of distribution for the calibration rows (chance would flag ${pct(ood.chance.band[0])}–${pct(ood.chance.band[1])}): coverage may not carry over`
        : `${pct(ood.flagged.share)} of the evaluation rows are out of distribution for the calibration rows, as chance would give`,
    });
  }
  if (selective?.abstention && selective.target !== null) {
    const by = selective.abstention.confidence ?? selective.abstention.setSize ?? selective.abstention.ood;
    const g = by?.guaranteed;
    const o = by?.observed;
    results.push({
      check: "selective.abstention",
      status: g ? "pass" : "warn",
      value: g ? g.abstention : (o?.abstention ?? null),
      threshold: selective.target,
      message: g
        ? `abstaining on the least confident ${pct(g.abstention)} brings the ${selective.risk} to ${pct(g.risk)} (≤ ${pct(g.riskUpper)} with ${Math.round(100 * by!.level)}% confidence), within the target ${pct(selective.target)}`
        : o
          ? `abstaining on ${pct(o.abstention)} reaches ${pct(o.risk)} on these rows, but too few rows remain to show the target ${pct(selective.target)} holds with confidence`
          : `no abstention rate reaches a ${selective.risk} of ${pct(selective.target)} on these rows`,
    });
  }
  return results;
}

/** The --json fields beside the envelope (the alpha, qhat, coverage, meanSetSize, groups first). */
export function conformalBody(
  r: ConformalResult,
  selective: SelectiveReport | null,
  ood: OodSummary | null,
  extra: Record<string, unknown>,
): Record<string, unknown> {
  const infinite = !Number.isFinite(r.qhat);
  return {
    alpha: r.alpha,
    qhat: infinite ? null : r.qhat,
    ...(infinite
      ? { qhatReason: "too few calibration rows for this α: the threshold is +∞ and every set is full" }
      : {}),
    coverage: {
      value: r.coverage.value,
      ci: r.coverage.ci,
      n: r.coverage.n,
      covered: r.coverage.covered,
      level: r.level,
      underExchangeability: r.chance,
      calibrationConditional: r.calibrationConditional,
    },
    meanSetSize: r.meanSetSize,
    ...(r.task === "regression"
      ? {
          meanSetSizeReason: "regression sets are intervals: see meanIntervalWidth",
          meanIntervalWidth: r.meanIntervalWidth,
        }
      : {}),
    groups: r.groups,
    task: r.task,
    method: r.method,
    quantile: {
      convention: r.convention,
      rank: infinite ? null : r.rank,
      calibrationRows: r.calibrationRows,
    },
    calibrationRows: r.calibrationRows,
    evaluationRows: r.evaluationRows,
    setSizes: r.setSizes?.map(({ size, count, share }) => ({ size, count, share })) ?? null,
    coverageBySetSize: r.setSizes?.map(({ size, count, coverage }) => ({ size, count, coverage })) ?? null,
    coverageByIntervalWidth: r.widths,
    mondrian: r.mondrian,
    selective,
    ood: ood ? oodBody(ood) : null,
    ...extra,
  };
}

/** An OodSummary without its per-row flags. */
export function oodBody(s: OodSummary): Record<string, unknown> {
  const { flags: _flags, ...rest } = s;
  return rest;
}
