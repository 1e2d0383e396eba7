/**
 * Coverage simulations: data whose law is known, calibrated with the real trust code, and the exact
 * coverage of the calibrated predictor computed from that law (not estimated on a test sample), so a
 * seed's coverage is the number the guarantee is about: P(Y ∈ set | the calibration set).
 * Used by test/trust/coverage-simulation.test.ts (200 seeds) and bench/trust-coverage.ts (more).
 */
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import { seededRandom } from "../../src/stats/random.js";
import { apsNonconformity } from "../../src/trust/aps.js";
import { lacNonconformity } from "../../src/trust/lac.js";
import { mondrianCalibration } from "../../src/trust/mondrian.js";
import { conformalQuantile } from "../../src/trust/quantile.js";
import { residualScores } from "../../src/trust/residual.js";
import { labelScores } from "../../src/trust/sets.js";
const GRID = 10_000;
function normal(random) {
    const u = 1 - random.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}
const BINARY = {
    classes: 2,
    // The model says P(1) = x; the truth is x², so the model is miscalibrated (over-confident in class 1).
    model: (x, out) => {
        out[0] = 1 - x;
        out[1] = x;
    },
    truth: (x, out) => {
        out[0] = 1 - x * x;
        out[1] = x * x;
    },
};
function softmax(logits, out) {
    const m = Math.max(...logits);
    let sum = 0;
    logits.forEach((l, c) => {
        out[c] = Math.exp(l - m);
        sum += out[c];
    });
    for (let c = 0; c < logits.length; c++)
        out[c] /= sum;
}
const THREE_CLASSES = {
    classes: 3,
    // The model is the truth at twice the temperature: right ranking, too unsure.
    model: (x, out) => softmax([0, 2 * x - 0.5, 3 * x - 1.5].map((l) => l / 2), out),
    truth: (x, out) => softmax([0, 2 * x - 0.5, 3 * x - 1.5], out),
};
function classification(name, law, method, alpha) {
    const k = law.classes;
    const scoresOf = (output, uniforms) => method === "lac" ? lacNonconformity(output) : apsNonconformity(output, uniforms);
    // The grid's scores do not depend on the calibration set: computed once.
    const gridOutput = { kind: "multiclass", probabilities: new Float64Array(GRID * k), classes: k };
    const truth = new Float64Array(GRID * k);
    const row = new Float64Array(k);
    for (let g = 0; g < GRID; g++) {
        const x = (g + 0.5) / GRID;
        law.model(x, row);
        gridOutput.probabilities.set(row, g * k);
        law.truth(x, row);
        truth.set(row, g * k);
    }
    const atU0 = scoresOf(gridOutput, method === "aps-randomized" ? new Float64Array(GRID) : undefined);
    const atU1 = method === "aps-randomized" ? scoresOf(gridOutput, new Float64Array(GRID).fill(1)) : atU0;
    return {
        name,
        alpha,
        atoms: method === "aps",
        run(n, random) {
            const probabilities = new Float64Array(n * k);
            const labels = new Uint32Array(n);
            for (let i = 0; i < n; i++) {
                const x = random.next();
                law.model(x, row);
                probabilities.set(row, i * k);
                law.truth(x, row);
                let u = random.next();
                let y = 0;
                while (y < k - 1 && u >= row[y])
                    u -= row[y++];
                labels[i] = y;
            }
            const uniforms = method === "aps-randomized" ? Float64Array.from({ length: n }, () => random.next()) : undefined;
            const output = { kind: "multiclass", probabilities, classes: k };
            const q = conformalQuantile(labelScores(scoresOf(output, uniforms), k, labels), alpha);
            // P(Y ∈ set | calibration) = E_x Σ_y p(y | x) · P_u(score(x, y, u) ≤ qhat); the score is linear in u.
            let covered = 0;
            for (let j = 0; j < GRID * k; j++) {
                const s0 = atU0[j];
                const s1 = atU1[j];
                const inside = s0 <= q.qhat ? 1 : s1 > q.qhat ? 0 : (q.qhat - s1) / (s0 - s1);
                covered += truth[j] * inside;
            }
            return { coverage: [{ group: "all", value: covered / GRID, calibrationRows: n, rank: q.rank }] };
        },
    };
}
/**
 * Regression: y = σ_g·ε, ε ~ N(0, 1), group A (70%, σ = 1) or B (30%, σ = 3); the model predicts 0.
 * The normalised method divides by a misspecified scale (1 for A, 2 for B). Coverage at qhat is
 * Σ_g P(g)·(2Φ(qhat·s_g/σ_g) − 1), exactly.
 */
