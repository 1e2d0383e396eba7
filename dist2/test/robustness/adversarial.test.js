import assert from "node:assert/strict";
import { test } from "node:test";
import { adversarialSearch } from "../../src/robustness/adversarial.js";
import { summariseAdversarial } from "../../src/robustness/adversarial-summary.js";
import { noiseCurves, standardDeviation } from "../../src/robustness/noise-curve.js";
import { randomSearch } from "../../src/robustness/random-search.js";
import { normalDraw } from "../../src/stats/normal-draw.js";
import { seededRandom } from "../../src/stats/random.js";
// Eight features: random search must hit one corner of 2⁸ (about 256 calls per flip when it flips at all).
const W = [1.5, -0.8, 0.4, 0.2, 0.9, -0.3, 0.6, -1.1];
const B = -0.3;
const N = 400;
function synthetic() {
    const random = seededRandom(3);
    const columns = W.map((_, j) => ({
        name: `x${j}`,
        type: "float",
        values: Float64Array.from({ length: N }, () => normalDraw(random)),
        valid: new Uint8Array(N).fill(1),
    }));
    return {
        length: N,
        offset: 0,
        columns: [
            ...columns,
            {
                name: "colour",
                type: "string",
                values: Array.from({ length: N }, (_, i) => ["red", "blue"][i % 2]),
                valid: new Uint8Array(N).fill(1),
            },
        ],
    };
}
const linear = {
    name: "linear",
    kind: "module",
    features: [...W.map((_, j) => `x${j}`), "colour"],
    metadata: { source: "test", task: "binary" },
    async predict(batch) {
        const cols = W.map((_, j) => batch.columns.find((c) => c.name === `x${j}`).values);
        return {
            scores: Float64Array.from({ length: batch.length }, (_, i) => 1 / (1 + Math.exp(-(B + W.reduce((z, w, j) => z + w * cols[j][i], 0))))),
        };
    },
    close: async () => { },
};
test("adversarial: finds the exact minimal L∞ radius of a logistic model, in fewer calls than a quarter of random search's", async () => {
    const data = synthetic();
    const sds = W.map((_, j) => standardDeviation(data.columns[j].values, data.columns[j].valid));
    const result = await adversarialSearch(linear, data, linear.features, {
        threshold: 0.5,
        maxRadius: 3,
        immutable: [],
    });
    const tol = 3 / 256;
    let checked = 0;
    for (let i = 0; i < N; i++) {
        const z = B + W.reduce((s, w, j) => s + w * data.columns[j].values[i], 0);
        // The corner sign(w)·r·sd moves z by r·Σ|w_j|·sd_j: the minimal flipping radius in SD units.
        const exact = Math.abs(z) / W.reduce((s, w, j) => s + Math.abs(w) * sds[j], 0);
        // Clipping to the data's range makes a row near its edges need more: check the rows it leaves alone.
        const clipped = W.some((w, j) => {
            const col = data.columns[j].values;
            const to = col[i] - Math.sign(z) * Math.sign(w) * exact * sds[j];
            return to < Math.min(...col) || to > Math.max(...col);
        });
        if (clipped)
            continue;
        const found = result.radius[i];
        assert.ok(found !== null, `row ${i} (exact ${exact}) not flipped`);
        assert.ok(found >= exact - 1e-9 && found <= exact + tol, `row ${i}: found ${found}, exact ${exact}`);
        checked++;
    }
    assert.ok(checked > 300, String(checked));
    const targets = result.flips
        .filter((f) => f.radius !== null)
        .map((f) => ({ row: f.row, radius: f.radius }));
    const random = await randomSearch(linear, data, linear.features, targets, {
        threshold: 0.5,
        immutable: [],
        budget: 256,
        seed: 1,
    });
    const summary = summariseAdversarial(result, random, {
        epsilon: 0.25,
        maxRadius: 3,
        top: 5,
        level: 0.95,
        seed: 1,
        resamples: 200,
    });
    assert.ok(summary.callsPerFlip.ratio <= 0.25, JSON.stringify(summary.callsPerFlip));
    assert.ok(summary.frequency.ci[0] <= summary.frequency.value &&
        summary.frequency.value <= summary.frequency.ci[1]);
    assert.ok(summary.severity.value <= 0.25 && summary.severity.value > 0);
    assert.equal(summary.easiest.length, 5);
    assert.ok(summary.easiest[0].radius <= summary.easiest[4].radius);
});
test("adversarial: immutable features stay fixed; a model of one text feature flips by one categorical change", async () => {
    const data = synthetic();
    const result = await adversarialSearch(linear, data, linear.features, {
        threshold: 0.5,
        maxRadius: 3,
        immutable: ["x0"],
    });
    for (const f of result.flips)
        assert.ok(!f.changes.some((c) => c.feature === "x0"));
    const colourOnly = {
        ...linear,
        features: ["colour"],
        predict: async (batch) => ({
            scores: Float64Array.from(batch.columns.find((c) => c.name === "colour").values, (v) => v === "red" ? 0.7 : 0.2),
        }),
    };
    const byColour = await adversarialSearch(colourOnly, data, ["colour"], {
        threshold: 0.5,
        maxRadius: 1,
        immutable: [],
    });
    assert.equal(byColour.flips.length, N);
    assert.ok(byColour.flips.every((f) => f.l0 === 1 && f.radius === null && f.queries === 1));
});
test("noise curves: start at clean accuracy, stay flat for an ignored feature, fall for a used one", async () => {
    const data = synthetic();
    const scores = (await linear.predict(data)).scores;
    const labels = Uint8Array.from(scores, (s) => (s >= 0.5 ? 1 : 0)); // labels = the clean decisions
    const curves = await noiseCurves(linear, data, labels, ["x0", "colour"], {
        levels: [0, 0.5, 2],
        threshold: 0.5,
        seed: 1,
        resamples: 200,
        level: 0.95,
    });
    const [x0, colour, all] = curves;
    assert.equal(x0.points[0].accuracy, 1);
    assert.ok(x0.points[2].accuracy < 0.85, String(x0.points[2].accuracy));
    assert.ok(x0.points[1].ci[0] <= x0.points[1].accuracy && x0.points[1].accuracy <= x0.points[1].ci[1]);
    assert.deepEqual(colour.points.map((p) => p.accuracy), [1, 1, 1]);
    assert.equal(all.feature, "all");
    assert.ok(all.drop >= x0.drop - 0.05);
});
