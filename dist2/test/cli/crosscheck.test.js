import assert from "node:assert/strict";
import { test } from "node:test";
import { fixture, ROOT, runCliAsync } from "../helpers/cli.js";
const DATA = fixture("adult", "adult_test.csv");
test("assay crosscheck: the ONNX float32 model and its JS float64 rewrite agree on data and fuzzed rows", async () => {
    const r = await runCliAsync([
        "crosscheck",
        DATA,
        "--a",
        fixture("evaluate", "adult_v1.yaml"),
        "--b",
        fixture("evaluate", "adult_v1_model.mjs"),
        "--schema",
        `${ROOT}/examples/adult/adult.schema.yaml`,
        "--fuzz",
        "1000",
        "--label",
        "income-per-year",
        "--json",
    ]);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.kind, "crosscheck");
    assert.equal(report.parts.data.rows, 16281);
    assert.equal(report.parts.fuzzed.rows, 1000);
    assert.equal(report.parts.data.disagreements, 0);
    // float32 rounding: differences near 1e-7, far below the 1e-4 tolerance
    assert.ok(report.parts.data.maxDifference > 0 && report.parts.data.maxDifference < 1e-6);
    assert.ok(report.results.every((c) => c.status === "pass"));
});
test("assay crosscheck: v1 against v2 disagrees (exit 1) with the largest differences and slices", async () => {
    const r = await runCliAsync([
        "crosscheck",
        DATA,
        "--a",
        fixture("evaluate", "adult_v1.yaml"),
        "--b",
        fixture("evaluate", "adult_v2.yaml"),
        "--slices",
        "sex",
        "--json",
    ]);
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.ok(report.parts.data.rate > 0.03 && report.parts.data.rate < 0.1);
    const first = report.parts.data.largest[0];
    assert.ok(Math.abs(first.difference) > 0.5 && typeof first.values.age === "number");
    assert.deepEqual(report.slices.map((s) => s.group).sort(), ["Female", "Male"]);
    const bad = await runCliAsync([
        "crosscheck",
        DATA,
        "--a",
        fixture("evaluate", "adult_v1.yaml"),
        "--b",
        "nope.onnx",
    ]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--b: nope\.onnx: no such model file/);
});
