import assert from "node:assert/strict";
import { test } from "node:test";
import { sliceLine } from "../../src/evaluate/sliceline.js";
import { seededRandom } from "../../src/stats/random.js";
import { batchFromRows } from "../../src/table/types.js";
/** A table where errors concentrate in a = x & b = y, plus noise. */
function synthetic(n, seed) {
    const random = seededRandom(seed);
    const rows = [];
    const scores = new Float64Array(n);
    const labels = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
        const a = ["x", "y", "z"][random.below(3)];
        const b = ["x", "y"][random.below(2)];
        const c = ["p", "q", "r", "s"][random.below(4)];
        rows.push({ a, b, c });
        labels[i] = random.below(2);
        const wrongRate = a === "x" && b === "y" ? 0.6 : c === "s" ? 0.3 : 0.1;
        const wrong = random.next() < wrongRate;
        scores[i] = (labels[i] === 1) !== wrong ? 0.8 : 0.2;
    }
    const table = batchFromRows(["a", "b", "c"].map((name) => ({ name, type: "string", sourceType: "VARCHAR" })), rows);
    return { table, scores, labels };
}
/** Scores of every slice of up to 3 predicates, by brute force. */
function bruteForce(table, errors, alpha, minSupport) {
    const n = errors.length;
    const meanError = errors.reduce((s, e) => s + e, 0) / n;
    const preds = [];
    table.columns.forEach((c, col) => {
        for (const v of new Set(c.values))
            preds.push({ col, value: v });
    });
    const out = [];
    const visit = (chosen, start) => {
        if (chosen.length > 0) {
            let size = 0;
            let err = 0;
            for (let i = 0; i < n; i++)
                if (chosen.every((p) => table.columns[preds[p].col].values[i] === preds[p].value)) {
                    size++;
                    err += errors[i];
                }
            if (size >= minSupport && err > 0) {
                const score = alpha * (err / size / meanError - 1) - (1 - alpha) * (n / size - 1);
                const labels = chosen.map((p) => `${table.columns[preds[p].col].name} = ${preds[p].value}`).sort();
                out.push({ key: labels.join(" & "), score });
            }
        }
        if (chosen.length === 3)
            return;
        for (let p = start; p < preds.length; p++)
            if (!chosen.some((q) => preds[q].col === preds[p].col))
                visit([...chosen, p], p + 1);
    };
    visit([], 0);
    return out.sort((x, y) => y.score - x.score);
}
test("SliceLine finds the planted weak slice and agrees with brute force on the top slices", () => {
    const { table, scores, labels } = synthetic(3000, 11);
    const errors = Uint8Array.from(scores, (s, i) => ((s >= 0.5 ? 1 : 0) !== labels[i] ? 1 : 0));
    for (const alpha of [0.8, 0.95]) {
        const found = sliceLine(table, ["a", "b", "c"], scores, labels, 0.5, {
            sliceAlpha: alpha,
            resamples: 20,
        });
        const brute = bruteForce(table, errors, alpha, 32).filter((s) => s.score > 0);
        // Brute force keeps redundant supersets (same rows, more predicates); SliceLine reports each row set once.
        assert.ok(found.slices.length > 0, `α ${alpha}: nothing found`);
        assert.equal([...found.slices[0].predicates].sort().join(" & "), brute[0].key, `α ${alpha}`);
        for (const s of found.slices) {
            const key = [...s.predicates].sort().join(" & ");
            const match = brute.find((b) => b.key === key);
            assert.ok(match, `${key} is not a valid slice`);
            assert.ok(Math.abs(match.score - s.score) < 1e-12, `${key}: ${s.score} vs ${match.score}`);
        }
        // Pruning never loses a better slice: the k-th reported score is ≥ every unreported one's.
        const reported = new Set(found.slices.map((s) => [...s.predicates].sort().join(" & ")));
        const worstReported = Math.min(...found.slices.map((s) => s.score));
        if (found.slices.length === 10)
            for (const b of brute)
                if (!reported.has(b.key))
                    assert.ok(b.score <= worstReported + 1e-12, `${b.key} missed`);
        assert.ok(found.examined < brute.length + 100);
    }
    const top = sliceLine(table, ["a", "b", "c"], scores, labels, 0.5, { resamples: 20, sliceAlpha: 0.8 })
        .slices[0];
    assert.deepEqual([...top.predicates].sort(), ["a = x", "b = y"]);
    assert.ok(top.significant && top.pValueAdjusted < 1e-6);
});
test("with α ≤ 0.5 no slice can score above 0 (so none is reported)", () => {
    const { table, scores, labels } = synthetic(3000, 11);
    const found = sliceLine(table, ["a", "b", "c"], scores, labels, 0.5, { sliceAlpha: 0.5, resamples: 0 });
    assert.deepEqual(found.slices, []);
    assert.equal(found.alpha, 0.5);
    assert.equal(sliceLine(table, ["a"], scores, labels, 0.5, { resamples: 0 }).alpha, 0.95);
});
test("a model without errors has no weak slices", () => {
    const { table, labels } = synthetic(500, 3);
    const perfect = Float64Array.from(labels, (y) => (y === 1 ? 0.9 : 0.1));
    assert.deepEqual(sliceLine(table, ["a", "b"], perfect, labels, 0.5).slices, []);
});
