import assert from "node:assert/strict";
import { test } from "node:test";
import { BANDS, band, ML_TESTS, SECTIONS, scoreMlTests, } from "../../src/readiness/ml-test-score.js";
import { makeReport } from "../../src/report/report.js";
const run = (kind, time, fresh = true, dataKey = "a", body = {}) => ({
    id: `${kind}-${time}`,
    kind,
    time,
    fresh,
    dataKey,
    report: makeReport(kind, { inputs: [], config: {} }, body),
});
test("28 tests, seven in each of the four sections, with distinct ids and descriptions", () => {
    assert.equal(ML_TESTS.length, 28);
    for (const s of SECTIONS)
        assert.equal(ML_TESTS.filter((t) => t.section === s).length, 7, s);
    assert.equal(new Set(ML_TESTS.map((t) => t.id)).size, 28);
    assert.ok(ML_TESTS.every((t) => t.description.length > 30 && t.title.length > 10));
});
test("1 point when automated and recurring, 0.5 for one run or a manual note, 0 otherwise", () => {
    const s = scoreMlTests({
        runs: [
            run("validation", 1),
            run("validation", 2),
            run("lint", 1),
            run("skew", 1, false),
            run("skew", 2, false),
        ],
        manualTests: { "data.6": "feature rollout runbook in docs/features.md" },
        reviewed: false,
    });
    const points = Object.fromEntries(s.tests.map((t) => [t.id, t.points]));
    assert.equal(points["data.1"], 1); // two validation runs, the latest fresh
    assert.equal(points["data.4"], 0.5); // one lint run
    assert.equal(points["data.6"], 0.5); // done by hand, written down
    assert.equal(points["monitoring.3"], 0); // skew ran twice, but both runs are stale
    assert.match(s.tests.find((t) => t.id === "monitoring.3")?.note ?? "", /2 stale runs no longer count/);
    assert.equal(points["monitoring.2"], 1); // validation counts there too
    assert.equal(s.sections.data, 2);
});
test("a test counts only reports that perform it, and staleness impact needs more than one data version", () => {
    const withSlices = { slices: [{ slice: "a = 1" }] };
    const s = scoreMlTests({
        runs: [run("evaluation", 1, true, "v1", withSlices), run("evaluation", 2, true, "v1")],
        manualTests: {},
        reviewed: true,
    });
    const points = Object.fromEntries(s.tests.map((t) => [t.id, t.points]));
    assert.equal(points["model.6"], 0.5, "one of the two evaluations has slices");
    assert.equal(points["model.7"], 0, "no evaluation audited fairness");
    assert.equal(points["model.4"], 0.5, "two runs on the same data do not show decay");
    assert.equal(points["model.1"], 0.5, "a gate approval is a manual review of the model");
    const later = scoreMlTests({
        runs: [run("evaluation", 1, true, "v1"), run("evaluation", 2, true, "v2")],
        manualTests: {},
        reviewed: false,
    });
    assert.equal(later.tests.find((t) => t.id === "model.4")?.points, 1);
});
test("the final score is the weakest section's, with the paper's bands", () => {
    const s = scoreMlTests({
        runs: [
            run("validation", 1),
            run("validation", 2),
            run("lint", 1),
            run("evaluation", 1, true, "a", { baseline: {} }),
        ],
        manualTests: {},
        reviewed: false,
    });
    assert.equal(s.score, Math.min(...SECTIONS.map((x) => s.sections[x])));
    assert.equal(s.score, 0);
    assert.deepEqual(s.weakest, ["infrastructure"]);
    assert.equal(band(0), BANDS[0].meaning);
    assert.equal(band(0.5), BANDS[1].meaning);
    assert.equal(band(1), BANDS[1].meaning);
    assert.equal(band(1.5), BANDS[2].meaning);
    assert.equal(band(3), BANDS[3].meaning);
    assert.equal(band(3.5), BANDS[4].meaning);
    assert.equal(band(5), BANDS[4].meaning);
    assert.equal(band(6), BANDS[5].meaning);
});
test("a policy can add evidence kinds to a test", () => {
    const s = scoreMlTests({
        runs: [run("features", 1), run("features", 2)],
        manualTests: {},
        reviewed: false,
        extraKinds: { "data.2": ["features"] },
    });
    assert.equal(s.tests.find((t) => t.id === "data.2")?.points, 1);
});
test("the service's monitoring snapshots count once the model is served, and for quality only with labels", () => {
    const snap = (time, status, labels) => ({
        ...run("monitoring", time),
        report: makeReport("monitoring", { inputs: [], config: {}, summary: { status } }, { labels }),
    });
    const points = (runs) => Object.fromEntries(scoreMlTests({ runs, manualTests: {}, reviewed: false }).tests.map((t) => [t.id, t.points]));
    const unlabelled = points([snap(1, "pass", 0), snap(2, "pass", 0)]);
    assert.equal(unlabelled["monitoring.2"], 1);
    assert.equal(unlabelled["monitoring.7"], 0);
    assert.equal(points([snap(1, "pass", 10), snap(2, "pass", 12)])["monitoring.7"], 1);
    assert.equal(points([snap(1, "fail", 0), snap(2, "fail", 0)])["monitoring.2"], 0, "a model the service does not know is not monitored");
});
