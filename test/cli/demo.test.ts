import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { runCli } from "../helpers/cli.js";

test("assay demo --no-serve runs the whole lifecycle on real data and exits", () => {
  const out = mkdtempSync(join(tmpdir(), "assay-demo-"));
  const r = runCli(["demo", "--no-serve", "--out", out, "--per-month", "2000"]);
  assert.equal(r.code, 0, r.stderr);
  // flights: every month was validated, checked for drift and evaluated
  const months = JSON.parse(readFileSync(join(out, "flights", "months.json"), "utf8"));
  assert.equal(months.length, 6);
  for (const m of months) {
    assert.ok(m.rows > 400_000, `month ${m.month} rows ${m.rows}`);
    assert.ok(
      m.rocAuc.value > 0.55 && m.rocAuc.ci[0] <= m.rocAuc.value && m.rocAuc.value <= m.rocAuc.ci[1],
      `month ${m.month} AUC`,
    );
  }
  // the late-departure rate really moved after January (20% → 16% in May): the summary shows it
  assert.ok(Math.abs(months[4].lateRate - months[0].lateRate) > 0.03);
  for (const name of [
    "january.profile.html",
    "january.schema.yaml",
    "june.drift.html",
    "june.validation.html",
    "june.evaluation.html",
  ])
    assert.ok(existsSync(join(out, "flights", name)), name);
  for (const name of [
    "v1.evaluation.html",
    "v1-v2.comparison.html",
    "v1-v2.regressions.json",
    "v1.conformal.html",
    "v1.trust.json",
    "test.ood.html",
    "v1.suite.html",
    "v1.suite.xml",
    "v1.fuzz.html",
    "logistic.pmv.html",
  ])
    assert.ok(existsSync(join(out, "adult", name)), name);
  assert.ok(existsSync(join(out, "monitor.db")));
  // the monitored model has a trust bundle (January), so its predictions are scored for OOD and sets
  assert.equal(
    JSON.parse(readFileSync(join(out, "flights", "delay.trust.json"), "utf8")).format,
    "assay.trust-bundle",
  );
  // the summary on stdout: the months, the replay, the adult gate verdict (v2 regresses: it fails)
  assert.match(r.stdout, /February/);
  assert.match(r.stdout, /monitoring: 10,000 predictions and labels replayed/);
  assert.match(r.stdout, /v1 → v2: 536 negative flips/);
  assert.match(r.stdout, /gate: fail/);
  // readiness of the adult card: levels 1–4 reviewed on real evidence; level 5's evidence does not exist yet
  assert.match(
    r.stdout,
    /Adult — readiness \(MLTRL\): level 4, Proof of concept; level 5 waits for behaviour, fuzz/,
  );
  assert.ok(existsSync(join(out, "readiness", "readiness.html")));
  assert.match(r.stdout, /v1 conformal \(α = 0.1\): coverage 89\.8%/);
  // testing without an oracle: the suite passes, fuzzing finds v1's NaN on a missing input, PMV calls
  // the logistic baseline well-fit
  assert.match(r.stdout, /v1 behavioural suite: 8 of 8 tests pass; mutation score 60\.0%/);
  assert.match(r.stdout, /v1 fuzzed with 50000 rows from the contract: non_finite at/);
  assert.match(r.stdout, /PMV of the logistic baseline: well-fit/);
  // multiclass: German credit purpose, the v1 ONNX model and the v1 → v2 gate with flips per class
  assert.match(r.stdout, /v1: accuracy 0\.278 \[0\.236, 0\.323\], macro F1 0\.107, top-3 0\.725/);
  assert.match(r.stdout, /v1 → v2: 16 negative flips, 24 positive; most in class A43 \(8 of 106 rows/);
});

test("assay demo rejects a bad option with one line and exit 2", () => {
  const r = runCli(["demo", "--per-month", "zero"]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--per-month expects a number/);
});
