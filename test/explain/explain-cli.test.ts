import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fixture, runCli } from "../helpers/cli.js";
import { ADULT_FEATURES } from "../model/helpers.js";

const ADULT = fixture("adult", "adult_test.csv");
const GERMAN = "/work/shared/datasets/german_credit/german.csv";

test("assay explain --json on the v2 ONNX model: an explanation report; the unused feature has attribution 0", () => {
  const r = runCli([
    "explain",
    ADULT,
    "--model",
    fixture("evaluate", "adult_v2.onnx"),
    "--features",
    ADULT_FEATURES.join(","),
    "--sample",
    "8",
    "--background",
    "40",
    "--effects",
    "2",
    "--json",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.kind, "explanation");
  const attribution = report.results.filter((x: { check: string }) => x.check === "explain.attribution");
  assert.equal(attribution.length, 6);
  const hours = attribution.find(
    (x: { subject: { column: string } }) => x.subject.column === "hours-per-week",
  );
  assert.equal(hours.value, 0);
  assert.equal(hours.rank, 6);
  const checks = new Set(report.results.map((x: { check: string }) => x.check));
  for (const c of [
    "explain.local",
    "explain.partial_dependence",
    "explain.accumulated_local_effects",
    "explain.surrogate_fidelity",
  ])
    assert.ok(checks.has(c), c);
});

test("assay explain on a trained gbdt uses exact TreeSHAP and adds permutation importance with --label", () => {
  const dir = mkdtempSync(join(tmpdir(), "assay-explain-"));
  try {
    const out = join(dir, "gbdt.json");
    const trained = runCli([
      "train",
      GERMAN,
      "--label",
      "credit",
      "--positive",
      "1",
      "--algo",
      "gbdt",
      "--params",
      "maxIterations=20",
      "--out",
      out,
    ]);
    assert.equal(trained.code, 0, trained.stderr);
    const r = runCli([
      "explain",
      GERMAN,
      "--model",
      out,
      "--label",
      "credit",
      "--positive",
      "1",
      "--effects",
      "1",
      "--json",
    ]);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    const local = report.results.filter((x: { check: string }) => x.check === "explain.local");
    assert.equal(local.length, 3);
    assert.equal(local[0].method, "tree-shap");
    assert.equal(local[0].space, "log-odds");
    assert.ok(report.results.some((x: { check: string }) => x.check === "explain.permutation_importance"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("assay explain: bad input is one line and exit 2", () => {
  const r = runCli(["explain", ADULT, "--model", fixture("evaluate", "adult_v1.yaml"), "--rows", "99999999"]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--rows: '99999999' is not a row number/);
  assert.equal(r.stderr.trim().split("\n").length, 1);
  const noModel = runCli(["explain", ADULT]);
  assert.equal(noModel.code, 2);
  assert.match(noModel.stderr, /needs --model/);
});
