import assert from "node:assert/strict";
import { test } from "node:test";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { msprtLook, sequentialTest } from "../../../src/compat/abtest/msprt.js";
import { seededRandom } from "../../../src/stats/random.js";
/** Standard normal draws (Box–Muller) from the seeded generator. */
function normals(seed) {
    const random = seededRandom(seed);
    let spare = null;
    return () => {
        if (spare !== null) {
            const s = spare;
            spare = null;
            return s;
        }
        const u = 1 - random.next();
        const v = random.next();
        const r = Math.sqrt(-2 * Math.log(u));
        spare = r * Math.sin(2 * Math.PI * v);
        return r * Math.cos(2 * Math.PI * v);
    };
}
const ALPHA = 0.05;
const SIMS = 1000;
const HORIZON = 500; // observations per arm; a look after every pair
// Monte-Carlo tolerance: 3 standard errors of a rate α over SIMS runs.
const TOLERANCE = 3 * Math.sqrt((ALPHA * (1 - ALPHA)) / SIMS);
test("Λ, p-value and confidence sequence agree with each other at the boundary", () => {
    const v = 0.01;
    const tau = 0.2;
    const look = msprtLook(0, v, tau, ALPHA);
    const [lo, hi] = look.confidenceSequence;
    // At the edge of the confidence sequence Λ equals 1/α exactly.
    assert.ok(Math.abs(msprtLook(hi, v, tau, ALPHA).likelihoodRatio - 1 / ALPHA) < 1e-9);
    assert.ok(Math.abs(msprtLook(lo, v, tau, ALPHA).likelihoodRatio - 1 / ALPHA) < 1e-9);
    assert.ok(look.likelihoodRatio < 1 && look.pValue === 1);
});
test("under H0 the mSPRT keeps its false-positive rate ≤ α under continuous peeking; a peeked t-test does not", (t) => {
    const draw = normals(2024);
    let msprtKnown = 0;
    let msprtPlugIn = 0;
    let peekedT = 0;
    const critical = new Float64Array(HORIZON + 1);
    for (let n = 2; n <= HORIZON; n++)
        critical[n] = tQuantile(1 - ALPHA / 2, 2 * n - 2);
    const arm = new Uint8Array(2 * HORIZON);
    const value = new Float64Array(2 * HORIZON);
    for (let s = 0; s < SIMS; s++) {
        for (let i = 0; i < 2 * HORIZON; i++) {
            arm[i] = i % 2;
            value[i] = draw();
        }
        if (sequentialTest(arm, value, { tau: 0.1, alpha: ALPHA, burnIn: 2, knownSd: [1, 1] }).crossed)
            msprtKnown++;
        if (sequentialTest(arm, value, { tau: 0.1, alpha: ALPHA, burnIn: 10 }).crossed)
            msprtPlugIn++;
        // The fixed-horizon t-test (equal variances), looked at after every pair: stop at the first p < α.
        let sum0 = 0;
        let sum1 = 0;
        let sq0 = 0;
        let sq1 = 0;
        for (let n = 1; n <= HORIZON; n++) {
            const a = value[2 * n - 2];
            const b = value[2 * n - 1];
            sum0 += a;
            sum1 += b;
            sq0 += a * a;
            sq1 += b * b;
            if (n < 2)
                continue;
            const pooled = (sq0 - (sum0 * sum0) / n + sq1 - (sum1 * sum1) / n) / (2 * n - 2);
            const statistic = (sum1 / n - sum0 / n) / Math.sqrt((2 * pooled) / n);
            if (Math.abs(statistic) > critical[n]) {
                peekedT++;
                break;
            }
        }
    }
    const rates = { known: msprtKnown / SIMS, plugIn: msprtPlugIn / SIMS, peekedT: peekedT / SIMS };
    t.diagnostic(`false-positive rates under peeking: ${JSON.stringify(rates)}`);
    assert.ok(rates.known <= ALPHA + TOLERANCE, `mSPRT (known σ) false positives ${rates.known}`);
    assert.ok(rates.plugIn <= ALPHA + TOLERANCE, `mSPRT (plug-in σ) false positives ${rates.plugIn}`);
    assert.ok(rates.peekedT > ALPHA + TOLERANCE, `peeked t-test false positives ${rates.peekedT}`);
    assert.ok(rates.peekedT > 3 * ALPHA, `peeking should inflate the t-test a lot: ${rates.peekedT}`);
});
test("under H1 the mSPRT stops early and its confidence sequence covers the true effect", () => {
    const draw = normals(99);
    let detected = 0;
    let covered = 0;
    const sims = 200;
    const effect = 0.3;
    const arm = new Uint8Array(2 * HORIZON);
    const value = new Float64Array(2 * HORIZON);
    for (let s = 0; s < sims; s++) {
        for (let i = 0; i < 2 * HORIZON; i++) {
            arm[i] = i % 2;
            value[i] = draw() + (i % 2 === 1 ? effect : 0);
        }
        const r = sequentialTest(arm, value, { tau: 0.3, alpha: ALPHA });
        if (r.crossed)
            detected++;
        if (r.confidenceSequence[0] <= effect && effect <= r.confidenceSequence[1])
            covered++;
    }
    assert.ok(detected / sims > 0.85, `power ${detected / sims}`);
    assert.ok(covered / sims >= 1 - ALPHA - 0.05, `coverage ${covered / sims}`);
});
