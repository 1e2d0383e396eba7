/**
 * The verdict of a test from its failure count, judged on the Wilson interval of the failure rate
 * (../stats/wilson.ts) so that chance alone neither fails nor passes a test:
 *   fail          the whole interval lies above the tolerance (lower bound > tolerance);
 *   insufficient  no rows, or the interval reaches above the tolerance with fewer than minRows rows;
 *   pass          otherwise (with enough rows the failure rate was not shown to exceed the tolerance).
 */
import type { Status } from "../report/report.js";
import { wilsonInterval } from "../stats/wilson.js";

export interface Judgement {
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
  if (ci[0] > tolerance) return { status: "fail", rate, ci };
  if (ci[1] > tolerance && rows < minRows) return { status: "insufficient", rate, ci };
  return { status: "pass", rate, ci };
}
