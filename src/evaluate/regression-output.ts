/** Checks, terminal text and HTML for a regression evaluation (`assay evaluate --task regression`). */
import type { TopLevelSpec } from "vega-lite";
import { formatNumber, formatSignificant, textTable } from "../report/format.js";
import { badge, escapeHtml, htmlPage } from "../report/html.js";
import type { CheckResult, Report } from "../report/report.js";
import { renderSvg } from "../report/vega.js";
import { metricChecks } from "./checks.js";
import type { Estimate } from "./estimate.js";
import { REGRESSION_METRICS, type RegressionMetricName } from "./regression.js";

export interface RegressionEvaluation {
  task: "regression";
  n: number;
  metrics: Record<RegressionMetricName, Estimate>;
  bootstrap: { resamples: number; seed: number; level: number; stratifiedBy: null };
  /** Up to 2,000 (actual, predicted) pairs, evenly spaced over the rows, for the chart. */
  sample: { actual: number; predicted: number }[];
}

export function regressionChecks(e: RegressionEvaluation, failUnder: Record<string, number>): CheckResult[] {
  return metricChecks(REGRESSION_METRICS, e.metrics, failUnder);
}

export function renderRegressionText(report: Report, e: RegressionEvaluation): string {
  const config = report.config as { label: string; model: { name: string } };
  const level = Math.round(e.bootstrap.level * 100);
  const lines = [
    `${report.inputs[0]?.name ?? "data"}: model ${config.model.name}, target ${config.label} (regression)`,
    `${formatNumber(e.n)} rows · ${e.bootstrap.resamples} bootstrap resamples, seed ${e.bootstrap.seed}`,
    "",
    textTable(
      ["metric", "value", `${level}% CI`],
      REGRESSION_METRICS.map((m) => [m, f(e.metrics[m].value), ci(e.metrics[m].ci)]),
    ),
    "",
    `status: ${report.summary.status}`,
  ];
  return `${lines.join("\n")}\n`;
}

export async function renderRegressionHtml(report: Report, e: RegressionEvaluation): Promise<string> {
  const config = report.config as { label: string; model: { name: string } };
  const level = Math.round(e.bootstrap.level * 100);
  const lo = Math.min(...e.sample.map((p) => Math.min(p.actual, p.predicted)));
  const hi = Math.max(...e.sample.map((p) => Math.max(p.actual, p.predicted)));
  const spec = {
    title: "Predicted vs actual",
    width: 360,
    height: 300,
    layer: [
      {
        data: {
          values: [
            { x: lo, y: lo },
            { x: hi, y: hi },
          ],
        },
        mark: { type: "line", strokeDash: [4, 4], color: "#9ca3af" },
        encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" } },
      },
      {
        data: { values: e.sample },
        mark: { type: "point", opacity: 0.4, size: 12 },
        encoding: {
          x: { field: "actual", type: "quantitative", title: `actual ${config.label}` },
          y: { field: "predicted", type: "quantitative", title: "predicted" },
        },
      },
    ],
  } as TopLevelSpec;
  const svg = await renderSvg(spec);
  const body = `<section><h2>Summary ${badge(report.summary.status)}</h2>
<p>${formatNumber(e.n)} rows; ${e.bootstrap.resamples} bootstrap resamples (seed ${e.bootstrap.seed}).</p>
<table><tr><th>metric</th><th class="num">value</th><th class="num">${level}% CI</th></tr>
${REGRESSION_METRICS.map((m) => `<tr><td>${m}</td><td class="num">${f(e.metrics[m].value)}</td><td class="num">${ci(e.metrics[m].ci)}</td></tr>`).join("\n")}
</table></section>
<section><h2>Predicted vs actual</h2><div class="chart">${svg}</div></section>`;
  return htmlPage(
    `Evaluation of ${config.model.name}`,
    `${report.inputs[0]?.name ?? ""} · target ${escapeHtml(config.label)} · assay ${report.assayVersion} · ${report.createdAt}`,
    body,
    { report },
  );
}

const f = (x: number | null | undefined) => formatSignificant(x, 6, "–");

function ci(x: [number, number] | null | undefined): string {
  return x ? `[${f(x[0])}, ${f(x[1])}]` : "–";
}
