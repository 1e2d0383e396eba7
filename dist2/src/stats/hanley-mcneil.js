/**
 * Hanley & McNeil (1982) interval for a ROC AUC A from m positives and n negatives, without resampling:
 *   Q₁ = A/(2 − A),  Q₂ = 2A²/(1 + A),
 *   SE² = [A(1 − A) + (m − 1)(Q₁ − A²) + (n − 1)(Q₂ − A²)] / (m·n),
 * and A ± z·SE clamped to [0, 1], z the two-sided normal critical value at `level` (./two-sided-z.ts).
 * Q₁, Q₂ assume exponential score distributions; on the Yes/No fixture (test/fixtures/yesno) the SE is
 * 1.16× and 1.14× DeLong's, so the interval errs wide. It serves where no bootstrap runs (compare,
 * conformal, the monitor) to ask whether the interval lies wholly on one side of 0.5. An AUC below 0.5 gets the interval of 1 − A with
 * the classes swapped, mirrored. Null without both classes.
 */
import { twoSidedZ } from "./two-sided-z.js";
export function hanleyMcNeilInterval(auc, positives, negatives, level = 0.95) {
    if (!(positives > 0 && negatives > 0) || !Number.isFinite(auc))
        return null;
    // The formula is derived for A ≥ 0.5; an AUC below it is 1 − A with the classes swapped.
    const a = Math.max(auc, 1 - auc);
    const [m, n] = auc >= 0.5 ? [positives, negatives] : [negatives, positives];
    const q1 = a / (2 - a);
    const q2 = (2 * a * a) / (1 + a);
    const a2 = a * a;
    const variance = (a * (1 - a) + (m - 1) * (q1 - a2) + (n - 1) * (q2 - a2)) / (m * n);
    const half = twoSidedZ(level) * Math.sqrt(Math.max(0, variance));
    return [Math.max(0, auc - half), Math.min(1, auc + half)];
}
