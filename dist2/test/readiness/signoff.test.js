import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { parseCard } from "../../src/readiness/card-read.js";
import { starterCard } from "../../src/readiness/card-template.js";
import { parseSignoffLog, refuseSignoff, signoffLine } from "../../src/readiness/signoff.js";
const sha256 = (text) => createHash("sha256").update(text).digest("hex");
const card = parseCard(starterCard({ name: "T", owner: "ana", reviewer: "ben", entryLevel: 2 }).replace("    roles: [reviewer]", "    roles: [reviewer]\n  - name: chen\n    roles: [ethics]"), "assay.card.yaml");
const DIGEST = "a".repeat(64);
function log(entries) {
    const lines = [];
    for (const e of entries)
        lines.push(signoffLine(e, lines[lines.length - 1] ?? null, sha256));
    return `${lines.join("\n")}\n`;
}
const approve = (level, at = "2026-01-01T00:00:00.000Z") => ({
    at,
    level,
    role: "reviewer",
    by: "ben",
    decision: "approve",
    to: null,
    component: null,
    items: [],
    note: null,
    card: { id: "t", digest: DIGEST },
});
test("a log reads back with its lines, and each entry is chained to the one before", () => {
    const text = log([approve(3), approve(4), { ...approve(4), decision: "switchback", to: 2 }]);
    const entries = parseSignoffLog(text, "log.jsonl", sha256);
    assert.deepEqual(entries.map((e) => [e.line, e.level, e.decision]), [
        [1, 3, "approve"],
        [2, 4, "approve"],
        [3, 4, "switchback"],
    ]);
    assert.equal(entries[0].prev, null);
    assert.equal(entries[1].prev, sha256(text.split("\n")[0]));
});
test("an edited line breaks the chain at the next line, named by line and field", () => {
    const text = log([approve(3), approve(4), approve(5)]);
    const lines = text.split("\n");
    lines[1] = lines[1].replace('"by":"ben"', '"by":"eve"'); // same shape, other signer
    assert.throws(() => parseSignoffLog(lines.join("\n"), "log.jsonl", sha256), /: log\.jsonl:3: prev: does not match the sha256 of the line before/);
    // a deleted line too
    assert.throws(() => parseSignoffLog([lines[0], lines[2]].join("\n"), "log.jsonl", sha256), /log\.jsonl:2: prev:/);
});
test("bad entries are named by line and field", () => {
    const good = log([approve(3)]).trim();
    const cases = [
        [
            good.replace('"decision":"approve"', '"decision":"maybe"'),
            /log\.jsonl:1: decision: expected approve, reject, switchback, got "maybe"/,
        ],
        [good.replace('"level":3', '"level":12'), /log\.jsonl:1: level: expected a level 0–9/],
        ["not json", /log\.jsonl:1: not a JSON object/],
        [good.replace('"note":null', '"note":null,"extra":1'), /log\.jsonl:1: extra: unknown field/],
        [
            good.replace('"decision":"approve"', '"decision":"switchback"'),
            /log\.jsonl:1: to: a switchback goes back to a lower level/,
        ],
        [good.replace(DIGEST, "abc"), /log\.jsonl:1: card: expected \{id, digest\}/],
    ];
    for (const [text, expected] of cases)
        assert.throws(() => parseSignoffLog(text, "log.jsonl", sha256), expected);
});
test("an owner cannot sign their own gate; signers must be reviewers with the role", () => {
    const base = {
        level: 3,
        role: "reviewer",
        by: "ben",
        decision: "approve",
        to: null,
        component: null,
        items: [],
        note: null,
    };
    assert.equal(refuseSignoff(card, base), null);
    assert.match(refuseSignoff(card, { ...base, by: "ana" }) ?? "", /^ana owns this technology \(assay\.card\.yaml:13: owners\) and cannot sign its own gate$/);
    assert.match(refuseSignoff(card, { ...base, by: "zoe" }) ?? "", /zoe is not a reviewer of this card/);
    assert.match(refuseSignoff(card, { ...base, by: "chen" }) ?? "", /chen does not have the role 'reviewer'/);
    assert.match(refuseSignoff(card, { ...base, component: "nope" }) ?? "", /no component 'nope'/);
    assert.match(refuseSignoff(card, { ...base, level: 2 }) ?? "", /at or below the entry level 2/);
    assert.match(refuseSignoff(card, { ...base, role: "ethics", by: "chen", items: ["E9"] }) ?? "", /no ethics item 'E9'/);
});
test("a switchback goes back, but never below the entry level", () => {
    const sb = {
        level: 4,
        role: "reviewer",
        by: "ben",
        decision: "switchback",
        to: 3,
        component: null,
        items: [],
        note: null,
    };
    assert.equal(refuseSignoff(card, sb), null);
    assert.match(refuseSignoff(card, { ...sb, to: 1 }) ?? "", /goes below the entry level 2 \(assay\.card\.yaml:7: technology\.entryLevel\)/);
    assert.match(refuseSignoff(card, { ...sb, to: 4 }) ?? "", /is not below --level 4/);
    assert.match(refuseSignoff(card, { ...sb, to: null }) ?? "", /needs --to L/);
});
test("a component's owner cannot sign that component's gate", () => {
    const owned = parseCard(starterCard({ name: "T", owner: "ana", reviewer: "ben", entryLevel: 0 }).replace("    name: The model\n", "    name: The model\n    owner: ben\n"), "assay.card.yaml");
    const entry = {
        level: 1,
        role: "reviewer",
        by: "ben",
        decision: "approve",
        to: null,
        component: "model",
        items: [],
        note: null,
    };
    assert.match(refuseSignoff(owned, entry) ?? "", /^ben owns component 'model' \(assay\.card\.yaml:32\)/);
    assert.equal(refuseSignoff(owned, { ...entry, component: "data" }), null);
});
