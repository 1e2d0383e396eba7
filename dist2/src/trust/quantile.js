/**
 * The conformal threshold qhat from calibration scores.
 *
 * finite-sample (ours): qhat = the k-th smallest score, k = ⌈(n+1)(1−α)⌉. For exchangeable scores
 * P(s_new ≤ qhat) ≥ 1 − α, and below 1 − α + 1/(n+1) when scores have no ties (Vovk et al. 2005;
 * Angelopoulos & Bates 2021, §1). When k > n (α < 1/(n+1)) no finite threshold is valid: qhat = +∞
 * and every candidate is in every set.
 *
 * mapie: MAPIE 1.x's `np.quantile(scores, (n+1)(1−α)/n, method="higher")`, reproduced with numpy's
 * own arithmetic (virtual index n·q − q, then ceil). It picks the same order statistic as ours except
 * when (n+1)(1−α) is an integer, where it picks the next one (e.g. n = 19, α = 0.5: the 11th, ours
 * the 10th). A level above 1 gives +∞ as ours does (numpy itself would raise).
 */
import { sortFloat64 } from "../stats/sort.js";
export function conformalQuantile(scores, alpha, convention = "finite-sample") {
    const n = scores.length;
    const rank = convention === "mapie" ? mapieRank(n, alpha) : finiteSampleRank(n, alpha);
    if (rank > n)
        return { qhat: Number.POSITIVE_INFINITY, rank: n + 1, n, alpha, convention };
    const sorted = sortFloat64(scores);
    return { qhat: sorted[rank - 1], rank, n, alpha, convention };
}
/**
 * k = ⌈(n+1)(1−α)⌉. A product within 1e-9 (relative) of a whole number counts as that number:
 * α = 0.1 and n = 99 must give 90 as arithmetic says, not 91 from the binary rounding of 0.9.
 */
export function finiteSampleRank(n, alpha) {
    const x = (n + 1) * (1 - alpha);
    const whole = Math.round(x);
    return Math.max(1, Math.abs(x - whole) <= 1e-9 * Math.max(1, x) ? whole : Math.ceil(x));
}
function mapieRank(n, alpha) {
    const q = ((n + 1) * (1 - alpha)) / n;
    if (q > 1)
        return n + 1;
    // numpy 1.24 _compute_virtual_index(n, q, 1, 1) for method "higher"
    const index = Math.ceil(n * q + (1 + q * -1) - 1);
    return Math.min(Math.max(index, 0), n - 1) + 1;
}
