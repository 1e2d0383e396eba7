/**
 * A metric judged against a condition, as Evidently's test conditions do (gte / lte on a metric, critical or
 * not): the one place where a value, its interval and a bound become a check's status and message. Used by
 * evaluate's checks, the regression output, the update gate and the monitors.
 */
import { formatInterval, formatNumber } from "./format.js";
import type { CheckResult, Status } from "./report.js";

/** The values that pass: at least `min`, at most `max` (either may be absent). */
export interface Bounds {
  min?: number;
  max?: number;
}

export interface MetricCondition extends Bounds {
  /**
   * What has to lie outside the bounds for a miss:
   * - "value": the point estimate (the default);
   * - "interval": the burden is on passing — the whole interval inside passes, wholly outside misses, and
   *   one that straddles a bound is insufficient when wider than `margin` (too few rows to tell) and
   *   borderline (warn) when narrower;
   * - "excludes": the burden is on missing — a miss only when the whole interval lies outside (the bounds
   *   are the null hypothesis); without an interval the point estimate decides.
   */
  reading?: "value" | "interval" | "excludes";
  /** For "interval": the widest straddling interval that still counts as measured (default 0). */
  margin?: number;
  /** The status of a miss: "fail" for a gate (default), "warn" for a finding a person should look at. */
  miss?: "fail" | "warn";
  /** Narrower bounds, read the same way, whose miss is only a warning (a gap that surely widened at all). */
  warn?: Bounds;
}

interface MetricReading {
  value: number | null;
  ci?: [number, number] | null;
}

type Outcome = "inside" | "outside" | "straddles";

function locate(lo: number, hi: number, b: Bounds): Outcome {
  const min = b.min ?? Number.NEGATIVE_INFINITY;
  const max = b.max ?? Number.POSITIVE_INFINITY;
  if (lo >= min && hi <= max) return "inside";
  if (hi < min || lo > max) return "outside";
  return "straddles";
}

/** Why a reading got its status: the message says it in words. */
type Why = "undefined" | "unbounded" | "met" | "missed" | "borderline" | "wide" | "warned" | "noInterval";

function assess(reading: MetricReading, condition?: MetricCondition): { status: Status; why: Why } {
  const { value } = reading;
  if (value === null || !Number.isFinite(value)) return { status: "insufficient", why: "undefined" };
  if (!condition) return { status: "pass", why: "unbounded" };
  const how = condition.reading ?? "value";
  const ci = reading.ci ?? null;
  if (how === "interval" && ci === null) return { status: "insufficient", why: "noInterval" };
  const [lo, hi] = how === "value" || ci === null ? [value, value] : ci;
  const where = locate(lo, hi, condition);
  if (where === "outside") return { status: condition.miss ?? "fail", why: "missed" };
  if (where === "straddles" && how === "interval")
    return hi - lo > (condition.margin ?? 0)
      ? { status: "insufficient", why: "wide" }
      : { status: "warn", why: "borderline" };
  if (condition.warn && locate(lo, hi, condition.warn) === "outside")
    return { status: "warn", why: "warned" };
  return { status: "pass", why: "met" };
}

/** The status of a reading under a condition; a missing value (or interval, when one is read) is insufficient. */
export function judgeMetric(reading: MetricReading, condition?: MetricCondition): Status {
  return assess(reading, condition).status;
}

export interface MetricCheckInput extends MetricReading {
  check: string;
  subject?: CheckResult["subject"];
  /** The metric as the message names it: "rocAuc", "accuracy new − old". */
  metric: string;
  condition?: MetricCondition;
  /** Why the metric is not judged — its value is undefined, or rests on too few rows: insufficient. */
  reason?: string | null;
  /** What the value rests on, said after it: "on 16,281 rows", "12 of 300 predictions positive". */
  context?: string;
}

/** A metric's check result: status from `judgeMetric`, the bound it was held to, and a sentence saying so. */
export function metricCheck(input: MetricCheckInput): CheckResult {
  const { condition } = input;
  const ci = input.ci ?? null;
  const { status, why } = input.reason
    ? { status: "insufficient" as const, why: "undefined" as const }
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
function thresholdOf(value: number | null, c: MetricCondition): number | undefined {
  if (value !== null && c.min !== undefined && value < c.min) return c.min;
  return c.max ?? c.min;
}

function metricMessage(input: MetricCheckInput, why: Why): string {
  const { metric, condition } = input;
  const context = input.context ? ` ${input.context}` : "";
  if (input.value === null || !Number.isFinite(input.value))
    return `${metric} cannot be computed: ${input.reason ?? "undefined"}`;
  const reading = `${metric} ${formatNumber(input.value)}${input.ci ? ` ${formatInterval(input.ci, formatNumber)}` : ""}${context}`;
  if (input.reason) return `${reading}: ${input.reason}`;
  if (!condition) return reading;
  return `${reading}; ${describeBounds(condition)}: ${WORDS[why](condition)}`;
}

const WORDS: Record<Why, (c: MetricCondition) => string> = {
  undefined: () => "undefined",
  unbounded: () => "",
  met: () => "met",
  missed: (c) => ((c.reading ?? "value") === "value" ? "not met" : "not met (the whole interval is outside)"),
  borderline: () => "borderline (the interval straddles the bound)",
  wide: () => "too few rows to tell (the interval is wider than the margin)",
  noInterval: () => "no interval to judge by",
  warned: (c) => `met, but not ${describeBounds(c.warn ?? {})}`,
};

function describeBounds(b: Bounds): string {
  if (b.min !== undefined && b.max !== undefined)
    return b.min === b.max
      ? `expected ${formatNumber(b.min)}`
      : `expected within [${formatNumber(b.min)}, ${formatNumber(b.max)}]`;
  return b.min !== undefined ? `required ≥ ${formatNumber(b.min)}` : `allowed up to ${formatNumber(b.max)}`;
}
