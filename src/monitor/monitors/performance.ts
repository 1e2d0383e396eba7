import { rocAucEstimate } from "../../evaluate/auc-estimate.js";
import { accuracy, f1, precision, recall } from "../../evaluate/confusion.js";
import { invertedScoresCheck } from "../../evaluate/inverted-scores.js";
import { multiclassStatistics, predictionCounts, SUMMARY_METRICS } from "../../evaluate/multiclass-counts.js";
import { rocAuc } from "../../evaluate/ranking.js";
import { formatNumber } from "../../report/format.js";
import type { CheckResult } from "../../report/report.js";
import { wilsonInterval } from "../../stats/wilson.js";
import { monitorCheck, monitorMetric } from "./check.js";
import { DEFAULT_MIN_LABELED, type Monitor, type MonitorInputs } from "./inputs.js";
import { confusionOf, labelValue, scoredLabeled } from "./labels.js";

/**
 * performance: realized metrics over the window's labeled predictions — accuracy (with a Wilson interval),
 * precision, recall, F1 and ROC AUC for a binary model; accuracy, balanced accuracy, macro and weighted
 * F1 and each class's recall for a multiclass one (multiclass.ts); MAE and RMSE for regression — with
 * evaluate's definitions. Readings without bounds of their own: alert rules set them.
 */
export const performance: Monitor = {
  ids: ["performance", "label_inversion"],
  run: realizedPerformance,
};

/** One check per metric of a window; a metric that cannot be computed is insufficient. */
export function metricReadings(
  id: string,
  metrics: Record<string, number | null>,
  n: number,
  why: string,
  extra: { method?: string; details?: Record<string, unknown>; ci?: Record<string, [number, number]> } = {},
): CheckResult[] {
  return Object.entries(metrics).map(([metric, value]) =>
    monitorMetric(
      id,
      { metric },
      {
        metric,
        value,
        ci: extra.ci?.[metric] ?? null,
        reason: value === null || !Number.isFinite(value) ? why : null,
        context: `over ${formatNumber(n)} predictions`,
        n,
        method: extra.method,
        details: extra.details,
      },
    ),
  );
}

function realizedPerformance({ spec, labeled, options }: MonitorInputs): CheckResult[] {
  const min = options?.minLabeled ?? DEFAULT_MIN_LABELED;
  const tooFew = (n: number) => `${n} labeled predictions in the window; need ${min}`;
  if (spec.task === "regression") {
    const pairs = labeled
      .map((r) => [
        Number(r.label),
        typeof r.prediction === "number" ? r.prediction : (r.score ?? Number.NaN),
      ])
      .filter(([y, p]) => Number.isFinite(y) && Number.isFinite(p));
    const n = pairs.length;
    if (n < min) return metricReadings("performance", { mae: null, rmse: null }, n, tooFew(n));
    let abs = 0;
    let sq = 0;
    for (const [y, p] of pairs) {
      abs += Math.abs(y - p);
      sq += (y - p) ** 2;
    }
    return metricReadings("performance", { mae: abs / n, rmse: Math.sqrt(sq / n) }, n, "undefined");
  }
  if (spec.task === "multiclass") return multiclassPerformance(labeled, min, tooFew);
  const c = confusionOf(spec, labeled);
  const n = c.tp + c.fp + c.tn + c.fn;
  if (n < min)
    return metricReadings(
      "performance",
      { accuracy: null, precision: null, recall: null, f1: null, roc_auc: null },
      n,
      tooFew(n),
    );
  const { scores, labels } = scoredLabeled(spec, labeled);
  const positives = labels.reduce((s, y) => s + y, 0);
  const auc =
    scores.length >= min && positives > 0 && positives < labels.length ? rocAuc(scores, labels) : null;
  const aucCi = auc === null ? null : (rocAucEstimate(scores, labels)?.ci ?? null);
  const readings = metricReadings(
    "performance",
    { accuracy: accuracy(c), precision: precision(c), recall: recall(c), f1: f1(c), roc_auc: auc },
    n,
    auc === null ? "needs scores and both classes among the labeled predictions" : "undefined",
    { ci: { accuracy: wilsonInterval(c.tp + c.tn, n)!, ...(aucCi ? { roc_auc: aucCi } : {}) } },
  );
  return [...readings, labelInversion(spec, labeled, auc, aucCi, positives, labels.length)];
}

