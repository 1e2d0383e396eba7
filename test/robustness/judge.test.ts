import assert from "node:assert/strict";
import { test } from "node:test";
import { judgeFailures } from "../../src/robustness/judge.js";

test("judge: fail only when the whole Wilson interval is above the tolerance", () => {
  // 30 of 1000 at tolerance 0.02: Wilson 95% [0.0211, 0.0425] lies above 0.02
  const fail = judgeFailures(30, 1000, 0.02, 30);
  assert.equal(fail.status, "fail");
  assert.ok(fail.ci![0] > 0.02);
  // 25 of 1000: [0.0170, 0.0367] straddles 0.02 with plenty of rows → not shown to fail
  assert.equal(judgeFailures(25, 1000, 0.02, 30).status, "pass");
  // 1 of 10 at 0.05: [0.018, 0.404] straddles with fewer than 30 rows
  assert.equal(judgeFailures(1, 10, 0.05, 30).status, "insufficient");
  // 0 of 10 at 0: the upper bound (0.278) is above 0 with too few rows
  assert.equal(judgeFailures(0, 10, 0, 30).status, "insufficient");
  assert.equal(judgeFailures(0, 10, 0, 5).status, "pass");
  // 1 of 5 at 0: the lower bound 0.036 is above 0 → fail even on five rows
  assert.equal(judgeFailures(1, 5, 0, 30).status, "fail");
  assert.deepEqual(judgeFailures(0, 0, 0.1, 30), { status: "insufficient", rate: null, ci: null });
});
