import type { ColumnType } from "../table/types.js";

/** Numbers for people: integers with separators, others to 4 significant digits. */
export function formatNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return "–";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "−∞";
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return x.toLocaleString("en-US");
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e9)) return x.toExponential(3);
  return Number(x.toPrecision(4)).toLocaleString("en-US", { maximumFractionDigits: 6 });
}

/** A fixed number of decimals (x.toFixed), `missing` for null, undefined, NaN and ±∞: metric tables. */
export function formatFixed(x: number | null | undefined, digits = 4, missing = "–"): string {
  return typeof x === "number" && Number.isFinite(x) ? x.toFixed(digits) : missing;
}

/**
 * `digits` significant digits, trailing zeros dropped (0.0123, 12.35): effects, thresholds, bin edges.
 * Integers print in full (1484705, not 1485000): rounding them only hides which value is meant.
 */
export function formatSignificant(x: number | null | undefined, digits: number, missing = "n/a"): string {
  if (typeof x !== "number" || !Number.isFinite(x)) return missing;
  return Number.isSafeInteger(x) ? String(x) : String(Number(x.toPrecision(digits)));
}

/** An interval as "[low, high]" with each bound formatted alike (formatFixed by default); `missing` when there is none. */
export function formatInterval(
  ci: readonly [number, number] | null | undefined,
  bound: (x: number) => string = (x) => formatFixed(x),
  missing = "–",
): string {
  return ci ? `[${bound(ci[0])}, ${bound(ci[1])}]` : missing;
}

/**
 * A p-value: four decimals, two significant digits in exponent form below 1e-4 (where four decimals
 * would print 0.0000), "< 1e-300" for a p-value that underflowed to 0.
 */
export function formatPValue(p: number | null | undefined, missing = "–"): string {
  if (typeof p !== "number" || Number.isNaN(p)) return missing;
  if (p === 0) return "< 1e-300";
  return p < 1e-4 ? p.toExponential(1) : p.toFixed(4);
}

/** A value of a column, shown in its own terms (dates as ISO dates, timestamps as ISO date-times). */
export function formatValue(x: number | string | null | undefined, type: ColumnType): string {
  if (x === null || x === undefined) return "–";
  if (typeof x === "string") return x;
  // booleans are held as 0/1; a report shows them as the file wrote them
  if (type === "boolean" && (x === 0 || x === 1)) return x === 1 ? "true" : "false";
  if ((type === "date" || type === "timestamp") && Number.isFinite(x)) {
    const iso = new Date(x).toISOString();
    return type === "date" ? iso.slice(0, 10) : iso.replace(".000Z", "Z");
  }
  return formatNumber(x);
}

/** part/whole as a percentage to 2 significant digits ("0%" for none, "n/a" for an empty whole): shares inside sentences. */
export function formatShare(part: number, whole = 1): string {
  if (!(whole > 0)) return "n/a";
  const p = (100 * part) / whole;
  return p === 0 ? "0%" : `${+p.toPrecision(2)}%`;
}

export function formatPercent(part: number, whole: number): string {
  if (whole === 0) return "–";
  const p = (100 * part) / whole;
  if (p === 0) return "0%";
  if (p < 0.1) return "<0.1%";
  return `${p.toFixed(p < 10 ? 1 : 0)}%`;
}

/** Renders rows as a plain aligned text table. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (c ?? "").padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
