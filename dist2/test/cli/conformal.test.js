import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { InputError } from "../../src/table/errors.js";
import { parseTrustBundle } from "../../src/trust/bundle.js";
import { close, oracle } from "../evaluate/oracle.js";
import { fixture, runCliAsync } from "../helpers/cli.js";
import { trustOracle } from "../trust/oracle.js";
const DIR = mkdtempSync(join(tmpdir(), "assay-conformal-"));
/** The first `rows` data rows of a CSV in one file, the rest in another (the oracle's split). */
function splitCsv(path, rows, name) {
    const lines = readFileSync(path, "utf8").trimEnd().split("\n");
    const first = join(DIR, `${name}-calibration.csv`);
    const second = join(DIR, `${name}-evaluation.csv`);
    writeFileSync(first, `${lines.slice(0, rows + 1).join("\n")}\n`);
    writeFileSync(second, `${[lines[0], ...lines.slice(rows + 1)].join("\n")}\n`);
    return [first, second];
}
const [PRED_CAL, PRED_EVAL] = splitCsv(fixture("evaluate", "adult_predictions.csv"), 8140, "predictions");
const [ADULT_CAL, ADULT_EVAL] = splitCsv(fixture("adult", "adult_test.csv"), 8140, "adult");
async function json(args, code = 0) {
    const r = await runCliAsync(["conformal", ...args, "--json"]);
    assert.equal(r.code, code, r.stderr);
    return JSON.parse(r.stdout);
}
test("conformal --score on the oracle's split reproduces conformal_v1 at α = 0.1, with groups and a bundle", async () => {
    const bundle = join(DIR, "trust.json");
    const html = join(DIR, "conformal.html");
    const report = await json([
        PRED_CAL,
        PRED_EVAL,
        "--label",
        "y_true",
        "--score",
        "score_v1",
        "--groups",
        "sex,race",
        "--ood-columns",
        "sex,race",
        "--target-error",
        "0.1",
        "--out",
        bundle,
        "--html",
        html,
    ]);
    const o = oracle.conformal_v1.by_alpha["0.1"];
    assert.equal(report.kind, "conformal");
    assert.equal(report.alpha, 0.1);
    assert.equal(report.qhat, o.qhat_textbook_kth_smallest);
    assert.equal(report.quantile.rank, o.k);
    assert.equal(report.coverage.value, o.mapie_variant.empirical_coverage);
    assert.equal(report.meanSetSize, o.mapie_variant.mean_set_size);
    assert.equal(report.coverage.ci.length, 2);
    assert.ok(report.coverage.underExchangeability.lowerTail > 0.01);
    assert.ok(report.coverage.calibrationConditional.atLeast < 0.9 &&
        report.coverage.calibrationConditional.atLeast > 0.89);
    assert.deepEqual(report.classes, ["0", "1"]);
    assert.deepEqual(Object.keys(report.groups), ["sex", "race"]);
    assert.equal(report.groups.sex.reduce((s, g) => s + g.n, 0), oracle.conformal_v1.n_evaluation);
    assert.ok(report.selective.curves.confidence.points.length > 10);
    assert.ok(report.selective.abstention.confidence.guaranteed.riskUpper <= 0.1);
    assert.equal(report.summary.status, "warn", "Male and White are under-covered by the pooled qhat");
    const parsed = parseTrustBundle(JSON.parse(readFileSync(bundle, "utf8")));
    assert.equal(parsed.conformal.qhat, report.qhat);
    assert.deepEqual(parsed.conformal.classes, ["0", "1"]);
    assert.deepEqual(parsed.ood.detector.space.categorical.map((c) => c.name), ["sex", "race"]);
    assert.match(readFileSync(html, "utf8"), /<svg[\s\S]*Risk–coverage/);
});
test("conformal runs the ONNX model (float32) and matches the oracle's coverage and set sizes", async () => {
    const report = await json([
        ADULT_CAL,
        ADULT_EVAL,
        "--label",
        "income-per-year",
        "--model",
        fixture("evaluate", "adult_v1.yaml"),
        "--alpha",
        "0.05",
        "--no-ood",
    ]);
    const o = oracle.conformal_v1.by_alpha["0.05"];
    close(report.qhat, o.qhat_textbook_kth_smallest, 1e-6, "qhat from float32 scores");
    assert.equal(report.coverage.value, o.mapie_variant.empirical_coverage);
    assert.equal(report.meanSetSize, o.mapie_variant.mean_set_size);
    assert.deepEqual(report.classes, ["<=50K", ">50K"], "the descriptor's positive class, and the other label value");
    assert.equal(report.model.digest.length, 64);
    assert.equal(report.ood, null);
});
test("conformal --mondrian calibrates per group; --quantile mapie uses MAPIE's order statistic", async () => {
    const report = await json([
        PRED_CAL,
        PRED_EVAL,
        "--label",
        "y_true",
        "--score",
        "score_v1",
        "--groups",
        "sex",
        "--mondrian",
        "--no-ood",
    ]);
    assert.deepEqual(report.mondrian.cells.map((c) => c.group), ["Female", "Male"]);
    for (const c of report.mondrian.cells) {
        assert.equal(c.status, "ok");
        assert.ok(c.chance.lowerTail > 0.001, `${c.group} ${c.coverage.value}`);
    }
    assert.ok(report.results.some((r) => r.check === "conformal.mondrian_coverage"));
    const mapie = await json([
        PRED_CAL,
        PRED_EVAL,
        "--label",
        "y_true",
        "--score",
        "score_v1",
        "--quantile",
        "mapie",
        "--no-ood",
        "--alpha",
        "0.2",
    ]);
    assert.equal(mapie.qhat, oracle.conformal_v1.by_alpha["0.2"].mapie_variant.qhat);
    assert.equal(mapie.quantile.convention, "mapie");
});
test("conformal multiclass (--score-prefix) and regression (--method normalized --scale) match the references", async () => {
    const [multiclass, regression] = await Promise.all([
        json([
            fixture("trust", "penguins_calibration.csv"),
            fixture("trust", "penguins_evaluation.csv"),
            "--label",
            "Species",
            "--score-prefix",
            "p_",
            "--method",
            "aps",
            "--ood-columns",
            "Island,Sex,Body Mass (g),Flipper Length (mm)",
        ]),
        json([
            fixture("trust", "cars_calibration.csv"),
            fixture("trust", "cars_evaluation.csv"),
            "--label",
            "Miles_per_Gallon",
            "--score",
            "prediction",
            "--method",
            "normalized",
            "--scale",
            "scale",
            "--groups",
            "Origin",
            "--ood-columns",
            "Weight_in_lbs,Horsepower,Origin",
        ]),
    ]);
    const m = trustOracle.penguins.by_alpha["0.1"].aps;
    assert.equal(multiclass.task, "multiclass");
    assert.deepEqual(multiclass.classes, trustOracle.penguins.classes);
    close(multiclass.qhat, m.qhat, 1e-12, "aps qhat");
    assert.equal(multiclass.coverage.value, m.coverage);
    assert.deepEqual(multiclass.setSizes.map((s) => s.count), m.set_size_counts);
    const r = trustOracle.cars.by_alpha["0.1"].normalized;
    assert.equal(regression.task, "regression");
    close(regression.qhat, r.qhat, 1e-12, "normalized qhat");
    assert.equal(regression.coverage.value, r.coverage);
    close(regression.meanIntervalWidth, r.mean_interval_width, 1e-9, "width");
    assert.equal(regression.meanSetSize, null);
    assert.match(regression.meanSetSizeReason, /intervals/);
    assert.ok(regression.coverageByIntervalWidth.length > 1);
    assert.equal(regression.selective.risk, "mean absolute error");
    assert.deepEqual(Object.keys(regression.groups), ["Origin"]);
});
test("conformal fails (exit 1) when the evaluation labels do not behave like the calibration labels", async () => {
    const lines = readFileSync(PRED_EVAL, "utf8").trimEnd().split("\n");
    const flipped = join(DIR, "flipped.csv");
    writeFileSync(flipped, `${lines[0]}\n${lines
        .slice(1)
        .map((l) => l.replace(/^(\d+),([01]),/, (_, row, y) => `${row},${1 - Number(y)},`))
        .join("\n")}\n`);
    const report = await json([PRED_CAL, flipped, "--label", "y_true", "--score", "score_v1", "--no-ood"], 1);
    const check = report.results.find((r) => r.check === "conformal.coverage");
    assert.equal(check.status, "fail");
    assert.match(check.message, /do not behave like the calibration rows/);
});
test("conformal --help teaches the method; bad input is one line on stderr and exit 2", async () => {
    const help = await runCliAsync(["conformal", "--help"]);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /⌈\(n\+1\)\(1−α\)⌉/);
    assert.match(help.stdout, /--score-prefix/);
    // As a user meets them: a process each (one per layer: arguments, files, the model, the labels).
    const cases = [
        [[PRED_CAL, PRED_EVAL, "--score", "score_v1"], /--label COL is required/],
        [[PRED_CAL, join(DIR, "nope.csv"), "--label", "y_true", "--score", "score_v1"], /no such file/],
        [[PRED_CAL, PRED_EVAL, "--label", "y_true", "--score", "sex"], /text; it must hold numbers/],
        [
            [
                fixture("trust", "penguins_calibration.csv"),
                fixture("trust", "penguins_evaluation.csv"),
                "--label",
                "Island",
                "--score-prefix",
                "p_",
            ],
            /not one of the model's classes/,
        ],
    ];
    const results = await Promise.all(cases.map(([args]) => runCliAsync(["conformal", ...args])));
    results.forEach((r, j) => {
        const [args, message] = cases[j];
        assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
        assert.match(r.stderr, message, args.join(" "));
        assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
        assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
        assert.equal(r.stdout, "");
    });
});
test("conformal rejects every other bad argument with a usage error naming it", async () => {
    // In this process: the command's run() throws the UsageError the CLI prints as one line.
    const { run } = await import("../../src/cli/conformal.js");
    const cases = [
        [[PRED_CAL, "--label", "y_true", "--score", "score_v1"], /missing evaluation/],
        [[PRED_CAL, PRED_EVAL, "--label", "y_true"], /--model SPEC, --score COL or --score-prefix/],
        [
            [PRED_CAL, PRED_EVAL, "--label", "y_true", "--score", "score_v1", "--alpha", "1.5"],
            /--alpha must be between 0 and 1/,
        ],
        [
            [PRED_CAL, PRED_EVAL, "--label", "y_true", "--score", "score_v1", "--method", "magic"],
            /--method must be one of/,
        ],
        [
            [
                PRED_CAL,
                PRED_EVAL,
                "--label",
                "y_true",
                "--score",
                "score_v1",
                "--task",
                "binary",
                "--method",
                "residual",
            ],
            /does not fit a binary task/,
        ],
        [
            [PRED_CAL, PRED_EVAL, "--label", "y_true", "--score", "score_v1", "--mondrian"],
            /--mondrian needs --groups/,
        ],
        [
            [PRED_CAL, PRED_EVAL, "--label", "y_true", "--score", "score_v1", "--groups", "score_v2"],
            /more than 20 distinct numbers/,
        ],
        [[PRED_CAL, PRED_EVAL, "--label", "y_true", "--score-prefix", "score_"], /probabilities of row 0 sum to/],
        [
            [
                fixture("trust", "cars_calibration.csv"),
                fixture("trust", "cars_evaluation.csv"),
                "--label",
                "Miles_per_Gallon",
                "--score",
                "prediction",
                "--method",
                "normalized",
            ],
            /needs --scale COL or --scale-model/,
        ],
    ];
    for (const [args, message] of cases)
        await assert.rejects(run(args), (e) => e instanceof InputError && message.test(e.message), args.join(" "));
});
