/**
 * Vega-Lite specs of an evaluation (ROC and precision–recall with the operating point, calibration with
 * bin counts, the confusion matrix, metrics with their intervals as whiskers, rates by group). Pure, no
 * runtime imports but each other: the HTML report renders them to SVG in Node, the dashboard draws them
 * live from a saved report (served by src/monitor/routes-dashboard.ts).
 */
import type { TopLevelSpec } from "vega-lite";
import { formatFixed as f } from "../report/format.js";
import { metricHeading } from "../report/names.js";
import type { Evaluation } from "./evaluation.js";

/** The parts of an evaluation the charts read (a saved evaluation report has them all). */
type EvaluationCharts = Pick<
  Evaluation,
  "metrics" | "curves" | "calibration" | "positives" | "n" | "fairness"
> &
  Partial<Pick<Evaluation, "confusion" | "threshold">>;

/** The four-fifths rule: a group's selection rate below 0.8 × the reference group's is adverse impact. */
export const FOUR_FIFTHS = 0.8;

const OPERATING = "#b91c1c";

/** Where the chosen threshold sits on the ROC and PR curves, from the confusion counts at it. */
function operatingPoint(e: EvaluationCharts): { fpr: number; tpr: number; precision: number | null } | null {
  const c = e.confusion;
  if (!c || e.threshold === undefined) return null;
  const positives = c.tp + c.fn;
  const negatives = c.fp + c.tn;
  if (positives === 0 || negatives === 0) return null;
  return {
    fpr: c.fp / negatives,
    tpr: c.tp / positives,
    precision: c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : null,
  };
}

function operatingLayers(x: string, y: string, xv: number, yv: number, threshold: number): unknown[] {
  const values = [{ [x]: xv, [y]: yv, label: `threshold ${f(threshold, 3)}` }];
  const enc = { x: { field: x, type: "quantitative" }, y: { field: y, type: "quantitative" } };
  return [
    {
      data: { values },
      mark: { type: "point", shape: "diamond", size: 110, filled: true, color: OPERATING },
      encoding: {
        ...enc,
        tooltip: [
          { field: "label", type: "nominal", title: "operating point" },
          { field: x, type: "quantitative", format: ".3f" },
          { field: y, type: "quantitative", format: ".3f" },
        ],
      },
    },
    {
      data: { values },
      mark: { type: "text", align: "left", dx: 8, dy: 10, fontSize: 11, color: OPERATING },
      encoding: { ...enc, text: { field: "label" } },
    },
  ];
}

export function rocSpec(e: EvaluationCharts): TopLevelSpec {
  const at = operatingPoint(e);
  return {
    title: `ROC curve (AUC ${f(e.metrics.rocAuc.value)})`,
    width: 300,
    height: 260,
    layer: [
      {
        data: {
          values: [
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ],
        },
        mark: { type: "line", strokeDash: [4, 4], color: "#9ca3af" },
        encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" } },
      },
      {
        data: { values: e.curves.roc },
        mark: { type: "line", interpolate: "step-after" },
        encoding: {
          x: { field: "fpr", type: "quantitative", title: "false positive rate", scale: { domain: [0, 1] } },
          y: { field: "tpr", type: "quantitative", title: "true positive rate", scale: { domain: [0, 1] } },
        },
      },
      ...(at && e.threshold !== undefined ? operatingLayers("fpr", "tpr", at.fpr, at.tpr, e.threshold) : []),
    ],
  } as TopLevelSpec;
}

export function prSpec(e: EvaluationCharts): TopLevelSpec {
  const at = operatingPoint(e);
  return {
    title: `Precision–recall (AP ${f(e.metrics.prAuc.value)})`,
    width: 300,
    height: 260,
    layer: [
      {
        data: { values: [{ y: e.positives / e.n }] },
        mark: { type: "rule", strokeDash: [4, 4], color: "#9ca3af" },
        encoding: { y: { field: "y", type: "quantitative" } },
      },
      {
        data: { values: e.curves.pr },
        mark: { type: "line", interpolate: "step-before" },
        encoding: {
          x: { field: "recall", type: "quantitative", scale: { domain: [0, 1] } },
          y: { field: "precision", type: "quantitative", scale: { domain: [0, 1] } },
        },
      },
      ...(at && at.precision !== null && e.threshold !== undefined
        ? operatingLayers("recall", "precision", at.tpr, at.precision, e.threshold)
        : []),
    ],
  } as TopLevelSpec;
}

