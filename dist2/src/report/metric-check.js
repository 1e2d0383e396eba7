/**
 * A metric judged against a condition, as Evidently's test conditions do (gte / lte on a metric, critical or
 * not): the one place where a value, its interval and a bound become a check's status and message. Used by
 * evaluate's checks, the regression output, the update gate and the monitors.
 */
import { formatInterval, formatNumber } from "./format.js";
function locate(lo, hi, b) {
    const min = b.min ?? Number.NEGATIVE_INFINITY;
    const max = b.max ?? Number.POSITIVE_INFINITY;
    if (lo >= min && hi <= max)
        return "inside";
    if (hi < min || lo > max)
        return "outside";
    return "straddles";
}
function assess(reading, condition) {
    const { value } = reading;
    if (value === null || !Number.isFinite(value))
        return { status: "insufficient", why: "undefined" };
    if (!condition)
        return { status: "pass", why: "unbounded" };
    const how = condition.reading ?? "value";
    const ci = reading.ci ?? null;
    if (how === "interval" && ci === null)
        return { status: "insufficient", why: "noInterval" };
    const [lo, hi] = how === "value" || ci === null ? [value, value] : ci;
    const where = locate(lo, hi, condition);
    if (where === "outside")
        return { status: condition.miss ?? "fail", why: "missed" };
    if (where === "straddles" && how === "interval")
        return hi - lo > (condition.margin ?? 0)
            ? { status: "insufficient", why: "wide" }
            : { status: "warn", why: "borderline" };
    if (condition.warn && locate(lo, hi, condition.warn) === "outside")
        return { status: "warn", why: "warned" };
    return { status: "pass", why: "met" };
}
/** The status of a reading under a condition; a missing value (or interval, when one is read) is insufficient. */
export function judgeMetric(reading, condition) {
    return assess(reading, condition).status;
}
/** A metric's check result: status from `judgeMetric`, the bound it was held to, and a sentence saying so. */
export function metricCheck(input) {
    const { condition } = input;
    const ci = input.ci ?? null;
    const { status, why } = input.reason
        ? { status: "insufficient", why: "undefined" }
        : assess(input, condition);
    const threshold = condition ? thresholdOf(input.value, condition) : undefined;
    return {
        check: input.check,
        ...(input.subject ? { subject: input.subject } : {}),
        status,
        value: input.value !== null && Number.isFinite(input.value) ? input.value : null,
        ...(threshold !== undefined ? { threshold } : {}),
        ...(ci ? { ci } : {}),
        message: metricMessage(input, why),
    };
}
/** The bound the value was held to: the one it crossed, else the upper one, else the lower one. */
function thresholdOf(value, c) {
    if (value !== null && c.min !== undefined && value < c.min)
        return c.min;
    return c.max ?? c.min;
}
function metricMessage(input, why) {
    const { metric, condition } = input;
    const context = input.context ? ` ${input.context}` : "";
    if (input.value === null || !Number.isFinite(input.value))
        return `${metric} cannot be computed: ${input.reason ?? "undefined"}`;
    const reading = `${metric} ${formatNumber(input.value)}${input.ci ? ` ${formatInterval(input.ci, formatNumber)}` : ""}${context}`;
    if (input.reason)
        return `${reading}: ${input.reason}`;
    if (!condition)
        return reading;
    return `${reading}; ${describeBounds(condition)}: ${WORDS[why](condition)}`;
}
const WORDS = {
    undefined: () => "undefined",
    unbounded: () => "",
    met: () => "met",
    missed: (c) => ((c.reading ?? "value") === "value" ? "not met" : "not met (the whole interval is outside)"),
    borderline: () => "borderline (the interval straddles the bound)",
    wide: () => "too few rows to tell (the interval is wider than the margin)",
    noInterval: () => "no interval to judge by",
    warned: (c) => `met, but not ${describeBounds(c.warn ?? {})}`,
};
function describeBounds(b) {
    if (b.min !== undefined && b.max !== undefined)
        return b.min === b.max
            ? `expected ${formatNumber(b.min)}`
            : `expected within [${formatNumber(b.min)}, ${formatNumber(b.max)}]`;
    return b.min !== undefined ? `required ≥ ${formatNumber(b.min)}` : `allowed up to ${formatNumber(b.max)}`;
}
