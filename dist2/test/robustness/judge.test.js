import assert from "node:assert/strict";
import { test } from "node:test";
import { judgeFailures } from "../../src/robustness/judge.js";
test("judge: fail only when the whole Wilson interval is above the tolerance", () => {
    // 30 of 1000 at tolerance 0.02: Wilson 95% [0.0211, 0.0425] lies above 0.02
    const fail = judgeFailures(30, 1000, 0.02, 30);
    assert.equal(fail.status, "fail");
    assert.ok(fail.ci[0] > 0.02);
    // 25 of 1000: [0.0170, 0.0367] straddles 0.02 with plenty of rows → not shown to fail
    assert.equal(judgeFailures(25, 1000, 0.02, 30).status, "pass");
    // 1 of 10 at 0.05: [0.018, 0.404] straddles with fewer than 30 rows
    assert.equal(judgeFailures(1, 10, 0.05, 30).status, "insufficient");
    // 0 of 10 at 0: the upper bound (0.278) is above 0 with too few rows
    assert.equal(judgeFailures(0, 10, 0, 30).status, "insufficient");
    assert.equal(judgeFailures(0, 10, 0, 5).status, "pass");
    // 1 of 5 at 0: the lower bound 0.036 is above 0 → fail even on five rows
    assert.equal(judgeFailures(1, 5, 0, 30).status, "fail");
    assert.deepEqual(judgeFailures(0, 0, 0.1, 30), { status: "insufficient", rate: null, ci: null });
    // 4 of 30 at 0.05: Wilson's lower bound (0.053) is above, the exact bound (0.038) is not → no fail
    const small = judgeFailures(4, 30, 0.05, 30);
    assert.ok(small.ci[0] > 0.05);
    assert.equal(small.status, "pass");
});
test("judge: at a true failure rate equal to the tolerance, a test fails at most ~2.5% of the time (simulated)", async () => {
    const { seededRandom } = await import("../../src/stats/random.js");
    const random = seededRandom(99);
    const runs = 4000;
    for (const [n, tolerance] of [
        [30, 0.05],
        [200, 0.05],
        [1000, 0.01],
        [2000, 0.1],
    ]) {
        let failed = 0;
        for (let r = 0; r < runs; r++) {
            let k = 0;
            for (let i = 0; i < n; i++)
                if (random.next() < tolerance)
                    k++;
            if (judgeFailures(k, n, tolerance, 30).status === "fail")
                failed++;
        }
        // The lower Wilson bound exceeds the true rate with probability about α/2 = 2.5% (Wilson is a bit
        // conservative or liberal by n; binomial sd of the estimate over 4000 runs is 0.25%).
        assert.ok(failed / runs < 0.04, `n=${n} tolerance=${tolerance}: ${failed / runs}`);
        console.log(`# judge false-fail rate n=${n} tolerance=${tolerance}: ${(failed / runs).toFixed(4)}`);
    }
});
