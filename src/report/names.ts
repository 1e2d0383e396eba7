/**
 * Names for people: a metric or check id as a reader knows it ("ROC AUC", not "rocAuc") and which way is
 * better. One table for every renderer (HTML reports, the dashboard), so a metric is called the same
 * everywhere. Ids the table does not know are spelled out from their camelCase or snake_case words.
 */

/** Which way a metric improves; "target" when a value near an ideal is best (a calibration slope near 1). */
export type Direction = "higher" | "lower" | "target";

interface MetricName {
  label: string;
  better: Direction;
}

const METRICS: Record<string, MetricName> = {
  accuracy: { label: "accuracy", better: "higher" },
  precision: { label: "precision", better: "higher" },
  recall: { label: "recall (TPR)", better: "higher" },
  f1: { label: "F1", better: "higher" },
  rocAuc: { label: "ROC AUC", better: "higher" },
  prAuc: { label: "PR AUC", better: "higher" },
  logLoss: { label: "log loss", better: "lower" },
  brier: { label: "Brier score", better: "lower" },
  balancedAccuracy: { label: "balanced accuracy", better: "higher" },
  mcc: { label: "MCC", better: "higher" },
  ece: { label: "ECE (calibration error)", better: "lower" },
  tpr: { label: "TPR", better: "higher" },
  fpr: { label: "FPR", better: "lower" },
  fnr: { label: "FNR", better: "lower" },
  specificity: { label: "specificity", better: "higher" },
  selectionRate: { label: "selection rate", better: "target" },
  errorRate: { label: "error rate", better: "lower" },
  mae: { label: "MAE", better: "lower" },
  mse: { label: "MSE", better: "lower" },
  rmse: { label: "RMSE", better: "lower" },
  r2: { label: "R²", better: "higher" },
  mape: { label: "MAPE", better: "lower" },
  macroF1: { label: "macro F1", better: "higher" },
  weightedF1: { label: "weighted F1", better: "higher" },
  negativeFlipRate: { label: "negative flip rate", better: "lower" },
  btc: { label: "backward trust compatibility (BTC)", better: "higher" },
  bec: { label: "backward error compatibility (BEC)", better: "higher" },
  psi: { label: "PSI", better: "lower" },
  js: { label: "Jensen–Shannon distance", better: "lower" },
  jsCorrected: { label: "Jensen–Shannon (bias-corrected)", better: "lower" },
  linf: { label: "L∞ share change", better: "lower" },
  wasserstein: { label: "Wasserstein", better: "lower" },
  wassersteinNorm: { label: "Wasserstein ÷ σ ref", better: "lower" },
  ks: { label: "KS D", better: "lower" },
  missingRateChange: { label: "missing rate change", better: "lower" },
  nonFiniteRateChange: { label: "non-finite rate change", better: "lower" },
  outOfRangeShare: { label: "share out of range", better: "lower" },
  unseenShare: { label: "unseen share", better: "lower" },
  chi2: { label: "χ²", better: "lower" },
  twoProportionZ: { label: "two-proportion z", better: "lower" },
  exchangeableTail: { label: "exchangeable tail", better: "lower" },
  coverage: { label: "coverage", better: "target" },
  demographicParityDifference: { label: "demographic parity difference", better: "lower" },
  demographicParityRatio: { label: "demographic parity ratio", better: "higher" },
  equalizedOddsDifference: { label: "equalized odds difference", better: "lower" },
  equalizedOddsRatio: { label: "equalized odds ratio", better: "higher" },
  equalOpportunityDifference: { label: "equal opportunity difference", better: "lower" },
};

/** Words that are acronyms or symbols when a check or field id is spelled out. */
const WORDS: Record<string, string> = {
  auc: "AUC",
  roc: "ROC",
  pr: "PR",
  ood: "OOD",
  pmv: "PMV",
  psi: "PSI",
  ml: "ML",
  nfr: "NFR",
  btc: "BTC",
  bec: "BEC",
  ks: "KS",
  f1: "F1",
  ece: "ECE",
  mcc: "MCC",
  tpr: "TPR",
  fpr: "FPR",
  id: "ID",
};

/** "rocAuc" → ["roc", "auc"]; "missing_column" → ["missing", "column"]. */
function words(id: string): string[] {
  return id
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[\s_-]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

function spell(id: string): string {
  return words(id)
    .map((w) => WORDS[w] ?? w)
    .join(" ");
}

/** A metric's name for people: "ROC AUC" for "rocAuc"; unknown ids are spelled out ("fooBar" → "foo bar"). */
export function metricLabel(id: string): string {
  return METRICS[id]?.label ?? spell(id);
}

/** Which way the metric is better, when known. */
export function metricDirection(id: string): Direction | undefined {
  return METRICS[id]?.better;
}

/** The metric's name with its direction: "ROC AUC ↑", "log loss ↓" (the arrow points the better way). */
export function metricHeading(id: string): string {
  const better = metricDirection(id);
  return `${metricLabel(id)}${better === "higher" ? " ↑" : better === "lower" ? " ↓" : ""}`;
}

/** The sentence a tooltip or legend gives for the direction. */
export function directionText(id: string): string {
  const better = metricDirection(id);
  if (better === "higher") return "higher is better";
  if (better === "lower") return "lower is better";
  if (better === "target") return "closest to its target is best";
  return "";
}

/**
 * A check id for people: the family and the check spelled out, "schema · missing column" for
 * "schema.missing_column", "fairness · equalized odds" for "fairness.equalized_odds".
 */
export function checkLabel(id: string): string {
  const parts = id.split(".");
  if (parts.length === 1) return spell(id);
  return `${spell(parts[0])} · ${parts.slice(1).map(spell).join(" ")}`;
}
