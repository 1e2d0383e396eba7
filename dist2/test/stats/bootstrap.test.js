import assert from "node:assert/strict";
import { test } from "node:test";
import { allRows, percentileInterval, strataByLabel, stratifiedBootstrap, } from "../../src/stats/bootstrap.js";
import { quantileSorted } from "../../src/stats/quantile.js";
test("each stratum is resampled to its own size; the seed fixes the resamples", () => {
    const labels = Uint8Array.from({ length: 90 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const strata = strataByLabel(labels);
    assert.deepEqual(strata.map((s) => s.length), [60, 30]);
    const positives = stratifiedBootstrap(strata, labels.length, (counts) => {
        let pos = 0;
        let all = 0;
        for (let i = 0; i < counts.length; i++) {
            all += counts[i];
            if (labels[i] === 1)
                pos += counts[i];
        }
        return [pos, all];
    }, { resamples: 50, seed: 3 });
    assert.ok(positives[0].every((v) => v === 30));
    assert.ok(positives[1].every((v) => v === 90));
    const again = (seed) => stratifiedBootstrap(allRows(40), 40, (counts) => [counts[0]], { resamples: 30, seed })[0];
    assert.deepEqual(again(1), again(1));
    assert.notDeepEqual(again(1), again(2));
});
test("the percentile interval is [q(α/2), q(1 − α/2)] of the finite resamples; null when none is finite", () => {
    const samples = Float64Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? Number.NaN : Math.sin(i)));
    const finite = samples.filter((v) => !Number.isNaN(v)).sort();
    assert.deepEqual(percentileInterval(samples, 0.9), [
        quantileSorted(finite, 0.05),
        quantileSorted(finite, 0.95),
    ]);
    assert.equal(percentileInterval(Float64Array.from([Number.NaN, Number.NaN])), null);
});
test("coverage: the 95% percentile interval of a mean covers the true mean about 95% of the time", () => {
    // Exponential(1) samples of 100 (skewed: the percentile interval's known weak spot), 400 replicates of
    // 400 resamples: 93.3% here; 93.2% over 2,000 replicates, 90.8% at n = 30 (docs/stats.md). The
    // percentile bootstrap of a skewed mean undercovers a little; the bounds below allow for that and
    // for 400 replicates' noise (±2.5 points at 2 standard errors).
    let covered = 0;
    const replicates = 400;
    let state = 12345;
    const uniform = () => {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        return (state + 0.5) / 4294967296;
    };
    for (let r = 0; r < replicates; r++) {
        const x = Float64Array.from({ length: 100 }, () => -Math.log(uniform()));
        const [means] = stratifiedBootstrap(allRows(100), 100, (counts) => {
            let s = 0;
            for (let i = 0; i < 100; i++)
                s += counts[i] * x[i];
            return [s / 100];
        }, { resamples: 400, seed: r + 1 });
        const ci = percentileInterval(means);
        if (ci[0] <= 1 && 1 <= ci[1])
            covered++;
    }
    const rate = covered / replicates;
    assert.ok(rate > 0.9 && rate < 0.98, `coverage ${rate}`);
});
