import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fixture, runCliAsync } from "../helpers/cli.js";
const DIR = mkdtempSync(join(tmpdir(), "assay-test-"));
const DATA = fixture("adult", "adult_test.csv");
const MODEL = fixture("evaluate", "adult_v1.yaml");
test("assay test: the adult suite passes, with JSON, JUnit and HTML output and a plug-in transformation", async () => {
    const junit = join(DIR, "suite.xml");
    const html = join(DIR, "suite.html");
    const r = await runCliAsync([
        "test",
        DATA,
        "--suite",
        fixture("robustness", "adult.suite.yaml"),
        "--model",
        MODEL,
        "--label",
        "income-per-year",
        "--json",
        "--junit",
        junit,
        "--html",
        html,
    ]);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.kind, "behaviour");
    assert.equal(report.summary.status, "pass");
    assert.equal(report.results.length, 8);
    const byName = Object.fromEntries(report.results.map((x) => [x.subject.group, x]));
    assert.equal(byName["sex does not change the decision"].value, 0);
    assert.equal(byName["sex does not change the decision"].n, 2000);
    assert.equal(byName["teenagers earn at most 50K"].check, "robustness.mft");
    assert.ok(byName["teenagers earn at most 50K"].n > 500);
    assert.equal(byName["ten years older never lowers the score"].check, "robustness.dir");
    assert.equal(byName["a hand-written high earner"].n, 1);
    const xml = readFileSync(junit, "utf8");
    assert.match(xml, /<testsuite name="test adult.suite.yaml" tests="8" failures="0"/);
    assert.match(xml, /robustness.inv \[sex does not change the decision\]/);
    assert.match(readFileSync(html, "utf8"), /Behavioural tests[\s\S]*workclass spelling style/);
});
test("assay test: a failed test exits 1 with failing examples; a throwing model is an errored test", async () => {
    const failed = await runCliAsync([
        "test",
        DATA,
        "--suite",
        fixture("robustness", "failing.suite.yaml"),
        "--model",
        MODEL,
    ]);
    assert.equal(failed.code, 1, failed.stderr);
    assert.match(failed.stdout, /FAIL\s+MFT\s+graduates earn over 50K\s+500/);
    assert.match(failed.stdout, /the whole interval is above the tolerance 10\.0%/);
    assert.match(failed.stdout, /score 0\.\d{4}\s+\{"age":/);
    const thrown = await runCliAsync([
        "test",
        DATA,
        "--suite",
        fixture("robustness", "failing.suite.yaml"),
        "--model",
        fixture("robustness", "throwing_model.mjs"),
        "--json",
    ]);
    assert.equal(thrown.code, 1, thrown.stderr);
    const report = JSON.parse(thrown.stdout);
    assert.equal(report.results[0].status, "error");
    assert.match(report.results[0].message, /model server unavailable/);
});
test("assay test: bad suites and arguments are one line naming file, line and field (exit 2)", async () => {
    const bad = await runCliAsync([
        "test",
        DATA,
        "--suite",
        fixture("robustness", "bad.suite.yaml"),
        "--model",
        MODEL,
    ]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^assay: .*bad\.suite\.yaml:6: tests\[0\]\.transform\.sd: must be ≥ 0, got -1\n$/);
    const noSuite = await runCliAsync(["test", DATA, "--model", MODEL]);
    assert.equal(noSuite.code, 2);
    assert.match(noSuite.stderr, /needs --suite FILE/);
    const header = join(DIR, "header.csv");
    (await import("node:fs")).writeFileSync(header, `${readFileSync(DATA, "utf8").split("\n")[0]}\n`);
    const empty = await runCliAsync([
        "test",
        header,
        "--suite",
        fixture("robustness", "failing.suite.yaml"),
        "--model",
        MODEL,
    ]);
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /no rows \(header only\?\)/);
});
test("assay test --mutants: the mutation score names the surviving mutants", async () => {
    const r = await runCliAsync([
        "test",
        DATA,
        "--suite",
        fixture("robustness", "adult.suite.yaml"),
        "--model",
        MODEL,
        "--label",
        "income-per-year",
        "--mutants",
        "--json",
    ]);
    assert.equal(r.code, 0, r.stderr);
    const m = JSON.parse(r.stdout).mutation;
    assert.equal(m.mutants, 20); // score noise, 3 per feature × 6, constant
    assert.ok(m.score > 0.3 && m.score < 1, String(m.score));
    assert.equal(m.killed + m.survivors.length + m.equivalent, m.mutants);
    assert.ok(m.survivors.includes("fnlwgt zeroed"));
    assert.ok(m.results.find((x) => x.name.startsWith("constant model")).status === "killed");
});
