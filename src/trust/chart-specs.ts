/**
 * Vega-Lite specs of the trust reports: set sizes, coverage against its promise, risk–coverage curves,
 * and the p-values of OOD scores. Pure data in, spec out (no runtime imports), like the other stages'
 * chart specs, so a dashboard can draw them from a saved report.
 */
import type { TopLevelSpec } from "vega-lite";

export interface CoverageBar {
  label: string;
  coverage: number | null;
  lo: number | null;
  hi: number | null;
  n: number;
}

/** Coverage of each bar with its interval, and the promised 1 − α as a dashed rule. */
export function coverageSpec(title: string, bars: CoverageBar[], promised: number): TopLevelSpec {
  const values = bars.filter((b) => b.coverage !== null);
  return {
    title,
    width: 340,
    height: Math.max(80, 22 * values.length),
    layer: [
      {
        data: { values },
        mark: { type: "rule", strokeWidth: 2 },
        encoding: {
          y: { field: "label", type: "nominal", sort: null, title: null },
          x: { field: "lo", type: "quantitative", title: "coverage", scale: { zero: false } },
          x2: { field: "hi" },
        },
      },
      {
        data: { values },
        mark: { type: "point", filled: true, size: 50 },
        encoding: {
          y: { field: "label", type: "nominal", sort: null },
          x: { field: "coverage", type: "quantitative" },
          tooltip: [
            { field: "label", type: "nominal" },
            { field: "coverage", type: "quantitative", format: ".3f" },
            { field: "n", type: "quantitative", title: "rows" },
          ],
        },
      },
      {
        data: { values: [{ promised }] },
        mark: { type: "rule", strokeDash: [4, 4], color: "#b91c1c" },
        encoding: { x: { field: "promised", type: "quantitative" } },
      },
    ],
  } as TopLevelSpec;
}

export function setSizeSpec(sizes: { size: number; count: number }[]): TopLevelSpec {
  return {
    title: "Prediction set sizes",
    width: 300,
    height: 200,
    data: { values: sizes },
    mark: { type: "bar" },
    encoding: {
      x: { field: "size", type: "ordinal", title: "classes in the set" },
      y: { field: "count", type: "quantitative", title: "evaluation rows" },
      tooltip: [
        { field: "size", type: "ordinal" },
        { field: "count", type: "quantitative" },
      ],
    },
  } as TopLevelSpec;
}

/** One line per ranking: the risk among accepted rows as coverage grows. */
export function riskCoverageSpec(
  curves: { ranking: string; coverage: number; risk: number }[],
  riskTitle: string,
  target: number | null,
): TopLevelSpec {
  const layers: unknown[] = [
    {
      data: { values: curves },
      mark: { type: "line", interpolate: "step-after" },
      encoding: {
        x: {
          field: "coverage",
          type: "quantitative",
          title: "share of rows accepted",
          scale: { domain: [0, 1] },
        },
        y: { field: "risk", type: "quantitative", title: riskTitle },
        color: { field: "ranking", type: "nominal", title: "ranked by" },
      },
    },
  ];
  if (target !== null)
    layers.push({
      data: { values: [{ target }] },
      mark: { type: "rule", strokeDash: [4, 4], color: "#6b7280" },
      encoding: { y: { field: "target", type: "quantitative" } },
    });
  return { title: "Risk–coverage", width: 340, height: 240, layer: layers } as TopLevelSpec;
}

/** Histogram of conformal p-values: flat for rows like the reference, piled up near 0 under a shift. */
export function pValueSpec(pValues: ArrayLike<number>, targetFpr: number): TopLevelSpec {
  const bins = 20;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < pValues.length; i++) counts[Math.min(bins - 1, Math.floor(pValues[i] * bins))]++;
  return {
    title: "OOD p-values (flat when the rows are like the reference)",
    width: 340,
    height: 200,
    layer: [
      {
        data: { values: counts.map((count, b) => ({ lo: b / bins, hi: (b + 1) / bins, count })) },
        mark: { type: "bar" },
        encoding: {
          x: { field: "lo", type: "quantitative", bin: { binned: true, step: 1 / bins }, title: "p-value" },
          x2: { field: "hi" },
          y: { field: "count", type: "quantitative", title: "rows" },
        },
      },
      {
        data: { values: [{ flat: pValues.length / bins }] },
        mark: { type: "rule", strokeDash: [4, 4], color: "#6b7280" },
        encoding: { y: { field: "flat", type: "quantitative" } },
      },
      {
        data: { values: [{ targetFpr }] },
        mark: { type: "rule", color: "#b91c1c" },
        encoding: { x: { field: "targetFpr", type: "quantitative" } },
      },
    ],
  } as TopLevelSpec;
}
