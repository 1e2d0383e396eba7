import { withChartConfig } from "/assets/report/chart-specs.js";

/**
 * Draws a Vega-Lite spec into `element` with the vega and vega-lite builds served from node_modules
 * (globals `vega`, `vegaLite`): the same compile step and shared config `renderSvg` uses for reports.
 */
export async function draw(element, spec) {
  const { vega, vegaLite } = globalThis;
  const compiled = vegaLite.compile(withChartConfig(spec)).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "svg", container: element, hover: true });
  await view.runAsync();
  element.dataset.rendered = "true";
  return view;
}

/** A width that fills the chart's card, leaving room for the y axis. */
export function widthFor(element, fallback = 520) {
  const w = element.clientWidth;
  return w > 0 ? Math.max(240, w - 90) : fallback;
}
