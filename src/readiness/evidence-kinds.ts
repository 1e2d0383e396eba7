import type { ArtefactRole, Card, Component } from "./card.js";

/**
 * Every evidence kind readiness knows, what it shows, and the command that produces it — filled in from
 * the card (its artefacts by role, the label, the sensitive attributes) so a blocked gate says exactly
 * what to run. Kinds marked `upcoming` come from commands being built beside this one (issues 16, 17,
 * 19); the policy names them already, so their gates are blocked, never passed, until they exist.
 */
interface KindInfo {
  kind: string;
  shows: string;
  upcoming?: boolean;
  command(c: CommandContext): string;
}

export interface CommandContext {
  card: Card;
  component: Component;
  /** The card-relative path as the user would type it from where they run Assay. */
  display(path: string): string;
  cardPath: string;
}

/** The first artefact with one of these roles, on the component or on the components it depends on. */
function artefact(c: CommandContext, roles: ArtefactRole[], placeholder: string): string {
  const pool = [c.component, ...c.card.components.filter((x) => c.component.dependsOn.includes(x.id))];
  for (const role of roles)
    for (const comp of pool) {
      const found = comp.artefacts.find((a) => a.role === role);
      if (found) return quote(c.display(found.path));
    }
  return placeholder;
}

function quote(text: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

const label = (c: CommandContext) =>
  `--label ${c.card.data.label ? quote(c.card.data.label) : "<label column>"}${c.card.data.positive ? ` --positive ${quote(c.card.data.positive)}` : ""}`;
const model = (c: CommandContext) => artefact(c, ["descriptor", "model"], "<model spec>");
const train = (c: CommandContext) => artefact(c, ["train", "reference"], "<training data>");
const test = (c: CommandContext) => artefact(c, ["test", "serving"], "<test data>");
const data = (c: CommandContext) =>
  artefact(c, ["train", "test", "reference", "serving", "other"], "<data file>");
const sensitive = (c: CommandContext) =>
  c.card.data.sensitive.length > 0 ? ` --sensitive ${quote(c.card.data.sensitive.join(","))}` : "";

export const KINDS: KindInfo[] = [
  { kind: "profile", shows: "a profile of the data", command: (c) => `assay profile ${data(c)}` },
  {
    kind: "validation",
    shows: "the data checked against its contract",
    command: (c) =>
      `assay validate ${artefact(c, ["test", "serving", "train", "other"], "<data file>")} --schema ${artefact(c, ["schema"], "<schema.yaml from 'assay schema infer'>")}`,
  },
  {
    kind: "lint",
    shows: "data bugs looked for",
    command: (c) => `assay lint ${train(c)} ${label(c).split(" --positive")[0]} --against ${test(c)}`,
  },
  {
    kind: "drift",
    shows: "drift between reference and current data",
    command: (c) => `assay drift ${train(c)} ${test(c)}`,
  },
  {
    kind: "skew",
    shows: "training/serving skew",
    command: (c) => `assay skew ${train(c)} ${artefact(c, ["serving"], "<serving data>")} --key <key column>`,
  },
  {
    kind: "evaluation",
    shows: "the model tested with intervals, slices, fairness and baselines",
    command: (c) =>
      `assay evaluate ${test(c)} ${label(c)} --model ${model(c)}${sensitive(c)} --slices auto --train ${train(c)}`,
  },
  {
    kind: "comparison",
    shows: "the update gate from the previous model",
    command: (c) =>
      `assay compare ${test(c)} ${label(c)} --old ${artefact(c, ["previous-model"], "<previous model spec>")} --new ${model(c)}${sensitive(c)}`,
  },
  {
    kind: "abtest",
    shows: "an online experiment",
    command: () => "assay abtest <experiment data> --arm <arm column> --outcome <outcome column>",
  },
  {
    kind: "registry.check",
    shows: "upstream data and models re-digested",
    command: () => "assay registry check",
  },
  {
    kind: "config.diff",
    shows: "a model configuration change reviewed",
    command: () => "assay config diff <old config> <new config>",
  },
  {
    kind: "docs",
    shows: "documentation checked",
    command: (c) => `assay docs check --card ${quote(c.cardPath)}`,
  },
  {
    kind: "monitoring",
    shows: "the model monitored and receiving traffic",
    command: (c) =>
      `assay serve --card ${quote(c.cardPath)}   (writes a monitoring report for each card component with a monitoring.model)`,
  },
  {
    kind: "behaviour",
    shows: "behavioural tests (MFT, INV, DIR)",
    command: (c) => `assay test ${test(c)} --suite <tests.yaml> --model ${model(c)}`,
  },
  {
    kind: "fuzz",
    shows: "the model fuzzed from the data contract",
    command: (c) => `assay fuzz --schema ${artefact(c, ["schema"], "<schema.yaml>")} --model ${model(c)}`,
  },
  {
    kind: "robustness",
    shows: "quality under noise and adversarial change",
    command: (c) => `assay robustness ${test(c)} ${label(c)} --model ${model(c)}`,
  },
  {
    kind: "pmv",
    shows: "over- and under-fitting (perturbed model validation)",
    command: (c) => `assay pmv ${train(c)} ${test(c)} ${label(c)} --algo <learner>`,
  },
  {
    kind: "sanity",
    upcoming: true,
    shows: "learning sanity checks",
    command: (c) => `assay sanity ${train(c)} ${label(c)} --algo <learner>`,
  },
  {
    kind: "training",
    upcoming: true,
    shows: "a recorded, seeded training run",
    command: (c) => `assay train ${train(c)} ${label(c)} --algo <logreg|tree|gbdt> --out model.json`,
  },
  {
    kind: "conformal",
    upcoming: true,
    shows: "conformal prediction sets with coverage",
    command: (c) => `assay conformal ${train(c)} ${test(c)} ${label(c)} --model ${model(c)}`,
  },
  {
    kind: "explanation",
    shows: "what the model leans on: attributions, effect curves, surrogate fidelity",
    command: (c) => `assay explain ${test(c)} --model ${model(c)} ${label(c)}`,
  },
  {
    kind: "ood",
    upcoming: true,
    shows: "out-of-distribution detection",
    command: (c) => `assay ood ${train(c)} ${test(c)} --model ${model(c)}`,
  },
];

export function kindInfo(kind: string): KindInfo {
  return (
    KINDS.find((k) => k.kind === kind) ?? {
      kind,
      shows: `${kind} evidence`,
      command: () => `the command that writes '${kind}' reports into the evidence store`,
    }
  );
}
