import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import * as ort from "onnxruntime-node";
import { multiclassOracle } from "../evaluate/multiclass-german.js";
import { close } from "../evaluate/oracle.js";
import { fixture, runCli, runCliAsync } from "../helpers/cli.js";

const DATA = fixture("multiclass", "german_purpose_test.csv");
const CLASSES: string[] = multiclassOracle.classes;

function evaluate(args: string[]) {
  const r = runCli(["evaluate", DATA, "--label", "purpose", ...args, "--json"]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

/** The report's metrics against one model's oracle values, to `tolerance`. */
function assertMatches(report: any, ref: any, tolerance: number) {
  assert.equal(report.task, "multiclass");
  assert.deepEqual(report.classes, CLASSES);
  close(report.metrics.accuracy.value, ref.accuracy, tolerance, "accuracy");
  close(report.metrics.balancedAccuracy.value, ref.balancedAccuracy, tolerance, "balanced accuracy");
  close(report.metrics.macroF1.value, ref.averages.macro.f1, tolerance, "macro F1");
  close(report.metrics.weightedF1.value, ref.averages.weighted.f1, tolerance, "weighted F1");
  close(report.metrics.microF1.value, ref.averages.micro.f1, tolerance, "micro F1");
  close(report.metrics.logLoss.value, ref.logLoss, tolerance, "log loss");
  close(report.metrics.classwiseEce.value, ref.classwiseEce.mean, tolerance, "classwise ECE");
  for (const t of report.topK) close(t.accuracy.value, ref.topK[String(t.k)], tolerance, `top-${t.k}`);
  assert.deepEqual(report.confusion.counts, ref.confusion);
  report.perClass.forEach((c: any, j: number) => {
    if (c.recall.value !== null)
      close(c.recall.value, ref.perClass.recall[j], tolerance, `recall ${c.class}`);
    if (c.f1.value !== null) close(c.f1.value, ref.perClass.f1[j], tolerance, `F1 ${c.class}`);
  });
}

test("evaluate --score-prefix and a JSON array column match scikit-learn exactly", async () => {
  const prefix = evaluate(["--score-prefix", "p1_", "--resamples", "100"]);
  assertMatches(prefix, multiclassOracle.v1, 1e-12);
  assert.equal(prefix.config.classOrder, "model");
  assert.deepEqual(
    prefix.model.features,
    CLASSES.map((c) => `p1_${c}`),
  );
  const list = evaluate(["--probabilities", "proba_v1", "--classes", CLASSES.join(","), "--resamples", "0"]);
  assertMatches(list, multiclassOracle.v1, 1e-12);
  const v2 = evaluate(["--score-prefix", "p2_", "--resamples", "0"]);
  assertMatches(v2, multiclassOracle.v2, 1e-12);
});

test("evaluate runs the ONNX models (probability matrix output) and matches scikit-learn", async () => {
  const [v1, v2] = await Promise.all(
    ["v1", "v2"].map((v) =>
      runCliAsync([
        "evaluate",
        DATA,
        "--label",
        "purpose",
        "--model",
        fixture("multiclass", `german_purpose_${v}.yaml`),
        "--resamples",
        "0",
        "--json",
      ]),
    ),
  );
  for (const r of [v1, v2]) assert.equal(r.code, 0, r.stderr);
  // float32 inference: the probabilities agree with the CSV's to ~1e-7
  assertMatches(JSON.parse(v1.stdout), multiclassOracle.v1, 1e-6);
  assertMatches(JSON.parse(v2.stdout), multiclassOracle.v2, 1e-6);
  assert.equal(JSON.parse(v1.stdout).model.kind, "onnx");
});

test("evaluate a multiclass HTTP endpoint that serves the ONNX model", async () => {
  const session = await ort.InferenceSession.create(fixture("multiclass", "german_purpose_v2.onnx"));
  const features: string[] = multiclassOracle.featuresV2;
  let requests = 0;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", async () => {
      requests++;
      const rows: Record<string, number>[] = JSON.parse(body).instances;
      const x = Float32Array.from(rows.flatMap((r) => features.map((f) => r[f])));
      const out = await session.run({
        features: new ort.Tensor("float32", x, [rows.length, features.length]),
      });
      const p = out.probabilities.data as Float32Array;
      const k = CLASSES.length;
      const predictions = rows.map((_, i) => ({ probabilities: Array.from(p.subarray(i * k, (i + 1) * k)) }));
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ predictions }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const r = await runCliAsync([
      "evaluate",
      DATA,
      "--label",
      "purpose",
      "--task",
      "multiclass",
      "--model",
      `http://127.0.0.1:${port}/predict`,
      "--features",
      features.join(","),
      "--classes",
      CLASSES.join(","),
      "--batch-size",
      "100",
      "--resamples",
      "0",
      "--json",
    ]);
    assert.equal(r.code, 0, r.stderr);
    assertMatches(JSON.parse(r.stdout), multiclassOracle.v2, 1e-6);
    assert.equal(requests, 4);
  } finally {
    server.close();
    await session.release();
  }
});

