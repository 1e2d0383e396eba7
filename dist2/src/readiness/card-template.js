import { CARD_FORMAT, CARD_VERSION, DEFAULT_FRESHNESS_DAYS, DEFAULT_SIGNOFF_LOG } from "./card.js";
import { ETHICS_CHECKLIST } from "./ethics.js";
/** A starter card: every field present and explained, so filling it in is editing, not looking things up. */
export function starterCard(options) {
    const id = slug(options.name);
    const q = (text) => JSON.stringify(text);
    return `# Readiness card (MLTRL TRL card) — read by 'assay readiness', 'assay gate', 'assay docs check'.
# Format documented in docs/readiness.md. Paths are relative to this file.
format: ${CARD_FORMAT}
version: ${CARD_VERSION}

technology:
  id: ${id}
  name: ${q(options.name)}
  # Levels at or below the entry level are taken as done elsewhere; no switchback may go below it.
  entryLevel: ${options.entryLevel}

# Owners build the technology and never sign its gates.
owners: [${q(options.owner)}]
# Reviewers sign gates in their roles: the default policy asks for reviewer (every gate), product (6, 8),
# ops (7, 9) and ethics (the ethics checklist at 4 and 8).
reviewers:
  - name: ${q(options.reviewer)}
    roles: [reviewer]

# The system's level is the lowest of its components'. Types: model, data-pipeline, dataset, software-module.
# Artefact roles: train, test, reference, serving, schema, model, descriptor, previous-model, code, other.
# Evidence counts for a component when a report's inputs have the digest or the name of one of its artefacts.
components:
  - id: data
    name: Training and evaluation data
    type: dataset
    version: "1"
    artefacts:
      - { path: train.csv, role: train }
      - { path: test.csv, role: test }
      - { path: schema.yaml, role: schema }
  - id: model
    name: The model
    type: model
    version: "1"
    artefacts:
      - { path: model.yaml, role: descriptor }
    dependsOn: [data]
    # monitoring: { model: NAME }   # its name in 'assay serve', once it is deployed

# Components that change together; each is certified no higher than the lowest of them.
coupled:
  - [model, data]

# research requirements (levels 1–4) and product requirements (3 onwards); risk = likelihood × impact (1–5 each).
# Criteria: KIND.FIELD OP VALUE [lower|upper] [on INPUT] — judged on the newest fresh report of KIND.
requirements:
  - id: R1
    type: research
    text: The model ranks positives above negatives well enough to be useful.
    risk: { likelihood: 3, impact: 3 }
    component: model
    verification: ["evaluation.rocAuc >= 0.75 lower"]
    validation: []
  - id: P1
    type: product
    text: New data meets the contract before the model sees it.
    risk: { likelihood: 2, impact: 4 }
    component: data
    verification: ["validation.status == pass"]
    validation: []

uses:
  intended: []
  unacceptable: []

data:
  aboutPeople: false        # true turns on the fairness audit and the questions about people in the docs
  label: null               # the label column (command hints use it)
  positive: null
  sensitive: []             # attributes the fairness audit must cover when the data is about people
  considerations: []
  subgroups: []             # - { column: sex, minRows: 1000, component: data }

caveats: []

# One debrief per level reached: what was done, what was dropped, what was learned, what debt remains.
debriefs: []

versions: { code: null, model: null, data: null }

# Answer each item; an ethics reviewer signs them (assay signoff --role ethics --items ${ETHICS_CHECKLIST.map((e) => e.id).join(",")}).
ethics:
${ETHICS_CHECKLIST.map((e) => `  - id: ${e.id}\n    question: ${q(e.question)}\n    answer: null`).join("\n")}

# Documentation files checked by 'assay docs check' (write them with 'assay docs init TEMPLATE').
documentation: []

freshnessDays: ${DEFAULT_FRESHNESS_DAYS}
# evidence: .assay/evidence    # default: the evidence store where Assay runs ($ASSAY_HOME/evidence)
signoffs: ${DEFAULT_SIGNOFF_LOG}
# policy: policy.yaml          # overrides of the default gates
# ML Test Score tests done by hand, and where their result is written down:
manualTests: {}
`;
}
function slug(name) {
    const s = name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, 64);
    return s || "technology";
}
