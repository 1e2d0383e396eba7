import { type MetricCheckInput, metricCheck } from "../../report/metric-check.js";
import type { CheckResult, Status } from "../../report/report.js";

/**
 * A monitor's reading as a CheckResult. The check id is `monitor.<id>` (`monitor.feature_drift`); the
 * subject is a feature (`{column}`) or a metric (`{metric}`), absent for the model as a whole; `n` is the
 * sample size behind the value, and `method` / `details` say how it was computed.
 */
interface MonitorReading {
  status: Status;
  value: number | null;
  n: number;
  message: string;
  threshold?: number;
  ci?: [number, number] | null;
  pValue?: number | null;
  method?: string;
  details?: Record<string, unknown>;
}

export type MonitorSubject = { column: string } | { metric: string } | null;

const PREFIX = "monitor.";

export function monitorCheck(id: string, subject: MonitorSubject, reading: MonitorReading): CheckResult {
  const { status, value, threshold, method, n, ci, pValue, message, details } = reading;
  return {
    check: `${PREFIX}${id}`,
    ...(subject ? { subject } : {}),
    status,
    value: value !== null && Number.isFinite(value) ? value : null,
    ...(threshold !== undefined ? { threshold } : {}),
    ...(method !== undefined ? { method } : {}),
    n,
    ...(ci ? { ci } : {}),
    ...(pValue !== null && pValue !== undefined ? { pValue } : {}),
    message,
    ...(details !== undefined ? { details } : {}),
  };
}

/** A monitor that reads a metric (a rate, a performance metric, a bias …), judged by the shared metric check. */
export function monitorMetric(
  id: string,
  subject: MonitorSubject,
  input: Omit<MetricCheckInput, "check" | "subject"> & Pick<MonitorReading, "n" | "method" | "details">,
): CheckResult {
  const { n, method, details, ...metric } = input;
  return {
    ...metricCheck({ ...metric, check: `${PREFIX}${id}`, ...(subject ? { subject } : {}) }),
    ...(method !== undefined ? { method } : {}),
    n,
    ...(details !== undefined ? { details } : {}),
  };
}

/** The monitor id of a result (`feature_drift`), as alert rules, metrics and the dashboard name it. */
export function monitorOf(result: CheckResult): string {
  return result.check.startsWith(PREFIX) ? result.check.slice(PREFIX.length) : result.check;
}

/** The feature or metric a result is about, null for the model as a whole. */
export function subjectOf(result: CheckResult): string | null {
  return result.subject?.column ?? result.subject?.metric ?? null;
}
