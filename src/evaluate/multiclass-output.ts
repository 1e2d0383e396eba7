/** Checks, terminal text and HTML for a multiclass evaluation (`assay evaluate --task multiclass`). */
import { formatNumber, formatSignificant, textTable } from "../report/format.js";
import { badge, escapeHtml, htmlPage } from "../report/html.js";
import { type MetricCondition, metricCheck } from "../report/metric-check.js";
import type { CheckResult, Report } from "../report/report.js";
import { metricChecks } from "./checks.js";
import type { Estimate } from "./estimate.js";
import type { MulticlassModelEvaluation } from "./multiclass-model.js";

/** The headline metrics, in report order; those a `--fail-under` bound may name are higher-is-better. */
const MULTICLASS_HEADLINE = [
  "accuracy",
  "balancedAccuracy",
  "macroPrecision",
  "macroRecall",
  "macroF1",
  "microF1",
  "weightedPrecision",
  "weightedRecall",
  "weightedF1",
  "logLoss",
  "classwiseEce",
] as const;
export const MULTICLASS_FAIL_UNDER = [
  "accuracy",
  "balancedAccuracy",
  "macroPrecision",
  "macroRecall",
  "macroF1",
  "microF1",
  "weightedF1",
  "top2Accuracy",
  "top3Accuracy",
];

const FOUR_FIFTHS: MetricCondition = { min: 0.8, miss: "warn" };

export function multiclassChecks(
  e: MulticlassModelEvaluation,
  failUnder: Record<string, number>,
): CheckResult[] {
  const metrics: Record<string, Estimate> = { ...e.metrics };
  for (const t of e.topK) metrics[`top${t.k}Accuracy`] = t.accuracy;
  const out = metricChecks(
    [...MULTICLASS_HEADLINE, ...e.topK.map((t) => `top${t.k}Accuracy`)],
    metrics,
    failUnder,
  );
  for (const c of e.perClass) {
    const f1 = c.f1;
    out.push(
      metricCheck({
        check: "evaluate.class_f1",
        subject: { group: c.class },
        metric: `F1 of class ${c.class}`,
        value: f1.value,
        ci: f1.ci,
        reason: f1.value === null || f1.status === "insufficient" ? (f1.reason ?? "undefined") : null,
        context: `(${formatNumber(c.support)} rows, ${formatNumber(c.predicted)} predicted)`,
      }),
    );
  }
  for (const [attribute, byClass] of Object.entries(e.fairness))
    for (const [className, f] of Object.entries(byClass)) {
      const ratio = f.demographicParityRatio;
      out.push(
        metricCheck({
          check: "fairness.demographic_parity",
          subject: { column: attribute, group: className },
          metric: `rate of predicting ${className}, ratio by ${attribute}`,
          value: ratio.value,
          ci: ratio.ci,
          condition: FOUR_FIFTHS,
          reason: ratio.value === null ? ratio.reason : null,
          context: `(difference ${formatNumber(f.demographicParityDifference.value)}; equal-opportunity difference ${formatNumber(f.equalOpportunityDifference.value)}; the four-fifths rule)`,
        }),
      );
    }
  return out;
}

