import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { mannWhitney } from "../../src/stats/mann-whitney.js";
import { fixture } from "../helpers/cli.js";

const ORACLE = JSON.parse(readFileSync(fixture("stats", "mann_whitney.json"), "utf8"));

test("mann-whitney: U and the asymptotic two-sided p match scipy.stats.mannwhitneyu, ties included", () => {
  for (const c of ORACLE.cases) {
    const r = mannWhitney(c.x, c.y);
    assert.ok(Math.abs(r.u - c.u) < 1e-9, `${r.u} vs ${c.u}`);
    assert.ok(Math.abs(r.pValue - c.p) <= 1e-9 + 1e-7 * c.p, `${r.pValue} vs ${c.p}`);
  }
  assert.equal(mannWhitney([1, 1], [1, 1]).pValue, 1);
  assert.equal(mannWhitney([], [1, 2]).pValue, 1);
});
