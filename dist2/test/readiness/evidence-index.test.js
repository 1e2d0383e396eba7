import assert from "node:assert/strict";
import { test } from "node:test";
import { indexEvidence, SYSTEM } from "../../src/readiness/evidence-index.js";
import { makeReport } from "../../src/report/report.js";
const TRAIN = "1".repeat(64);
const TEST = "2".repeat(64);
const MODEL = "3".repeat(64);
const DAY = 86_400_000;
const NOW = Date.parse("2026-06-30T00:00:00Z");
const artefacts = [
    { component: "data", path: "data/train.csv", digest: TRAIN },
    { component: "data", path: "data/test.csv", digest: TEST },
    { component: "model", path: "model.onnx", digest: MODEL },
    { component: SYSTEM, path: "assay.card.yaml", digest: "c".repeat(64) },
];
function report(kind, inputs, daysAgo, config = {}) {
    return makeReport(kind, { inputs: inputs.map(([name, digest]) => ({ name, digest, rows: 10 })), config }, {}, new Date(NOW - daysAgo * DAY));
}
test("a report is about the components whose artefacts it read, by digest or by file name", () => {
    const index = indexEvidence([
        { id: "v", report: report("validation", [["test.csv", TEST]], 1) },
        // an evaluation names the model it ran in its config
        {
            id: "e",
            report: report("evaluation", [["test.csv", TEST]], 1, {
                model: { source: "/abs/model.onnx", digest: MODEL },
            }),
        },
        // a comparison lists the models as inputs named old/new: bound by digest alone
        {
            id: "c",
            report: report("comparison", [
                ["renamed.csv", TEST],
                ["new", MODEL],
            ], 1),
        },
        { id: "x", report: report("profile", [["other.csv", "9".repeat(64)]], 1) },
    ], artefacts, { now: NOW, freshnessDays: 30 });
    const scopes = Object.fromEntries(index.all.map((e) => [e.id, e.scopes.sort()]));
    assert.deepEqual(scopes, { v: ["data"], e: ["data", "model"], c: ["data", "model"] });
    assert.equal(index.unrelated, 1);
    assert.ok(index.all.every((e) => e.fresh));
});
test("evidence goes stale when an input it names has changed, is missing, or it is older than the window", () => {
    const index = indexEvidence([
        { id: "changed", report: report("validation", [["test.csv", "f".repeat(64)]], 1) },
        { id: "old", report: report("lint", [["train.csv", TRAIN]], 31) },
        { id: "ok", report: report("lint", [["train.csv", TRAIN]], 29) },
        { id: "future", report: report("drift", [["train.csv", TRAIN]], -1) },
        { id: "gone", report: report("profile", [["model.onnx", MODEL]], 1) },
    ], [...artefacts.slice(0, 2), { component: "model", path: "model.onnx", digest: null }], { now: NOW, freshnessDays: 30 });
    const byId = Object.fromEntries(index.all.map((e) => [e.id, e]));
    assert.match(byId.changed.stale[0], /^test\.csv changed since this report \(sha256 ffffffffffff… → 222222222222…\)$/);
    assert.match(byId.old.stale[0], /older than the 30-day freshness window \(created 2026-05-30, 31 days before\)/);
    assert.equal(byId.ok.fresh, true);
    assert.equal(byId.future, undefined, "a report written after the moment assessed does not exist yet");
    assert.deepEqual(byId.gone.stale, ["model.onnx is missing now"]);
    // latest() prefers the newest fresh report and remembers the newest stale one
    const lint = index.latest("lint", "data");
    assert.equal(lint.fresh?.id, "ok");
    assert.equal(lint.stale?.id, "old");
});
test("a kind's own freshness window overrides the card's; readiness reports are never evidence", () => {
    const index = indexEvidence([
        { id: "m", report: report("monitoring", [["model.onnx", MODEL]], 3) },
        { id: "r", report: report("readiness", [["assay.card.yaml", "c".repeat(64)]], 0) },
    ], artefacts, { now: NOW, freshnessDays: 30, kindFreshnessDays: { monitoring: 2 } });
    assert.deepEqual(index.all.map((e) => [e.id, e.fresh]), [["m", false]]);
});
