import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { multivariateDrift } from "../../src/drift/multivariate.js";
import { normalDraw } from "../../src/stats/normal-draw.js";
import { seededRandom } from "../../src/stats/random.js";
import { type Batch, batchFromRows } from "../../src/table/types.js";
import { runCli } from "../helpers/cli.js";

const COLUMNS = ["x1", "x2", "x3"].map((name) => ({ name, type: "float" as const, sourceType: "DOUBLE" }));

/**
 * Reference: x2 follows x1 (ρ ≈ 0.9), x3 independent noise. Current: the same x1 and x2 values,
 * x2 re-ordered across rows — so every marginal is *identical* sample for sample, only the joint
 * distribution changed (x1 and x2 now independent).
 */
function jointShift(
  n: number,
  seed: number,
): { reference: Record<string, number>[]; current: Record<string, number>[] } {
  const random = seededRandom(seed);
  const reference = Array.from({ length: n }, () => {
    const x1 = normalDraw(random);
    return { x1, x2: 0.9 * x1 + Math.sqrt(1 - 0.81) * normalDraw(random), x3: normalDraw(random) };
  });
  const order = reference.map((_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = random.below(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const current = reference.map((r, i) => ({
    x1: r.x1,
    x2: reference[order[i]].x2,
    x3: reference[(i + 1) % n].x3,
  }));
  return { reference, current };
}
const batch = (rows: Record<string, number>[]): Batch => batchFromRows(COLUMNS, rows);

test("multivariate drift flags a joint shift with unchanged marginals, driven by x1 and x2", async () => {
  const { reference, current } = jointShift(1500, 1);
  const result = await multivariateDrift(batch(reference), batch(current), ["x1", "x2", "x3"], {
    permutations: 99,
  });
  assert.ok(result.drifted, `AUC ${result.auc}, p ${result.pValue}`);
  assert.ok(result.auc > 0.7 && result.ci![0] > 0.5);
  assert.ok(result.auc > result.threshold);
  assert.equal(
    result.pValue,
    5 / 100,
    "no permutation reaches any fold's AUC: the smallest p, times 5 folds",
  );
  assert.ok(result.foldTests.every((t) => t.auc > t.threshold));
  assert.deepEqual(
    result.drivers
      .slice(0, 2)
      .map((d) => d.feature)
      .sort(),
    ["x1", "x2"],
  );
  assert.equal(result.drivers[2].feature, "x3");
  assert.ok(result.drivers[0].ci![0] > 0);
});

test("multivariate drift stays quiet on a random split of one table", async () => {
  const random = seededRandom(5);
  const rows = Array.from({ length: 3000 }, () => {
    const x1 = normalDraw(random);
    return { x1, x2: 0.9 * x1 + 0.3 * normalDraw(random), x3: normalDraw(random) };
  });
  const result = await multivariateDrift(
    batch(rows.slice(0, 1500)),
    batch(rows.slice(1500)),
    ["x1", "x2", "x3"],
    {
      permutations: 99,
    },
  );
  assert.equal(result.drifted, false, `AUC ${result.auc}, p ${result.pValue}`);
  assert.ok(result.ci![0] <= 0.5 + 0.02);
});

test("assay drift: per-column tests miss the joint shift; --multivariate catches it", () => {
  const dir = mkdtempSync(join(tmpdir(), "assay-mv-"));
  try {
    const { reference, current } = jointShift(1500, 2);
    const csv = (rows: Record<string, number>[]) =>
      `x1,x2,x3\n${rows.map((r) => `${r.x1},${r.x2},${r.x3}`).join("\n")}\n`;
    writeFileSync(join(dir, "ref.csv"), csv(reference));
    writeFileSync(join(dir, "cur.csv"), csv(current));
    const columnwise = runCli(["drift", join(dir, "ref.csv"), join(dir, "cur.csv"), "--json"]);
    assert.equal(columnwise.code, 0, columnwise.stderr);
    assert.equal(JSON.parse(columnwise.stdout).drifted, false);
    const joint = runCli(["drift", join(dir, "ref.csv"), join(dir, "cur.csv"), "--multivariate", "--json"]);
    assert.equal(joint.code, 1, joint.stderr);
    const report = JSON.parse(joint.stdout);
    const check = report.results.find((r: { check: string }) => r.check === "drift.multivariate");
    assert.equal(check.status, "fail");
    assert.ok(check.value > 0.7);
    assert.equal(report.multivariate.drivers.length, 3);
    const text = runCli(["drift", join(dir, "ref.csv"), join(dir, "cur.csv"), "--multivariate"]);
    assert.match(text.stdout, /multivariate: drift/);
    const bad = runCli([
      "drift",
      join(dir, "ref.csv"),
      join(dir, "cur.csv"),
      "--multivariate",
      "--permutations",
      "5",
    ]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--permutations must be ≥ 19/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
