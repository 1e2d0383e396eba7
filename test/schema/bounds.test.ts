import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { rateLowerBound, rateUpperBound } from "../../src/schema/bounds.js";
import { rateStatus } from "../../src/schema/verdict.js";
import { fixture } from "../helpers/cli.js";

const cases = JSON.parse(readFileSync(fixture("schema", "bounds.json"), "utf8")) as {
  k: number;
  n: number;
  confidence: number;
  upper: number;
  lower: number;
}[];

test("Clopper–Pearson bounds match scipy's beta quantiles (make_bounds.py)", () => {
  for (const c of cases) {
    const up = rateUpperBound(c.k, c.n, c.confidence);
    const lo = rateLowerBound(c.k, c.n, c.confidence);
    assert.ok(
      Math.abs(up - c.upper) <= 1e-9 * Math.max(1e-12, c.upper) + 1e-15,
      `upper ${JSON.stringify(c)}: ${up}`,
    );
    assert.ok(
      Math.abs(lo - c.lower) <= 1e-7 * Math.max(1e-12, c.lower) + 1e-15,
      `lower ${JSON.stringify(c)}: ${lo}`,
    );
  }
});

test("no missing value in 32 561 rows allows about 6.9/n, not 0", () => {
  const t = rateUpperBound(0, 32561, 0.999);
  assert.ok(Math.abs(t - -Math.log(0.001) / 32561) < 1e-7);
});

test("one stray value is never an error unless the batch is tiny; a real excess is", () => {
  const tolerance = rateUpperBound(0, 32561, 0.999);
  for (const n of [5, 20, 100, 16281, 1_000_000])
    assert.notEqual(rateStatus(1, n, tolerance, "error", 0.999).status, "fail", `1 of ${n}`);
  assert.equal(rateStatus(0, 100, tolerance, "error", 0.999).status, "pass");
  assert.equal(rateStatus(60, 16281, tolerance, "error", 0.999).status, "fail");
  assert.equal(rateStatus(60, 16281, tolerance, "warning", 0.999).status, "warn");
  assert.equal(rateStatus(60, 16281, tolerance, "info", 0.999).status, "pass");
});