test("fairness per class: each class's recall and selection rate by sex match the reference", () => {
  const report = evaluate(["--score-prefix", "p1_", "--sensitive", "sex", "--resamples", "100"]);
  for (const [className, groups] of Object.entries<any>(multiclassOracle.fairnessV1BySex)) {
    const f = report.fairness.sex[className];
    for (const [group, ref] of Object.entries<any>(groups)) {
      const g = f.groups[group];
      assert.equal(g.count, ref.n, `${className} ${group} rows`);
      assert.equal(g.positives, ref.positives);
      close(g.selectionRate, ref.selectionRate, 1e-12, `${className} ${group} selection rate`);
      if (ref.recall === null) assert.equal(g.tpr, null);
      else close(g.tpr, ref.recall, 1e-12, `${className} ${group} recall`);
    }
  }
  const a42 = report.results.find(
    (r: any) => r.check === "fairness.demographic_parity" && r.subject.group === "A42",
  );
  assert.equal(a42.subject.column, "sex");
  close(
    a42.value,
    Math.min(...Object.values<any>(multiclassOracle.fairnessV1BySex.A42).map((g) => g.selectionRate)) /
      Math.max(...Object.values<any>(multiclassOracle.fairnessV1BySex.A42).map((g) => g.selectionRate)),
    1e-12,
    "A42 selection-rate ratio",
  );
});

test("multiclass --fail-under gates on a metric and exits 1", () => {
  const r = runCli([
    "evaluate",
    DATA,
    "--label",
    "purpose",
    "--score-prefix",
    "p1_",
    "--resamples",
    "0",
    "--fail-under",
    "top3Accuracy=0.8",
  ]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /top3Accuracy/);
});

test("bad multiclass input: one line and exit 2", () => {
  const dir = mkdtempSync(join(tmpdir(), "assay-multiclass-"));
  const bad = join(dir, "bad.csv");
  writeFileSync(bad, "y,p_a,p_b,p_c\na,0.5,0.3,0.2\nb,0.5,0.5,0.5\nc,0.1,0.1,0.8\n");
  const cases: [string[], RegExp][] = [
    [[bad, "--label", "y", "--score-prefix", "p_"], /row 1 sum to 1.5, not 1/],
    [[bad, "--label", "y", "--score-prefix", "q_"], /no columns start with 'q_'/],
    [[DATA, "--label", "purpose", "--score-prefix", "p1_", "--top-k", "10"], /k must be smaller/],
    [
      [DATA, "--label", "purpose", "--probabilities", "proba_v1", "--classes", "a,b"],
      /10 probabilities per row, but 2 classes/,
    ],
    [
      [DATA, "--label", "purpose", "--score-prefix", "p1_", "--threshold", "0.3"],
      /--threshold is for binary/,
    ],
    [
      [DATA, "--label", "sex", "--score-prefix", "p1_"],
      /'female' at row 0, which is not one of the model's classes/,
    ],
    [
      [DATA, "--label", "purpose", "--probabilities", "proba_v1"],
      /10 class probabilities but label 'purpose' has 9 values/,
    ],
  ];
  for (const [args, message] of cases) {
    const r = runCli(["evaluate", ...args]);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stdout}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
  }
});

test("a JS module returning probability lists (its own classes), and --html", () => {
  const dir = mkdtempSync(join(tmpdir(), "assay-multiclass-"));
  const module = join(dir, "uniform.mjs");
  // every class equally likely: the arg-max is the first class, sklearn's top-k the last k classes
  writeFileSync(
    module,
    `export const classes = ${JSON.stringify(CLASSES)};\nexport function predict(rows) { return rows.map(() => Array(${CLASSES.length}).fill(0.1)); }\n`,
  );
  const html = join(dir, "report.html");
  const report = evaluate(["--task", "multiclass", "--model", module, "--resamples", "0", "--html", html]);
  const support: number[] = multiclassOracle.v1.perClass.support;
  close(report.metrics.accuracy.value, support[0] / 400, 1e-12, "accuracy = share of the first class");
  close(report.metrics.logLoss.value, Math.log(10), 1e-12, "log loss");
  const last = (k: number) => support.slice(-k).reduce((a, b) => a + b, 0) / 400;
  assert.deepEqual(
    report.topK.map((t: any) => t.accuracy.value),
    [last(2), last(3)],
  );
  assert.equal(report.config.classOrder, "model");
  const page = readFileSync(html, "utf8");
  assert.match(page, /Confusion matrix/);
  assert.match(page, /A410/);
});

test("a descriptor's classes must be a list of label values", () => {
  const dir = mkdtempSync(join(tmpdir(), "assay-multiclass-"));
  const descriptor = join(dir, "bad.yaml");
  writeFileSync(
    descriptor,
    `path: ${fixture("multiclass", "german_purpose_v1.onnx")}\nfeatures: [month, credit_amount, age]\ntask: multiclass\nclasses: A40\n`,
  );
  const r = runCli(["evaluate", DATA, "--label", "purpose", "--model", descriptor]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /'classes' must be a list of label values/);
});