/** Observed vs predicted per bin, each point labelled with its row count (a bin of 12 rows says little). */
export function calibrationSpec(e: EvaluationCharts): TopLevelSpec {
  const bins = e.calibration.bins.filter((b) => b.count > 0);
  const x = {
    field: "meanScore",
    type: "quantitative",
    title: "mean predicted probability",
    scale: { domain: [0, 1] },
  };
  const y = {
    field: "meanLabel",
    type: "quantitative",
    title: "observed positive rate",
    scale: { domain: [0, 1] },
  };
  return {
    title: `Calibration (ECE ${f(e.metrics.ece.value)}; n per bin)`,
    width: 300,
    height: 260,
    layer: [
      {
        data: {
          values: [
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ],
        },
        mark: { type: "line", strokeDash: [4, 4], color: "#9ca3af" },
        encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" } },
      },
      {
        data: { values: bins },
        layer: [
          {
            mark: { type: "line", point: true },
            encoding: {
              x,
              y,
              tooltip: [
                { field: "lower", type: "quantitative", title: "bin from", format: ".2f" },
                { field: "upper", type: "quantitative", title: "bin to", format: ".2f" },
                { field: "count", type: "quantitative", title: "rows", format: "," },
                { field: "meanScore", type: "quantitative", title: "mean score", format: ".3f" },
                { field: "meanLabel", type: "quantitative", title: "positive rate", format: ".3f" },
              ],
            },
          },
          {
            mark: { type: "text", dy: -9, fontSize: 9, color: "#6b7280" },
            encoding: { x, y, text: { field: "count", type: "quantitative", format: "," } },
          },
        ],
      },
    ],
  } as TopLevelSpec;
}

/** The confusion matrix as a heatmap: counts and shares of all rows, actual down, predicted across. */
export function confusionSpec(e: Pick<Evaluation, "confusion" | "n">): TopLevelSpec {
  const c = e.confusion;
  const cells = [
    { actual: "positive", predicted: "positive", name: "TP", count: c.tp },
    { actual: "positive", predicted: "negative", name: "FN", count: c.fn },
    { actual: "negative", predicted: "positive", name: "FP", count: c.fp },
    { actual: "negative", predicted: "negative", name: "TN", count: c.tn },
  ].map((cell) => ({ ...cell, share: e.n > 0 ? cell.count / e.n : 0 }));
  const order = ["positive", "negative"];
  const x = {
    field: "predicted",
    type: "nominal",
    sort: order,
    title: "predicted",
    axis: { orient: "top", labelAngle: 0 },
  };
  const y = { field: "actual", type: "nominal", sort: order, title: "actual" };
  return {
    title: "Confusion matrix",
    width: 300,
    height: 160,
    data: { values: cells },
    layer: [
      {
        mark: { type: "rect", stroke: "white", strokeWidth: 2 },
        encoding: {
          x,
          y,
          color: { field: "count", type: "quantitative", scale: { scheme: "blues" }, legend: null },
          tooltip: [
            { field: "name", type: "nominal", title: "cell" },
            { field: "count", type: "quantitative", format: "," },
            { field: "share", type: "quantitative", title: "share of rows", format: ".1%" },
          ],
        },
      },
      {
        mark: { type: "text", fontSize: 12, fontWeight: 600 },
        encoding: {
          x,
          y,
          text: { field: "label" },
          color: { condition: { test: "datum.share > 0.3", value: "white" }, value: "#111827" },
        },
        transform: [
          {
            calculate:
              "datum.name + ' ' + format(datum.count, ',') + ' (' + format(datum.share, '.1%') + ')'",
            as: "label",
          },
        ],
      },
    ],
  } as TopLevelSpec;
}

/**
 * Metrics on the 0–1 scale as points with their interval as a whisker, named for people with the better
 * direction (↑ / ↓); metrics without a value are left out and metrics without an interval have no whisker.
 */
