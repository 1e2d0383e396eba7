import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { defaultPolicy } from "../../src/drift/policy.js";
import { compareProfiles } from "../../src/drift/profiles.js";
import { jsonSafe } from "../../src/report/report.js";
import { chi2Homogeneity } from "../../src/stats/chi2.js";
import { fixture, runCli } from "../helpers/cli.js";
import { testServer } from "./helpers.js";
/**
 * One table, two roads: UCI Adult's test split (16,281 rows) as the current data of `assay drift` and as
 * the predictions of a monitored model (one per second, so the window is the merge of 272 one-minute
 * buckets), both against the training split's profile — written by `assay profile --out`, given to the CLI
 * as the reference and uploaded to the service with PUT /v1/models/:model/reference, the way it takes one.
 *
 * Every statistic of every column must be identical (===, after the same JSON encoding): KS D and p,
 * Wasserstein and W/σ, PSI and its decile bins, JS, χ² and its p, L∞, the missing-rate, non-finite,
 * range and unseen tests, the BH q-values, statuses and the dataset verdict; and the monitors'
 * `feature_drift` signals and `feature_psi` score and χ² equal the CLI's numbers.
 *
 * Why they can be identical and not merely close: both sides read the same reference profile; for the
 * current side the CLI has the raw rows and the service only its window's sketches, but (1) numeric columns
 * with at most 2,048 distinct values (age, education-num, capital-gain, capital-loss, hours-per-week) have
 * exact frequency tables in the window, and the categorical columns have exact category counts; (2) fnlwgt,
 * a sketch in both profiles, is put through the reference sketch's DDSketch buckets on the CLI side
 * (src/drift/align.ts), which are the very buckets the window's sketch counted the same values into.
 * The last test says what changes when the CLI reads the raw training rows instead of the profile.
 */
