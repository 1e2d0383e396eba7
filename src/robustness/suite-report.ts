/** A suite's outcomes as check results of the report envelope (check ids robustness.mft|inv|dir). */
import type { CheckResult } from "../report/report.js";
import type { TestOutcome } from "./run-suite.js";

export function suiteChecks(outcomes: TestOutcome[]): CheckResult[] {
  return outcomes.map((o) => ({
    check: `robustness.${o.type}`,
    subject: { group: o.name },
    status: o.status,
    severity: o.status === "fail" || o.status === "error" ? "error" : undefined,
    value: o.rate,
    threshold: o.tolerance,
    ...(o.ci ? { ci: o.ci } : {}),
    n: o.rows,
    failures: o.failures,
    relation: o.relation,
    line: o.line,
    message: `${o.name}: ${o.message}`,
    examples: o.examples,
  }));
}

export interface SuiteSummary {
  tests: number;
  passed: number;
  failed: number;
  errors: number;
  insufficient: number;
}

export function summariseSuite(outcomes: TestOutcome[]): SuiteSummary {
  const count = (s: TestOutcome["status"]) => outcomes.filter((o) => o.status === s).length;
  return {
    tests: outcomes.length,
    passed: count("pass"),
    failed: count("fail"),
    errors: count("error"),
    insufficient: count("insufficient"),
  };
}
