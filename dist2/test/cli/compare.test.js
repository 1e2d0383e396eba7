import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fixture, runCli } from "../helpers/cli.js";
const predictions = fixture("compat", "adult_predictions.csv");
const oracle = JSON.parse(readFileSync(fixture("compat", "compat_oracles.json"), "utf8")).backward_compatibility_test;
const tmp = mkdtempSync(join(tmpdir(), "assay-compare-"));
const scores = ["--label", "y_true", "--old", "score:score_v1", "--new", "score:score_v2"];
function close(a, b, tol = 1e-12) {
    return Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
}
test("compare --json on adult v1 → v2 (score columns) gives the oracle's numbers", () => {
    const r = runCli(["compare", predictions, ...scores, "--json", "--resamples", "200"]);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.kind, "comparison");
    assert.equal(j.n, oracle.n);
    assert.equal(j.bothCorrect, oracle.both_correct);
    assert.equal(j.negativeFlips, oracle.old_correct_new_wrong);
    assert.equal(j.positiveFlips, oracle.old_wrong_new_correct);
    assert.ok(close(j.negativeFlipRate, oracle.negative_flip_rate));
    assert.ok(close(j.btc, oracle.backward_trust_compatibility));
    assert.ok(close(j.bec, oracle.backward_error_compatibility));
    assert.ok(close(j.errorPersistence, oracle.error_persistence));
    assert.ok(close(j.mcnemarPValue, oracle.mcnemar_exact_pvalue));
    assert.ok(close(j.accuracyDelta.value, oracle.accuracy_delta_new_minus_old));
    assert.equal(j.accuracyDelta.ci.length, 2);
    assert.ok(j.metrics.rocAuc.delta.ci[1] < 0, "v2 ranks worse");
    assert.deepEqual(j.slices, []);
    assert.equal(j.verdict, "warn"); // −0.009 against a −0.01 margin: borderline
    assert.equal(j.summary.status, "warn");
});
test("compare finds the group that regresses and exits 1", () => {
    const r = runCli([
        "compare",
        predictions,
        ...scores,
        "--sensitive",
        "sex,race",
        "--json",
        "--resamples",
        "200",
    ]);
    assert.equal(r.code, 1, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.verdict, "fail");
    const asian = j.groups.race.find((g) => g.value === "Asian-Pac-Islander");
    assert.equal(asian.negativeFlips, 21);
    assert.ok(asian.adjustedPValue < 0.05);
    const failed = j.results.filter((c) => c.status === "fail");
    assert.deepEqual(failed.map((c) => c.subject.group), ["Asian-Pac-Islander"]);
});
test("compare runs the two real ONNX models on the adult test set and matches the oracle; golden set round trip", () => {
    const golden = join(tmp, "golden.json");
    const common = [
        "compare",
        fixture("adult", "adult_test.csv"),
        "--label",
        "income-per-year",
        "--resamples",
        "50",
    ];
    const r = runCli([
        ...common,
        "--old",
        fixture("compat", "adult_v1.yaml"),
        "--new",
        fixture("compat", "adult_v2.yaml"),
        "--json",
        "--golden-out",
        golden,
    ]);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.negativeFlips, oracle.old_correct_new_wrong);
    assert.equal(j.positiveFlips, oracle.old_wrong_new_correct);
    assert.ok(close(j.btc, oracle.backward_trust_compatibility));
    const set = JSON.parse(readFileSync(golden, "utf8"));
    assert.equal(set.format, "assay.golden/1");
    assert.equal(set.rows.length, 536);
    assert.equal(set.positive, ">50K");
    assert.equal(set.rows[0].values["income-per-year"], set.rows[0].label);
    // A later candidate: v1 again gets every golden row right; v2 gets none and fails the gate.
    const back = runCli([
        ...common,
        "--old",
        fixture("compat", "adult_v2.yaml"),
        "--new",
        fixture("compat", "adult_v1.yaml"),
        "--golden",
        golden,
        "--json",
    ]);
    assert.deepEqual(JSON.parse(back.stdout).golden, { n: 536, correct: 536, passRate: 1, unmatched: 0 });
    const again = runCli([
        ...common,
        "--old",
        fixture("compat", "adult_v1.yaml"),
        "--new",
        fixture("compat", "adult_v2.yaml"),
        "--golden",
        golden,
        "--json",
    ]);
    assert.equal(again.code, 1);
    assert.equal(JSON.parse(again.stdout).golden.correct, 0);
});
test("compare on 50 rows says insufficient (exit 0), and writes an HTML report", () => {
    const lines = readFileSync(predictions, "utf8").split("\n");
    const small = join(tmp, "small.csv");
    writeFileSync(small, `${lines.slice(0, 51).join("\n")}\n`);
    const html = join(tmp, "compare.html");
    const r = runCli(["compare", small, ...scores, "--json", "--html", html]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).verdict, "insufficient");
    assert.ok(existsSync(html));
    assert.match(readFileSync(html, "utf8"), /verdict: insufficient/);
});
test("compare: bad input gives one clear line and exit 2", () => {
    const lines = readFileSync(predictions, "utf8").split("\n");
    const short = join(tmp, "short.csv");
    writeFileSync(short, `${lines.slice(0, 1000).join("\n")}\n`);
    const mismatch = runCli([
        "compare",
        predictions,
        "--label",
        "y_true",
        "--old",
        "score:score_v1",
        "--new",
        `score:score_v2@${short}`,
    ]);
    assert.equal(mismatch.code, 2);
    assert.match(mismatch.stderr, /^assay: --new .* gives 999 scores for the 16281 rows/);
    assert.equal(mismatch.stderr.trim().split("\n").length, 1);
    const unlabelled = join(tmp, "unlabelled.csv");
    writeFileSync(unlabelled, "y,a,b\n1,0.2,0.3\n,0.6,0.1\n0,0.4,0.9\n");
    const missing = runCli(["compare", unlabelled, "--label", "y", "--old", "score:a", "--new", "score:b"]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /label 'y' is missing in 1 of 3 rows/);
    const noLabel = runCli(["compare", predictions, "--old", "score:score_v1", "--new", "score:score_v2"]);
    assert.equal(noLabel.code, 2);
    assert.match(noLabel.stderr, /missing --label/);
    const badColumn = runCli(["compare", predictions, ...scores, "--sensitive", "gender"]);
    assert.equal(badColumn.code, 2);
    assert.match(badColumn.stderr, /no column 'gender'/);
    const text = runCli([
        "compare",
        fixture("adult", "adult_test.csv"),
        "--label",
        "income-per-year",
        "--old",
        "score:age",
        "--new",
        "score:age",
    ]);
    assert.equal(text.code, 2);
    assert.match(text.stderr, /--positive/);
    const notGolden = runCli(["compare", predictions, ...scores, "--golden", short]);
    assert.equal(notGolden.code, 2);
    assert.match(notGolden.stderr, /not JSON/);
    for (const r of [missing, noLabel, badColumn, text])
        assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
});
test("default resamples: 1,000 up to 200,000 rows, then fewer, never below 200", async () => {
    const { defaultResamples } = await import("../../src/cli/compare.js");
    assert.equal(defaultResamples(16_281), 1000);
    assert.equal(defaultResamples(200_000), 1000);
    assert.equal(defaultResamples(400_000), 500);
    assert.equal(defaultResamples(3_000_000), 200);
});