const dir = mkdtempSync(join(tmpdir(), "assay-drift-parity-"));
const train = fixture("adult", "adult_train.csv");
const current = fixture("adult", "adult_test.csv");
const referenceProfile = join(dir, "train.profile.json");
const NUMERIC = new Set(["age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week"]);
const START = Date.UTC(2024, 0, 1);
let s;
let rows = 0;
let cli;
let monitors;
let serviceDrift;
before(async () => {
    const profiled = runCli(["profile", train, "--out", referenceProfile]);
    assert.equal(profiled.code, 0, profiled.stderr);
    const drift = runCli(["drift", referenceProfile, current, "--json"]);
    assert.ok(drift.code === 0 || drift.code === 1, drift.stderr);
    cli = JSON.parse(drift.stdout);
    s = await testServer();
    const lines = readFileSync(current, "utf8").trim().split("\n");
    const header = lines[0].split(",");
    const features = header.map((name) => ({ name, type: NUMERIC.has(name) ? "number" : "string" }));
    assert.equal((await s.call("POST", "/v1/models", { name: "adult", features })).statusCode, 201);
    const put = await s.call("PUT", "/v1/models/adult/reference", JSON.parse(readFileSync(referenceProfile, "utf8")));
    assert.equal(put.statusCode, 200, put.body);
    const records = lines.slice(1).map((line, i) => {
        const cells = line.split(",");
        return {
            id: String(i),
            timestamp: START + i * 1000,
            features: Object.fromEntries(header.map((h, k) => [h, NUMERIC.has(h) ? Number(cells[k]) : cells[k]])),
        };
    });
    rows = records.length;
    for (let i = 0; i < records.length; i += 5000) {
        const res = await s.call("POST", "/v1/models/adult/predictions", records.slice(i, i + 5000), "ingest");
        assert.equal(res.json.accepted, Math.min(5000, records.length - i), res.body);
    }
    await s.service.fold("adult");
    const window = `from=${START}&to=${START + rows * 1000}`;
    const res = await s.call("GET", `/v1/models/adult/monitors?${window}`, undefined, "read");
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json.rows, rows);
    monitors = res.json.monitors;
    // The window drift the feature_drift monitor computes, from the window's profile as the service serves it.
    const summary = (await s.call("GET", `/v1/models/adult/window?${window}`, undefined, "read")).json.summary;
    const reference = (await s.service.reference("adult")).profile;
    serviceDrift = jsonSafe(compareProfiles(reference, summary.profile, defaultPolicy(), header));
});
after(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
});
test("assay drift and the service's window drift give identical statistics for every column", () => {
    assert.equal(cli.columns.length, 15);
    assert.equal(serviceDrift.columns.length, 15);
    for (const c of cli.columns) {
        const w = serviceDrift.columns.find((x) => x.name === c.name);
        assert.ok(w, `${c.name} missing from the service's drift`);
        assert.deepEqual(w.stats, c.stats, `${c.name}: statistics`);
        assert.deepEqual(w.signals, c.signals, `${c.name}: signals (effects, p, BH q, status, reason)`);
        assert.equal(w.status, c.status, c.name);
    }
    assert.equal(serviceDrift.drifted, cli.drifted);
    assert.deepEqual(serviceDrift.counts, cli.summary.counts);
});
test("the feature_drift and feature_psi monitors report the CLI's numbers", () => {
    for (const c of cli.columns) {
        const fd = monitors.find((m) => m.check === "monitor.feature_drift" && m.subject?.column === c.name);
        assert.equal(fd.details.status, c.status, c.name);
        for (const [i, signal] of c.signals.entries())
            for (const key of ["effect", "pValue", "qValue", "status"])
                assert.equal(fd.details.signals[i][key], signal[key], `${c.name} ${signal.signal} ${key}`);
        const psi = monitors.find((m) => m.check === "monitor.feature_psi" && m.subject?.column === c.name);
        assert.equal(psi.value, c.stats.psi, `${c.name}: PSI`);
        // The χ² behind feature_psi is over the same bins the CLI reports: its categories, or its decile bins.
        const chi2 = c.kind === "categorical" ? c.stats.chi2 : chi2Homogeneity(c.stats.bins.reference, c.stats.bins.current);
        assert.equal(psi.details.statistic, chi2.statistic, `${c.name}: χ²`);
        assert.equal(psi.pValue, chi2.pValue, `${c.name}: χ² p`);
    }
    // Adult's test split is not drifted by the default policy, in either place.
    assert.equal(cli.drifted, false);
    assert.equal(monitors.find((m) => m.check === "monitor.dataset_drift_share").status, "pass");
});
test("against the raw training rows instead of the profile, only the sketched column (fnlwgt) moves", () => {
    const raw = JSON.parse(runCli(["drift", train, current, "--json"]).stdout);
    for (const c of raw.columns) {
        const w = serviceDrift.columns.find((x) => x.name === c.name);
        if (c.name === "fnlwgt") {
            // Exact on the CLI, DDSketch buckets (relative accuracy α = 0.5%) in the profiles (docs/drift.md §5).
            // Moving every value by at most α·|x| moves W by at most α·mean|x| ≈ 0.009σ here; measured:
            // |ΔD| 3e-5, |ΔW/σ| 6e-5, |ΔPSI| 5e-5, |ΔJS| 3e-4.
            assert.notEqual(w.stats.ks.statistic, c.stats.ks.statistic);
            assert.ok(Math.abs(w.stats.ks.statistic - c.stats.ks.statistic) < 5e-4, "KS D");
            assert.ok(Math.abs(w.stats.wassersteinNorm - c.stats.wassersteinNorm) < 0.009, "W/σ");
            assert.ok(Math.abs(w.stats.psi - c.stats.psi) < 1e-3, "PSI");
            assert.ok(Math.abs(w.stats.js - c.stats.js) < 1e-3, "JS");
            assert.equal(w.status, c.status);
        }
        else
            assert.deepEqual(w.stats, c.stats, `${c.name}: an exact table gives the exact statistics`);
    }
});
