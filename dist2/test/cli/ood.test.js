import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { InputError } from "../../src/table/errors.js";
import { fixture, runCliAsync } from "../helpers/cli.js";
const DIR = mkdtempSync(join(tmpdir(), "assay-ood-"));
const TRAIN = fixture("adult", "adult_train.csv");
const TEST = fixture("adult", "adult_test.csv");
async function json(args, code) {
    const r = await runCliAsync(["ood", ...args, "--json"]);
    assert.equal(r.code, code, r.stderr);
    assert.equal(r.stderr, "");
    return JSON.parse(r.stdout);
}
test("ood: adult's test split is as in-distribution as chance allows; the model's confidence and DSA are compared", async () => {
    const html = join(DIR, "ood.html");
    const report = await json([
        TRAIN,
        TEST,
        "--model",
        fixture("evaluate", "adult_v1.yaml"),
        "--label",
        "income-per-year",
        "--html",
        html,
    ], 0);
    assert.equal(report.kind, "ood");
    assert.equal(report.rows, 16281);
    assert.equal(report.calibrationRows, Math.round(0.2 * 32561));
    assert.deepEqual(report.detectors, ["mahalanobis", "rarity", "knn", "isolationForest"]);
    assert.ok(report.chance.band[0] <= report.flagged.share && report.flagged.share <= report.chance.band[1]);
    assert.equal(report.results[0].check, "ood.share_flagged");
    assert.equal(report.results[0].status, "pass");
    assert.equal(report.topRows.length, 10);
    assert.ok(report.topRows[0].features.length > 0 && report.topRows[0].pValue < 0.01);
    assert.equal(report.confidence.flagged.n, report.flagged.count);
    assert.ok(report.confidence.flagged.errorRate !== null);
    // No novelty: about 5% of current rows exceed the held-out reference's 95th DSA percentile.
    const above = report.surpriseAdequacy.aboveHeldOutP95;
    assert.ok(above.ci[0] < 0.05 + 0.01 && 0.05 - 0.01 < above.ci[1], JSON.stringify(above));
    assert.match(readFileSync(html, "utf8"), /<svg[\s\S]*Most unusual rows/);
});
test("ood: German credit applicants mapped onto adult's columns are flagged far above the target rate (exit 1)", async () => {
    const report = await json([
        TRAIN,
        fixture("trust", "german_as_adult.csv"),
        "--columns",
        "age,sex,marital-status,native-country",
        "--target-fpr",
        "0.05",
    ], 1);
    assert.equal(report.rows, 1000);
    assert.ok(report.flagged.ci[0] > 0.1, `flagged ${report.flagged.share}`);
    assert.equal(report.results[0].status, "fail");
    assert.ok(report.topRows.every((r) => r.features.some((f) => f.column === "native-country")));
});
test("ood: rows with age 150 are all flagged and explained by age", async () => {
    const lines = readFileSync(TEST, "utf8").trimEnd().split("\n").slice(0, 201);
    const shifted = join(DIR, "age150.csv");
    writeFileSync(shifted, `${[lines[0], ...lines.slice(1).map((l) => l.replace(/^\d+,/, "150,"))].join("\n")}\n`);
    const report = await json([TRAIN, shifted, "--knn-reference", "500", "--top", "5"], 1);
    assert.equal(report.flagged.count, 200);
    for (const r of report.topRows)
        assert.equal(r.features[0].column, "age");
});
test("ood --help teaches; bad input is one line on stderr and exit 2", async () => {
    const help = await runCliAsync(["ood", "--help"]);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Ledoit–Wolf/);
    const { run } = await import("../../src/cli/ood.js");
    const cases = [
        [[TRAIN], /missing current/],
        [[TRAIN, TEST, "--target-fpr", "2"], /--target-fpr must be ≤ 0.5/],
        [[TRAIN, TEST, "--label", "income-per-year"], /give --model SPEC or --score COL too/],
        [[TRAIN, TEST, "--columns", "salary"], /no column 'salary'/],
        [[TRAIN, TEST, "--k", "2.5"], /--k must be a whole number/],
        [
            [TRAIN, fixture("trust", "german_as_adult.csv"), "--columns", "age", "--holdout", "0.999"],
            /--holdout must be ≤ 0.9/,
        ],
    ];
    for (const [args, message] of cases)
        await assert.rejects(run(args), (e) => e instanceof InputError && message.test(e.message), args.join(" "));
    const r = await runCliAsync(["ood", TRAIN, join(DIR, "missing.csv")]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no such file/);
    assert.equal(r.stderr.trim().split("\n").length, 1);
});
