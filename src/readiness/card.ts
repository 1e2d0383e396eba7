/**
 * The readiness card (`assay.card.yaml`, format `assay.card` version 1): what a technology is, who owns
 * and reviews it, what it is made of, what it must do, and what is known about its data. After the TRL
 * card of MLTRL (Lavin et al., Nature Communications 2022). Documented field by field in docs/readiness.md.
 */
export const CARD_FORMAT = "assay.card";
export const CARD_VERSION = 1;

export const COMPONENT_TYPES = ["model", "data-pipeline", "dataset", "software-module"] as const;
export type ComponentType = (typeof COMPONENT_TYPES)[number];

/** What an artefact is for; command hints use it to fill in the right file. */
export const ARTEFACT_ROLES = [
  "train",
  "test",
  "reference",
  "serving",
  "schema",
  "model",
  "descriptor",
  "previous-model",
  "code",
  "other",
] as const;
export type ArtefactRole = (typeof ARTEFACT_ROLES)[number];

export interface Artefact {
  /** As written in the card: relative to the card's folder. */
  path: string;
  role: ArtefactRole;
}

export interface Component {
  id: string;
  name: string;
  type: ComponentType;
  owner: string | null;
  version: string | null;
  artefacts: Artefact[];
  dependsOn: string[];
  /** The model's name in the monitoring service (`assay serve`), when it is monitored. */
  monitoring: { model: string } | null;
}

/** A verification or validation criterion: `evaluation.rocAuc >= 0.80 lower on adult_test.csv`. */
export interface Criterion {
  text: string;
  kind: string;
  path: string[];
  op: ">=" | ">" | "<=" | "<" | "==" | "!=";
  value: number | string;
  bound: "value" | "lower" | "upper";
  on: string | null;
}

export interface Requirement {
  id: string;
  text: string;
  type: "research" | "product";
  risk: { likelihood: number; impact: number; score: number };
  component: string | null;
  verification: Criterion[];
  validation: Criterion[];
}

export interface Subgroup {
  column: string;
  minRows: number;
  component: string | null;
}

interface Debrief {
  level: number;
  accomplished: string;
  descoped: string | null;
  learned: string | null;
  techDebt: string | null;
}

interface EthicsItem {
  id: string;
  question: string;
  answer: string | null;
}

interface Reviewer {
  name: string;
  roles: string[];
}

export interface Card {
  file: string;
  technology: { id: string; name: string; entryLevel: number };
  owners: string[];
  reviewers: Reviewer[];
  components: Component[];
  coupled: string[][];
  requirements: Requirement[];
  uses: { intended: string[]; unacceptable: string[] };
  data: {
    aboutPeople: boolean;
    label: string | null;
    positive: string | null;
    sensitive: string[];
    considerations: string[];
    subgroups: Subgroup[];
  };
  caveats: string[];
  debriefs: Debrief[];
  versions: { code: string | null; model: string | null; data: string | null };
  ethics: EthicsItem[];
  /** Documentation files (Markdown with front matter) checked by `assay docs check`. */
  documentation: string[];
  /** How old evidence may be before it stops counting. */
  freshnessDays: number;
  /** Where evidence lives, relative to the card; null: the evidence store of the working directory. */
  evidence: string | null;
  /** The sign-off log, relative to the card. */
  signoffs: string;
  /** A policy file overriding the default gates, relative to the card. */
  policy: string | null;
  /** ML Test Score tests done by hand, with where their result is written down (test id → note). */
  manualTests: Record<string, string>;
  /** Line of each top-level field and of each requirement, component and ethics item, for later messages. */
  lines: Record<string, number>;
}

export const DEFAULT_FRESHNESS_DAYS = 30;
export const DEFAULT_SIGNOFF_LOG = "assay.signoffs.jsonl";

/** The last path segment: what reports call an input (`source.name` is the file's base name). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}
