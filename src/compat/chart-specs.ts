/**
 * Vega-Lite spec of a comparison: every metric's new − old difference with its paired-bootstrap CI (a forest
 * plot; the zero line is "no change"). Pure, no runtime imports but report/names: the HTML report renders it to SVG in Node,
 * the dashboard draws it live from a saved report (served by src/monitor/routes-dashboard.ts).
 */
import type { TopLevelSpec } from "vega-lite";
import { metricHeading } from "../report/names.js";

/** The `metrics` field of a comparison (and of its saved report). */
export type MetricDeltas = Record<
  string,
  { old: number | null; new: number | null; delta: { value: number | null; ci: [number, number] | null } }
>;

/** Metrics where a smaller value is the better one. */
const LOWER_IS_BETTER = new Set(["logLoss", "brier", "ece", "mae", "rmse"]);

/** "worse" / "better" when the whole CI is on that side of zero, else "unclear". */
function direction(metric: string, lo: number, hi: number): "worse" | "better" | "unclear" {
  const sign = LOWER_IS_BETTER.has(metric) ? -1 : 1;
  const [a, b] = sign > 0 ? [lo, hi] : [-hi, -lo];
  return b < 0 ? "worse" : a > 0 ? "better" : "unclear";
}

/** Metrics that are not on the 0–1 scale: drawn in their own panel so their intervals do not squash the rest. */
const UNBOUNDED = new Set(["logLoss", "mae", "rmse", "mse"]);

/**
 * A forest plot: each metric's new − old difference with its paired-bootstrap CI as a whisker, the zero
 * line "no change", one panel per metric scale (0–1 metrics apart from log loss and errors in units).
 */
export function metricDeltaSpec(metrics: MetricDeltas, options: { width?: number } = {}): TopLevelSpec {
  const values = Object.entries(metrics)
    .filter(([, m]) => m.delta.value !== null && Number.isFinite(m.delta.value))
    .map(([metric, m]) => {
      const lo = m.delta.ci?.[0] ?? (m.delta.value as number);
      const hi = m.delta.ci?.[1] ?? (m.delta.value as number);
      return {
        id: metric,
        metric: metricHeading(metric),
        scale: UNBOUNDED.has(metric) ? "unbounded (own units)" : "0–1 metrics",
        delta: m.delta.value,
        lo,
        hi,
        old: m.old,
        new: m.new,
        change: direction(metric, lo, hi),
      };
    });
  const y = { field: "metric", type: "nominal", title: null, sort: null, axis: { labelLimit: 240 } };
  const panel = (scale: string) => ({
    transform: [{ filter: { field: "scale", equal: scale } }],
    width: options.width ?? 300,
    height: { step: 18 },
    layer: [
      {
        mark: { type: "rule", color: "#9ca3af", strokeDash: [4, 4] },
        encoding: { x: { datum: 0, type: "quantitative" } },
      },
      {
        mark: { type: "rule", strokeWidth: 2, color: "#9ca3af" },
        encoding: {
          y: { ...y, title: scale },
          x: { field: "lo", type: "quantitative", title: "difference" },
          x2: { field: "hi" },
        },
      },
      {
        mark: { type: "point", filled: true, size: 50 },
        encoding: {
          y: { ...y, title: scale },
          x: { field: "delta", type: "quantitative" },
          color: {
            field: "change",
            type: "nominal",
            title: "new model",
            scale: { domain: ["worse", "unclear", "better"], range: ["#b91c1c", "#6b7280", "#15803d"] },
          },
          tooltip: [
            { field: "metric", type: "nominal" },
            { field: "old", type: "quantitative", format: ".4f" },
            { field: "new", type: "quantitative", format: ".4f" },
            { field: "delta", type: "quantitative", format: ".4f" },
            { field: "change", type: "nominal", title: "new model" },
            { field: "lo", type: "quantitative", format: ".4f", title: "CI low" },
            { field: "hi", type: "quantitative", format: ".4f", title: "CI high" },
          ],
        },
      },
    ],
  });
  // one panel per scale that has metrics (vconcat, not a facet: a facet with independent scales makes
  // Vega-Lite warn about unioned domains)
  const scales = ["0–1 metrics", "unbounded (own units)"].filter((scale) =>
    values.some((v) => v.scale === scale),
  );
  return {
    title: "new − old, 95% CI",
    data: { values },
    vconcat: scales.map(panel),
    resolve: { scale: { color: "shared" } },
  } as unknown as TopLevelSpec;
}
