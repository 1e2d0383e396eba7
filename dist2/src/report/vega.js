import { parse, View } from "vega";
import { compile } from "vega-lite";
import { withChartConfig } from "./chart-specs.js";
export { CHART_CONFIG, PALETTE } from "./chart-specs.js";
/** Renders a Vega-Lite spec to an SVG string (no browser needed); the dashboard renders the same specs live. */
export async function renderSvg(spec) {
    const view = new View(parse(compile(withChartConfig(spec)).spec), { renderer: "none" });
    const svg = await view.toSVG();
    view.finalize();
    return svg;
}