export function renderMulticlassText(report: Report, e: MulticlassModelEvaluation): string {
  const config = report.config as { label: string; model: { name: string } };
  const level = Math.round(e.bootstrap.level * 100);
  const metricRows = MULTICLASS_HEADLINE.map((m) => [m, f(e.metrics[m].value), ci(e.metrics[m].ci)]);
  for (const t of e.topK) metricRows.push([`top-${t.k} accuracy`, f(t.accuracy.value), ci(t.accuracy.ci)]);
  const lines = [
    `${report.inputs[0]?.name ?? "data"}: model ${config.model.name}, label ${config.label} (multiclass, ${e.classes.length} classes: ${e.classOrder === "model" ? "named by the model" : e.classOrder})`,
    `${formatNumber(e.n)} rows · ${e.bootstrap.resamples} bootstrap resamples, seed ${e.bootstrap.seed}`,
    "",
    textTable(["metric", "value", `${level}% CI`], metricRows),
    "",
    "per class (precision on the rows predicted as the class, recall on its rows):",
    textTable(
      ["class", "support", "predicted", "precision", "recall", "F1", "F1 CI", "ECE"],
      e.perClass.map((c) => [
        c.class,
        formatNumber(c.support),
        formatNumber(c.predicted),
        f(c.precision.value),
        f(c.recall.value),
        f(c.f1.value),
        c.f1.status === "insufficient" ? "insufficient" : ci(c.f1.ci),
        f(c.ece),
      ]),
    ),
    "",
    "confusion matrix (rows: true class, columns: predicted):",
    textTable(
      ["", ...e.classes],
      e.confusion.counts.map((row, t) => [e.classes[t], ...row.map((x) => formatNumber(x))]),
    ),
  ];
  const warned = report.results.filter((r) => r.status === "warn" || r.status === "fail");
  if (warned.length > 0) lines.push("", ...warned.map((r) => `${r.status}: ${r.message}`));
  lines.push("", `status: ${report.summary.status}`);
  return `${lines.join("\n")}\n`;
}

export function renderMulticlassHtml(report: Report, e: MulticlassModelEvaluation): string {
  const config = report.config as { label: string; model: { name: string } };
  const level = Math.round(e.bootstrap.level * 100);
  const max = Math.max(1, ...e.confusion.counts.flat());
  const cell = (x: number) =>
    `<td class="num" style="background: rgba(37, 99, 235, ${(0.8 * x) / max})">${formatNumber(x)}</td>`;
  const body = `<section><h2>Summary ${badge(report.summary.status)}</h2>
<p>${formatNumber(e.n)} rows, ${e.classes.length} classes; ${e.bootstrap.resamples} bootstrap resamples (seed ${e.bootstrap.seed}).</p>
<table><tr><th>metric</th><th class="num">value</th><th class="num">${level}% CI</th></tr>
${MULTICLASS_HEADLINE.map((m) => `<tr><td>${m}</td><td class="num">${f(e.metrics[m].value)}</td><td class="num">${ci(e.metrics[m].ci)}</td></tr>`).join("\n")}
${e.topK.map((t) => `<tr><td>top-${t.k} accuracy</td><td class="num">${f(t.accuracy.value)}</td><td class="num">${ci(t.accuracy.ci)}</td></tr>`).join("\n")}
</table></section>
<section><h2>Per class</h2><table><tr><th>class</th><th class="num">support</th><th class="num">precision</th><th class="num">recall</th><th class="num">F1</th><th class="num">F1 ${level}% CI</th><th class="num">ECE</th></tr>
${e.perClass.map((c) => `<tr><td>${escapeHtml(c.class)}</td><td class="num">${formatNumber(c.support)}</td><td class="num">${f(c.precision.value)}</td><td class="num">${f(c.recall.value)}</td><td class="num">${f(c.f1.value)}</td><td class="num">${c.f1.status === "insufficient" ? "insufficient" : ci(c.f1.ci)}</td><td class="num">${f(c.ece)}</td></tr>`).join("\n")}
</table></section>
<section><h2>Confusion matrix</h2><p>Rows: true class; columns: predicted class.</p><table><tr><th></th>${e.classes.map((c) => `<th class="num">${escapeHtml(c)}</th>`).join("")}</tr>
${e.confusion.counts.map((row, t) => `<tr><th>${escapeHtml(e.classes[t])}</th>${row.map(cell).join("")}</tr>`).join("\n")}
</table></section>`;
  return htmlPage(
    `Evaluation of ${config.model.name}`,
    `${report.inputs[0]?.name ?? ""} · label ${escapeHtml(config.label)} · assay ${report.assayVersion} · ${report.createdAt}`,
    body,
  );
}

const f = (x: number | null | undefined) => formatSignificant(x, 4, "–");

function ci(x: [number, number] | null | undefined): string {
  return x ? `[${f(x[0])}, ${f(x[1])}]` : "–";
}
