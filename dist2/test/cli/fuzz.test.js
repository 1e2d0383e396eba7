import assert from "node:assert/strict";
import { test } from "node:test";
import { fixture, ROOT, runCliAsync } from "../helpers/cli.js";
const SCHEMA = `${ROOT}/examples/adult/adult.schema.yaml`;
test("assay fuzz: the planted faults fail the run (exit 1) with minimal rows; --json is the report", async () => {
    const r = await runCliAsync([
        "fuzz",
        "--schema",
        SCHEMA,
        "--model",
        fixture("robustness", "planted_fault_model.mjs"),
        "--budget",
        "5000",
        "--seed",
        "4",
        "--json",
    ]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, "");
    const report = JSON.parse(r.stdout);
    assert.equal(report.kind, "fuzz");
    assert.equal(report.rows, 5000);
    const byCheck = Object.fromEntries(report.results.map((x) => [x.check, x]));
    assert.equal(byCheck["fuzz.crash"].status, "fail");
    assert.equal(byCheck["fuzz.non_finite"].status, "fail");
    assert.equal(byCheck["fuzz.out_of_range"].status, "pass");
    assert.equal(byCheck["fuzz.non_finite"].examples[0].row["hours-per-week"], 0);
    assert.equal(report.failures[1].score, null); // NaN is null in JSON
    const text = await runCliAsync([
        "fuzz",
        "--schema",
        SCHEMA,
        "--model",
        fixture("robustness", "planted_fault_model.mjs"),
        "--budget",
        "1s",
    ]);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /minimal row: \{"age":17,"education-num":1,"hours-per-week":0,"capital-gain":0,"workclass":"Private"\}/);
});
test("assay fuzz: usage errors are one line, exit 2", async () => {
    for (const [args, message] of [
        [["--model", "x.onnx"], /needs --schema FILE/],
        [
            ["--schema", SCHEMA, "--model", fixture("evaluate", "adult_v1.yaml"), "--budget", "ten"],
            /--budget expects a number/,
        ],
        [
            ["--schema", SCHEMA, "--model", fixture("evaluate", "adult_v1.yaml"), "--columns", "nope"],
            /no column 'nope'/,
        ],
        [
            [
                "--schema",
                fixture("robustness", "adult.suite.yaml"),
                "--model",
                fixture("evaluate", "adult_v1.yaml"),
            ],
            /adult\.suite\.yaml:\d+: /,
        ],
    ]) {
        const r = await runCliAsync(["fuzz", ...args]);
        assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
        assert.match(r.stderr, message);
        assert.equal(r.stderr.trim().split("\n").length, 1);
    }
});
