import type { TopLevelSpec } from "vega-lite";

/**
 * Vega-Lite specs shared by the HTML reports (rendered to SVG in Node by `vega.ts`) and the dashboard
 * (rendered live in the browser). Pure data in, spec out; no runtime imports, so the browser loads this
 * very file (served by `src/monitor/routes-dashboard.ts`).
 */

/** The palette of the whole product: one colour per status and a category range for series. */
export const PALETTE = {
  ink: "#111827",
  muted: "#6b7280",
  grid: "#e5e7eb",
  accent: "#2563eb",
  pass: "#15803d",
  warn: "#b45309",
  fail: "#b91c1c",
  categories: ["#2563eb", "#f97316", "#16a34a", "#dc2626", "#7c3aed", "#0891b2", "#ca8a04", "#db2777"],
} as const;

/** One visual language: fonts, axes and palette of every chart in every report and on the dashboard. */
export const CHART_CONFIG: Record<string, unknown> = {
  font: "system-ui, -apple-system, Segoe UI, sans-serif",
  background: "white",
  axis: {
    labelColor: "#374151",
    titleColor: "#374151",
    gridColor: PALETTE.grid,
    domainColor: "#9ca3af",
    labelFontSize: 11,
  },
  legend: { labelColor: "#374151", titleColor: "#374151", labelFontSize: 11, orient: "bottom" },
  range: { category: [...PALETTE.categories] },
  view: { stroke: null },
};

/** A spec with the shared config merged under its own (what both renderers draw). */
export function withChartConfig(spec: TopLevelSpec): TopLevelSpec {
  return {
    ...spec,
    config: { ...CHART_CONFIG, ...(spec as { config?: object }).config },
  } as unknown as TopLevelSpec;
}

/** One value of one series at one time (a monitoring window, a month, a run). */
interface SeriesPoint {
  /** ISO 8601 start of the window. */
  time: string;
  series: string;
  value: number | null;
  /** Confidence interval, when the value has one. */
  lo?: number | null;
  hi?: number | null;
  /** Second grouping drawn as the line dash, e.g. "realized" vs "estimated". */
  kind?: string;
  /** The value crossed its monitor's threshold in this window. */
  flagged?: boolean;
  /** Too few rows to trust the value: drawn as a hollow point. */
  uncertain?: boolean;
  /** Sample size behind the value (shown in the tooltip). */
  n?: number;
  /** A line of context for the tooltip (e.g. the raw statistic when the value is scaled). */
  note?: string;
}

interface TimelineOptions {
  width?: number;
  height?: number;
  yTitle: string;
  /** A fixed bound drawn as a dashed rule. */
  threshold?: number | null;
  /** d3-format of values in axes and tooltips (".3f", ".1%"). */
  format?: string;
  /** Title of the dash legend when points carry `kind`. */
  kindTitle?: string;
  /** Moments to mark with a vertical rule (alerts that fired), each with its tooltip text. */
  marks?: { time: string; label: string }[];
}

/**
 * The d3 time format of an axis over these times: hours when they span two days or less (hourly windows
 * need hours), day and hour up to a week, days beyond.
 */
export function timeAxisFormat(times: readonly string[]): string {
  const ms = times.map((t) => Date.parse(t)).filter((t) => Number.isFinite(t));
  if (ms.length < 2) return "%b %d %H:%M";
  const span = Math.max(...ms) - Math.min(...ms);
  const day = 86_400_000;
  return span <= 2 * day ? "%H:%M" : span <= 7 * day ? "%b %d %H:%M" : "%b %d";
}

/**
 * Values over time, one line per series: CI bands where points have them, flagged windows as red
 * rings, the threshold as a dashed rule. Used for drift, data quality and performance over windows.
 */
