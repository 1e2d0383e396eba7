/** Compare's guard against an inverted positive class: either model's scores running against the label. */
import { rocAucEstimate } from "../evaluate/auc-estimate.js";
import { invertedScoresCheck } from "../evaluate/inverted-scores.js";
import type { BinaryLabel } from "../evaluate/labels.js";
import type { CheckResult } from "../report/report.js";

/**
 * One error finding per model whose ROC AUC interval lies wholly below 0.5. Compare runs no bootstrap
 * per model, so the interval is DeLong's on the logit scale at 95% (evaluate/auc-estimate.ts).
 */
export function invertedModelChecks(
  scores: { old: ArrayLike<number>; new: ArrayLike<number> },
  label: BinaryLabel,
  names: { old: string; new: string },
): CheckResult[] {
  const out: CheckResult[] = [];
  for (const role of ["old", "new"] as const) {
    const estimate = rocAucEstimate(scores[role], label.values);
    if (!estimate) continue;
    const found = invertedScoresCheck({
      check: "compat.inverted_scores",
      model: `the ${role} model (${names[role]})`,
      subject: { group: role },
      auc: estimate.auc,
      ci: estimate.ci,
      positive: label,
    });
    if (found) out.push(found);
  }
  return out;
}
