import { gateItem } from "./gate-items.js";
import { fieldReader, readLocatedYaml } from "./located-yaml.js";
import { ML_TEST_IDS } from "./ml-test-score.js";

/**
 * The level policy: for each gate (levels 1–9), the items it needs and the roles that must sign it.
 * This default follows MLTRL's progression — research requirements, then a data contract, then a proof
 * of concept on real data with intervals, baselines and fairness, then component tests, uncertainty and
 * documentation, integration and update gates, verification and validation with an ethics review, and
 * production monitoring — with Assay's evidence kinds as the automatable part. A policy file
 * (`format: assay.policy`) replaces the items or roles of the levels it names.
 */
export interface LevelGate {
  level: number;
  items: string[];
  roles: string[];
}

export interface Policy {
  source: string;
  levels: LevelGate[];
  /** Freshness window per evidence kind, in days (the card's freshnessDays otherwise). */
  freshnessDays: Record<string, number>;
  /** Extra evidence kinds per ML Test Score test. */
  mlTestKinds: Record<string, string[]>;
}

const DEBRIEF = "card.debrief";

export const DEFAULT_POLICY: Policy = {
  source: "default",
  levels: [
    { level: 1, items: ["card.intended-use", "card.research-requirements"], roles: ["reviewer"] },
    {
      level: 2,
      items: ["card.criteria", "card.data-considerations", "profile", DEBRIEF],
      roles: ["reviewer"],
    },
    {
      level: 3,
      items: ["card.product-requirements", "validation", "lint", "subgroups", DEBRIEF],
      roles: ["reviewer"],
    },
    {
      level: 4,
      items: [
        "requirements.research.verified",
        "evaluation.intervals",
        "evaluation.slices",
        "baseline.trivial",
        "fairness.audit",
        "drift",
        "ethics",
        DEBRIEF,
      ],
      roles: ["reviewer"],
    },
    {
      level: 5,
      items: ["behaviour", "fuzz", "robustness", "pmv", "sanity", "training", DEBRIEF],
      roles: ["reviewer"],
    },
    {
      level: 6,
      items: ["conformal", "ood", "baseline.simpler", "docs.complete", DEBRIEF],
      roles: ["reviewer", "product"],
    },
    {
      level: 7,
      items: ["skew", "update-gate", "validation.recurring", "requirements.product.verified", DEBRIEF],
      roles: ["reviewer", "ops"],
    },
    {
      level: 8,
      items: ["requirements.product.validated", "docs.traceability", "ethics", DEBRIEF],
      roles: ["reviewer", "product", "ethics"],
    },
    { level: 9, items: ["monitoring", "drift.recurring", DEBRIEF], roles: ["reviewer", "ops"] },
  ],
  freshnessDays: { monitoring: 2 },
  mlTestKinds: {},
};

const POLICY_FORMAT = "assay.policy";

/** Reads a policy file over the default; throws LocatedError naming line and field. */
export function parsePolicy(text: string, file: string, base: Policy = DEFAULT_POLICY): Policy {
  const doc = readLocatedYaml(text, file);
  const f = fieldReader(doc);
  const root = f.mapping(doc.value, []);
  f.known(root, [], ["format", "version", "levels", "freshnessDays", "mlTestScore"]);
  if (root.format !== POLICY_FORMAT) doc.fail(["format"], `expected '${POLICY_FORMAT}'`);
  if (root.version !== 1) doc.fail(["version"], "this Assay reads policy version 1");
  const levels = base.levels.map((g) => ({ ...g, items: [...g.items], roles: [...g.roles] }));
  const overrides = root.levels === undefined ? {} : f.mapping(root.levels, ["levels"]);
  for (const [key, value] of Object.entries(overrides)) {
    // YAML reads `4:` as a number key: the located path needs the number, the message the text
    const k = /^\d+$/.test(key) ? Number(key) : key;
    const level = Number(key);
    if (!Number.isInteger(level) || level < 1 || level > 9)
      doc.fail(["levels", k], "gates are levels 1 to 9", `levels.${key}`);
    const m = f.mapping(value, ["levels", k], `levels.${key}`);
    f.known(m, ["levels", k], ["items", "roles"], `levels.${key}`);
    const gate = levels.find((g) => g.level === level) as LevelGate;
    if (m.items !== undefined) {
      gate.items = f.textList(m.items, ["levels", k, "items"], `levels.${key}.items`);
      gate.items.forEach((item, i) => {
        if (!gateItem(item))
          doc.fail(
            ["levels", k, "items", i],
            `no gate item '${item}' (see docs/readiness.md; 'kind:NAME' makes one from any evidence kind)`,
            `levels.${key}.items[${i}]`,
          );
      });
    }
    if (m.roles !== undefined)
      gate.roles = f.textList(m.roles, ["levels", k, "roles"], `levels.${key}.roles`);
  }
  const freshness = { ...base.freshnessDays };
  if (root.freshnessDays !== undefined)
    for (const [kind, days] of Object.entries(f.mapping(root.freshnessDays, ["freshnessDays"])))
      freshness[kind] = f.integer(days, ["freshnessDays", kind], { min: 1, max: 3650 });
  const mlTestKinds = { ...base.mlTestKinds };
  if (root.mlTestScore !== undefined)
    for (const [test, kinds] of Object.entries(f.mapping(root.mlTestScore, ["mlTestScore"]))) {
      if (!ML_TEST_IDS.includes(test)) doc.fail(["mlTestScore", test], `no ML Test Score test '${test}'`);
      mlTestKinds[test] = f.textList(kinds, ["mlTestScore", test]);
    }
  return { source: file, levels, freshnessDays: freshness, mlTestKinds };
}