export function timelineSpec(points: SeriesPoint[], options: TimelineOptions): TopLevelSpec {
  const format = options.format ?? ".3f";
  const values = points.filter((p) => p.value !== null && Number.isFinite(p.value));
  const hasKind = values.some((p) => p.kind !== undefined);
  const axisFormat = timeAxisFormat(values.map((p) => p.time));
  const x = {
    field: "time",
    type: "temporal",
    title: axisFormat === "%H:%M" ? "hour (UTC)" : null,
    axis: { format: axisFormat, labelOverlap: true },
  };
  const tooltip = [
    { field: "series", type: "nominal", title: "series" },
    ...(hasKind ? [{ field: "kind", type: "nominal", title: options.kindTitle ?? "kind" }] : []),
    { field: "time", type: "temporal", title: "window from", format: "%Y-%m-%d %H:%M" },
    { field: "value", type: "quantitative", title: options.yTitle, format },
    { field: "n", type: "quantitative", title: "n", format: "," },
    ...(values.some((p) => p.note) ? [{ field: "note", type: "nominal", title: "detail" }] : []),
  ];
  const color = {
    field: "series",
    type: "nominal",
    title: null,
    legend: { symbolType: "stroke", symbolStrokeWidth: 3 },
  };
  const layers: unknown[] = [];
  if (options.marks && options.marks.length > 0)
    layers.push({
      data: { values: options.marks },
      mark: { type: "rule", color: PALETTE.fail, opacity: 0.5, strokeWidth: 1.5 },
      encoding: {
        x: { field: "time", type: "temporal" },
        tooltip: [
          { field: "time", type: "temporal", title: "alert at", format: "%Y-%m-%d %H:%M" },
          { field: "label", type: "nominal", title: "alert" },
        ],
      },
    });
  if (values.some((p) => p.lo !== undefined && p.lo !== null && p.hi !== undefined && p.hi !== null))
    layers.push({
      transform: [{ filter: "isValid(datum.lo) && isValid(datum.hi)" }],
      mark: { type: "area", opacity: 0.15 },
      encoding: {
        x,
        y: { field: "lo", type: "quantitative" },
        y2: { field: "hi" },
        color,
        detail: hasKind ? { field: "kind" } : undefined,
      },
    });
  layers.push({
    mark: { type: "line", strokeWidth: 2 },
    encoding: {
      x,
      y: { field: "value", type: "quantitative", title: options.yTitle, axis: { format } },
      color,
      ...(hasKind
        ? {
            strokeDash: {
              field: "kind",
              type: "nominal",
              title: options.kindTitle ?? null,
              // The first kind in the data is drawn solid, the next dashed, then dotted.
              scale: {
                domain: [...new Set(values.map((p) => p.kind).filter((k) => k !== undefined))],
                range: [
                  [1, 0],
                  [6, 4],
                  [2, 2],
                ],
              },
              legend: { symbolType: "stroke", symbolStrokeColor: PALETTE.ink, symbolStrokeWidth: 2 },
            },
            detail: { field: "kind" },
          }
        : {}),
    },
  });
  // Points apart from the line, so the dash legend shows dashes; they carry the tooltips.
  layers.push({
    transform: [{ filter: "!datum.uncertain" }],
    mark: { type: "point", size: 30, filled: true, opacity: 1 },
    encoding: { x, y: { field: "value", type: "quantitative" }, color, tooltip },
  });
  if (values.some((p) => p.uncertain))
    layers.push({
      transform: [{ filter: "datum.uncertain" }],
      mark: { type: "point", size: 30, filled: false, opacity: 1, strokeWidth: 1.5, fill: "white" },
      encoding: { x, y: { field: "value", type: "quantitative" }, color, tooltip },
    });
  if (values.some((p) => p.flagged))
    layers.push({
      transform: [{ filter: "datum.flagged" }],
      mark: { type: "point", shape: "circle", size: 140, strokeWidth: 2, color: PALETTE.fail, filled: false },
      encoding: { x, y: { field: "value", type: "quantitative" }, tooltip },
    });
  const spec: Record<string, unknown> = {
    width: options.width ?? 520,
    height: options.height ?? 180,
    data: {
      values: values.map((p) => ({ ...p, flagged: p.flagged === true, uncertain: p.uncertain === true })),
    },
    layer: layers,
  };
  if (options.threshold !== undefined && options.threshold !== null)
    layers.push({
      data: { values: [{ threshold: options.threshold }] },
      mark: { type: "rule", strokeDash: [6, 4], color: PALETTE.fail, opacity: 0.7 },
      encoding: { y: { field: "threshold", type: "quantitative" } },
    });
  return spec as unknown as TopLevelSpec;
}

