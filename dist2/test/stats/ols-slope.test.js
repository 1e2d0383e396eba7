import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { olsSlope } from "../../src/stats/ols-slope.js";
import { fixture } from "../helpers/cli.js";
const ORACLE = JSON.parse(readFileSync(fixture("stats", "ols_slope.json"), "utf8"));
test("ols-slope: slope, intercept, standard error and t interval match scipy.stats.linregress", () => {
    for (const c of ORACLE.cases) {
        const fit = olsSlope(c.x, c.y);
        const close = (a, b) => Math.abs(a - b) <= 1e-10 * Math.max(1, Math.abs(b));
        assert.ok(close(fit.slope, c.slope), `slope ${fit.slope} vs ${c.slope}`);
        assert.ok(close(fit.intercept, c.intercept));
        assert.ok(close(fit.standardError, c.stderr), `stderr ${fit.standardError} vs ${c.stderr}`);
        assert.ok(close(fit.ci[0], c.ci[0]) && close(fit.ci[1], c.ci[1]), `${fit.ci} vs ${c.ci}`);
    }
    assert.equal(olsSlope([1, 1, 1], [1, 2, 3]).ci, null);
    assert.equal(olsSlope([0, 1], [0, 1]).ci, null);
});
