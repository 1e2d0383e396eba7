/**
 * The three robustness metrics of Bastani et al. (2016) from an adversarial search, at radius ε (SD
 * units, L∞ on the numeric features): pointwise robustness ρ(x) per row (its quantiles here),
 * adversarial frequency P(ρ ≤ ε) with a Wilson interval, adversarial severity E[ρ | ρ ≤ ε] with a
 * percentile bootstrap interval; and the search's calls per flip against random search's.
 */
import { allRows, percentileInterval, stratifiedBootstrap } from "../stats/bootstrap.js";
import { quantileSorted } from "../stats/quantile.js";
import { wilsonInterval } from "../stats/wilson.js";
export function summariseAdversarial(result, random, options) {
    const radii = result.radius.filter((r) => r !== null).sort((a, b) => a - b);
    const within = radii.filter((r) => r <= options.epsilon);
    const n = result.rows;
    let severityCi = null;
    if (within.length > 1 && options.resamples > 0) {
        const samples = stratifiedBootstrap(allRows(within.length), within.length, (counts) => {
            let sum = 0;
            let m = 0;
            for (let i = 0; i < within.length; i++) {
                sum += counts[i] * within[i];
                m += counts[i];
            }
            return [m > 0 ? sum / m : Number.NaN];
        }, { resamples: options.resamples, seed: options.seed, level: options.level });
        severityCi = percentileInterval(samples[0], options.level);
    }
    const numericFlips = result.flips.filter((f) => f.radius !== null);
    const searchQueries = numericFlips.reduce((s, f) => s + f.queries, 0);
    const search = numericFlips.length > 0 ? searchQueries / numericFlips.length : null;
    return {
        rows: n,
        epsilon: options.epsilon,
        maxRadius: options.maxRadius,
        pointwise: {
            flipped: radii.length,
            median: radii.length > 0 ? quantileSorted(radii, 0.5) : null,
            q25: radii.length > 0 ? quantileSorted(radii, 0.25) : null,
            q75: radii.length > 0 ? quantileSorted(radii, 0.75) : null,
        },
        frequency: {
            value: n > 0 ? within.length / n : null,
            ci: wilsonInterval(within.length, n, options.level),
            n,
            flippable: within.length,
        },
        severity: {
            value: within.length > 0 ? within.reduce((s, r) => s + r, 0) / within.length : null,
            ci: severityCi,
            n: within.length,
        },
        categoricalFlips: result.flips.filter((f) => f.radius === null).length,
        callsPerFlip: {
            search,
            random: random?.callsPerFlip ?? null,
            ratio: search !== null && random?.callsPerFlip ? search / random.callsPerFlip : null,
            randomFlips: random?.flips ?? 0,
            randomRows: random?.rows ?? 0,
        },
        easiest: numericFlips.sort((a, b) => (a.radius ?? 0) - (b.radius ?? 0)).slice(0, options.top),
    };
}