/** Predictions and labeled predictions per window. */
export function volumeSpec(
  points: { time: string; to: string; predictions: number; labeled: number }[],
  options: { width?: number; height?: number } = {},
): TopLevelSpec {
  const rows = points.flatMap((p) => [
    { time: p.time, to: p.to, what: "predictions", count: p.predictions },
    { time: p.time, to: p.to, what: "with labels", count: p.labeled },
  ]);
  return {
    width: options.width ?? 520,
    height: options.height ?? 120,
    data: { values: rows },
    mark: { type: "rect", opacity: 0.9, stroke: "white", strokeWidth: 1 },
    encoding: {
      x: {
        field: "time",
        type: "temporal",
        title: null,
        axis: { format: timeAxisFormat(points.map((p) => p.time)), labelOverlap: true },
      },
      x2: { field: "to" },
      y: { field: "count", type: "quantitative", title: "rows" },
      y2: { datum: 0 },
      color: {
        field: "what",
        type: "nominal",
        title: null,
        scale: { domain: ["predictions", "with labels"], range: ["#93c5fd", PALETTE.accent] },
      },
      tooltip: [
        { field: "time", type: "temporal", title: "window from", format: "%Y-%m-%d %H:%M" },
        { field: "what", type: "nominal" },
        { field: "count", type: "quantitative", format: "," },
      ],
    },
  } as unknown as TopLevelSpec;
}

/** At most this many distinct whole numbers are drawn as categories (SeniorCitizen 0/1, a rating 1–5). */
export const CATEGORY_MAX_DISTINCT = 12;

interface DistributionColumn {
  name: string;
  type: string;
  histogram?: { edges: number[]; counts: number[] } | null;
  top: { value: unknown; count: number }[];
  /** Exact distinct count, when known: low-cardinality numbers are drawn as categories. */
  distinct?: number;
  distinctExact?: boolean;
  /** Non-missing values, so that the top values can say what share of rows they are. */
  count?: number;
}

/**
 * Vega measures text without a canvas in Node (the HTML reports) by an estimate of 0.8 × font size per
 * character (8.8 px at 11 px), wider than the glyphs: a label limit set in real pixels cuts labels that
 * would fit. 360 px is 40 estimated characters.
 */
const LABEL_LIMIT = 360;
const LABEL_CHAR_WIDTH = 8.8;

/**
 * How a column's distribution is best drawn: booleans and whole numbers with few distinct values as
 * categories (bars per value, not a 0–1 histogram), other numbers as a histogram.
 */
export function drawsAsCategories(column: DistributionColumn): boolean {
  if (column.type === "boolean") return true;
  if (column.type !== "integer" && column.type !== "float") return !column.histogram;
  const few =
    column.distinctExact === true &&
    column.distinct !== undefined &&
    column.distinct <= CATEGORY_MAX_DISTINCT &&
    column.top.length >= column.distinct;
  return few && column.top.every((t) => typeof t.value === "number" && Number.isInteger(t.value));
}

/**
 * Counts are spiky when the fullest bin holds more than 20 times the median non-empty bin: on a linear
 * axis the other bins would be invisible, so the axis turns symlog (zero stays zero) and says so.
 */
export function isSpiky(counts: readonly number[]): boolean {
  const filled = counts.filter((c) => c > 0).sort((a, b) => a - b);
  if (filled.length < 3) return false;
  return filled[filled.length - 1] > 20 * filled[Math.floor(filled.length / 2)];
}

/**
 * A column's distribution from its profile: a histogram of numbers, bars of its top values for text,
 * booleans and low-cardinality whole numbers (horizontal, so long labels are not cut); a symlog count
 * axis for spiky counts; `reference` overlays the reference's top values or histogram as outlined marks.
 */
