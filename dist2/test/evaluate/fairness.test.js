import assert from "node:assert/strict";
import { test } from "node:test";
import { fairnessByAttribute } from "../../src/evaluate/fairness.js";
import { close, oracle, oraclePredictions } from "./oracle.js";
const TOL = 1e-12;
for (const version of ["v1", "v2"])
    for (const attribute of ["sex", "race"]) {
        test(`fairness of ${version} by ${attribute} matches Fairlearn and Aequitas`, () => {
            const p = oraclePredictions();
            const predicted = p[version].map((s) => (s >= 0.5 ? 1 : 0));
            const got = fairnessByAttribute(attribute, p[attribute], p.label, predicted, { resamples: 100 });
            const want = oracle.fairness_test[version][attribute];
            close(got.demographicParityDifference.value, want.demographic_parity_difference, TOL, "dpd");
            close(got.demographicParityRatio.value, want.demographic_parity_ratio, TOL, "dpr");
            close(got.equalizedOddsDifference.value, want.equalized_odds_difference, TOL, "eod");
            close(got.equalizedOddsRatio.value, want.equalized_odds_ratio, TOL, "eor");
            close(got.equalOpportunityDifference.value, want.equal_opportunity_difference, TOL, "eopd");
            close(got.equalOpportunityRatio.value, want.equal_opportunity_ratio, TOL, "eopr");
            assert.deepEqual(Object.keys(got.groups), want.groups);
            for (const [name, g] of Object.entries(got.groups)) {
                const w = want.by_group[name];
                for (const k of ["count", "positives", "negatives", "tp", "fp", "fn", "tn"])
                    assert.equal(g[k], w[k]);
                assert.equal(g.predictedPositives, w.predicted_positives);
                close(g.selectionRate, w.selection_rate, TOL, `${name} sr`);
                for (const k of ["tpr", "fpr", "fnr", "tnr", "accuracy", "precision"])
                    close(g[k], w[k], TOL, `${name} ${k}`);
                assert.equal(g.status, "ok");
                assert.ok(g.ci?.tpr && g.ci.tpr[0] <= g.tpr && g.tpr <= g.ci.tpr[1]);
            }
            assert.equal(got.aequitas.referenceGroup, want.aequitas.reference_group);
            for (const [name, list] of Object.entries(got.aequitas.groups)) {
                const w = want.aequitas.groups[name];
                for (const d of list) {
                    close(d.value, w.metrics[d.metric], TOL, `${name} ${d.metric}`);
                    close(d.disparity, w[`${d.metric}_disparity`], TOL, `${name} ${d.metric} disparity`);
                    assert.equal(d.withinTau, w[`${d.metric}_within_tau_0.8`], `${name} ${d.metric} within τ`);
                }
            }
            const ci = got.demographicParityDifference.ci;
            assert.ok(ci[0] <= got.demographicParityDifference.value && got.demographicParityDifference.value <= ci[1]);
        });
    }
