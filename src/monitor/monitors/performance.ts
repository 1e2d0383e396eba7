import { accuracy, f1, precision, recall } from "../../evaluate/confusion.js";
import { rocAuc } from "../../evaluate/ranking.js";
import { formatNumber } from "../../report/format.js";
import type { CheckResult } from "../../report/report.js";
import { wilsonInterval } from "../../stats/wilson.js";
import { monitorMetric } from "./check.js";
import { DEFAULT_MIN_LABELED, type Monitor, type MonitorInputs } from "./inputs.js";
import { confusionOf, scoredLabeled } from "./labels.js";

/**
 * performance: realized metrics over the window's labeled predictions — accuracy (with a Wilson interval),
 * precision, recall, F1 and ROC AUC for a binary model, MAE and RMSE for regression — with evaluate's
 * definitions. Readings without bounds of their own: alert rules set them.
 */
export const performance: Monitor = {
  ids: ["performance"],
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
  return metricReadings(
    "performance",
    { accuracy: accuracy(c), precision: precision(c), recall: recall(c), f1: f1(c), roc_auc: auc },
    n,
    auc === null ? "needs scores and both classes among the labeled predictions" : "undefined",
    { ci: { accuracy: wilsonInterval(c.tp + c.tn, n)! } },
  );
}
