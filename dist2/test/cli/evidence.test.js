import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fixture, runCli } from "../helpers/cli.js";
// the first 500 rows of adult: the test is about the store, not the statistics
const adult = join(mkdtempSync(join(tmpdir(), "assay-evidence-data-")), "adult_500.csv");
writeFileSync(adult, `${readFileSync(fixture("adult", "adult_test.csv"), "utf8").split("\n").slice(0, 501).join("\n")}\n`);
test("evidence: said once on stderr where reports go; --no-evidence and ASSAY_NO_EVIDENCE=1 turn it off; list and prune", () => {
    const cwd = mkdtempSync(join(tmpdir(), "assay-evidence-"));
    const env = { ASSAY_EVIDENCE: "" }; // the test helper switches the store off; switch it back on
    const store = join(cwd, ".assay", "evidence");
    const first = runCli(["lint", adult, "--json"], { cwd, env });
    assert.equal(first.code, 0, first.stderr);
    JSON.parse(first.stdout); // stdout stays one JSON document
    assert.match(first.stderr, /saving this report as evidence in \.assay\/evidence\/.*--no-evidence or ASSAY_NO_EVIDENCE=1.*assay evidence prune/);
    assert.equal(readdirSync(store).length, 1);
    const second = runCli(["lint", adult], { cwd, env });
    assert.doesNotMatch(second.stderr, /evidence/, "only the first time");
    assert.equal(readdirSync(store).length, 2);
    for (const off of [
        runCli(["lint", adult, "--no-evidence"], { cwd, env }),
        runCli(["--no-evidence", "lint", adult], { cwd, env }),
        runCli(["lint", adult], { cwd, env: { ...env, ASSAY_NO_EVIDENCE: "1" } }),
    ]) {
        assert.equal(off.code, 0, off.stderr);
        assert.equal(readdirSync(store).length, 2);
    }
    // a fresh directory with evidence off never creates the store
    const quiet = mkdtempSync(join(tmpdir(), "assay-evidence-off-"));
    runCli(["profile", adult, "--no-evidence"], { cwd: quiet, env });
    assert.equal(existsSync(join(quiet, ".assay")), false);
    writeFileSync(join(store, "notes.json"), "not a report"); // never touched
    const list = JSON.parse(runCli(["evidence", "list", "--json"], { cwd, env }).stdout);
    assert.equal(list.reports, 2);
    assert.equal(list.kinds.lint.count, 2);
    const dry = JSON.parse(runCli(["evidence", "prune", "--keep", "1", "--dry-run", "--json"], { cwd, env }).stdout);
    assert.equal(dry.deleted.length, 1);
    assert.equal(readdirSync(store).length, 3);
    const young = runCli(["evidence", "prune", "--older-than", "30d"], { cwd, env });
    assert.match(young.stdout, /deleted 0 of 2 reports/);
    const pruned = runCli(["evidence", "prune", "--keep", "0"], { cwd, env });
    assert.match(pruned.stdout, /deleted 2 of 2 reports/);
    assert.deepEqual(readdirSync(store), ["notes.json"]);
    for (const bad of [
        ["evidence", "prune"],
        ["evidence", "prune", "--older-than", "soon"],
        ["evidence", "wipe"],
    ]) {
        const r = runCli(bad, { cwd, env });
        assert.equal(r.code, 2, bad.join(" "));
        assert.equal(r.stderr.trim().split("\n").length, 1);
    }
});
