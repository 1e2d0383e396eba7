import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fixture, runCli } from "../helpers/cli.js";
const experiment = fixture("compat", "abtest_experiment.csv");
const oracle = JSON.parse(readFileSync(fixture("compat", "abtest_oracles.json"), "utf8")).experiment;
const close = (a, b, tol = 1e-9) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
test("abtest on a conversion column matches scipy's χ² test; arms and counts are reported", () => {
    const r = runCli(["abtest", experiment, "--arm", "arm", "--outcome", "converted", "--json"]);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.kind, "conversion");
    assert.deepEqual(j.arms, { control: "A", treatment: "B" });
    assert.deepEqual([j.control.conversions, j.control.n, j.treatment.conversions, j.treatment.n], oracle.conversions);
    assert.ok(close(j.test.pValue, oracle.conversion_p));
    assert.equal(j.difference.ci.length, 2);
});
test("abtest on a continuous column matches scipy's Welch test; the sequential test adds always-valid inference", () => {
    const r = runCli([
        "abtest",
        experiment,
        "--arm",
        "arm",
        "--outcome",
        "revenue",
        "--sequential",
        "--order",
        "visitor",
        "--json",
    ]);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.kind, "continuous");
    assert.ok(close(j.test.statistic, oracle.revenue_t));
    assert.ok(close(j.test.df, oracle.revenue_df));
    assert.ok(close(j.test.pValue, oracle.revenue_p));
    assert.ok(close(j.difference.ci[0], oracle.revenue_ci[0]) && close(j.difference.ci[1], oracle.revenue_ci[1]));
    const s = j.sequential;
    // Always-valid inference is more conservative than the fixed-horizon test at the same data.
    assert.ok(s.alwaysValidPValue >= j.test.pValue);
    assert.ok(s.confidenceSequence[0] <= j.difference.ci[0] && s.confidenceSequence[1] >= j.difference.ci[1]);
    assert.equal(typeof s.stoppedEarly, "boolean");
});
test("abtest from summaries and the sample-size calculator", () => {
    const counts = runCli(["abtest", "--counts", "120/1000,150/1000", "--json"]);
    assert.equal(counts.code, 0, counts.stderr);
    assert.ok(close(JSON.parse(counts.stdout).difference.value, 0.03, 1e-12));
    const size = runCli(["abtest", "size", "--baseline", "0.1", "--mde", "0.02", "--json"]);
    assert.equal(JSON.parse(size.stdout).perArm, 3841);
    const means = runCli(["abtest", "size", "--sd", "1", "--mde", "0.5"]);
    assert.match(means.stdout, /^64 units per arm/);
});
test("abtest: bad input is one clear line, exit 2", () => {
    const cases = [
        [["abtest", "--counts", "12/10,1/3"], /conversions must be an integer in \[0, 10\]/],
        [["abtest", "--counts", "abc"], /--counts expects/],
        [["abtest", experiment, "--arm", "nope", "--outcome", "revenue"], /no column 'nope'/],
        [
            ["abtest", experiment, "--arm", "arm", "--outcome", "revenue", "--control", "C"],
            /arm 'C' does not occur/,
        ],
        [["abtest", experiment, "--arm", "visitor", "--outcome", "revenue"], /name the two arms/],
        [["abtest", experiment, "--arm", "arm", "--outcome", "revenue", "--kind", "conversion"], /0\/1/],
        [["abtest", "size", "--baseline", "0.1"], /--mde/],
        [["abtest", experiment, "--outcome", "revenue"], /missing --arm/],
    ];
    for (const [args, pattern] of cases) {
        const r = runCli(args);
        assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
        assert.match(r.stderr, pattern);
        assert.equal(r.stderr.trim().split("\n").length, 1);
    }
});
