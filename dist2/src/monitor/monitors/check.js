import { metricCheck } from "../../report/metric-check.js";
const PREFIX = "monitor.";
export function monitorCheck(id, subject, reading) {
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
export function monitorMetric(id, subject, input) {
    const { n, method, details, ...metric } = input;
    return {
        ...metricCheck({ ...metric, check: `${PREFIX}${id}`, ...(subject ? { subject } : {}) }),
        ...(method !== undefined ? { method } : {}),
        n,
        ...(details !== undefined ? { details } : {}),
    };
}
/** The monitor id of a result (`feature_drift`), as alert rules, metrics and the dashboard name it. */
export function monitorOf(result) {
    return result.check.startsWith(PREFIX) ? result.check.slice(PREFIX.length) : result.check;
}
/** The feature or metric a result is about, null for the model as a whole. */
export function subjectOf(result) {
    return result.subject?.column ?? result.subject?.metric ?? null;
}
