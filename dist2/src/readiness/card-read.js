import { ARTEFACT_ROLES, CARD_FORMAT, CARD_VERSION, COMPONENT_TYPES, DEFAULT_FRESHNESS_DAYS, DEFAULT_SIGNOFF_LOG, } from "./card.js";
import { parseCriterion } from "./criteria.js";
import { fieldReader, isMapping, readLocatedYaml, } from "./located-yaml.js";
import { ML_TEST_IDS } from "./ml-test-score.js";
const TOP_FIELDS = [
    "format",
    "version",
    "technology",
    "owners",
    "reviewers",
    "components",
    "coupled",
    "requirements",
    "uses",
    "data",
    "caveats",
    "debriefs",
    "versions",
    "ethics",
    "documentation",
    "freshnessDays",
    "evidence",
    "signoffs",
    "policy",
    "manualTests",
];
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
/** Reads and checks a card; throws LocatedError at the first problem, naming line and field. */
export function parseCard(text, file = "assay.card.yaml") {
    const doc = readLocatedYaml(text, file);
    const f = fieldReader(doc);
    const r = { doc, f };
    const lines = {};
    const root = doc.value;
    if (!isMapping(root))
        return doc.fail([], `expected a card: a mapping with format: ${CARD_FORMAT}, version, technology, owners, reviewers, components`);
    f.known(root, [], TOP_FIELDS);
    for (const k of Object.keys(root))
        lines[k] = doc.lineOf([k]);
    if (root.format !== CARD_FORMAT)
        doc.fail(["format"], `expected '${CARD_FORMAT}', got ${JSON.stringify(root.format ?? null)}`);
    if (root.version !== CARD_VERSION)
        doc.fail(["version"], `this Assay reads card version ${CARD_VERSION}, got ${JSON.stringify(root.version ?? null)}`);
    const tech = f.mapping(root.technology, ["technology"]);
    f.known(tech, ["technology"], ["id", "name", "entryLevel"]);
    const technology = {
        id: id(r, tech.id, ["technology", "id"]),
        name: f.text(tech.name, ["technology", "name"]),
        entryLevel: tech.entryLevel === undefined
            ? 0
            : f.integer(tech.entryLevel, ["technology", "entryLevel"], { min: 0, max: 9 }),
    };
    const owners = f.textList(root.owners, ["owners"]);
    if (owners.length === 0)
        doc.fail(["owners"], "name at least one owner (owners cannot sign their own gates)");
    const reviewers = f.list(root.reviewers, ["reviewers"]).map((x, i) => {
        const path = ["reviewers", i];
        const m = f.mapping(x, path);
        f.known(m, path, ["name", "roles"]);
        const name = f.text(m.name, [...path, "name"]);
        const roles = f.textList(m.roles, [...path, "roles"], `reviewers.${name}.roles`);
        if (roles.length === 0)
            doc.fail([...path, "roles"], "give the reviewer at least one role (e.g. reviewer, product, ethics, ops)", `reviewers.${name}.roles`);
        return { name, roles };
    });
    if (reviewers.length === 0)
        doc.fail(["reviewers"], "name at least one reviewer: gates need someone other than an owner to sign them");
    const components = f
        .list(root.components, ["components"])
        .map((c, i) => component(r, c, ["components", i]));
    if (components.length === 0)
        doc.fail(["components"], "list at least one component (model, data-pipeline, dataset, software-module)");
    const componentIds = unique(doc, components.map((c) => c.id), (i) => ["components", i, "id"], "component");
    components.forEach((c, i) => {
        lines[`components.${c.id}`] = doc.lineOf(["components", i]);
        c.dependsOn.forEach((d, j) => {
            if (!componentIds.has(d))
                doc.fail(["components", i, "dependsOn", j], `no component '${d}' in this card`, `components.${c.id}.dependsOn`);
        });
    });
    const known = (v, path, label) => {
        if (v !== null && !componentIds.has(v))
            doc.fail(path, `no component '${v}' in this card (components: ${[...componentIds].join(", ")})`, label);
        return v;
    };
    const coupled = f.list(root.coupled, ["coupled"]).map((g, i) => {
        const ids = f.textList(g, ["coupled", i], `coupled[${i}]`);
        if (ids.length < 2)
            doc.fail(["coupled", i], "a coupling names two or more components", `coupled[${i}]`);
        ids.forEach((x, j) => known(x, ["coupled", i, j], `coupled[${i}]`));
        return ids;
    });
    const requirements = f
        .list(root.requirements, ["requirements"])
        .map((x, i) => requirement(r, x, ["requirements", i]));
    unique(doc, requirements.map((r) => r.id), (i) => ["requirements", i, "id"], "requirement");
    requirements.forEach((q, i) => {
        lines[`requirements.${q.id}`] = doc.lineOf(["requirements", i]);
        known(q.component, ["requirements", i, "component"], `requirements.${q.id}.component`);
    });
    const uses = root.uses === undefined ? {} : f.mapping(root.uses, ["uses"]);
    f.known(uses, ["uses"], ["intended", "unacceptable"]);
    const data = root.data === undefined ? {} : f.mapping(root.data, ["data"]);
    f.known(data, ["data"], ["aboutPeople", "label", "positive", "sensitive", "considerations", "subgroups"]);
    const subgroups = f.list(data.subgroups, ["data", "subgroups"]).map((s, i) => {
        const path = ["data", "subgroups", i];
        const m = f.mapping(s, path);
        f.known(m, path, ["column", "minRows", "component"]);
        return {
            column: f.text(m.column, [...path, "column"]),
            minRows: f.integer(m.minRows, [...path, "minRows"], { min: 1, max: Number.MAX_SAFE_INTEGER }),
            component: known(f.optionalText(m.component, [...path, "component"]), [...path, "component"], `data.subgroups[${i}].component`),
        };
    });
    const debriefs = f.list(root.debriefs, ["debriefs"]).map((d, i) => {
        const path = ["debriefs", i];
        const m = f.mapping(d, path);
        f.known(m, path, ["level", "accomplished", "descoped", "learned", "techDebt"]);
        return {
            level: f.integer(m.level, [...path, "level"], { min: 0, max: 9 }),
            accomplished: f.text(m.accomplished, [...path, "accomplished"]),
            descoped: f.optionalText(m.descoped, [...path, "descoped"]),
            learned: f.optionalText(m.learned, [...path, "learned"]),
            techDebt: f.optionalText(m.techDebt, [...path, "techDebt"]),
        };
    });
    unique(doc, debriefs.map((d) => String(d.level)), (i) => ["debriefs", i, "level"], "debrief for level");
    const versions = root.versions === undefined ? {} : f.mapping(root.versions, ["versions"]);
    f.known(versions, ["versions"], ["code", "model", "data"]);
    const ethics = f.list(root.ethics, ["ethics"]).map((e, i) => {
        const path = ["ethics", i];
        const m = f.mapping(e, path);
        f.known(m, path, ["id", "question", "answer"]);
        return {
            id: id(r, m.id, [...path, "id"]),
            question: f.text(m.question, [...path, "question"]),
            answer: f.optionalText(m.answer, [...path, "answer"]),
        };
    });
    unique(doc, ethics.map((e) => e.id), (i) => ["ethics", i, "id"], "ethics item");
    ethics.forEach((e, i) => {
        lines[`ethics.${e.id}`] = doc.lineOf(["ethics", i]);
    });
    const manual = root.manualTests === undefined ? {} : f.mapping(root.manualTests, ["manualTests"]);
    const manualTests = {};
    for (const [k, v] of Object.entries(manual)) {
        if (!ML_TEST_IDS.includes(k))
            doc.fail(["manualTests", k], `no ML Test Score test '${k}' (ids are data.1 … data.7, model.1 …, infrastructure.1 …, monitoring.1 … monitoring.7)`);
        manualTests[k] = f.text(v, ["manualTests", k]);
    }
    return {
        file,
        technology,
        owners,
        reviewers,
        components,
        coupled,
        requirements,
        uses: {
            intended: f.textList(uses.intended, ["uses", "intended"]),
            unacceptable: f.textList(uses.unacceptable, ["uses", "unacceptable"]),
        },
        data: {
            aboutPeople: data.aboutPeople === undefined ? false : f.boolean(data.aboutPeople, ["data", "aboutPeople"]),
            label: f.optionalText(data.label, ["data", "label"]),
            positive: f.optionalText(data.positive, ["data", "positive"]),
            sensitive: f.textList(data.sensitive, ["data", "sensitive"]),
            considerations: f.textList(data.considerations, ["data", "considerations"]),
            subgroups,
        },
        caveats: f.textList(root.caveats, ["caveats"]),
        debriefs,
        versions: {
            code: f.optionalText(versions.code, ["versions", "code"]),
            model: f.optionalText(versions.model, ["versions", "model"]),
            data: f.optionalText(versions.data, ["versions", "data"]),
        },
        ethics,
        documentation: f.textList(root.documentation, ["documentation"]),
        freshnessDays: root.freshnessDays === undefined
            ? DEFAULT_FRESHNESS_DAYS
            : f.integer(root.freshnessDays, ["freshnessDays"], { min: 1, max: 3650 }),
        evidence: f.optionalText(root.evidence, ["evidence"]),
        signoffs: f.optionalText(root.signoffs, ["signoffs"]) ?? DEFAULT_SIGNOFF_LOG,
        policy: f.optionalText(root.policy, ["policy"]),
        manualTests,
        lines,
    };
}
/** Ids appear in messages, file names and sign-offs: letters, digits, `_ . -`. */
function id({ doc, f }, v, path) {
    const text = f.text(v, path);
    if (!ID.test(text))
        doc.fail(path, `'${text}' is not an id (letters, digits, _ . - ; at most 64)`);
    return text;
}
function component(r, value, path) {
    const { f } = r;
    const m = f.mapping(value, path);
    f.known(m, path, ["id", "name", "type", "owner", "version", "artefacts", "dependsOn", "monitoring"]);
    const cid = id(r, m.id, [...path, "id"]);
    const label = (k) => `components.${cid}.${k}`;
    const artefacts = f
        .list(m.artefacts, [...path, "artefacts"], label("artefacts"))
        .map((a, i) => {
        const at = [...path, "artefacts", i];
        if (typeof a === "string")
            return { path: a, role: a.endsWith(".onnx") ? "model" : "other" };
        const am = f.mapping(a, at, `${label("artefacts")}[${i}]`);
        f.known(am, at, ["path", "role"], `${label("artefacts")}[${i}]`);
        return {
            path: f.text(am.path, [...at, "path"], `${label("artefacts")}[${i}].path`),
            role: am.role === undefined
                ? "other"
                : f.oneOf(am.role, [...at, "role"], ARTEFACT_ROLES, `${label("artefacts")}[${i}].role`),
        };
    });
    let monitoring = null;
    if (m.monitoring !== undefined) {
        const mm = f.mapping(m.monitoring, [...path, "monitoring"], label("monitoring"));
        f.known(mm, [...path, "monitoring"], ["model"], label("monitoring"));
        monitoring = { model: f.text(mm.model, [...path, "monitoring", "model"], label("monitoring.model")) };
    }
    return {
        id: cid,
        name: f.optionalText(m.name, [...path, "name"], label("name")) ?? cid,
        type: f.oneOf(m.type, [...path, "type"], COMPONENT_TYPES, label("type")),
        owner: f.optionalText(m.owner, [...path, "owner"], label("owner")),
        version: f.optionalText(m.version, [...path, "version"], label("version")),
        artefacts,
        dependsOn: f.textList(m.dependsOn, [...path, "dependsOn"], label("dependsOn")),
        monitoring,
    };
}
function requirement(r, value, path) {
    const { doc, f } = r;
    const m = f.mapping(value, path);
    f.known(m, path, ["id", "text", "type", "risk", "component", "verification", "validation"]);
    const rid = id(r, m.id, [...path, "id"]);
    const label = (k) => `requirements.${rid}.${k}`;
    const risk = f.mapping(m.risk, [...path, "risk"], label("risk"));
    f.known(risk, [...path, "risk"], ["likelihood", "impact"], label("risk"));
    const likelihood = f.integer(risk.likelihood, [...path, "risk", "likelihood"], { min: 1, max: 5 }, label("risk.likelihood"));
    const impact = f.integer(risk.impact, [...path, "risk", "impact"], { min: 1, max: 5 }, label("risk.impact"));
    const criteria = (key) => f.textList(m[key], [...path, key], label(key)).map((text, i) => {
        const parsed = parseCriterion(text);
        if ("problem" in parsed)
            return doc.fail([...path, key, i], parsed.problem, `${label(key)}[${i}]`);
        return parsed;
    });
    return {
        id: rid,
        text: f.text(m.text, [...path, "text"], label("text")),
        type: f.oneOf(m.type, [...path, "type"], ["research", "product"], label("type")),
        risk: { likelihood, impact, score: likelihood * impact },
        component: f.optionalText(m.component, [...path, "component"], label("component")),
        verification: criteria("verification"),
        validation: criteria("validation"),
    };
}
function unique(doc, ids, pathOf, what) {
    const seen = new Set();
    ids.forEach((x, i) => {
        if (seen.has(x))
            doc.fail(pathOf(i), `${what} '${x}' appears twice`);
        seen.add(x);
    });
    return seen;
}
