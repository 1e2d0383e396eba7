/** The `drift.multivariate` check and its text line, for the drift Report (./report.ts) and `assay drift`. */
import type { CheckResult, Report } from "../report/report.js";
import type { MultivariateDrift } from "./multivariate.js";

export function multivariateCheck(m: MultivariateDrift): CheckResult {
  const ci = m.ci ? `95% CI ${m.ci[0].toFixed(3)}–${m.ci[1].toFixed(3)}` : "no interval";
  const top = m.drivers
    .filter((d) => d.ci && d.ci[0] > 0)
    .slice(0, 3)
    .map((d) => d.feature);
  return {
    check: "drift.multivariate",
    status: m.drifted ? "fail" : "pass",
    value: m.auc,
    ...(m.ci ? { ci: m.ci } : {}),
    threshold: m.threshold,
    pValue: m.pValue,
    message: m.drifted
      ? `a domain classifier tells current from reference rows: cross-fitted ROC AUC ${m.auc.toFixed(3)} (${ci}) ; its folds beat their permutation nulls (Bonferroni p = ${m.pValue.toFixed(3)} ≤ ${m.alpha})${top.length > 0 ? `; driven by ${top.join(", ")}` : ""}`
      : `a domain classifier cannot tell the sides apart beyond chance: ROC AUC ${m.auc.toFixed(3)} (${ci}), permutation p = ${m.pValue.toFixed(3)}${m.pValue <= m.alpha ? `, below the effect size ${m.minAuc}` : ""} (folds' AUC ${m.foldTests.map((t) => t.auc.toFixed(3)).join(", ")})`,
  };
}

/** Adds the multivariate check to a drift report: the dataset drifts when it fails. */
export function withMultivariate(report: Report, m: MultivariateDrift): Report {
  const results = [...report.results, multivariateCheck(m)];
  const drifted = Boolean(report.drifted) || m.drifted;
  return {
    ...report,
    results,
    summary: {
      ...report.summary,
      ...(m.drifted ? { status: "fail", drifted: true, verdict: "drift" } : {}),
      multivariate: m.drifted ? "drift" : "no drift",
    },
    drifted,
    multivariate: m,
  };
}

export function renderMultivariateText(m: MultivariateDrift): string {
  const drivers = m.drivers
    .slice(0, 5)
    .map(
      (d) =>
        `${d.feature} ${d.importance.toFixed(4)}${d.ci ? ` [${d.ci[0].toFixed(4)}, ${d.ci[1].toFixed(4)}]` : ""}`,
    )
    .join(", ");
  return (
    `multivariate: ${m.drifted ? "drift" : "no drift"} — domain classifier (gbdt, ${m.folds}-fold cross-fitted, ` +
    `${m.rows.reference} + ${m.rows.current} rows) ROC AUC ${m.auc.toFixed(3)}` +
    `${m.ci ? ` [${m.ci[0].toFixed(3)}, ${m.ci[1].toFixed(3)}]` : ""}; per-fold permutation nulls: fold AUC ${m.foldTests.map((t) => `${t.auc.toFixed(3)} (null ${t.threshold.toFixed(3)})`).join(", ")}, Bonferroni p = ${m.pValue.toFixed(3)}\n` +
    (drivers ? `  drivers (log-loss rise when permuted): ${drivers}\n` : "")
  );
}
