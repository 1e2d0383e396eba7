import { hypergeometricSample } from "../stats/hypergeometric-sample.js";
import { monteCarloPValue } from "../stats/monte-carlo-p.js";
const MAX_DRAWS = 9_999;
/** Categories whose chance of falling entirely on the current side is below this are not simulated. */
const NEGLIGIBLE = 1e-16;
/**
 * Exact conditional test of "the current side puts more mass on categories absent from the
 * reference than chance would": under no drift the pooled n + m values are exchangeable, so given
 * the pooled count c of every category the reference is a uniformly random n of the N = n + m
 * values. U = Σ c_k·[category k has no reference value]; a category of pooled size c misses the
 * reference with probability q(c) = Π_{i<c} (m − i)/(N − i).
 *
 * `sizes` maps a pooled category size c to the number of categories of that size (the test depends
 * on nothing else). The p-value P(U* ≥ u) is
 * - 1 when u = 0;
 * - the Chernoff bound min_t e^{−tu} Π_k (1 − q_k + q_k e^{t c_k}) when that is below 1/(MAX_DRAWS + 1):
 *   the indicators are negatively associated (functions of disjoint parts of a multivariate
 *   hypergeometric vector, Joag-Dev & Proschan 1983), so the bound for independent ones holds; it
 *   is floored at 1e-300, never 0;
 * - otherwise a seeded Monte-Carlo permutation p-value (Besag–Clifford sequential, up to 9,999
 *   draws): each draw assigns the reference's n values category by category with hypergeometric
 *   draws, smallest categories first; categories with q < 1e-16 are not simulated.
 * The mix is a valid test at every level α up to an excess of at most 1/(MAX_DRAWS + 1) = 1e-4.
 */
export function unseenTest(observed, n, m, sizes, simulation = {}) {
    const maxDraws = simulation.maxDraws ?? MAX_DRAWS;
    const N = n + m;
    const levels = [...sizes.entries()].filter(([c, k]) => c > 0 && k > 0).sort((a, b) => a[0] - b[0]);
    const logQ = [];
    let acc = 0;
    let at = 0;
    for (const [c] of levels) {
        for (; at < c; at++)
            acc += at < m ? Math.log((m - at) / (N - at)) : Number.NEGATIVE_INFINITY;
        logQ.push(acc);
    }
    let expected = 0;
    for (let i = 0; i < levels.length; i++)
        expected += levels[i][1] * levels[i][0] * Math.exp(logQ[i]);
    if (!(observed > 0) || n === 0 || m === 0)
        return { pValue: 1, expected, method: "none", draws: 0 };
    const bound = chernoffBound(observed, levels, logQ);
    if (bound <= 1 / (maxDraws + 1))
        return { pValue: bound, expected, method: "bound", draws: 0 };
    const simulated = levels.filter((_, i) => logQ[i] >= Math.log(NEGLIGIBLE));
    const mc = monteCarloPValue((random) => {
        let rest = N;
        let refLeft = n;
        let u = 0;
        for (const [c, count] of simulated) {
            if (c === 1) {
                const inReference = hypergeometricSample(random, rest, count, refLeft);
                u += count - inReference;
                rest -= count;
                refLeft -= inReference;
            }
            else
                for (let k = 0; k < count; k++) {
                    const inReference = refLeft === 0 ? 0 : hypergeometricSample(random, rest, c, refLeft);
                    if (inReference === 0)
                        u += c;
                    rest -= c;
                    refLeft -= inReference;
                }
            if (u >= observed)
                return true;
        }
        return false;
    }, { maxDraws, exceedances: simulation.exceedances });
    return { pValue: mc.pValue, expected, method: "permutation", draws: mc.draws };
}
/** min over t ≥ 0 of exp(Σ f_c·log(1 − q_c + q_c·e^{tc}) − t·u), by bisection on the derivative. */
function chernoffBound(u, levels, logQ) {
    const terms = levels.map(([c, f], i) => ({ c, f, logQ: logQ[i], log1mQ: Math.log1p(-Math.exp(logQ[i])) }));
    const slope = (t) => {
        let s = -u;
        for (const x of terms) {
            if (x.logQ === Number.NEGATIVE_INFINITY)
                continue;
            // share of the term's mass on "missed": q e^{tc} / (1 − q + q e^{tc})
            const a = x.logQ + t * x.c;
            s += (x.f * x.c) / (1 + Math.exp(x.log1mQ - a));
        }
        return s;
    };
    const value = (t) => {
        let s = -t * u;
        for (const x of terms) {
            if (x.logQ === Number.NEGATIVE_INFINITY)
                continue;
            s += x.f * logAddExp(x.log1mQ, x.logQ + t * x.c);
        }
        return s;
    };
    if (slope(0) >= 0)
        return 1;
    let hi = 1 / Math.max(1, levels[levels.length - 1][0]);
    for (let i = 0; i < 200 && slope(hi) < 0; i++)
        hi *= 2;
    let lo = 0;
    for (let i = 0; i < 100; i++) {
        const mid = (lo + hi) / 2;
        if (slope(mid) < 0)
            lo = mid;
        else
            hi = mid;
    }
    const logBound = Math.min(value(lo), value(hi), 0);
    return Math.max(1e-300, Math.exp(logBound));
}
function logAddExp(a, b) {
    if (a === Number.NEGATIVE_INFINITY)
        return b;
    if (b === Number.NEGATIVE_INFINITY)
        return a;
    return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}
