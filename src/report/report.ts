/** The one envelope every command produces (DESIGN §4). Browser-safe: no Node built-ins. */
export type Status = "pass" | "warn" | "fail" | "error" | "insufficient";

export interface CheckResult {
  /** Dotted check id, e.g. "schema.missing_column", "drift.column". */
  check: string;
  /** What was checked: a column, a slice or group of rows, or (monitors) a metric of the model. */
  subject?: { column?: string; slice?: string; group?: string; metric?: string; rule?: string };
  status: Status;
  severity?: "error" | "warning" | "info";
  value?: number | null;
  threshold?: number;
  ci?: [number, number];
  pValue?: number;
  /** Expected X, found Y: a sentence a person can act on. */
  message: string;
  /** A few offending rows or values, when there are any. */
  examples?: unknown[];
  [extra: string]: unknown;
}

export interface ReportInput {
  name: string;
  /** sha256 of the bytes, or of the query text. */
  digest: string;
  rows: number;
}

export interface Summary {
  status: "pass" | "warn" | "fail" | "error";
  [extra: string]: unknown;
}

export interface Report {
  kind: string;
  assayVersion: string;
  createdAt: string;
  inputs: ReportInput[];
  config: unknown;
  results: CheckResult[];
  summary: Summary;
  /** Command-specific fields (a profile's columns, a drift's verdict …) sit beside the envelope. */
  [body: string]: unknown;
}

const ASSAY_VERSION = "0.1.0";

export function makeReport(
  kind: string,
  parts: { inputs: ReportInput[]; config: unknown; results?: CheckResult[]; summary?: Partial<Summary> },
  body: Record<string, unknown> = {},
  now: Date = new Date(),
): Report {
  const results = parts.results ?? [];
  return {
    kind,
    assayVersion: ASSAY_VERSION,
    createdAt: now.toISOString(),
    inputs: parts.inputs,
    config: parts.config,
    results,
    summary: { status: worstStatus(results), ...parts.summary },
    ...body,
  };
}

/** fail beats error beats warn beats pass; "insufficient" counts as a warning for the summary. */
export function worstStatus(results: CheckResult[]): Summary["status"] {
  let worst: Summary["status"] = "pass";
  const rank = { pass: 0, warn: 1, error: 2, fail: 3 } as const;
  for (const r of results) {
    const s: Summary["status"] = r.status === "insufficient" ? "warn" : r.status;
    if (rank[s] > rank[worst]) worst = s;
  }
  return worst;
}

/** Replaces NaN and ±Infinity by null so that JSON output never carries them as strings or nulls by accident. */
export function jsonSafe(value: unknown): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>, (v) => jsonSafe(v));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = jsonSafe(v);
    return out;
  }
  return value;
}
