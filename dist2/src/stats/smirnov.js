/**
 * The one-sided Smirnov distribution: P(D⁺ₙ ≥ x) for a sample of n from a continuous distribution.
 *
 * Birnbaum–Tingey (1951) / Smirnov (1944):
 *   P(D⁺ₙ ≥ x) = x · Σ_{j=0}^{⌊n(1−x)⌋} C(n, j) · (1 − x − j/n)^(n−j) · (x + j/n)^(j−1)
 * Every term is positive, so the sum has no cancellation. Terms are carried in log space by their
 * increments, which keeps about 1e-11 relative accuracy for n up to 10⁶ (checked against SciPy,
 * whose implementation uses double-double arithmetic for the same purpose).
 * Above 10⁶ we use the same closed-form approximation as SciPy: exp(−(6nx + 1)² / (18n)).
 */
const MAX_EXACT_N = 1_000_000;
export function smirnovSf(n, x) {
    if (!(n > 0) || Number.isNaN(x))
        return Number.NaN;
    if (x <= 0)
        return 1;
    if (x >= 1)
        return 0;
    if (n === 1)
        return x;
    const nx = n * x;
    if (nx <= 1) {
        // Only the j = 0 term survives in the complement: P(D⁺ < x) = x (1 + x)^(n−1) for x ≤ 1/n.
        return 1 - x * (1 + x) ** (n - 1);
    }
    if (-2 * n * x * x < -708)
        return 0;
    if (nx >= n - 1)
        return (1 - x) ** n;
    if (n > MAX_EXACT_N) {
        const logp = -((6 * nx + 1) ** 2) / 18 / n;
        return Math.exp(logp);
    }
    const last = Math.floor(n - nx);
    // Terms far below the largest one cannot move the sum; with n in the hundreds of thousands the
    // walk would otherwise spend most of its time there. Find the largest term on a coarse grid of
    // directly evaluated terms, and the window where terms are within e⁻⁶⁰ of it.
    let start = 0;
    if (last > 4096) {
        const step = Math.max(1, Math.floor(last / 256));
        let best = Number.NEGATIVE_INFINITY;
        let bestJ = 0;
        for (let j = 0; j <= last; j += step) {
            const t = logTermAt(n, x, nx, j);
            if (t > best) {
                best = t;
                bestJ = j;
            }
        }
        for (let j = bestJ; j >= 0; j -= step)
            if (logTermAt(n, x, nx, j) < best - 60) {
                start = j;
                break;
            }
        let end = last;
        for (let j = bestJ; j <= last; j += step)
            if (logTermAt(n, x, nx, j) < best - 60) {
                end = j;
                break;
            }
        // The terms are a smooth bump many thousands wide that vanishes at both window ends, so the
        // sum over every integer equals a sum over every h-th integer times h up to an error of the
        // order of the bump's Fourier transform at 2π/h (Poisson summation): far below 1e-15 once h
        // is small next to the bump's width. We halve h until two successive sums agree to 1e-14.
        if (start > 0 && end < last && end - start > 20_000) {
            const shifted = best; // factor e^best out so the terms stay representable
            let h = Math.max(1, Math.floor((end - start) / 256));
            let coarse = steppedSum(n, x, nx, start, end, h, shifted);
            while (h > 1) {
                const half = Math.max(1, Math.floor(h / 2));
                const fine = steppedSum(n, x, nx, start, end, half, shifted);
                if (Math.abs(fine - coarse) <= 1e-14 * fine)
                    return clip(x * fine * Math.exp(shifted));
                coarse = fine;
                h = half;
            }
            return clip(x * coarse * Math.exp(shifted));
        }
    }
    // log A_j is carried by its increments, each O(1) and accurate to a few ulps. With a = n − nx − j
    // and b = nx + j:  log A_{j+1} − log A_j = log((n−j)·b / ((j+1)·a)) + (n−j−1)·log1p(−1/a) + j·log1p(1/b)
    let logTerm = logTermAt(n, x, nx, start);
    let sum = 0;
    let previous = 0;
    for (let j = start; j <= last; j++) {
        if (j > start) {
            const i = j - 1;
            const a = n - nx - i;
            const b = nx + i;
            if (a - 1 <= 0)
                break;
            logTerm +=
                Math.log(((n - i) * b) / ((i + 1) * a)) + (n - i - 1) * Math.log1p(-1 / a) + i * Math.log1p(1 / b);
        }
        const term = Math.exp(logTerm);
        sum += term;
        // Past the largest term the terms only shrink: stop once the rest cannot move the sum.
        if (term < previous && (last - j) * term < 1e-17 * sum)
            break;
        previous = term;
    }
    return clip(x * sum);
}
/**
 * log A_j evaluated directly, in a form where every piece is O(n·x) rather than O(n) so that no
 * digits cancel: with Stirling's series for the factorials,
 *   log A_j = (n−j)·log1p(−nx/(n−j)) + j·log1p(nx/j) − log((nx+j)/n) + ½·log(n/(2π·j·(n−j)))
 *             + S(n) − S(j) − S(n−j),   S(m) = log m! − (m log m − m + ½ log 2πm).
 */
function logTermAt(n, x, nx, j) {
    if (j === 0)
        return n * Math.log1p(-x) - Math.log(x);
    const rest = n - j;
    return (rest * Math.log1p(-nx / rest) +
        j * Math.log1p(nx / j) -
        Math.log((nx + j) / n) +
        0.5 * Math.log(n / (2 * Math.PI * j * rest)) +
        stirlingRemainder(n) -
        stirlingRemainder(j) -
        stirlingRemainder(rest));
}
const LOG_FACTORIALS = [0];
for (let m = 1; m < 32; m++)
    LOG_FACTORIALS.push(LOG_FACTORIALS[m - 1] + Math.log(m));
/** S(m) = log m! − (m log m − m + ½ log 2πm), exact below 32 and by its asymptotic series above. */
function stirlingRemainder(m) {
    if (m < 32)
        return LOG_FACTORIALS[m] - (m * Math.log(m) - m + 0.5 * Math.log(2 * Math.PI * m));
    const r = 1 / m;
    const r2 = r * r;
    return r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 / 1680)));
}
function steppedSum(n, x, nx, start, end, h, shift) {
    let sum = 0;
    for (let j = start; j <= end; j += h)
        sum += Math.exp(logTermAt(n, x, nx, j) - shift);
    return sum * h;
}
function clip(p) {
    return p < 0 ? 0 : Math.min(p, 1);
}
