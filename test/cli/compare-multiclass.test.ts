import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { compareMulticlassModels } from "../../src/compat/multiclass.js";
import { germanPurpose, multiclassOracle } from "../evaluate/multiclass-german.js";
import { close } from "../evaluate/oracle.js";
import { fixture, runCli, runCliAsync } from "../helpers/cli.js";

const DATA = fixture("multiclass", "german_purpose_test.csv");

test("multiclass flips per class match the reference, and the paired deltas are the metric differences", () => {
  const data = germanPurpose();
  const r = compareMulticlassModels({
    oldProbabilities: data.v1,
    newProbabilities: data.v2,
    labels: data.labels,
    classNames: data.classes,
    label: "purpose",
    bootstrap: { resamples: 200, seed: 1 },
  });
  assert.equal(r.negativeFlips, multiclassOracle.flipsOverall.negativeFlips);
  assert.equal(r.positiveFlips, multiclassOracle.flipsOverall.positiveFlips);
  for (const c of r.perClass) {
    const ref = multiclassOracle.flipsByClass[c.class];
    assert.equal(c.n, ref.n, c.class);
    assert.equal(c.negativeFlips, ref.negativeFlips, `${c.class} negative flips`);
    assert.equal(c.positiveFlips, ref.positiveFlips, `${c.class} positive flips`);
    assert.equal(c.bothCorrect, ref.bothCorrect, `${c.class} both correct`);
    if (c.n > 0)
      close(
        c.accuracyOld!,
        multiclassOracle.v1.perClass.recall[data.classes.indexOf(c.class)],
        1e-12,
        "recall",
      );
  }
  close(r.accuracyOld, multiclassOracle.v1.accuracy, 1e-12, "old accuracy");
  close(r.accuracyNew, multiclassOracle.v2.accuracy, 1e-12, "new accuracy");
  const macro = r.metrics.macroF1;
  close(macro.old!, multiclassOracle.v1.averages.macro.f1, 1e-12, "old macro F1");
  close(macro.new!, multiclassOracle.v2.averages.macro.f1, 1e-12, "new macro F1");
  close(macro.delta.value!, macro.new! - macro.old!, 1e-15, "delta");
  const [lo, hi] = macro.delta.ci!;
  assert.ok(lo < macro.delta.value! && macro.delta.value! < hi);
  // each class with rows is a slice of the gate
  assert.deepEqual(
    r.slices.map((s) => s.slice),
    data.classes.filter((c) => multiclassOracle.flipsByClass[c].n > 0).map((c) => `purpose = ${c}`),
  );
});

test("compare --task multiclass from the command line: ONNX descriptors and probability columns agree", async () => {
  const [onnx, columns] = await Promise.all([
    runCliAsync([
      "compare",
      DATA,
      "--label",
      "purpose",
      "--old",
      fixture("multiclass", "german_purpose_v1.yaml"),
      "--new",
      fixture("multiclass", "german_purpose_v2.yaml"),
      "--sensitive",
      "sex",
      "--resamples",
      "100",
      "--json",
    ]),
    runCliAsync([
      "compare",
      DATA,
      "--label",
      "purpose",
      "--old",
      "score-prefix:p1_",
      "--new",
      "score-prefix:p2_",
      "--sensitive",
      "sex",
      "--resamples",
      "100",
      "--json",
    ]),
  ]);
  for (const r of [onnx, columns]) assert.equal(r.code, 0, r.stderr);
  const a = JSON.parse(onnx.stdout);
  const b = JSON.parse(columns.stdout);
  assert.equal(a.task, "multiclass");
  assert.deepEqual(a.perClass, b.perClass);
  assert.equal(a.negativeFlips, multiclassOracle.flipsOverall.negativeFlips);
  assert.deepEqual(Object.keys(a.groups), ["sex"]);
  assert.equal(a.threshold, null);
  assert.ok(["pass", "warn", "fail"].includes(a.summary.status));
  const html = join(mkdtempSync(join(tmpdir(), "assay-compare-")), "compare.html");
  const text = runCli([
    "compare",
    DATA,
    "--label",
    "purpose",
    "--old",
    "score-prefix:p1_",
    "--new",
    "score-prefix:p2_",
    "--resamples",
    "0",
    "--html",
    html,
  ]);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /A43 +106 +0\.7358 +0\.7075 +8 +5/);
  // the HTML page lists each class as a slice of the gate
  assert.match(readFileSync(html, "utf8"), /Groups and slices[\s\S]*A43/);
});

test("compare multiclass bad input: one line, exit 2", () => {
  const cases: [string[], RegExp][] = [
    [
      ["--old", "score-prefix:p1_", "--new", "probabilities:proba_v1"],
      /the --new model does not name its classes/,
    ],
    [
      ["--old", "score-prefix:p1_", "--new", "score-prefix:p2_", "--threshold", "0.4"],
      /--threshold is for binary/,
    ],
    [["--old", "score-prefix:p1_", "--new", "score-prefix:zz_"], /--new.*no columns start with 'zz_'/],
  ];
  for (const [args, message] of cases) {
    const r = runCli(["compare", DATA, "--label", "purpose", ...args]);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stdout}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
  }
});
