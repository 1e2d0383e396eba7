import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "assay-config-"));
const a = join(dir, "a.json");
const b = join(dir, "b.yaml");
writeFileSync(
  a,
  JSON.stringify({
    model: { C: 1, solver: "lbfgs", tol: 1e-10 },
    features: ["age", "fnlwgt", "hours"],
    seed: 0,
  }),
);
writeFileSync(
  b,
  "model:\n  C: 0.01\n  solver: lbfgs\n  class_weight: balanced\nfeatures: [age, fnlwgt]\nseed: 0\n",
);

test("config diff: JSON against YAML, nested keys, added / removed / changed", () => {
  const r = runCli(["config", "diff", a, b]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(
    r.stdout,
    '- features[2]: "hours"\n~ model.C: 1 → 0.01\n+ model.class_weight: "balanced"\n- model.tol: 1e-10\n',
  );
  const j = JSON.parse(runCli(["config", "diff", a, b, "--json"]).stdout);
  assert.equal(j.identical, false);
  assert.deepEqual(j.changed, [{ path: "model.C", kind: "changed", before: 1, after: 0.01 }]);
  assert.equal(j.removed.length, 2);
  assert.equal(runCli(["config", "diff", a, b, "--exit-code"]).code, 1);
  const same = runCli(["config", "diff", a, a, "--exit-code"]);
  assert.equal(same.code, 0);
  assert.equal(same.stdout, "no differences\n");
});

test("config diff: bad input is one clear line, exit 2", () => {
  const broken = join(dir, "broken.yaml");
  writeFileSync(broken, "a: [\n");
  for (const [args, pattern] of [
    [["config", "diff", a, join(dir, "none.yaml")], /none\.yaml: no such file/],
    [["config", "diff", a, broken], /broken\.yaml: not valid YAML or JSON/],
    [["config", "diff", a], /needs two files/],
    [["config", "show", a, b], /unknown config action/],
  ] as [string[], RegExp][]) {
    const r = runCli(args);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, pattern);
    assert.equal(r.stderr.trim().split("\n").length, 1);
  }
});