test("small groups are insufficient, listed, and kept out of the aggregates", () => {
    const groups = [...Array(100).fill("A"), ...Array(100).fill("B"), ...Array(10).fill("C")];
    const labels = groups.map((_, i) => (i % 2 === 0 ? 1 : 0));
    const predicted = groups.map((g, i) => (g === "A" ? (i % 4 === 0 ? 1 : 0) : g === "B" ? 1 : 0));
    const got = fairnessByAttribute("g", groups, labels, predicted, { resamples: 50 });
    assert.equal(got.groups.C.status, "insufficient");
    assert.match(got.groups.C.reason, /10 rows < 30/);
    assert.deepEqual(got.excludedGroups, ["C"]);
    // A: SR 0.25, B: SR 1 → difference 0.75 (C, with SR 0, would have made it 1).
    close(got.demographicParityDifference.value, 0.75, TOL, "dpd without C");
    const alone = fairnessByAttribute("g", groups.slice(0, 110), labels.slice(0, 110), predicted.slice(0, 110), {
        resamples: 0,
        minGroupSize: 50,
    });
    assert.equal(alone.demographicParityDifference.value, null);
    assert.match(alone.demographicParityDifference.reason, /fewer than two groups/);
});
test("the all-groups aggregates are Fairlearn's numbers even when the policy leaves small groups out (adult, race)", () => {
    const p = oraclePredictions();
    const predicted = p.v1.map((s) => (s >= 0.5 ? 1 : 0));
    // With a minimum of 200 rows, Amer-Indian-Eskimo (159) and Other (135) are insufficient.
    const got = fairnessByAttribute("race", p.race, p.label, predicted, { resamples: 50, minGroupSize: 200 });
    const want = oracle.fairness_test.v1.race;
    assert.deepEqual(got.excludedGroups, ["Amer-Indian-Eskimo", "Other"]);
    close(got.allGroups.demographicParityDifference, want.demographic_parity_difference, TOL, "all dpd");
    close(got.allGroups.demographicParityRatio, want.demographic_parity_ratio, TOL, "all dpr");
    close(got.allGroups.equalizedOddsDifference, want.equalized_odds_difference, TOL, "all eod");
    close(got.allGroups.equalizedOddsRatio, want.equalized_odds_ratio, TOL, "all eor");
    close(got.allGroups.equalOpportunityDifference, want.equal_opportunity_difference, TOL, "all eopd");
    close(got.allGroups.equalOpportunityRatio, want.equal_opportunity_ratio, TOL, "all eopr");
    assert.match(got.allGroups.semantics, /Fairlearn/);
    // The policy's value is over White, Black and Asian-Pac-Islander only.
    const rates = ["White", "Black", "Asian-Pac-Islander"].map((g) => want.by_group[g].selection_rate);
    close(got.demographicParityDifference.value, Math.max(...rates) - Math.min(...rates), TOL, "policy dpd");
    assert.notEqual(got.demographicParityDifference.value, got.allGroups.demographicParityDifference);
    // Insufficient groups are not in the disparity block as if measured.
    assert.deepEqual(Object.keys(got.aequitas.groups).sort(), ["Asian-Pac-Islander", "Black", "White"]);
    assert.deepEqual(got.aequitas.excludedGroups, ["Amer-Indian-Eskimo", "Other"]);
    assert.equal(got.aequitas.referenceGroup, "White");
});
test("all-groups values count an undefined rate as 0, as Fairlearn does", () => {
    // C has 3 rows and no positives: its TPR is undefined, 0 for Fairlearn.
    const groups = [...Array(40).fill("A"), ...Array(40).fill("B"), "C", "C", "C"];
    const labels = [...Array.from({ length: 80 }, (_, i) => (i % 2 === 0 ? 1 : 0)), 0, 0, 0];
    const predicted = [...Array.from({ length: 80 }, (_, i) => (i % 4 === 0 ? 1 : 0)), 1, 0, 0];
    const got = fairnessByAttribute("g", groups, labels, predicted, { resamples: 0 });
    assert.deepEqual(got.excludedGroups, ["C"]);
    assert.equal(got.groups.C.tpr, null);
    // A and B: TPR 0.5 each; C: 0 → all-groups TPR difference 0.5, ratio 0; the policy's 0 and 1.
    close(got.allGroups.equalOpportunityDifference, 0.5, TOL, "all eopd");
    close(got.allGroups.equalOpportunityRatio, 0, TOL, "all eopr");
    close(got.equalOpportunityDifference.value, 0, TOL, "policy eopd");
    close(got.equalOpportunityRatio.value, 1, TOL, "policy eopr");
});
test("group rates have Wilson intervals that do not collapse at 0 or 1; two-group differences reach 0", () => {
    const groups = [...Array(200).fill("A"), ...Array(40).fill("B")];
    const labels = [
        ...Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 1 : 0)),
        ...Array.from({ length: 40 }, (_, i) => (i < 20 ? 1 : 0)),
    ];
    // A: TPR 90/100, FPR 10/100; B: TPR 20/20, FPR 0/20.
    const predicted = [
        ...Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? (i < 180 ? 1 : 0) : i < 20 ? 1 : 0)),
        ...Array.from({ length: 40 }, (_, i) => (i < 20 ? 1 : 0)),
    ];
    const got = fairnessByAttribute("g", groups, labels, predicted, { resamples: 300 });
    assert.equal(got.groups.B.tpr, 1);
    assert.equal(got.groups.B.fpr, 0);
    const tpr = got.groups.B.ci.tpr;
    const fpr = got.groups.B.ci.fpr;
    assert.ok(tpr[0] < 0.9 && tpr[1] === 1, `TPR 20/20 CI ${tpr}`);
    assert.ok(fpr[0] === 0 && fpr[1] > 0.1, `FPR 0/20 CI ${fpr}`);
    // Equal opportunity: |0.9 − 1| = 0.1, and a TPR of 20/20 cannot rule out a gap of 0.
    const eop = got.equalOpportunityDifference;
    close(eop.value, 0.1, 1e-12, "eopd");
    assert.equal(eop.method, "newcombe, folded");
    assert.equal(eop.ci[0], 0);
    assert.ok(eop.ci[1] > 0.1);
    assert.equal(got.demographicParityDifference.method, "newcombe, folded");
    assert.equal(got.demographicParityRatio.method, "mover-wilson, folded");
    // Two groups need no resampling: every interval has a closed form.
    assert.equal(got.resamples, 0);
});
test("with three groups or more, the aggregates are bootstrapped within group (selection) and group × label (TPR/FPR)", () => {
    const p = oraclePredictions();
    const predicted = p.v1.map((s) => (s >= 0.5 ? 1 : 0));
    const got = fairnessByAttribute("race", p.race, p.label, predicted, { resamples: 100 });
    assert.equal(got.resamples, 100);
    assert.equal(got.demographicParityDifference.method, "bootstrap percentile, within group");
    assert.equal(got.equalOpportunityDifference.method, "bootstrap percentile, within group × label");
    const sex = fairnessByAttribute("sex", p.sex, p.label, predicted, { resamples: 100 });
    assert.equal(sex.demographicParityDifference.method, "newcombe, folded");
});
