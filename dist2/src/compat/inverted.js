/** Compare's guard against an inverted positive class: either model's scores running against the label. */
import { invertedScoresCheck } from "../evaluate/inverted-scores.js";
import { hanleyMcNeilInterval } from "../stats/hanley-mcneil.js";
/**
 * One error finding per model whose ROC AUC interval lies wholly below 0.5. Compare runs no bootstrap
 * per model, so the interval is Hanley–McNeil's (stats/hanley-mcneil.ts) at 95%.
 */
export function invertedModelChecks(comparison, label, names) {
    const auc = comparison.metrics.rocAuc;
    if (!auc)
        return [];
    const out = [];
    for (const role of ["old", "new"]) {
        const value = auc[role];
        if (value === null)
            continue;
        const found = invertedScoresCheck({
            check: "compat.inverted_scores",
            model: `the ${role} model (${names[role]})`,
            subject: { group: role },
            auc: value,
            ci: hanleyMcNeilInterval(value, label.positives, label.rows - label.positives),
            positive: label,
        });
        if (found)
            out.push(found);
    }
    return out;
}
