import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

/** One visual language: the palette and fonts every chart in every report uses. */
export const CHART_CONFIG: Record<string, unknown> = {
  font: "system-ui, -apple-system, Segoe UI, sans-serif",
  background: "white",
  axis: {
    labelColor: "#374151",
    titleColor: "#374151",
    gridColor: "#e5e7eb",
    domainColor: "#9ca3af",
    labelFontSize: 11,
  },
  range: { category: ["#2563eb", "#f97316", "#16a34a", "#dc2626", "#7c3aed", "#0891b2", "#ca8a04"] },
  view: { stroke: null },
};

/** Renders a Vega-Lite spec to an SVG string (no browser needed); the dashboard renders the same specs live. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const withConfig = {
    ...spec,
    config: { ...CHART_CONFIG, ...(spec as { config?: object }).config },
  } as unknown as TopLevelSpec;
  const view = new View(parse(compile(withConfig).spec), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
