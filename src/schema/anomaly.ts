import { formatShare } from "../report/format.js";
import type { CheckResult } from "../report/report.js";
import type { ColumnType } from "../table/types.js";
import type { CheckId, Severity } from "./types.js";

/** One validation result: a CheckResult (DESIGN §4) with the fields every schema check fills in. */
export interface Anomaly extends CheckResult {
  check: CheckId;
  severity: Severity;
  expected?: unknown;
  found?: unknown;
  /** Offending rows (or values) behind `value`. */
  count?: number;
  /** The denominator of the rate: rows, or present values. */
  total?: number;
  /** One-sided lower confidence bound on the batch's rate (rate checks). */
  lowerBound?: number;
  /** A schema change that would accept the data, when the data may be right and the contract wrong. */
  suggestion?: string;
  /** Chart data for the HTML report. */
  chart?: { kind: "domain" | "quantiles"; reference: Record<string, number>; batch: Record<string, number> };
}

/** 1 − mostly without float noise. */
export function complement(mostly: number): number {
  return +(1 - mostly).toPrecision(12);
}

export function num(v: unknown): number {
  return v === null || v === undefined ? 0 : Number(v);
}

export function nullableNum(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

export function showValue(v: unknown, type: ColumnType | undefined): unknown {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return String(v);
    if (type === "date") return new Date(v).toISOString().slice(0, 10);
    if (type === "timestamp") return new Date(v).toISOString();
  }
  return v;
}

/** k of n as a percentage (report/format.ts formatShare). */
export const pct = (k: number, n: number): string => formatShare(k, n);

/** A rate as a percentage (report/format.ts formatShare). */
export const pctOf = (x: number): string => formatShare(x);

export function roundTolerance(x: number): number {
  const scale = 10 ** (Math.floor(Math.log10(x)) - 1);
  return +(Math.ceil((x * 1.5) / scale) * scale).toPrecision(2);
}

export function fmtFactor(x: number): string {
  return x >= 100 || x <= 0.01 ? x.toPrecision(4) : x.toFixed(4).replace(/\.?0+$/, "");
}
