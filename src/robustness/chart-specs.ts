/**
 * Vega-Lite specs of the robustness reports: accuracy under noise, one line per feature, the 95%
 * bootstrap band of the curve with every feature noised (the per-feature intervals are in the JSON).
 */
import type { TopLevelSpec } from "vega-lite";
import type { NoiseCurve } from "./noise-curve.js";

export function noiseCurveSpec(curves: NoiseCurve[]): TopLevelSpec {
  const values = curves.flatMap((c) =>
    c.points.map((p) => ({
      feature: c.feature,
      level: p.level,
      accuracy: p.accuracy,
      lo: p.ci?.[0] ?? null,
      hi: p.ci?.[1] ?? null,
    })),
  );
  const x = {
    field: "level",
    type: "quantitative",
    title: "noise (SDs of each feature; text: share replaced)",
  } as const;
  const color = { field: "feature", type: "nominal", title: "noise on" } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    width: 520,
    height: 260,
    data: { values },
    layer: [
      {
        // One band only (all features at once): seven overlapping bands hide the lines.
        transform: [{ filter: "datum.feature === 'all'" }],
        mark: { type: "area", opacity: 0.15 },
        encoding: {
          x,
          y: { field: "lo", type: "quantitative", title: "accuracy", scale: { zero: false } },
          y2: { field: "hi" },
          color,
        },
      },
      {
        mark: { type: "line", point: true },
        encoding: {
          x,
          y: { field: "accuracy", type: "quantitative" },
          color,
          tooltip: [
            { field: "feature" },
            { field: "level" },
            { field: "accuracy", format: ".4f" },
            { field: "lo", format: ".4f", title: "95% low" },
            { field: "hi", format: ".4f", title: "95% high" },
          ],
        },
      },
    ],
  } as TopLevelSpec;
}
