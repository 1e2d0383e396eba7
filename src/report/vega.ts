import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { withChartConfig } from "./chart-specs.js";

export { CHART_CONFIG, PALETTE } from "./chart-specs.js";

/** Renders a Vega-Lite spec to an SVG string (no browser needed); the dashboard renders the same specs live. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(withChartConfig(spec)).spec), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  return withTooltips(svg);
}

/**
 * A static SVG has no tooltip handler, so each mark's description (Vega-Lite writes the `tooltip` fields
 * into its aria-label) becomes a `<title>` child, which browsers show on hover.
 */
export function withTooltips(svg: string): string {
  return svg.replace(
    /<(path|circle|rect|line|text|image)([^<>]*?aria-label="([^"]*)"[^<>]*?role="graphics-symbol"[^<>]*?)\/>/g,
    (_all, tag: string, attributes: string, label: string) =>
      `<${tag}${attributes}><title>${label}</title></${tag}>`,
  );
}
