import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { assessReadiness } from "../../src/readiness/assess.js";
import { parseCard } from "../../src/readiness/card-read.js";
import { SYSTEM } from "../../src/readiness/evidence-index.js";
import { LocatedError } from "../../src/readiness/located-yaml.js";
import { DEFAULT_POLICY, parsePolicy } from "../../src/readiness/policy.js";
import { parseSignoffLog, signoffLine } from "../../src/readiness/signoff.js";
import { makeReport } from "../../src/report/report.js";
const sha256 = (text) => createHash("sha256").update(text).digest("hex");
const CARD = `format: assay.card
version: 1
technology: { id: churn, name: Churn model, entryLevel: 0 }
owners: [ana]
reviewers:
  - { name: ben, roles: [reviewer] }
components:
  - id: data
    type: dataset
    artefacts: [{ path: train.csv, role: train }, { path: test.csv, role: test }, { path: schema.yaml, role: schema }]
  - id: model
    type: model
    artefacts: [{ path: model.onnx, role: model }]
    dependsOn: [data]
coupled: [[model, data]]
requirements:
  - { id: R1, type: research, text: ranks churners first, risk: { likelihood: 2, impact: 3 }, component: model, verification: ["evaluation.rocAuc >= 0.7 lower"] }
  - { id: P1, type: product, text: batches meet the contract, risk: { likelihood: 2, impact: 2 }, component: data, verification: ["validation.status == pass"] }
uses: { intended: [retention offers] }
data: { aboutPeople: false, label: churned, considerations: [a year of accounts] }
debriefs:
  - { level: 2, accomplished: profiled }
  - { level: 3, accomplished: contract }
  - { level: 4, accomplished: proof of concept }
ethics:
  - { id: E1, question: who is harmed?, answer: nobody much }
`;
const card = parseCard(CARD, "assay.card.yaml");
const CARD_DIGEST = sha256(CARD);
const D = { train: sha256("train"), test: sha256("test"), schema: sha256("schema"), model: sha256("model") };
const T0 = Date.parse("2026-03-01T00:00:00Z");
const HOUR = 3_600_000;
const artefacts = (test = D.test) => [
    { component: "data", path: "train.csv", digest: D.train },
    { component: "data", path: "test.csv", digest: test },
    { component: "data", path: "schema.yaml", digest: D.schema },
    { component: "model", path: "model.onnx", digest: D.model },
    { component: SYSTEM, path: "assay.card.yaml", digest: CARD_DIGEST },
];
let clock = T0;
function evidence(kind, inputs, body = {}, config = {}, status = "pass") {
    clock += HOUR;
    const report = makeReport(kind, {
        inputs: inputs.map(([name, digest]) => ({ name, digest, rows: 100 })),
        config,
        summary: { status: status },
    }, body, new Date(clock));
    return { id: `${kind}-${clock}.json`, report };
}
const profile = () => evidence("profile", [["train.csv", D.train]], { columns: [] });
const validation = () => evidence("validation", [
    ["test.csv", D.test],
    ["schema.yaml", D.schema],
]);
const lint = () => evidence("lint", [
    ["train.csv", D.train],
    ["test.csv", D.test],
]);
const drift = () => evidence("drift", [
    ["train.csv", D.train],
    ["test.csv", D.test],
]);
const evaluation = (auc = { value: 0.8, ci: [0.75, 0.85] }) => evidence("evaluation", [["test.csv", D.test]], {
    metrics: { rocAuc: { ...auc, n: 100 }, accuracy: { value: 0.7, ci: [0.65, 0.75], n: 100 } },
    slices: [{ slice: "plan = basic" }],
    baseline: {
        baselines: [{ kind: "majority", metrics: { rocAuc: { value: 0.5 } } }],
        baselineMatchesModel: false,
    },
}, { model: { source: "model.onnx", digest: D.model } });
function log(entries) {
    const lines = [];
    for (const e of entries) {
        clock += HOUR;
        lines.push(signoffLine({
            at: new Date(clock).toISOString(),
            level: e.level,
            role: e.role ?? "reviewer",
            by: "ben",
            decision: e.decision ?? "approve",
            to: e.to ?? null,
            component: null,
            items: e.items ?? [],
            note: null,
            card: { id: "churn", digest: e.digest ?? CARD_DIGEST },
        }, lines[lines.length - 1] ?? null, sha256));
    }
    return parseSignoffLog(lines.join("\n"), "log.jsonl", sha256);
}
function assess(files, signoffs, extra = {}) {
    return assessReadiness({
        card,
        cardDigest: CARD_DIGEST,
        cardPath: "assay.card.yaml",
        artefacts: artefacts(),
        evidence: files,
        signoffs,
        policy: DEFAULT_POLICY,
        now: clock + HOUR,
        ...extra,
    });
}
const levels = (r) => Object.fromEntries(r.components.map((c) => [c.id, c.certifiedLevel]));
const ETHICS_CARD = CARD.replace("{ name: ben, roles: [reviewer] }", "{ name: ben, roles: [reviewer, ethics] }");
test("with nothing signed the system is at its entry level, and the first gate says who must sign", () => {
    const r = assess([], []);
    assert.equal(r.systemLevel, 0);
    const first = r.components[0].blocking.find((b) => b.item === "signoff");
    assert.equal(first?.command, "assay signoff --card assay.card.yaml --level 1 --role reviewer --by ben --decision approve");
});
test("the level rises gate by gate as evidence and sign-offs arrive", () => {
    const files = [profile()];
    const signoffs = log([{ level: 1 }, { level: 2 }]);
    assert.deepEqual(levels(assess(files, signoffs)), { data: 2, model: 2 });
    files.push(validation(), lint());
    const three = assess(files, [...signoffs, ...log([{ level: 3 }])].map((s, i) => ({ ...s, line: i + 1 })));
    assert.deepEqual(levels(three), { data: 3, model: 3 });
    // level 4 for the model needs its evaluation; the data needs its drift check
    const blocking = three.components.find((c) => c.id === "model")?.blocking.map((b) => `${b.item}:${b.status}`) ?? [];
    assert.ok(blocking.includes("evaluation.intervals:missing") &&
        blocking.includes("requirements.research.verified:missing"), blocking.join(" "));
});
test("an evidence kind that does not exist yet blocks its gate with the command that would produce it, never passes", () => {
    const c2 = parseCard(ETHICS_CARD, "assay.card.yaml");
    const digest = sha256(ETHICS_CARD);
    const files = [profile(), validation(), lint(), drift(), evaluation()];
    const signoffs = log([
        { level: 1, digest },
        { level: 2, digest },
        { level: 3, digest },
        { level: 4, digest },
        { level: 4, role: "ethics", items: ["E1"], digest },
        { level: 5, digest },
    ]);
    const r = assess(files, signoffs, {
        card: c2,
        cardDigest: digest,
        artefacts: artefacts().map((a) => (a.component === SYSTEM ? { ...a, digest } : a)),
    });
    assert.deepEqual(levels(r), { data: 4, model: 4 }, JSON.stringify(r.components.map((c) => c.blocking)));
    const model = r.components.find((c) => c.id === "model");
    const behaviour = model?.blocking.find((b) => b.item === "behaviour");
    assert.equal(behaviour?.status, "missing");
    assert.equal(behaviour?.command, "assay test test.csv --suite <tests.yaml> --model model.onnx");
    for (const kind of ["fuzz", "robustness", "pmv", "sanity", "training"])
        assert.ok(model?.blocking.some((b) => b.item === kind && b.status === "missing"), kind);
    // the reviewer signed level 5, so approvals reach further than the evidence; nothing failed or went
    // stale, the evidence was never there: blocked, not switched back
    assert.equal(model?.approvedLevel, 5);
    assert.equal(r.switchbacks.length, 0);
});
test("a review switchback voids the approvals it reaches back over; 4 → 2 is an embedded one", () => {
    const c2 = parseCard(ETHICS_CARD, "assay.card.yaml");
    const digest = sha256(ETHICS_CARD);
    const opts = {
        card: c2,
        cardDigest: digest,
        artefacts: artefacts().map((a) => (a.component === SYSTEM ? { ...a, digest } : a)),
    };
    const files = [profile(), validation(), lint(), drift(), evaluation()];
    const base = [
        { level: 1, digest },
        { level: 2, digest },
        { level: 3, digest },
        { level: 4, digest },
        { level: 4, role: "ethics", items: ["E1"], digest },
    ];
    assert.equal(assess(files, log(base), opts).systemLevel, 4);
    const back = assess(files, log([...base, { level: 4, decision: "switchback", to: 3, digest }]), opts);
    assert.equal(back.systemLevel, 2, "levels 3 and 4 must be reviewed again");
    assert.deepEqual(back.switchbacks.map((s) => [s.type, s.from, s.to]), [["review", 4, 3]]);
    const again = assess(files, log([...base, { level: 4, decision: "switchback", to: 3, digest }, { level: 3, digest }]), opts);
    assert.equal(again.systemLevel, 3);
    const embedded = assess(files, log([...base, { level: 4, decision: "switchback", to: 2, digest }]), opts);
    assert.deepEqual(embedded.switchbacks.map((s) => [s.type, s.from, s.to]), [["embedded", 4, 2]]);
    assert.equal(embedded.systemLevel, 1);
});
test("a discovery switchback, with its cause, when approved evidence goes stale", () => {
    const files = [profile(), validation(), lint()];
    const signoffs = log([{ level: 1 }, { level: 2 }, { level: 3 }]);
    assert.equal(assess(files, signoffs).systemLevel, 3);
    const changed = assess(files, signoffs, { artefacts: artefacts(sha256("test, edited")) });
    assert.deepEqual(levels(changed), { data: 2, model: 2 });
    const discovery = changed.switchbacks.filter((s) => s.type === "discovery");
    assert.deepEqual(discovery.map((s) => [s.component, s.from, s.to]), [["data", 3, 2]]);
    assert.ok(discovery[0].cause.some((c) => /^validation stale: .*test\.csv changed since this report/.test(c)), discovery[0].cause.join("\n"));
    // fresh evidence on the new data restores the level without a new review
    const edited = sha256("test, edited");
    const rerun = [
        ...files,
        evidence("validation", [
            ["test.csv", edited],
            ["schema.yaml", D.schema],
        ]),
        evidence("lint", [
            ["train.csv", D.train],
            ["test.csv", edited],
        ]),
    ];
    const restored = assess(rerun, signoffs, { artefacts: artefacts(edited) });
    assert.equal(restored.systemLevel, 3);
    assert.equal(restored.switchbacks.length, 0);
});
test("a failing report blocks its gate as failed, and a failed criterion blocks its requirement", () => {
    const files = [profile(), evidence("validation", [["test.csv", D.test]], {}, {}, "fail"), lint()];
    const r = assess(files, log([{ level: 1 }, { level: 2 }, { level: 3 }]));
    assert.equal(r.systemLevel, 2);
    assert.equal(r.components[0].blocking[0].item, "validation");
    assert.equal(r.components[0].blocking[0].status, "failed");
    assert.equal(r.switchbacks[0]?.type, "discovery");
    const weak = assess([evaluation({ value: 0.72, ci: [0.65, 0.79] })], []);
    const r1 = weak.requirements.find((q) => q.id === "R1")?.criteria[0];
    assert.equal(r1?.status, "fail");
    assert.match(r1?.message ?? "", /rocAuc \(lower CI bound\) is 0\.65; required >= 0\.7/);
});
test("sign-offs count for the card version they were given on, and a rejection blocks", () => {
    const files = [profile()];
    const stale = assess(files, log([{ level: 1, digest: "e".repeat(64) }]));
    assert.equal(stale.systemLevel, 0);
    const s = stale.components[0].blocking.find((b) => b.item === "signoff");
    assert.equal(s?.status, "stale");
    assert.match(s?.message ?? "", /on another version of the card/);
    assert.equal(stale.switchbacks.length, 0, "a changed card asks for new reviews; it is not a discovery");
    const rejected = assess(files, log([{ level: 1 }, { level: 2 }, { level: 2, decision: "reject" }]));
    assert.equal(rejected.systemLevel, 1);
    assert.equal(rejected.components[0].blocking.find((b) => b.item === "signoff")?.status, "failed");
});
test("coupled components are certified no higher than the lowest of them", () => {
    // the model's own gates would reach 2; the data lacks its profile, so both stay at 1
    const r = assess([], log([{ level: 1 }, { level: 2 }]));
    assert.deepEqual(levels(r), { data: 1, model: 1 });
    const model = r.components.find((c) => c.id === "model");
    assert.equal(model?.heldBy, "data");
    assert.match(model?.blocking[0].message ?? "", /held at level 1 by coupled component data \(model's own gates hold up to 2\)/);
});
test("a policy file replaces a level's items and roles; bad policies are named by line and field", () => {
    const policy = parsePolicy("format: assay.policy\nversion: 1\nlevels:\n  1:\n    items: [kind:behaviour]\n    roles: [reviewer]\n", "policy.yaml");
    const blocked = assess([], log([{ level: 1 }]), { policy });
    assert.equal(blocked.components[1].blocking[0].item, "kind:behaviour");
    const met = assess([evidence("behaviour", [["model.onnx", D.model]]), evidence("behaviour", [["train.csv", D.train]])], log([{ level: 1 }]), { policy });
    assert.equal(met.systemLevel, 1);
    assert.throws(() => parsePolicy("format: assay.policy\nversion: 1\nlevels:\n  4:\n    items: [evaluation.slice]\n", "policy.yaml"), (e) => {
        assert.ok(e instanceof LocatedError);
        assert.equal(e.message.split(" (")[0], "policy.yaml:5: levels.4.items[0]: no gate item 'evaluation.slice'");
        return true;
    });
    assert.throws(() => parsePolicy("format: assay.policy\nversion: 1\nlevels:\n  10: { roles: [x] }\n", "p.yaml"), /p\.yaml:4: levels\.10: gates are levels 1 to 9/);
});
