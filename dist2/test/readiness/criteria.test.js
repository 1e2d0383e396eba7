import assert from "node:assert/strict";
import { test } from "node:test";
import { judgeCriterion, parseCriterion } from "../../src/readiness/criteria.js";
import { makeReport } from "../../src/report/report.js";
function criterion(text) {
    const c = parseCriterion(text);
    if ("problem" in c)
        throw new Error(c.problem);
    return c;
}
const evaluation = makeReport("evaluation", { inputs: [{ name: "holdout.csv", digest: "d".repeat(64), rows: 1000 }], config: {}, results: [] }, {
    metrics: { rocAuc: { value: 0.86, ci: [0.84, 0.88], n: 1000 }, ece: { value: 0.02, ci: null, n: 1000 } },
    fairness: { sex: { demographicParityRatio: { value: 0.9, ci: [0.79, 1.02] } } },
    negativeFlipRate: 0.03,
    negativeFlipRateCi: [0.02, 0.045],
});
test("criteria read: kind, field path, operator, value, bound and input", () => {
    assert.deepEqual(criterion("evaluation.rocAuc >= 0.80 lower on holdout.csv"), {
        text: "evaluation.rocAuc >= 0.80 lower on holdout.csv",
        kind: "evaluation",
        path: ["rocAuc"],
        op: ">=",
        value: 0.8,
        bound: "lower",
        on: "holdout.csv",
    });
    assert.equal(criterion("comparison.negativeFlipRate ≤ 0.05 upper").op, "<=");
    assert.deepEqual(criterion("validation.status == pass").value, "pass");
    assert.match(parseCriterion("rocAuc is good").problem, /expected KIND\.FIELD OP VALUE/);
    assert.match(parseCriterion("evaluation.rocAuc >= high").problem, /needs a number/);
});
test("a criterion is judged on the value or on a bound of its interval", () => {
    assert.equal(judgeCriterion(criterion("evaluation.rocAuc >= 0.85"), evaluation).status, "pass");
    // the point estimate clears 0.85, the lower bound does not: "with 95% confidence" fails
    const lower = judgeCriterion(criterion("evaluation.rocAuc >= 0.85 lower"), evaluation);
    assert.equal(lower.status, "fail");
    assert.equal(lower.observed, 0.84);
    assert.match(lower.message, /rocAuc \(lower CI bound\) is 0\.84; required >= 0\.85/);
    assert.equal(judgeCriterion(criterion("evaluation.fairness.sex.demographicParityRatio >= 0.8 lower"), evaluation)
        .status, "fail");
    assert.equal(judgeCriterion(criterion("evaluation.fairness.sex.demographicParityRatio >= 0.8"), evaluation).status, "pass");
});
test("a plain number takes its interval from the sibling …Ci field", () => {
    const c = judgeCriterion(criterion("evaluation.negativeFlipRate <= 0.04 upper"), evaluation);
    assert.equal(c.observed, 0.045);
    assert.equal(c.status, "fail");
    assert.equal(judgeCriterion(criterion("evaluation.negativeFlipRate <= 0.04"), evaluation).status, "pass");
});
test("status, absent fields and absent intervals", () => {
    assert.equal(judgeCriterion(criterion("evaluation.status == pass"), evaluation).status, "pass");
    assert.equal(judgeCriterion(criterion("evaluation.status != pass"), evaluation).status, "fail");
    const absent = judgeCriterion(criterion("evaluation.prAuc >= 0.5"), evaluation);
    assert.equal(absent.status, "insufficient");
    assert.match(absent.message, /no field 'prAuc'/);
    const noCi = judgeCriterion(criterion("evaluation.ece <= 0.05 upper"), evaluation);
    assert.equal(noCi.status, "insufficient");
    assert.match(noCi.message, /no confidence interval/);
});
