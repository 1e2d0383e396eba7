/**
 * The verdict of a test from its failure count. The failure rate is reported with its Wilson interval
 * (../stats/wilson.ts), and the verdict is read from it, so chance alone neither fails nor passes:
 *   fail          the whole interval lies above the tolerance — and so does the exact one-sided
 *                 Clopper–Pearson bound at the same level (../stats/clopper-pearson.ts);
 *   insufficient  no rows, or the interval reaches above the tolerance with fewer than minRows rows;
 *   pass          otherwise (with enough rows the failure rate was not shown to exceed the tolerance).
 * Why both bounds: at a true rate equal to the tolerance the Wilson bound alone failed 6.4% of tests
 * at n = 30, tolerance 0.05 (simulated, test/robustness/judge.test.ts) against the 2.5% its level
 * states; the exact bound holds 2.5% at every n, and on large n the two agree.
 */
import type { Status } from "../report/report.js";
import { rateLowerBound } from "../stats/clopper-pearson.js";
import { wilsonInterval } from "../stats/wilson.js";

interface Judgement {
  status: Extract<Status, "pass" | "fail" | "insufficient">;
  rate: number | null;
  ci: [number, number] | null;
}

export function judgeFailures(
  failures: number,
  rows: number,
  tolerance: number,
  minRows: number,
  level = 0.95,
): Judgement {
  if (rows === 0) return { status: "insufficient", rate: null, ci: null };
  const ci = wilsonInterval(failures, rows, level)!;
  const rate = failures / rows;
  if (ci[0] > tolerance && rateLowerBound(failures, rows, 1 - (1 - level) / 2) > tolerance)
    return { status: "fail", rate, ci };
  if (ci[1] > tolerance && rows < minRows) return { status: "insufficient", rate, ci };
  return { status: "pass", rate, ci };
}