/**
 * label_inversion: whether the labels can be read with the model's positive label. Fails when the ROC AUC
 * interval (DeLong's, logit scale, 95%) lies wholly below 0.5 — the scores run against the labels — and warns
 * when no label equals the positive label at all (a label written `yes` where `Yes` was declared).
 */
function labelInversion(
  spec: MonitorInputs["spec"],
  labeled: MonitorInputs["labeled"],
  auc: number | null,
  ci: [number, number] | null,
  positives: number,
  rows: number,
): CheckResult {
  const inverted = invertedScoresCheck({
    check: "monitor.label_inversion",
    model: spec.name,
    auc,
    ci,
    positive: { positive: spec.positiveLabel, positives, rows },
  });
  if (inverted) return { ...inverted, n: rows };
  const written = new Map<string, number>();
  for (const r of labeled)
    if (r.label !== null && r.label !== undefined)
      written.set(String(r.label), (written.get(String(r.label)) ?? 0) + 1);
  const total = [...written.values()].reduce((s, k) => s + k, 0);
  if (total > 0 && positives === 0 && !labeled.some((r) => labelValue(spec, r.label) === 1)) {
    const values = [...written.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([v, k]) => `"${v}" (${formatNumber(k)})`)
      .join(", ");
    return monitorCheck("label_inversion", null, {
      status: "warn",
      value: 0,
      n: total,
      message: `positive label "${spec.positiveLabel}" occurs in none of ${formatNumber(total)} labels (values: ${values}); is the model's positiveLabel written as the labels write it?`,
    });
  }
  return monitorCheck("label_inversion", null, {
    status: "pass",
    value: auc,
    n: rows,
    ci,
    message:
      auc === null
        ? `labels read with positive = "${spec.positiveLabel}"; ROC AUC needs both classes to check the direction`
        : `scores rank positive = "${spec.positiveLabel}" (${formatNumber(positives)} of ${formatNumber(rows)} labels) the right way round`,
  });
}

/**
 * A multiclass window: predictions and labels compared as written ("A43" = "A43"), the classes those
 * seen in either. Accuracy and each class's recall carry Wilson intervals; macro F1 averages over the
 * classes seen, as scikit-learn's `average="macro"`.
 */
function multiclassPerformance(
  labeled: MonitorInputs["labeled"],
  min: number,
  tooFew: (n: number) => string,
): CheckResult[] {
  const pairs = labeled
    .filter(
      (r) => r.label !== null && r.label !== undefined && r.prediction !== null && r.prediction !== undefined,
    )
    .map((r) => [String(r.label), String(r.prediction)]);
  const n = pairs.length;
  const headline = { accuracy: null, balanced_accuracy: null, macro_f1: null, weighted_f1: null };
  if (n < min) return metricReadings("performance", headline, n, tooFew(n));
  const classes = [...new Set(pairs.flat())].sort();
  const index = new Map(classes.map((c, k) => [c, k]));
  const labels = pairs.map(([y]) => index.get(y)!);
  const predicted = pairs.map(([, p]) => index.get(p)!);
  const k = classes.length;
  const values = multiclassStatistics(predictionCounts(labels, predicted, k), k);
  const at = (m: (typeof SUMMARY_METRICS)[number]) => values[SUMMARY_METRICS.indexOf(m)];
  const correct = labels.reduce((s, y, i) => s + (y === predicted[i] ? 1 : 0), 0);
  const readings = metricReadings(
    "performance",
    {
      accuracy: at("accuracy"),
      balanced_accuracy: at("balancedAccuracy"),
      macro_f1: at("macroF1"),
      weighted_f1: at("weightedF1"),
    },
    n,
    "undefined",
    { ci: { accuracy: wilsonInterval(correct, n)! } },
  );
  const recall: Record<string, number | null> = {};
  const ci: Record<string, [number, number]> = {};
  classes.forEach((name, c) => {
    let rows = 0;
    let hits = 0;
    for (let i = 0; i < n; i++)
      if (labels[i] === c) {
        rows++;
        if (predicted[i] === c) hits++;
      }
    recall[`recall:${name}`] = rows > 0 ? hits / rows : null;
    if (rows > 0) ci[`recall:${name}`] = wilsonInterval(hits, rows)!;
  });
  return [
    ...readings,
    ...metricReadings("performance", recall, n, "no labels of this class in the window", { ci }),
  ];
}
