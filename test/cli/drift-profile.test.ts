import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fixture, runCli } from "../helpers/cli.js";

const oracle = JSON.parse(readFileSync(fixture("drift", "adult_drift_oracle.json"), "utf8")).drift
  .train_vs_test.columns;
const train = fixture("adult", "adult_train.csv");
const testSplit = fixture("adult", "adult_test.csv");

test("drift against a saved profile: exact where the profile's frequency table is exact, close where it is a sketch", () => {
  const dir = mkdtempSync(join(tmpdir(), "assay-drift-profile-"));
  const profile = join(dir, "test.profile.json");
  const p = runCli(["profile", testSplit, "--out", profile]);
  assert.equal(p.code, 0, p.stderr);
  const html = join(dir, "drift.html");
  const r = runCli(["drift", train, profile, "--json", "--html", html]);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.match(report.approximate, /profile/);
  assert.equal(
    (readFileSync(html, "utf8").match(/<svg/g) ?? []).length,
    30,
    "a chart per column and its thumbnail, from the sketches",
  );
  const col = (name: string) => report.columns.find((c: { name: string }) => c.name === name);
  // age has 73 distinct values: rebuilt exactly from the frequency table
  const age = col("age");
  assert.ok(Math.abs(age.stats.ks.statistic - oracle.age.ks.statistic) <= 1e-12 * oracle.age.ks.statistic);
  assert.ok(Math.abs(age.stats.psi - oracle.age.psi.value) <= 1e-12 * oracle.age.psi.value);
  // fnlwgt has ~12,000 distinct values: from the DDSketch (0.5% relative accuracy)
  const fnlwgt = col("fnlwgt");
  assert.ok(
    Math.abs(fnlwgt.stats.ks.statistic - oracle.fnlwgt.ks.statistic) < 0.0005,
    `D ${fnlwgt.stats.ks.statistic}`,
  );
  assert.ok(
    Math.abs(fnlwgt.stats.wassersteinNorm - oracle.fnlwgt.wasserstein_normed) <
      0.01 * oracle.fnlwgt.wasserstein_normed + 1e-3,
  );
  // categorical columns: exact frequency tables, so χ² equals SciPy's
  const education = col("education");
  assert.ok(
    Math.abs(education.stats.chi2.statistic - oracle.education.chi2.statistic) <=
      1e-10 * oracle.education.chi2.statistic,
  );
  assert.equal(report.drifted, false);
  // either side may be the profile
  const back = runCli(["drift", profile, testSplit, "--json", "--columns", "age"]);
  assert.equal(back.code, 0, back.stderr);
  assert.equal(JSON.parse(back.stdout).columns[0].stats.ks.statistic, 0);
});
