import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { featureUsefulness } from "../../src/learning/feature-usefulness.js";
import { leaveOneFeatureOut } from "../../src/learning/leave-one-feature-out.js";
import { nearDuplicateGroups } from "../../src/learning/near-duplicates.js";
import { trainLearner } from "../../src/model/baselines/learner.js";
import { seededRandom } from "../../src/stats/random.js";
import { spearman } from "../../src/stats/spearman.js";
import { type Batch, batchFromRows } from "../../src/table/types.js";
import { fixture, runCli } from "../helpers/cli.js";

const ORACLE = JSON.parse(readFileSync(fixture("learning", "permutation_importance.json"), "utf8"));

/**
 * y depends on `signal` and on `group`; `copy` is signal×3 + 1 (a unit change: a near-duplicate),
 * `code` is group's numeric code (a near-duplicate of a text column), `noise` is independent.
 */
function rows(n: number, seed: number): Record<string, unknown>[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const signal = random.next() * 4 - 2;
    const g = random.below(3);
    const z = 1.8 * signal + [0.8, -0.4, 0][g];
    return {
      signal,
      copy: signal * 3 + 1,
      group: ["a", "b", "c"][g],
      code: g,
      noise: random.next(),
      y: random.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0,
    };
  });
}
const COLUMNS = [
  { name: "signal", type: "float" as const, sourceType: "DOUBLE" },
  { name: "copy", type: "float" as const, sourceType: "DOUBLE" },
  { name: "group", type: "string" as const, sourceType: "VARCHAR" },
  { name: "code", type: "integer" as const, sourceType: "INTEGER" },
  { name: "noise", type: "float" as const, sourceType: "DOUBLE" },
];
const FEATURES = COLUMNS.map((c) => c.name);
const data = (n: number, seed: number): { batch: Batch; labels: Uint8Array } => {
  const r = rows(n, seed);
  return { batch: batchFromRows(COLUMNS, r), labels: Uint8Array.from(r, (x) => x.y as number) };
};
const logreg = async (b: Batch, y: ArrayLike<number>, kept: string[]) =>
  trainLearner("logreg", b, y, kept, {});

test("spearman matches scipy.stats.spearmanr, ties included", () => {
  for (const c of ORACLE.spearman) assert.ok(Math.abs(spearman(c.x, c.y) - c.rho) < 1e-12, `${c.rho}`);
  assert.ok(Number.isNaN(spearman([1, 1, 1], [1, 2, 3])));
});

test("near-duplicates: a unit change and a text column's numeric code are grouped; noise is not", () => {
  const { batch } = data(2000, 3);
  const groups = nearDuplicateGroups(batch, FEATURES);
  const sets = groups.map((g) => [...g.features].sort().join(","));
  assert.deepEqual(sets.sort(), ["code,group", "copy,signal"]);
  const unit = groups.find((g) => g.features.includes("copy"))!.links[0];
  assert.equal(unit.spearman, 1);
  const code = groups.find((g) => g.features.includes("code"))!.links[0];
  assert.equal(code.spearman, null, "a text column has no rank correlation");
  assert.ok(Math.abs(code.normalizedMutualInformation! - 1) < 1e-12);
});

test("leave one feature out: noise is removable, a duplicated signal is removable alone but not together", async () => {
  const train = data(3000, 5);
  const held = data(3000, 6);
  const result = await leaveOneFeatureOut(
    train.batch,
    train.labels,
    held.batch,
    held.labels,
    ["signal", "copy", "noise", "group"],
    logreg,
  );
  const by = new Map(result.features.map((r) => [r.feature, r]));
  assert.ok(by.get("group")!.significant && !by.get("group")!.removable, "group carries signal of its own");
  assert.ok(by.get("noise")!.removable);
  assert.ok(by.get("signal")!.removable && by.get("copy")!.removable, "each copy alone adds nothing");
  const joint = result.jointRemoval!;
  assert.ok(joint.features.includes("noise"));
  assert.equal(
    joint.features.includes("signal") && joint.features.includes("copy"),
    false,
    "both copies may not go together",
  );
  assert.equal(joint.kept.length, 1);
  assert.ok(joint.ci![1] <= result.margin);
});

test("featureUsefulness composes permutation importance, refits and duplicates into checks", async () => {
  const train = data(2000, 8);
  const held = data(1500, 9);
  const out = await featureUsefulness({
    train: train.batch,
    trainLabels: train.labels,
    heldOut: held.batch,
    heldOutLabels: held.labels,
    features: ["signal", "noise", "group"],
    fit: logreg,
  });
  const pi = new Map(out.permutation.features.map((f) => [f.feature, f]));
  assert.ok(pi.get("signal")!.significant);
  assert.ok(pi.get("signal")!.importance > pi.get("group")!.importance);
  assert.equal(out.permutation.features[0].feature, "signal");
  const checks = out.results.map((r) => r.check);
  assert.equal(checks.filter((c) => c === "features.permutation_importance").length, 3);
  assert.equal(checks.filter((c) => c === "features.removable").length, 3);
  const noise = out.results.find((r) => r.check === "features.removable" && r.subject?.column === "noise")!;
  assert.equal(noise.status, "warn");
  assert.match(noise.message, /noise can be removed/);
});

test("assay features: CLI report, text and errors", () => {
  const dir = mkdtempSync(join(tmpdir(), "assay-features-"));
  try {
    const csv = join(dir, "train.csv");
    const r = rows(1500, 12);
    writeFileSync(
      csv,
      `${[...FEATURES, "y"].join(",")}\n${r.map((x) => [...FEATURES, "y"].map((k) => x[k]).join(",")).join("\n")}\n`,
    );
    const json = runCli(["features", csv, "--label", "y", "--algo", "logreg", "--json"]);
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout);
    assert.equal(report.kind, "features");
    assert.equal(report.heldOutRows, 500, "a stratified third is held out");
    assert.ok(report.summary.removable.includes("noise"));
    assert.equal(report.summary.duplicateGroups, 2);
    const text = runCli(["features", csv, "--label", "y", "--algo", "tree", "--repeats", "2"]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /near-duplicate groups:/);
    assert.match(text.stdout, /signal/);
    const bad = runCli(["features", csv, "--label", "y", "--repeats", "zero"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--repeats expects a number/);
    const noRefit = runCli(["features", csv, "--label", "y", "--no-refit"]);
    assert.equal(noRefit.code, 2);
    assert.match(noRefit.stderr, /--no-refit needs --model/);
    const missing = runCli(["features", csv, "--label", "nope"]);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr.trim().split("\n").length, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
