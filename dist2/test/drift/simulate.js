/**
 * Simulated columns for the drift calibration (test/drift/error-rates.test.ts, bench/drift-calibration.ts):
 * the column types of issue 13 under no drift, and the shifts whose power is reported.
 */
import { defaultPolicy } from "../../src/drift/policy.js";
import { compareColumns } from "../../src/drift/verdict.js";
import { distributionOf } from "../../src/stats/distribution.js";
import { seededRandom } from "../../src/stats/random.js";
/** n standard normal draws (Box–Muller, both halves of each pair used), plus a shift. */
function normals(random, n, shift = 0) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i += 2) {
        let u = 0;
        while (u === 0)
            u = random.next();
        const radius = Math.sqrt(-2 * Math.log(u));
        const angle = 2 * Math.PI * random.next();
        out[i] = radius * Math.cos(angle) + shift;
        if (i + 1 < n)
            out[i + 1] = radius * Math.sin(angle) + shift;
    }
    return out;
}
function numericSide(values, missing = 0) {
    return {
        kind: "numeric",
        distribution: distributionOf(values),
        missing,
        nonFinite: 0,
        rows: values.length + missing,
    };
}
/** n Poisson(λ) draws by inversion of the CDF. */
function poissons(random, n, lambda) {
    const cdf = [];
    let p = Math.exp(-lambda);
    let s = 0;
    for (let k = 0; s < 1 - 1e-16 && k < 1000; k++) {
        s += p;
        cdf.push(s);
        p *= lambda / (k + 1);
    }
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        const u = random.next();
        let k = 0;
        while (k < cdf.length - 1 && u >= cdf[k])
            k++;
        out[i] = k;
    }
    return out;
}
/** n draws from the given probabilities (normalised), as counts by label; binary search on the CDF. */
export function categoricalSide(random, probabilities, n, labels) {
    const cumulative = new Float64Array(probabilities.length);
    let s = 0;
    probabilities.forEach((p, i) => {
        s += p;
        cumulative[i] = s;
    });
    const counts = new Float64Array(probabilities.length);
    for (let i = 0; i < n; i++) {
        const u = random.next() * s;
        let lo = 0;
        let hi = cumulative.length - 1;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (u < cumulative[mid])
                hi = mid;
            else
                lo = mid + 1;
        }
        counts[lo]++;
    }
    const map = new Map();
    counts.forEach((c, k) => {
        if (c > 0)
            map.set(labels?.[k] ?? `c${k}`, c);
    });
    return { kind: "categorical", counts: map, missing: 0, rows: n };
}
const zipf = (levels, exponent) => Array.from({ length: levels }, (_, k) => 1 / (k + 1) ** exponent);
export const FIVE_LEVELS = [0.4, 0.25, 0.2, 0.1, 0.05];
const LONG_50 = zipf(50, 1);
const LEVELS_500 = zipf(500, 0.8);
/** The seven column types of issue 13, with no drift between the sides. */
export const NULL_COLUMNS = [
    {
        name: "normal",
        type: "float",
        draw: (r, n) => numericSide(normals(r, n)),
    },
    {
        name: "lognormal",
        type: "float",
        draw: (r, n) => numericSide(normals(r, n).map(Math.exp)),
    },
    {
        name: "poisson",
        type: "integer",
        draw: (r, n) => numericSide(poissons(r, n, 4)),
    },
    { name: "levels5", type: "string", draw: (r, n) => categoricalSide(r, FIVE_LEVELS, n) },
    { name: "levels50", type: "string", draw: (r, n) => categoricalSide(r, LONG_50, n) },
    { name: "levels500", type: "string", draw: (r, n) => categoricalSide(r, LEVELS_500, n) },
    { name: "boolean", type: "boolean", draw: (r, n) => categoricalSide(r, [0.7, 0.3], n, ["false", "true"]) },
];
/** The shifts whose power is reported: each changes the current side only. */
export const ALTERNATIVES = [
    {
        name: "shift 0.2σ",
        type: "float",
        draw: (r, n, cur) => numericSide(normals(r, n, cur ? 0.2 : 0)),
    },
    {
        name: "shift 0.5σ",
        type: "float",
        draw: (r, n, cur) => numericSide(normals(r, n, cur ? 0.5 : 0)),
    },
    {
        name: "share 20% → 30%",
        type: "string",
        draw: (r, n, cur) => categoricalSide(r, cur ? [0.3, 0.25, 0.3, 0.1, 0.05] : FIVE_LEVELS, n),
    },
    {
        name: "new category at 5%",
        type: "string",
        draw: (r, n, cur) => cur
            ? categoricalSide(r, [...FIVE_LEVELS.map((p) => p * 0.95), 0.05], n, [
                "c0",
                "c1",
                "c2",
                "c3",
                "c4",
                "new",
            ])
            : categoricalSide(r, FIVE_LEVELS, n),
    },
    {
        name: "missing 0 → 10%",
        type: "float",
        draw: (r, n, cur) => {
            const missing = cur ? Math.round(n * 0.1) : 0;
            return numericSide(normals(r, n - missing), missing);
        },
    },
];
/** Runs `replicates` datasets of the given columns, n rows a side, and counts the verdicts. */
export function simulate(columns, n, replicates, seed) {
    const random = seededRandom(seed);
    const policy = defaultPolicy();
    const tally = { replicates, datasetAlarms: 0, notPass: 0, columns: {} };
    for (const c of columns)
        tally.columns[c.name] = { drift: 0, flagged: 0, insufficient: 0, raw: {}, tested: {} };
    for (let i = 0; i < replicates; i++) {
        const pairs = columns.map((c) => ({
            name: c.name,
            type: c.type,
            reference: c.draw(random, n, false),
            current: c.draw(random, n, true),
        }));
        const result = compareColumns(pairs, policy);
        if (result.drifted)
            tally.datasetAlarms++;
        if (result.columns.some((c) => c.status !== "stable"))
            tally.notPass++;
        for (const c of result.columns) {
            const t = tally.columns[c.name];
            if (c.status === "drift")
                t.drift++;
            if (c.status === "drift" || c.status === "warn")
                t.flagged++;
            if (c.status === "insufficient")
                t.insufficient++;
            for (const s of c.signals) {
                if (Number.isNaN(s.pValue))
                    continue;
                t.tested[s.signal] = (t.tested[s.signal] ?? 0) + 1;
                if (s.pValue < policy.alpha)
                    t.raw[s.signal] = (t.raw[s.signal] ?? 0) + 1;
            }
        }
    }
    return tally;
}
