import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { defaultPolicy } from "../../src/drift/policy.js";
import { compareProfiles } from "../../src/drift/profiles.js";
import { mergeSummaries, referenceFacts, summarize } from "../../src/monitor/bucket-summary.js";
import { columnDrift } from "../../src/monitor/feature-drift.js";
import { monitorOf, subjectOf } from "../../src/monitor/monitors/check.js";
import { runMonitors } from "../../src/monitor/monitors/registry.js";
import { ProfileBuilder } from "../../src/profile/build.js";
import { batchFromRows } from "../../src/table/types.js";
import { fixture } from "../helpers/cli.js";
const oracles = JSON.parse(readFileSync(fixture("monitor", "oracles.json"), "utf8"));
function close(actual, expected, tol, what = "") {
    assert.ok(actual !== null && actual !== undefined, `${what}: null`);
    assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} vs ${expected} (±${tol})`);
}
function profileOf(columns, rows) {
    const b = new ProfileBuilder(columns);
    b.add(batchFromRows(columns, rows));
    return b.finish({ name: "t", digest: "" });
}
/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
function normal(random) {
    return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
test("categorical drift counts unseen categories and matches scipy on the exact table", () => {
    const columns = [{ name: "c", type: "string", sourceType: "VARCHAR" }];
    const expand = (counts) => Object.entries(counts).flatMap(([v, n]) => Array.from({ length: n }, () => ({ c: v })));
    const ref = profileOf(columns, expand(oracles.categorical.reference)).columns[0];
    const cur = profileOf(columns, expand(oracles.categorical.current)).columns[0];
    const d = columnDrift(ref, cur);
    assert.equal(d.kind, "categorical");
    close(d.score, oracles.categorical.psi, 1e-12, "psi");
    close(d.statistic, oracles.categorical.statistic, 1e-9, "statistic");
    close(d.pValue, oracles.categorical.pValue, 1e-25, "p");
    assert.equal(d.drifted, true);
});
test("feature_psi bins as the drift policy says, and its PSI is compareProfiles' (assay drift's) PSI", () => {
    const columns = [{ name: "x", type: "float", sourceType: "DOUBLE" }];
    const codes = (counts) => counts.flatMap((n, k) => Array.from({ length: n }, () => ({ x: k + 1 })));
    const ref = profileOf(columns, codes([100, 200, 300, 250, 150]));
    const cur = profileOf(columns, codes([150, 200, 250, 250, 150]));
    const byValue = { ...defaultPolicy(), columns: { x: { kind: "categorical" } } };
    for (const policy of [defaultPolicy(), byValue]) {
        const d = columnDrift(ref.columns[0], cur.columns[0], { policy });
        const drift = compareProfiles(ref, cur, policy).columns[0];
        assert.equal(d.kind, drift.kind);
        assert.equal(d.score, drift.stats.psi);
        if ("chi2Pooled" in drift.stats)
            assert.equal(d.statistic, drift.stats.chi2Pooled.statistic);
    }
    assert.equal(columnDrift(ref.columns[0], cur.columns[0]).bins, 10, "numbers: the ten reference-decile bins");
    assert.equal(columnDrift(ref.columns[0], cur.columns[0], { policy: byValue }).bins, 5, "codes: one bin each");
});
test("numeric drift from sketches: a 1σ shift drifts, a fresh sample of the same distribution does not", () => {
    const random = rng(1);
    const columns = [{ name: "x", type: "float", sourceType: "DOUBLE" }];
    const sample = (n, shift) => Array.from({ length: n }, () => ({ x: 100 + 10 * (normal(random) + shift) }));
    const ref = profileOf(columns, sample(20_000, 0)).columns[0];
    const same = columnDrift(ref, profileOf(columns, sample(5000, 0)).columns[0]);
    assert.equal(same.kind, "numeric");
    assert.equal(same.drifted, false);
    assert.ok(same.score < 0.01, `same distribution PSI ${same.score}`);
    const shifted = columnDrift(ref, profileOf(columns, sample(5000, 1)).columns[0]);
    assert.equal(shifted.drifted, true);
    // Decile PSI of N(0,1) vs N(1,1) from scipy.stats.norm at the reference deciles: 0.92614 (make_oracles.py
    // prints it too); sampling (5000 and 20000 rows) and the sketch move it by a few hundredths.
    close(shifted.score, oracles.normalShiftPsi, 0.08, "1σ shift PSI");
    // Tiny windows: even a large effect is not called drift without evidence.
    const tiny = columnDrift(ref, profileOf(columns, sample(8, 0.5)).columns[0]);
    assert.equal(tiny.drifted, false);
});
const spec = {
    name: "m",
    task: "binary",
    positiveLabel: "1",
    threshold: 0.5,
    features: [{ name: "x", type: "number" }],
    trainedAt: "2024-01-01T00:00:00Z",
    createdAt: "2024-01-01T00:00:00Z",
    description: "",
};
function monitor(results, name, subject = null) {
    const r = results.find((x) => monitorOf(x) === name && subjectOf(x) === subject);
    assert.ok(r, `monitor ${name}/${subject} missing`);
    return r;
}
function recordsFrom(scores, features = (i) => ({ x: i })) {
    return scores.map((s, i) => ({
        id: String(i),
        timestamp: i,
        version: "v1",
        features: features(i),
        prediction: null,
        score: s,
    }));
}
test("realized performance and prediction bias match scikit-learn", () => {
    const p = oracles.performance;
    const labeled = p.scores.map((s, i) => ({
        id: String(i),
        timestamp: i,
        score: s,
        prediction: null,
        label: p.labels[i],
        version: "v1",
    }));
    const summary = summarize(spec, recordsFrom(p.scores), null);
    const results = runMonitors({
        spec,
        window: { from: 0, to: 1000 },
        summary,
        reference: null,
        referenceVersion: null,
        labeled,
        calibrationLabeled: [],
        now: Date.parse("2024-01-31T00:00:00Z"),
    });
    for (const metric of ["accuracy", "precision", "recall", "f1", "roc_auc"])
        close(monitor(results, "performance", metric).value, p[metric], 1e-12, metric);
    close(monitor(results, "prediction_bias").value, p.bias, 1e-12, "bias");
    close(monitor(results, "model_age_days").value, 30, 1e-9, "age");
    close(monitor(results, "positive_rate").value, p.scores.filter((s) => s >= 0.5).length / p.scores.length, 1e-12);
});
test("CBPE: on calibrated scores the estimate matches its expectation and the realized accuracy; miscalibration is refused", () => {
    const random = rng(3);
    const n = 20_000;
    const scores = Array.from({ length: n }, () => random());
    const labels = scores.map((s) => (random() < s ? 1 : 0));
    const labeledFrom = (ss) => ss.map((s, i) => ({
        id: String(i),
        timestamp: i,
        score: s,
        prediction: null,
        label: labels[i],
        version: null,
    }));
    const run = (ss) => runMonitors({
        spec,
        window: { from: 0, to: n },
        summary: summarize(spec, recordsFrom(ss), null),
        reference: null,
        referenceVersion: null,
        labeled: [],
        calibrationLabeled: labeledFrom(ss).slice(0, 5000),
        now: 0,
    });
    const results = run(scores);
    const expected = scores.reduce((a, s) => a + Math.max(s, 1 - s), 0) / n;
    const realized = scores.reduce((a, s, i) => a + ((s >= 0.5 ? 1 : 0) === labels[i] ? 1 : 0), 0) / n;
    const est = monitor(results, "estimated_performance", "accuracy");
    assert.equal(est.status, "pass");
    close(est.value, expected, 0.002, "CBPE vs its exact expectation");
    close(est.value, realized, 0.015, "CBPE vs realized");
    const assumptions = est.details.assumptions;
    assert.equal(assumptions[0].holds, true);
    // Squash the scores towards 0.5: ranking intact, calibration broken.
    const squashed = run(scores.map((s) => 0.5 + (s - 0.5) * 0.3));
    const refused = monitor(squashed, "estimated_performance", "accuracy");
    assert.equal(refused.status, "insufficient");
    assert.match(refused.message, /not calibrated/);
});
test("a window is the merge of its buckets: counts and moments exact, quantiles within the sketch bound", () => {
    const random = rng(5);
    const records = recordsFrom(Array.from({ length: 3000 }, () => random()), () => ({ x: 50 + 20 * normal(random) }));
    const whole = summarize(spec, records, null);
    const parts = [0, 1, 2, 3, 4, 5].map((k) => summarize(spec, records.slice(k * 500, (k + 1) * 500), null));
    const merged = mergeSummaries(parts);
    assert.equal(merged.rows, 3000);
    const a = whole.profile.columns.find((c) => c.name === "x");
    const b = merged.profile.columns.find((c) => c.name === "x");
    assert.equal(b.count, a.count);
    close(b.mean, a.mean, 1e-9, "mean");
    close(b.std, a.std, 1e-9, "std");
    close(b.quantiles["0.5"], a.quantiles["0.5"], Math.abs(a.quantiles["0.5"]) * 0.011, "median");
    assert.equal(merged.positives, whole.positives);
});
test("out-of-range, out-of-domain and outliers are counted against the reference", () => {
    const columns = [
        { name: "x", type: "float", sourceType: "DOUBLE" },
        { name: "c", type: "string", sourceType: "VARCHAR" },
    ];
    const reference = profileOf(columns, Array.from({ length: 100 }, (_, i) => ({ x: i, c: i % 2 ? "a" : "b" })));
    const s2 = {
        ...spec,
        features: [
            { name: "x", type: "number" },
            { name: "c", type: "string" },
        ],
    };
    const rows = [
        { x: 50, c: "a" },
        { x: 120, c: "a" }, // out of range, inside the far-out fence (Q3 + 3·IQR ≈ 222)
        { x: 1000, c: "z" }, // out of range, an outlier, an unseen category
        { x: -1, c: "b" },
    ];
    const summary = summarize(s2, rows.map((f, i) => ({
        id: String(i),
        timestamp: 0,
        version: null,
        features: f,
        prediction: null,
        score: null,
    })), referenceFacts(reference));
    assert.deepEqual(summary.quality.x, { typeErrors: 0, outOfRange: 3, outOfDomain: 0, checked: 4 });
    assert.deepEqual(summary.quality.c, { typeErrors: 0, outOfRange: 0, outOfDomain: 1, checked: 4 });
    assert.equal(summary.outlierRows, 1);
});
test("the N-way core merge equals folding the profile engine's pairwise mergeCores", async () => {
    const { coreOf, mergeCores } = await import("../../src/profile/merge.js");
    const { mergeColumnCores } = await import("../../src/monitor/merge-cores.js");
    const random = rng(9);
    const columns = [
        { name: "x", type: "float", sourceType: "DOUBLE" },
        { name: "s", type: "string", sourceType: "VARCHAR" },
    ];
    const profiles = [0, 1, 2, 3, 4].map((k) => profileOf(columns, Array.from({ length: 300 + k * 50 }, (_, i) => ({
        x: i % 13 === 0 ? null : 10 * normal(random) + k,
        s: i % 11 === 0 ? null : `v${Math.floor(random() * 40)}`,
    }))));
    for (const name of ["x", "s"]) {
        const cores = profiles.map((p) => coreOf(p.columns.find((c) => c.name === name)));
        const pairwise = cores.slice(1).reduce((a, b) => mergeCores(a, b), cores[0]);
        const nway = mergeColumnCores(cores);
        for (const key of ["count", "missing", "min", "max", "hll", "sketch", "frequencies", "patterns"])
            assert.deepEqual(nway[key], pairwise[key], `${name}.${key}`);
        if (pairwise.moments) {
            close(nway.moments.mean, pairwise.moments.mean, 1e-12, `${name} mean`);
            close(nway.moments.m2, pairwise.moments.m2, 1e-9 * pairwise.moments.m2, `${name} m2`);
        }
        else
            assert.equal(nway.moments, null);
        if (pairwise.length)
            close(nway.length.mean, pairwise.length.mean, 1e-12, `${name} length`);
    }
});
test("outlier_share: a 0/1 feature (adult age ≥ 65, like SeniorCitizen) and a mostly-zero amount have no outliers; a wide feature still does", () => {
    const read = (file) => {
        const [header, ...lines] = readFileSync(fixture("adult", file), "utf8").trim().split("\n");
        const names = header.split(",");
        return lines.map((l) => {
            const v = l.split(",");
            const age = Number(v[names.indexOf("age")]);
            return { senior: age >= 65 ? 1 : 0, gain: Number(v[names.indexOf("capital-gain")]), age };
        });
    };
    const columns = ["senior", "gain", "age"].map((name) => ({
        name,
        type: "float",
        sourceType: "DOUBLE",
    }));
    const reference = profileOf(columns, read("adult_train.csv"));
    const rows = read("adult_test.csv");
    const seniors = rows.filter((r) => r.senior === 1).length;
    const gains = rows.filter((r) => r.gain > 0).length;
    assert.ok(seniors > 500 && gains > 1000, `${seniors} seniors, ${gains} gains`);
    const s3 = { ...spec, features: columns.map((c) => ({ name: c.name, type: "number" })) };
    const records = (features) => features.map((f, i) => ({
        id: String(i),
        timestamp: 0,
        version: null,
        features: f,
        prediction: null,
        score: null,
    }));
    const facts = referenceFacts(reference);
    // age has IQR 20 (28 to 48): its far-out fences are −32 and 108, which no adult reaches
    const summary = summarize(s3, records(rows), facts);
    assert.equal(summary.outlierChecked, rows.length);
    assert.equal(summary.outlierRows, 0, "every senior (and every capital gain) was an outlier before");
    const wide = summarize(s3, records([...rows.slice(0, 10), { senior: 0, gain: 0, age: 150 }]), facts);
    assert.equal(wide.outlierRows, 1);
});