function regression(name, method, alpha) {
    const groups = [
        { name: "A", share: 0.7, sigma: 1, scale: 1 },
        { name: "B", share: 0.3, sigma: 3, scale: 2 },
    ];
    return {
        name,
        alpha,
        atoms: false,
        run(n, random) {
            const actual = new Float64Array(n);
            const scale = new Float64Array(n);
            const keys = new Array(n);
            for (let i = 0; i < n; i++) {
                const g = random.next() < groups[0].share ? groups[0] : groups[1];
                actual[i] = g.sigma * normal(random);
                scale[i] = g.scale;
                keys[i] = g.name;
            }
            const scores = residualScores(actual, new Float64Array(n), method === "normalized" ? scale : undefined);
            const within = (q, g) => 2 * normalCdf((q * (method === "normalized" ? g.scale : 1)) / g.sigma, 0, 1) - 1;
            if (method === "mondrian") {
                const m = mondrianCalibration(scores, keys, alpha);
                return {
                    coverage: groups.map((g) => {
                        const cell = m.groups.get(g.name);
                        return {
                            group: g.name,
                            value: within(cell.qhat, g),
                            calibrationRows: cell.calibrationRows,
                            rank: cell.rank ?? 0,
                        };
                    }),
                };
            }
            const q = conformalQuantile(scores, alpha);
            const value = groups.reduce((sum, g) => sum + g.share * within(q.qhat, g), 0);
            return { coverage: [{ group: "all", value, calibrationRows: n, rank: q.rank }] };
        },
    };
}
export const SCENARIOS = [
    classification("binary LAC", BINARY, "lac", 0.1),
    // Binary APS puts the second class at score 1 (an atom); the model is right 75% of the time, so
    // α = 0.3 keeps qhat below 1 (at α = 0.1 every set is both classes and coverage is trivially 1).
    classification("binary APS", BINARY, "aps", 0.3),
    classification("3-class LAC", THREE_CLASSES, "lac", 0.1),
    classification("3-class APS randomised", THREE_CLASSES, "aps-randomized", 0.1),
    regression("regression residual", "residual", 0.1),
    regression("regression normalised", "normalized", 0.05),
    regression("regression Mondrian", "mondrian", 0.1),
];
/** Runs `seeds` seeds of a scenario at calibration size n and summarises coverage per group. */
export function simulate(scenario, n, seeds, slack) {
    const byGroup = new Map();
    for (let seed = 0; seed < seeds; seed++) {
        const outcome = scenario.run(n, seededRandom(1_000_003 * (seed + 1) + n));
        for (const c of outcome.coverage) {
            let g = byGroup.get(c.group);
            if (!g)
                byGroup.set(c.group, (g = { values: [], expected: [], variance: [], below: 0, rows: [] }));
            const m = c.calibrationRows;
            const a = c.rank;
            const b = m + 1 - a;
            g.values.push(c.value);
            g.expected.push(a / (m + 1));
            g.variance.push((a * b) / ((a + b) ** 2 * (a + b + 1)));
            g.rows.push(m);
            if (c.value < 1 - scenario.alpha - slack(m, a))
                g.below++;
        }
    }
    return [...byGroup].map(([group, g]) => {
        const mean = g.values.reduce((s, v) => s + v, 0) / seeds;
        const rows = [...g.rows].sort((x, y) => x - y)[Math.floor(seeds / 2)];
        return {
            scenario: scenario.name,
            n,
            group,
            seeds,
            mean,
            min: Math.min(...g.values),
            expected: g.expected.reduce((s, v) => s + v, 0) / seeds,
            standardError: Math.sqrt(g.variance.reduce((s, v) => s + v, 0)) / seeds,
            belowSlack: g.below,
            slackAtMedianRows: slack(rows, Math.ceil((rows + 1) * (1 - scenario.alpha))),
        };
    });
}
