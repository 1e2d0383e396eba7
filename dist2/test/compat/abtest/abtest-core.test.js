import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { compareProportions } from "../../../src/compat/abtest/proportions.js";
import { sampleSizeMeans, sampleSizeProportions } from "../../../src/compat/abtest/sample-size.js";
import { summarize, welchTest } from "../../../src/compat/abtest/welch.js";
import { seededRandom } from "../../../src/stats/random.js";
import { fixture } from "../../helpers/cli.js";
const oracles = JSON.parse(readFileSync(fixture("compat", "abtest_oracles.json"), "utf8"));
const close = (a, b, tol = 1e-10) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
test("two-proportion z-test and intervals match scipy (χ² without correction, Wilson-based Newcombe, Wald)", () => {
    for (const c of oracles.proportions) {
        const r = compareProportions({ conversions: c.x1, n: c.n1 }, { conversions: c.x2, n: c.n2 });
        assert.ok(close(r.pValue, c.p, 1e-9), `p ${r.pValue} vs ${c.p}`);
        assert.ok(close(r.z * r.z, c.z_squared, 1e-9));
        assert.ok(close(r.ci[0], c.newcombe[0], 1e-9) && close(r.ci[1], c.newcombe[1], 1e-9), `newcombe ${r.ci}`);
        assert.ok(close(r.waldCi[0], c.wald[0], 1e-9) && close(r.waldCi[1], c.wald[1], 1e-9));
        assert.ok(r.ci[0] < r.difference && r.difference < r.ci[1]);
    }
    assert.throws(() => compareProportions({ conversions: 5, n: 3 }, { conversions: 1, n: 3 }), /conversions/);
});
test("Welch t-test matches scipy.stats.ttest_ind(equal_var=False): t, df, p and the interval", () => {
    for (const c of oracles.welch) {
        const control = summarize(c.control);
        assert.ok(close(control.mean, c.mean_control, 1e-12) && close(control.sd, c.sd_control, 1e-12));
        const r = welchTest(control, summarize(c.treatment));
        assert.ok(close(r.t, c.t, 1e-10), `t ${r.t} vs ${c.t}`);
        assert.ok(close(r.df, c.df, 1e-10));
        assert.ok(close(r.pValue, c.p, 1e-9), `p ${r.pValue} vs ${c.p}`);
        assert.ok(close(r.ci[0], c.ci[0], 1e-9) && close(r.ci[1], c.ci[1], 1e-9), `ci ${r.ci} vs ${c.ci}`);
    }
});
test("sample size for means is within one unit of the exact noncentral-t solution", () => {
    for (const c of oracles.sample_size_means) {
        const n = sampleSizeMeans(c.sd, c.effect, { alpha: c.alpha, power: c.power });
        assert.ok(Math.abs(n - c.n) <= 1, `sd ${c.sd} effect ${c.effect}: ${n} vs exact ${c.n}`);
    }
});
test("sample size for proportions reaches the asked power in simulation (10% → 12%)", () => {
    const n = sampleSizeProportions(0.1, 0.12, { alpha: 0.05, power: 0.8 });
    // Fleiss' formula without continuity correction gives 3841 per arm for this case.
    assert.equal(n, 3841);
    const random = seededRandom(11);
    const sims = 1500;
    let rejections = 0;
    for (let s = 0; s < sims; s++) {
        let x1 = 0;
        let x2 = 0;
        for (let i = 0; i < n; i++) {
            if (random.next() < 0.1)
                x1++;
            if (random.next() < 0.12)
                x2++;
        }
        if (compareProportions({ conversions: x1, n }, { conversions: x2, n }).pValue < 0.05)
            rejections++;
    }
    const power = rejections / sims;
    assert.ok(Math.abs(power - 0.8) < 0.035, `simulated power ${power}`);
    assert.throws(() => sampleSizeProportions(0.1, 0.1), /not be 0/);
});
