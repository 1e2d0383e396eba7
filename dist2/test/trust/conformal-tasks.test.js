import assert from "node:assert/strict";
import { test } from "node:test";
import { runConformal } from "../../src/trust/conformal.js";
import { classIndices } from "../../src/trust/labels.js";
import { mondrianCalibration } from "../../src/trust/mondrian.js";
import { close } from "../evaluate/oracle.js";
import { fixtureTable, numbers, trustOracle } from "./oracle.js";
function penguinSide(table) {
    const classes = trustOracle.penguins.classes;
    const n = table.length;
    const probabilities = new Float64Array(n * classes.length);
    classes.forEach((c, j) => {
        const p = numbers(table, `p_${c}`);
        for (let i = 0; i < n; i++)
            probabilities[i * classes.length + j] = p[i];
    });
    const species = table.columns.find((c) => c.name === "Species");
    return {
        output: { kind: "multiclass", probabilities, classes: classes.length },
        labels: classIndices(species, classes),
    };
}
test("multiclass (penguins, 3 classes): LAC and APS qhat, coverage and set sizes match the numpy reference", async () => {
    const calibration = penguinSide(await fixtureTable("trust", "penguins_calibration.csv"));
    const evaluation = penguinSide(await fixtureTable("trust", "penguins_evaluation.csv"));
    for (const [alpha, byMethod] of Object.entries(trustOracle.penguins.by_alpha))
        for (const method of ["lac", "aps"]) {
            const o = byMethod[method];
            const r = runConformal({ task: "classification", calibration, evaluation }, { alpha: Number(alpha), method });
            const what = `${method} α=${alpha}`;
            close(r.qhat, o.qhat, 1e-12, `${what} qhat`);
            assert.equal(r.coverage.value, o.coverage, `${what} coverage`);
            assert.equal(r.meanSetSize, o.mean_set_size, `${what} mean set size`);
            assert.deepEqual(r.setSizes.map((s) => s.count), o.set_size_counts, `${what} set sizes`);
        }
});
test("regression (cars): residual and normalised intervals match the numpy reference", async () => {
    const side = (t) => ({
        actual: numbers(t, "Miles_per_Gallon"),
        predicted: numbers(t, "prediction"),
        scale: numbers(t, "scale"),
    });
    const calibration = side(await fixtureTable("trust", "cars_calibration.csv"));
    const evaluation = side(await fixtureTable("trust", "cars_evaluation.csv"));
    for (const [alpha, byMethod] of Object.entries(trustOracle.cars.by_alpha))
        for (const method of ["residual", "normalized"]) {
            const o = byMethod[method];
            const r = runConformal({ task: "regression", calibration, evaluation }, { alpha: Number(alpha), method });
            const what = `${method} α=${alpha}`;
            close(r.qhat, o.qhat, 1e-12, `${what} qhat`);
            assert.equal(r.coverage.value, o.coverage, `${what} coverage`);
            close(r.meanIntervalWidth, o.mean_interval_width, 1e-9, `${what} width`);
            assert.equal(r.meanSetSize, null);
            // Residual intervals all have one width, so there is one width bin; normalised ones spread.
            assert.equal(r.widths.length === 1, method === "residual", `${what} width bins`);
        }
});
test("Mondrian: each group gets its own qhat; a small or unseen group falls back to the pooled one", () => {
    const scores = Float64Array.from({ length: 120 }, (_, i) => (i < 100 ? i / 100 : 10 + i));
    const keys = Array.from({ length: 120 }, (_, i) => (i < 100 ? "big" : "small"));
    const m = mondrianCalibration(scores, keys, 0.1, { minRows: 30 });
    const big = m.groups.get("big");
    assert.equal(big.status, "ok");
    assert.equal(big.rank, 91);
    assert.equal(big.qhat, 0.9);
    const small = m.groups.get("small");
    assert.equal(small.status, "insufficient");
    assert.equal(small.qhat, m.pooled.qhat);
    assert.match(small.reason, /20 calibration rows/);
});
test("Mondrian coverage in runConformal: calibrating per group fixes a group the pooled qhat under-covers", () => {
    // Group B's scores are twice group A's: the pooled threshold over-covers A and under-covers B.
    const make = (n, seed) => {
        let s = seed;
        const u = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
        const actual = new Float64Array(n);
        const predicted = new Float64Array(n);
        const group = [];
        for (let i = 0; i < n; i++) {
            const b = i % 2 === 1;
            group.push(b ? "B" : "A");
            actual[i] = (b ? 2 : 1) * (u() - 0.5);
        }
        return { actual, predicted, groups: [group] };
    };
    const calibration = make(4000, 1);
    const evaluation = make(4000, 2);
    const pooled = runConformal({ task: "regression", calibration, evaluation }, { alpha: 0.1, method: "residual", groupColumns: ["g"] });
    const b = pooled.groups.g.find((g) => g.group === "B");
    assert.ok(b.coverage.ci[1] < 0.9, `pooled coverage of B ${b.coverage.value}`);
    const mondrian = runConformal({ task: "regression", calibration, evaluation }, { alpha: 0.1, method: "residual", groupColumns: ["g"], mondrian: true });
    for (const cell of mondrian.mondrian.cells) {
        assert.equal(cell.status, "ok");
        assert.ok(cell.chance.lowerTail > 0.01, `Mondrian coverage of ${cell.group} ${cell.coverage.value}`);
    }
});
