import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parseSchema } from "../../src/schema/yaml-read.js";
import { fixture, runCli, vegaData } from "../helpers/cli.js";
const dir = mkdtempSync(join(tmpdir(), "assay-schema-"));
/** 2-significant-digit round-up, as the file stores tolerances. */
function roundUp(x) {
    const scale = 10 ** (Math.floor(Math.log10(x)) - 1);
    return +(Math.ceil(x / scale - 1e-9) * scale).toPrecision(2);
}
test("schema infer on adult_train: commented YAML, slack from confidence bounds, domains with shares", () => {
    const out = join(dir, "adult.yaml");
    const r = runCli(["schema", "infer", fixture("adult", "adult_train.csv"), "--out", out]);
    assert.equal(r.code, 0, r.stderr);
    const text = readFileSync(out, "utf8");
    const schema = parseSchema(text, out);
    assert.equal(schema.columns.length, 15);
    assert.equal(schema.reference?.rows, 32561);
    // every tolerance carries its reason as a comment
    assert.match(text, /# 0 of 32561 missing in the reference; allowed = 99\.9% upper bound on the rate\n {4}missing: 0\.00022\n/);
    assert.match(text, /Good–Turing/);
    assert.match(text, /chance 2\/\(n\+1\)/);
    const age = schema.columns.find((c) => c.name === "age");
    // no missing age in 32 561 rows: allowed = 1 − 0.001^(1/n) ≈ 6.9/n, not 0
    assert.equal(age.missing, roundUp(1 - 0.001 ** (1 / 32561)));
    assert.deepEqual([age.range?.min, age.range?.max], [17, 90]);
    assert.ok(age.range.mostly < 1 && age.range.mostly > 0.999);
    // domain shares are the reference frequencies
    const lines = readFileSync(fixture("adult", "adult_train.csv"), "utf8").trimEnd().split("\n").slice(1);
    const counts = new Map();
    for (const l of lines) {
        const v = l.split(",")[1];
        counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const workclass = schema.columns.find((c) => c.name === "workclass");
    assert.equal(Object.keys(workclass.domain.values).length, counts.size);
    for (const [v, n] of counts)
        assert.equal(workclass.domain.values[v], +(n / lines.length).toPrecision(4), v);
    // the duplicate-row allowance bounds the 24 duplicates of the training split
    assert.match(text, /24 of 32561 rows repeat an earlier row/);
    assert.ok((schema.table.duplicates ?? 0) > 24 / 32561);
    assert.deepEqual(schema.table.rows, { min: 3257, max: 325610 });
});
test("schema infer from a saved profile gives the same contract, minus the duplicate-row rule", () => {
    const profilePath = join(dir, "train.profile.json");
    assert.equal(runCli(["profile", fixture("adult", "adult_train.csv"), "--out", profilePath]).code, 0);
    const fromProfile = runCli(["schema", "infer", profilePath]);
    assert.equal(fromProfile.code, 0, fromProfile.stderr);
    const fromData = runCli(["schema", "infer", fixture("adult", "adult_train.csv")]);
    const a = parseSchema(fromProfile.stdout);
    const b = parseSchema(fromData.stdout);
    assert.equal(a.table.duplicates, null);
    assert.deepEqual(a.columns, b.columns);
});
test("schema infer prints to stdout without --out; bad subcommands and sources exit 2", () => {
    const r = runCli(["schema", "infer", fixture("adult", "adult_test.csv")]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(parseSchema(r.stdout).reference?.rows, 16281);
    for (const args of [
        ["schema", "guess", fixture("adult", "adult_test.csv")],
        ["schema", "infer"],
        ["schema", "infer", join(dir, "nope.csv")],
        ["schema", "infer", fixture("adult", "adult_test.csv"), "--confidence", "2"],
    ]) {
        const bad = runCli(args);
        assert.equal(bad.code, 2, args.join(" "));
        assert.equal(bad.stderr.trim().split("\n").length, 1, bad.stderr);
    }
});
test("a schema from January flights validates February–June with only real anomalies: new airports", () => {
    const flights = vegaData("flights-3m.parquet").replaceAll("'", "''");
    const schemaPath = join(dir, "jan.yaml");
    const inferred = runCli([
        "schema",
        "infer",
        "--sql",
        `SELECT * FROM '${flights}' WHERE month(date) = 1`,
        "--out",
        schemaPath,
    ]);
    assert.equal(inferred.code, 0, inferred.stderr);
    const schema = parseSchema(readFileSync(schemaPath, "utf8"));
    const date = schema.columns.find((c) => c.name === "date");
    assert.equal(date.range, undefined, "no range on a timestamp: later months are later");
    const known = new Set(Object.keys(schema.columns.find((c) => c.name === "origin").domain.values));
    for (const month of [2, 3, 4, 5, 6]) {
        const r = runCli([
            "validate",
            "--sql",
            `SELECT * FROM '${flights}' WHERE month(date) = ${month}`,
            "--schema",
            schemaPath,
            "--json",
        ]);
        assert.ok(r.code === 0 || r.code === 1, r.stderr);
        const results = JSON.parse(r.stdout).results;
        for (const a of results.filter((x) => x.status === "fail")) {
            assert.equal(a.check, "schema.out_of_domain", `month ${month}: ${JSON.stringify(a).slice(0, 300)}`);
            assert.ok(["origin", "destination"].includes(a.subject?.column ?? ""));
            for (const u of a.unseenValues ?? []) {
                assert.match(u.value, /^[A-Z]{3}$/, "an airport code");
                assert.ok(!known.has(u.value));
                assert.equal(u.variantOf, undefined, "not a misspelling of a January airport");
            }
        }
    }
});