export function metricIntervalsSpec(
  metrics: Record<string, { value: number | null; ci?: [number, number] | null }>,
  options: { names?: readonly string[]; level?: number } = {},
): TopLevelSpec {
  const names = options.names ?? Object.keys(metrics);
  const values = names
    .filter(
      (m) => typeof metrics[m]?.value === "number" && Number.isFinite(metrics[m].value) && m !== "logLoss",
    )
    .map((m) => ({
      metric: metricHeading(m),
      value: metrics[m].value,
      lo: metrics[m].ci?.[0] ?? null,
      hi: metrics[m].ci?.[1] ?? null,
    }));
  const y = { field: "metric", type: "nominal", sort: null, title: null, axis: { labelLimit: 240 } };
  const level = options.level !== undefined ? `${Math.round(options.level * 100)}% ` : "";
  return {
    title: `Metrics with ${level}intervals`,
    width: 300,
    height: { step: 20 },
    data: { values },
    layer: [
      {
        transform: [{ filter: "isValid(datum.lo) && isValid(datum.hi)" }],
        mark: { type: "rule", strokeWidth: 2, color: "#6b7280" },
        encoding: { y, x: { field: "lo", type: "quantitative" }, x2: { field: "hi" } },
      },
      {
        mark: { type: "point", filled: true, size: 50, color: "#2563eb" },
        encoding: {
          y,
          x: { field: "value", type: "quantitative", title: null, scale: { domain: [0, 1] } },
          tooltip: [
            { field: "metric", type: "nominal" },
            { field: "value", type: "quantitative", format: ".4f" },
            { field: "lo", type: "quantitative", title: "interval from", format: ".4f" },
            { field: "hi", type: "quantitative", title: "interval to", format: ".4f" },
          ],
        },
      },
    ],
  } as TopLevelSpec;
}

/**
 * Selection rate, TPR and FPR per group with their intervals as whiskers: the reference group marked
 * "(reference)", the four-fifths band (0.8–1.25 × the reference's selection rate) shaded on selection
 * rate, insufficient groups greyed and labelled; group labels are drawn whole (intersections are long).
 */
export function fairnessSpec(e: EvaluationCharts, attribute: string): TopLevelSpec {
  const fr = e.fairness[attribute];
  const reference = fr.aequitas?.referenceGroup ?? null;
  const refRate = reference !== null ? (fr.groups[reference]?.selectionRate ?? null) : null;
  const labelOf = (group: string, status: string) =>
    `${group}${group === reference ? " (reference)" : ""}${status === "ok" ? "" : " (insufficient)"}`;
  const values = Object.entries(fr.groups).flatMap(([group, g]) =>
    (["selectionRate", "tpr", "fpr"] as const).map((metric) => ({
      group: labelOf(group, g.status),
      metric: metricHeading(metric),
      value: g[metric],
      lo: g.ci?.[metric]?.[0] ?? null,
      hi: g.ci?.[metric]?.[1] ?? null,
      count: g.count,
      insufficient: g.status !== "ok",
      bandLo: metric === "selectionRate" && refRate !== null ? FOUR_FIFTHS * refRate : null,
      bandHi: metric === "selectionRate" && refRate !== null ? Math.min(1, refRate / FOUR_FIFTHS) : null,
    })),
  );
  const y = { field: "group", type: "nominal", title: null, axis: { labelLimit: 360 } };
  return {
    title: `Rates by ${attribute}${refRate !== null ? " (shaded: four-fifths band around the reference's selection rate)" : ""}`,
    data: { values },
    facet: {
      column: {
        field: "metric",
        type: "nominal",
        title: null,
        sort: (["selectionRate", "tpr", "fpr"] as const).map(metricHeading),
      },
    },
    spec: {
      width: 180,
      height: Math.max(80, 22 * Object.keys(fr.groups).length),
      layer: [
        {
          transform: [{ filter: "isValid(datum.bandLo)" }],
          mark: { type: "rect", color: "#16a34a", opacity: 0.12 },
          encoding: { y, x: { field: "bandLo", type: "quantitative" }, x2: { field: "bandHi" } },
        },
        {
          mark: "bar",
          encoding: {
            y,
            x: { field: "value", type: "quantitative", title: null, scale: { domain: [0, 1] } },
            color: {
              condition: { test: "datum.insufficient", value: "#d1d5db" },
              field: "metric",
              type: "nominal",
              legend: null,
            },
            tooltip: [
              { field: "group", type: "nominal" },
              { field: "metric", type: "nominal" },
              { field: "value", type: "quantitative", format: ".3f" },
              { field: "lo", type: "quantitative", title: "interval from", format: ".3f" },
              { field: "hi", type: "quantitative", title: "interval to", format: ".3f" },
              { field: "count", type: "quantitative", title: "rows", format: "," },
            ],
          },
        },
        {
          transform: [{ filter: "isValid(datum.lo) && isValid(datum.hi)" }],
          mark: { type: "rule", color: "#111827" },
          encoding: { y, x: { field: "lo", type: "quantitative" }, x2: { field: "hi" } },
        },
      ],
    },
  } as TopLevelSpec;
}
