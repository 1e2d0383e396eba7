import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { parseCard } from "../../src/readiness/card-read.js";
import { starterCard } from "../../src/readiness/card-template.js";
import { ETHICS_CHECKLIST } from "../../src/readiness/ethics.js";
import { ROOT } from "../helpers/cli.js";
const starter = starterCard({ name: "Loan default model", owner: "ana", reviewer: "ben", entryLevel: 2 });
test("the starter card reads back with every field and the ethics checklist", () => {
    const card = parseCard(starter, "assay.card.yaml");
    assert.equal(card.technology.id, "loan-default-model");
    assert.equal(card.technology.entryLevel, 2);
    assert.deepEqual(card.owners, ["ana"]);
    assert.deepEqual(card.reviewers, [{ name: "ben", roles: ["reviewer"] }]);
    assert.deepEqual(card.components.map((c) => [c.id, c.type]), [
        ["data", "dataset"],
        ["model", "model"],
    ]);
    assert.equal(card.requirements[0].risk.score, 9);
    assert.equal(card.requirements[0].verification[0].bound, "lower");
    assert.equal(card.ethics.length, ETHICS_CHECKLIST.length);
    assert.equal(card.freshnessDays, 30);
    // lines are kept for later messages: the line of each requirement is where its '- id:' is
    const lines = starter.split("\n");
    assert.match(lines[card.lines["requirements.P1"] - 1], /- id: P1/);
    assert.match(lines[card.lines["components.model"] - 1], /- id: model/);
});
test("the worked example's card reads", () => {
    const card = parseCard(readFileSync(`${ROOT}/examples/adult/assay.card.yaml`, "utf8"), "assay.card.yaml");
    assert.equal(card.components.length, 2);
    assert.deepEqual(card.data.sensitive, ["sex", "race"]);
    assert.equal(card.requirements.find((r) => r.id === "P2")?.risk.score, 20);
});
/** Each mutation of the starter card, and the FILE:LINE: field it must be reported at. */
const BAD = [
    [
        "risk out of range",
        (t) => t.replace("likelihood: 3", "likelihood: 7"),
        /^assay\.card\.yaml:51: requirements\.R1\.risk\.likelihood: must be between 1 and 5, got 7$/,
    ],
    [
        "unknown component type",
        (t) => t.replace("type: dataset", "type: datset"),
        /^assay\.card\.yaml:26: components\.data\.type: expected one of model, data-pipeline, dataset, software-module/,
    ],
    [
        "unreadable criterion",
        (t) => t.replace('"evaluation.rocAuc >= 0.75 lower"', '"auc is big"'),
        /^assay\.card\.yaml:53: requirements\.R1\.verification\[0\]: cannot read 'auc is big'/,
    ],
    [
        "misspelt top-level field",
        (t) => t.replace("owners:", "ownerz:"),
        /^assay\.card\.yaml:13: ownerz: unknown field/,
    ],
    [
        "dependency on a component that is not there",
        (t) => t.replace("dependsOn: [data]", "dependsOn: [dta]"),
        /^assay\.card\.yaml:38: components\.model\.dependsOn: no component 'dta'/,
    ],
    [
        "duplicate requirement id",
        (t) => t.replace("- id: P1", "- id: R1"),
        /^assay\.card\.yaml:55: requirements\.1\.id: requirement 'R1' appears twice$/,
    ],
    [
        "no owner",
        (t) => t.replace('owners: ["ana"]', "owners: []"),
        /^assay\.card\.yaml:13: owners: name at least one owner/,
    ],
    [
        "wrong format",
        (t) => t.replace("format: assay.card", "format: assay.schema"),
        /^assay\.card\.yaml:3: format: expected 'assay\.card'/,
    ],
    [
        "future version",
        (t) => t.replace("version: 1\n", "version: 2\n"),
        /^assay\.card\.yaml:4: version: this Assay reads card version 1, got 2$/,
    ],
    [
        "entry level out of range",
        (t) => t.replace("entryLevel: 2", "entryLevel: 12"),
        /^assay\.card\.yaml:10: technology\.entryLevel: must be between 0 and 9/,
    ],
    [
        "invalid YAML",
        (t) => t.replace('owners: ["ana"]', 'owners: ["ana"'),
        /^assay\.card\.yaml:\d+: invalid YAML/,
    ],
    [
        "an unknown ML Test Score test",
        (t) => t.replace("manualTests: {}", "manualTests: { data.9: by hand }"),
        /^assay\.card\.yaml:\d+: manualTests\.data\.9: no ML Test Score test 'data\.9'/,
    ],
    [
        "a subgroup without minRows",
        (t) => t.replace("subgroups: []", "subgroups: [{ column: sex }]"),
        /^assay\.card\.yaml:73: data\.subgroups\.0\.minRows: expected a whole number, got nothing$/,
    ],
];
for (const [name, mutate, expected] of BAD)
    test(`a bad card is reported at its file, line and field: ${name}`, () => {
        const text = mutate(starter);
        assert.notEqual(text, starter, "the mutation applies");
        assert.throws(() => parseCard(text, "assay.card.yaml"), (e) => {
            assert.match(e.message, expected);
            return true;
        });
    });
