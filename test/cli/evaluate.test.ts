import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { close, oracle } from "../evaluate/oracle.js";
import { type CliResult, fixture, ROOT, runCli } from "../helpers/cli.js";

/** runCli without blocking, so that several CLI processes can run at once. */
function runCliAsync(args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, "dist", "src", "cli", "main.js"), ...args], {
      cwd: ROOT,
      env: { ...process.env, ASSAY_EVIDENCE: "off" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const TEST = fixture("adult", "adult_test.csv");
const PREDICTIONS = fixture("evaluate", "adult_predictions.csv");
const V1 = fixture("evaluate", "adult_v1.yaml");
const FEATURES = "age,fnlwgt,education-num,capital-gain,capital-loss,hours-per-week";
const KEYS: Record<string, string> = {
  accuracy: "accuracy",
  precision: "precision",
  recall: "recall",
  f1: "f1",
  rocAuc: "roc_auc",
  prAuc: "average_precision",
  logLoss: "log_loss",
  brier: "brier",
  balancedAccuracy: "balanced_accuracy",
  mcc: "matthews_corrcoef",
  ece: "ece_10_equal_width",
};

function json(args: string[]) {
  const r = runCli(["evaluate", ...args, "--json"]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test("evaluate --score on the oracle predictions matches scikit-learn and Fairlearn", () => {
  const report = json([
    PREDICTIONS,
    "--label",
    "y_true",
    "--score",
    "score_v1",
    "--sensitive",
    "sex,race",
    "--resamples",
    "100",
    "--no-baseline",
  ]);
  assert.equal(report.kind, "evaluation");
  assert.equal(report.n, 16281);
  assert.equal(report.threshold, 0.5);
  const want = oracle.performance_test.v1;
  for (const [name, key] of Object.entries(KEYS)) {
    close(report.metrics[name].value, want[key], 1e-12, name);
    assert.equal(report.metrics[name].ci.length, 2, name);
    assert.ok(report.metrics[name].ci[0] <= report.metrics[name].value, name);
  }
  assert.deepEqual(report.confusion, { tp: 1485, fp: 676, tn: 11759, fn: 2361 });
  const race = report.fairness.race;
  const wantRace = oracle.fairness_test.v1.race;
  close(race.demographicParityDifference.value, wantRace.demographic_parity_difference, 1e-12, "dpd");
  close(race.equalizedOddsDifference.value, wantRace.equalized_odds_difference, 1e-12, "eod");
  close(race.equalOpportunityDifference.value, wantRace.equal_opportunity_difference, 1e-12, "eopd");
  for (const [g, w] of Object.entries<any>(wantRace.by_group)) {
    assert.equal(race.groups[g].count, w.count);
    close(race.groups[g].selectionRate, w.selection_rate, 1e-12, `${g} sr`);
    close(race.groups[g].tpr, w.tpr, 1e-12, `${g} tpr`);
    close(race.groups[g].fpr, w.fpr, 1e-12, `${g} fpr`);
    close(race.groups[g].accuracy, w.accuracy, 1e-12, `${g} accuracy`);
  }
  assert.ok(report.fairness["sex & race"], "the intersection of the sensitive attributes is assessed");
  assert.ok(
    report.results.some((r: any) => r.check === "fairness.demographic_parity" && r.status === "warn"),
  );
});

test("evaluate runs the ONNX model through a descriptor and learns the max-F1 threshold", () => {
  const report = json([
    TEST,
    "--label",
    "income-per-year",
    "--model",
    V1,
    "--threshold",
    "max-f1",
    "--resamples",
    "50",
    "--no-baseline",
  ]);
  const want = oracle.performance_test.v1;
  assert.equal(report.config.positive, ">50K", "the descriptor's positive class is the default");
  close(report.threshold, want.best_f1_threshold.threshold, 1e-6, "threshold");
  close(report.metrics.f1.value, want.best_f1_threshold.f1, 1e-9, "f1 at the learned threshold");
  close(report.thresholds.maxF1.threshold, report.threshold, 0, "rule");
  assert.match(report.thresholdRule, /max F1, learned on evaluation data/);
});

test("thresholds learned on --validation rows are applied to the evaluated rows", () => {
  const report = json([
    TEST,
    "--label",
    "income-per-year",
    "--model",
    V1,
    "--threshold",
    "youden",
    "--validation",
    fixture("adult", "adult_train.csv"),
    "--sensitive",
    "age",
    "--resamples",
    "0",
    "--no-baseline",
  ]);
  // a numeric sensitive attribute is grouped by quartile, as slices are
  assert.deepEqual(Object.keys(report.fairness.age.groups).sort(), [
    "28 < age ≤ 37",
    "37 < age ≤ 48",
    "age > 48",
    "age ≤ 28",
  ]);
  assert.equal(report.thresholds.learnedOn, "validation data");
  assert.equal(report.threshold, report.thresholds.youden.threshold);
  assert.match(report.thresholdRule, /Youden.*learned on validation data/);
  // the confusion matrix is on the test rows, the rule's counts on the 32561 training rows
  const c = report.confusion;
  assert.equal(c.tp + c.fp + c.tn + c.fn, 16281);
  const t = report.thresholds.youden;
  assert.equal(t.tp + t.fp + t.tn + t.fn, 32561);
});

test("evaluate FILE.onnx --features at 0.5 reproduces the oracle within float32 tolerances", () => {
  const report = json([
    TEST,
    "--label",
    "income-per-year",
    "--positive",
    ">50K",
    "--model",
    fixture("evaluate", "adult_v2.onnx"),
    "--features",
    FEATURES,
    "--resamples",
    "20",
    "--no-baseline",
  ]);
  const want = oracle.performance_test.v2;
  for (const name of ["accuracy", "precision", "recall", "f1", "balancedAccuracy", "mcc"])
    close(report.metrics[name].value, want[KEYS[name]], 1e-12, name);
  close(report.metrics.rocAuc.value, want.roc_auc, 1e-5, "auc");
  close(report.metrics.prAuc.value, want.average_precision, 1e-5, "ap");
  close(report.metrics.logLoss.value, want.log_loss, 1e-5, "log loss");
  close(report.metrics.brier.value, want.brier, 1e-6, "brier");
  close(report.metrics.ece.value, want.ece_10_equal_width, 1e-6, "ece");
  assert.equal(report.model.kind, "onnx");
  assert.match(report.model.digest, /^626658c6/);
});

test("baselines trained on adult train: logistic ≥ 0.89, gbdt ≥ 0.91 and best, both beat v1", () => {
  const report = json([
    TEST,
    "--label",
    "income-per-year",
    "--positive",
    ">50K",
    "--model",
    V1,
    "--train",
    fixture("adult", "adult_train.csv"),
    "--baseline-features",
    "all",
    "--resamples",
    "50",
  ]);
  assert.equal(report.baseline.features.length, 14, "all: every column that describes the rows");
  const b = report.baseline;
  assert.match(b.trainedOn, /training data \(32561 rows\)/);
  const logistic = b.baselines.find((x: any) => x.kind === "logistic");
  const majority = b.baselines.find((x: any) => x.kind === "majority");
  const tree = b.baselines.find((x: any) => x.kind === "tree");
  assert.ok(logistic.metrics.rocAuc.value >= 0.89, `logistic AUC ${logistic.metrics.rocAuc.value}`);
  close(majority.metrics.rocAuc.value, 0.5, 1e-12, "majority AUC");
  assert.ok(tree.metrics.rocAuc.value > 0.8, `tree AUC ${tree.metrics.rocAuc.value}`);
  // The gbdt (20,000 rows, 50 trees in evaluate) is the strongest baseline on adult.
  const gbdt = b.baselines.find((x: any) => x.kind === "gbdt");
  assert.ok(gbdt.metrics.rocAuc.value >= 0.91, `gbdt AUC ${gbdt.metrics.rocAuc.value}`);
  assert.ok(gbdt.metrics.rocAuc.value > logistic.metrics.rocAuc.value, "gbdt beats logistic on adult");
  assert.equal(b.best, "gradient-boosted trees");
  assert.equal(b.baselineMatchesModel, true);
  assert.ok(b.rocAucDifference.ci[1] < 0, "v1 (6 numeric features) is credibly worse than the baseline");
  assert.ok(report.results.some((r: any) => r.check === "baseline.comparison" && r.status === "warn"));
});

test("slices by column and SliceLine auto-discovery", () => {
  const byColumn = json([
    PREDICTIONS,
    "--label",
    "y_true",
    "--score",
    "score_v1",
    "--slices",
    "sex,race",
    "--resamples",
    "50",
    "--no-baseline",
  ]);
  const female = byColumn.slices.find((s: any) => s.slice === "sex = Female");
  assert.equal(female.count, 5421);
  close(
    female.accuracy.value,
    oracle.fairness_test.v1.sex.by_group.Female.accuracy,
    1e-12,
    "female accuracy",
  );
  assert.ok(
    byColumn.slices.some(
      (s: any) => s.slice === "race = Black & sex = Female" || s.slice === "sex = Female & race = Black",
    ),
  );
  const auto = json([
    TEST,
    "--label",
    "income-per-year",
    "--positive",
    ">50K",
    "--model",
    V1,
    "--slices",
    "auto",
    "--slice-alpha",
    "0.95",
    "--resamples",
    "30",
    "--no-baseline",
  ]);
  assert.equal(auto.sliceSearch.method, "sliceline");
  assert.ok(auto.slices.length > 0 && auto.slices.length <= 10);
  for (const s of auto.slices) {
    assert.ok(s.score > 0 && s.count >= 32 && s.predicates.length <= 3);
    assert.ok(s.errorRate > s.restErrorRate);
    assert.ok(s.pValueAdjusted >= s.pValue);
  }
});

test("--html writes a self-contained report with inline SVG charts", () => {
  const dir = mkdtempSync(join(tmpdir(), "assay-eval-"));
  const file = join(dir, "report.html");
  const r = runCli([
    "evaluate",
    PREDICTIONS,
    "--label",
    "y_true",
    "--score",
    "score_v2",
    "--sensitive",
    "sex",
    "--slices",
    "race",
    "--resamples",
    "20",
    "--no-baseline",
    "--html",
    file,
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /rocAuc\s+0\.8021/);
  const html = readFileSync(file, "utf8");
  assert.ok((html.match(/<svg/g) ?? []).length >= 4, "ROC, PR, calibration and fairness charts");
  assert.match(html, /ROC curve/);
  assert.match(html, /Calibration/);
  assert.match(html, /Slices/);
  assert.doesNotMatch(html, /<script src|<link|src="http/);
});

test("bad input gives one clear line and exit 2", async () => {
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((r) => closed.close(() => r()));
  const cases: [string[], RegExp][] = [
    [[TEST, "--score", "age"], /--label COL is required/],
    [[TEST, "--label", "income", "--score", "age"], /no column 'income' \(--label\)/],
    [
      [TEST, "--label", "income-per-year", "--positive", ">50K", "--score", "age"],
      /row 0 has score 25, outside \[0, 1\]/,
    ],
    [
      [fixture("evaluate", "missing_score.csv"), "--label", "y", "--score", "score"],
      /row 2 has a NaN or missing score/,
    ],
    [[fixture("evaluate", "single_class.csv"), "--label", "y", "--score", "score"], /single class/],
    [
      [
        TEST,
        "--label",
        "income-per-year",
        "--positive",
        ">50K",
        "--model",
        fixture("evaluate", "adult_v1.onnx"),
        "--features",
        "age,fnlwgt",
      ],
      /expects 6 feature columns, but 2 were given/,
    ],
    [
      [
        TEST,
        "--label",
        "income-per-year",
        "--positive",
        ">50K",
        "--model",
        `http://127.0.0.1:${port}/predict`,
        "--retries",
        "0",
        "--features",
        FEATURES,
      ],
      /unreachable \(ECONNREFUSED\)/,
    ],
    [[TEST, "--label", "income-per-year", "--score", "age", "--model", V1], /not both/],
    [
      [TEST, "--label", "income-per-year", "--model", V1, "--threshold", "best"],
      /--threshold expects a number/,
    ],
    [[TEST, "--label", "income-per-year", "--model", V1, "--fail-under", "auc=0.8"], /unknown metric 'auc'/],
    [
      [TEST, "--label", "income-per-year", "--model", V1, "--positive", ">50K.", "--no-baseline"],
      /--positive '>50K\.' occurs in no row of label 'income-per-year' \(did you mean|its values: "<=50K" \(12,435\), ">50K" \(3,846\)/,
    ],
  ];
  // The cases are independent processes: run them side by side.
  const results = await Promise.all(
    cases.map(([args]) => runCliAsync(["evaluate", ...args, "--resamples", "0"])),
  );
  for (const [k, [args, message]] of cases.entries()) {
    const r = results[k];
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
  }
});

test("--fail-under turns a low metric into exit 1", () => {
  const r = runCli([
    "evaluate",
    PREDICTIONS,
    "--label",
    "y_true",
    "--score",
    "score_v2",
    "--fail-under",
    "rocAuc=0.9",
    "--resamples",
    "0",
    "--no-baseline",
    "--json",
  ]);
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.summary.status, "fail");
  assert.ok(report.results.some((x: any) => x.check === "evaluate.rocAuc" && x.status === "fail"));
});

test("--task regression reports MAE, RMSE, R² and MAPE matching scikit-learn", () => {
  const want = JSON.parse(readFileSync(fixture("evaluate", "metric_oracles.json"), "utf8")).regression;
  const dir = mkdtempSync(join(tmpdir(), "assay-eval-"));
  const file = join(dir, "regression.html");
  const report = json([
    fixture("evaluate", "regression.csv"),
    "--task",
    "regression",
    "--label",
    "actual",
    "--score",
    "predicted",
    "--resamples",
    "200",
    "--html",
    file,
  ]);
  assert.equal(report.task, "regression");
  assert.equal(report.n, 500);
  for (const name of ["mae", "rmse", "r2", "mape"]) {
    close(report.metrics[name].value, want[name], 1e-12, name);
    assert.ok(
      report.metrics[name].ci[0] <= report.metrics[name].value &&
        report.metrics[name].value <= report.metrics[name].ci[1],
    );
  }
  assert.match(readFileSync(file, "utf8"), /Predicted vs actual[\s\S]*<svg/);
  const gate = runCli([
    "evaluate",
    fixture("evaluate", "regression.csv"),
    "--task",
    "regression",
    "--label",
    "actual",
    "--score",
    "predicted",
    "--resamples",
    "0",
    "--fail-under",
    "r2=0.95",
  ]);
  assert.equal(gate.code, 1, gate.stderr);
  for (const [args, message] of [
    [
      ["--label", "actual", "--score", "predicted", "--sensitive", "actual"],
      /--sensitive is for binary classifiers/,
    ],
    [
      ["--label", "actual", "--score", "predicted", "--fail-under", "mae=1"],
      /unknown metric 'mae' for --task regression \(known: r2\)/,
    ],
  ] as [string[], RegExp][]) {
    const r = runCli(["evaluate", fixture("evaluate", "regression.csv"), "--task", "regression", ...args]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, message);
  }
  const text = runCli([
    "evaluate",
    TEST,
    "--task",
    "regression",
    "--label",
    "sex",
    "--score",
    "age",
    "--resamples",
    "0",
  ]);
  assert.equal(text.code, 2);
  assert.match(text.stderr, /needs a numeric target, but 'sex' holds text/);
});

test("baselines get the model's inputs by default: on v1's six numeric features a logistic baseline matches v1 (itself a logistic regression)", () => {
  const report = json([
    TEST,
    "--label",
    "income-per-year",
    "--positive",
    ">50K",
    "--model",
    V1,
    "--train",
    fixture("adult", "adult_train.csv"),
    "--resamples",
    "50",
  ]);
  assert.deepEqual(report.baseline.features, FEATURES.split(","));
  assert.deepEqual(report.columns.baseline, FEATURES.split(","));
  const logistic = report.baseline.baselines.find((x: any) => x.kind === "logistic");
  assert.ok(Math.abs(logistic.metrics.rocAuc.value - report.metrics.rocAuc.value) < 0.02);
});

test("slices and baselines leave out another model's score and the row index (adult predictions, --score score_v1)", () => {
  const report = json([
    PREDICTIONS,
    "--label",
    "y_true",
    "--score",
    "score_v1",
    "--slices",
    "auto",
    "--resamples",
    "50",
  ]);
  assert.deepEqual(report.sliceSearch.columns, ["sex", "race"]);
  assert.deepEqual(report.baseline.features, ["sex", "race"]);
  assert.deepEqual(
    report.columns.excluded.map((x: any) => [x.column, x.reason]),
    [
      ["row", "named as an identifier"],
      ["y_true", "the label"],
      ["score_v1", "the evaluated score"],
      ["score_v2", "a score in [0, 1]: another model's output"],
    ],
  );
  // handed score_v2, the "baseline" matched the model (0.8249 vs 0.8255) and said a simpler model would do
  assert.equal(report.baseline.baselineMatchesModel, false);
  assert.ok(report.slices.every((s: any) => !/score_v2|row/.test(s.slice)));
  const text = runCli([
    "evaluate",
    PREDICTIONS,
    "--label",
    "y_true",
    "--score",
    "score_v1",
    "--slices",
    "auto",
    "--resamples",
    "50",
  ]);
  assert.match(
    text.stdout,
    /columns: slices search sex, race; baselines use sex, race; left out: row \(named as an identifier\), score_v2/,
  );
});
