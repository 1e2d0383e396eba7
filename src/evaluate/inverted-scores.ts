/**
 * Defence in depth against an inverted positive class: scores that rank the positive class *below* the
 * negative one. A ROC AUC whose whole interval lies under 0.5 is no weak model — a useless one sits at
 * 0.5 — but a good model read against the wrong label (`--positive No`, a 0/1 code flipped upstream).
 */
import { formatInterval, formatNumber } from "../report/format.js";
import type { CheckResult } from "../report/report.js";

interface InvertedScoresInput {
  /** The check id: `evaluate.inverted_scores`, `compat.inverted_scores` … */
  check: string;
  /** Which model, for the message (and the subject, when several are compared). */
  model: string;
  subject?: CheckResult["subject"];
  auc: number | null;
  ci: [number, number] | null;
  /** The positive class as written and how many rows hold it. */
  positive: { positive: string; positives: number; rows: number };
}

/** An error-severity finding when the AUC interval lies wholly below 0.5; null otherwise. */
export function invertedScoresCheck(input: InvertedScoresInput): CheckResult | null {
  const { auc, ci, positive } = input;
  if (auc === null || ci === null || !(ci[1] < 0.5)) return null;
  return {
    check: input.check,
    ...(input.subject ? { subject: input.subject } : {}),
    status: "fail",
    severity: "error",
    value: auc,
    threshold: 0.5,
    ci,
    message:
      `${input.model} scores run against the label: ROC AUC ${formatNumber(auc)} ${formatInterval(ci, formatNumber)} lies wholly below 0.5 ` +
      `with positive = "${positive.positive}" (${formatNumber(positive.positives)} of ${formatNumber(positive.rows)} rows); ` +
      `is the positive class inverted? The scores may be P(not "${positive.positive}"): check --positive`,
  };
}