export function distributionSpec(
  column: DistributionColumn,
  options: { width?: number; reference?: DistributionColumn | null; label?: (value: unknown) => string } = {},
): TopLevelSpec | null {
  const width = options.width ?? 300;
  const label = options.label ?? ((v: unknown) => String(v));
  const histogram = column.histogram;
  if (!drawsAsCategories(column) && histogram && histogram.counts.length > 0) {
    const temporal = column.type === "date" || column.type === "timestamp";
    const rowsOf = (h: { edges: number[]; counts: number[] }, side: string) => {
      const total = h.counts.reduce((a, b) => a + b, 0) || 1;
      return h.counts.map((count, i) => ({
        lo: h.edges[i],
        hi: h.edges[i + 1],
        count,
        share: count / total,
        side,
      }));
    };
    const reference = options.reference?.histogram ?? null;
    const values = [...rowsOf(histogram, "current"), ...(reference ? rowsOf(reference, "reference") : [])];
    const spiky = isSpiky(histogram.counts);
    // with a reference the two sides have different row counts: compare shares, not counts
    const measure = reference ? "share" : "count";
    const x = {
      field: "lo",
      type: temporal ? "temporal" : "quantitative",
      title: column.name,
      // a time axis has no zero to leave out; a numeric one should start at the data
      ...(temporal ? {} : { scale: { zero: false } }),
      axis: { labelOverlap: true },
    };
    const y = {
      field: measure,
      type: "quantitative",
      title: `${reference ? "share of rows" : "rows"}${spiky ? " (log scale)" : ""}`,
      ...(spiky ? { scale: { type: "symlog" } } : {}),
      ...(reference ? { axis: { format: "%" } } : {}),
    };
    const tooltip = [
      ...(reference ? [{ field: "side", type: "nominal", title: "side" }] : []),
      { field: "lo", type: temporal ? "temporal" : "quantitative", title: "from" },
      { field: "hi", type: temporal ? "temporal" : "quantitative", title: "to" },
      { field: "count", type: "quantitative", title: "rows", format: "," },
      { field: "share", type: "quantitative", title: "share", format: ".1%" },
    ];
    const layers: unknown[] = [
      {
        transform: [{ filter: "datum.side === 'current'" }],
        mark: { type: "rect", color: PALETTE.accent, opacity: reference ? 0.55 : 1 },
        encoding: { x, x2: { field: "hi" }, y, tooltip },
      },
    ];
    if (reference)
      layers.push({
        transform: [{ filter: "datum.side === 'reference'" }],
        mark: { type: "rect", filled: false, stroke: PALETTE.ink, strokeWidth: 1.2 },
        encoding: { x, x2: { field: "hi" }, y, tooltip },
      });
    return { width, height: 120, data: { values }, layer: layers } as unknown as TopLevelSpec;
  }
  if (column.top.length > 0) {
    const total = column.count ?? column.top.reduce((a, t) => a + t.count, 0);
    const share = (count: number, whole: number) => (whole > 0 ? count / whole : 0);
    const refTotal = options.reference
      ? (options.reference.count ?? options.reference.top.reduce((a, t) => a + t.count, 0))
      : 0;
    const values = column.top.map((t) => ({
      value: label(t.value),
      count: t.count,
      share: share(t.count, total),
      side: "current",
    }));
    if (options.reference)
      for (const t of options.reference.top)
        values.push({
          value: label(t.value),
          count: t.count,
          share: share(t.count, refTotal),
          side: "reference",
        });
    const categories = [...new Set(values.map((v) => v.value))];
    const numericOrder = column.type === "integer" || column.type === "float";
    const sort = numericOrder
      ? [...categories].sort((a, b) => Number(a) - Number(b))
      : values.filter((v) => v.side === "current").map((v) => v.value);
    const measure = options.reference ? "share" : "count";
    const tooltip = [
      { field: "value", type: "nominal", title: column.name },
      ...(options.reference ? [{ field: "side", type: "nominal" }] : []),
      { field: "count", type: "quantitative", title: "rows", format: "," },
      { field: "share", type: "quantitative", title: "share", format: ".1%" },
    ];
    const y = {
      field: "value",
      type: "nominal",
      sort: [...new Set([...sort, ...categories])],
      title: null,
      // long labels (Bank transfer (automatic)) are shown whole; past LABEL_LIMIT they end in "…" and the
      // bar's tooltip has the whole value
      axis: { labelLimit: LABEL_LIMIT },
    };
    const xAxis = {
      field: measure,
      type: "quantitative",
      title: options.reference ? "share of rows" : "rows",
      ...(options.reference ? { axis: { format: "%" } } : {}),
    };
    const layers: unknown[] = [
      {
        transform: [{ filter: "datum.side === 'current'" }],
        mark: { type: "bar", color: PALETTE.accent, opacity: options.reference ? 0.55 : 1 },
        encoding: { y, x: xAxis, tooltip },
      },
    ];
    if (options.reference)
      layers.push({
        transform: [{ filter: "datum.side === 'reference'" }],
        mark: { type: "tick", color: PALETTE.ink, thickness: 2 },
        encoding: { y, x: xAxis, tooltip },
      });
    // the bars give up the room the labels take, so the chart stays as wide as asked and nothing shrinks
    const labelWidth = Math.min(LABEL_LIMIT, LABEL_CHAR_WIDTH * Math.max(...categories.map((c) => c.length)));
    return {
      width: Math.max(120, width - labelWidth),
      height: Math.max(60, categories.length * 16),
      data: { values },
      layer: layers,
    } as unknown as TopLevelSpec;
  }
  return null;
}
