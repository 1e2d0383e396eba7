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

/** A value of a column, shown in its own terms (dates as ISO dates, timestamps as ISO date-times). */
export function formatValue(x: number | string | null | undefined, type: ColumnType): string {
  if (x === null || x === undefined) return "–";
  if (typeof x === "string") return x;
  if ((type === "date" || type === "timestamp") && Number.isFinite(x)) {
    const iso = new Date(x).toISOString();
    return type === "date" ? iso.slice(0, 10) : iso.replace(".000Z", "Z");
  }
  return formatNumber(x);
}

/** A p-value for people: 4 decimals, small ones in exponent form, an underflowed 0 as a bound. */
export function formatPValue(p: number | null | undefined): string {
  if (p === null || p === undefined || Number.isNaN(p)) return "–";
  if (p === 0) return "< 1e-300";
  return p < 1e-4 ? p.toExponential(1) : String(Number(p.toFixed(4)));
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
