/** The CheckResults of an evaluation: what passed, what deserves a look, what failed a bound. */

import { formatFixed as fmt, formatPValue as fmtP, formatInterval } from "../report/format.js";
import type { CheckResult } from "../report/report.js";
import { BINARY_METRICS } from "./binary.js";
import type { Evaluation } from "./evaluation.js";

const FOUR_FIFTHS = 0.8;

export function evaluationChecks(e: Evaluation, failUnder: Record<string, number> = {}): CheckResult[] {
  const out: CheckResult[] = [];
  for (const name of BINARY_METRICS) {
    const m = e.metrics[name];
    const bound = failUnder[name];
    const failed = bound !== undefined && m.value !== null && m.value < bound;
    out.push({
      check: `evaluate.${name}`,
      status: m.value === null ? "insufficient" : failed ? "fail" : "pass",
      value: m.value,
      ...(m.ci ? { ci: m.ci } : {}),
      ...(bound !== undefined ? { threshold: bound } : {}),
      message:
        m.value === null
          ? `${name} cannot be computed: ${m.reason ?? "undefined"}`
          : bound !== undefined
            ? `${name} ${fmt(m.value)} ${failed ? "<" : "≥"} required ${bound}${ciText(m.ci)}`
            : `${name} ${fmt(m.value)}${ciText(m.ci)} on ${m.n} rows`,
    });
  }
  for (const [attribute, f] of Object.entries(e.fairness)) {
    const ratio = f.demographicParityRatio;
    out.push({
      check: "fairness.demographic_parity",
      subject: { column: attribute },
      status: ratio.value === null ? "insufficient" : ratio.value < FOUR_FIFTHS ? "warn" : "pass",
      value: ratio.value,
      ...(ratio.ci ? { ci: ratio.ci } : {}),
      threshold: FOUR_FIFTHS,
      message:
        ratio.value === null
          ? `demographic parity by ${attribute} cannot be assessed: ${ratio.reason}`
          : `selection-rate ratio by ${attribute} is ${fmt(ratio.value)}${ciText(ratio.ci)} (difference ${fmt(f.demographicParityDifference.value)}); the four-fifths rule wants ≥ 0.8`,
    });
    const eo = f.equalizedOddsRatio;
    out.push({
      check: "fairness.equalized_odds",
      subject: { column: attribute },
      status: eo.value === null ? "insufficient" : eo.value < FOUR_FIFTHS ? "warn" : "pass",
      value: f.equalizedOddsDifference.value,
      ...(f.equalizedOddsDifference.ci ? { ci: f.equalizedOddsDifference.ci } : {}),
      message:
        eo.value === null
          ? `equalized odds by ${attribute} cannot be assessed: ${eo.reason}`
          : `equalized-odds difference by ${attribute} is ${fmt(f.equalizedOddsDifference.value)}${ciText(f.equalizedOddsDifference.ci)} (ratio ${fmt(eo.value)})`,
    });
    for (const [group, g] of Object.entries(f.groups)) {
      if (g.status === "insufficient") {
        out.push({
          check: "fairness.group",
          subject: { column: attribute, group },
          status: "insufficient",
          message: `group ${attribute} = ${group} is too small to assess (${g.reason}); it is listed but left out of the differences`,
        });
        continue;
      }
      if (group === f.aequitas.referenceGroup) continue;
      const outside = (f.aequitas.groups[group] ?? []).filter((d) => d.withinTau === false);
      if (outside.length > 0)
        out.push({
          check: "fairness.disparity",
          subject: { column: attribute, group },
          status: "warn",
          message: `${attribute} = ${group} vs ${f.aequitas.referenceGroup}: ${outside
            .map((d) => `${d.metric} disparity ${fmt(d.disparity)}`)
            .join(", ")} outside [${f.aequitas.tau}, ${fmt(1 / f.aequitas.tau)}]`,
        });
    }
  }
  for (const s of e.slices) {
    if (!s.significant || s.restErrorRate === null || s.errorRate <= s.restErrorRate) continue;
    out.push({
      check: "slice.weak",
      subject: { slice: s.slice },
      status: "warn",
      value: s.errorRate,
      pValue: s.pValueAdjusted ?? undefined,
      message: `error rate ${fmt(s.errorRate)} on ${s.count} rows where ${s.slice}, vs ${fmt(s.restErrorRate)} elsewhere (adjusted p ${fmtP(s.pValueAdjusted)})`,
    });
  }
  if (e.baseline)
    out.push({
      check: "baseline.comparison",
      status: e.baseline.baselineMatchesModel ? "warn" : "pass",
      value: e.baseline.rocAucDifference.value,
      ...(e.baseline.rocAucDifference.ci ? { ci: e.baseline.rocAucDifference.ci } : {}),
      message: e.baseline.finding,
    });
  return out;
}

function ciText(ci: [number, number] | null): string {
  return ci ? ` ${formatInterval(ci)}` : "";
}
