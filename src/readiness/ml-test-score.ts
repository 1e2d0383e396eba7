import type { Report } from "../report/report.js";

/**
 * The ML Test Score (Breck, Cai, Nielsen, Salib, Sculley: "The ML Test Score: a rubric for ML production
 * readiness and technical debt reduction", IEEE Big Data 2017): 28 tests in four sections of seven. A
 * test scores 0 (not done), 0.5 (done by hand, with the result written down) or 1 (automated and
 * recurring). A section's score is the sum of its tests; the final score is the lowest section score,
 * because a system is only as ready as its weakest area. Names and descriptions are ours.
 *
 * Here "automated and recurring" means: the evidence the test names was produced more than once (two
 * or more runs at different times) and the latest run is fresh. One fresh run, or a note in the card's
 * `manualTests`, is a manual test. `kinds` are the evidence kinds that perform the test; a policy may
 * add kinds (e.g. when a new command starts producing the evidence).
 */
export const SECTIONS = ["data", "model", "infrastructure", "monitoring"] as const;
type Section = (typeof SECTIONS)[number];

interface MlTest {
  id: string;
  section: Section;
  title: string;
  description: string;
  kinds: string[];
  /** Only reports that really perform the test count (an evaluation without slices tests no slices). */
  accepts?: (report: Report) => boolean;
  /** Automated only when the runs cover more than one version of the data. */
  distinctData?: boolean;
  /** A current gate approval counts as a manual performance of the test. */
  reviewed?: boolean;
}

const hasBaseline = (r: Report) => r.baseline !== undefined && r.baseline !== null;
const hasSlices = (r: Report) =>
  (Array.isArray(r.slices) && r.slices.length > 0) || (r.sliceSearch !== undefined && r.sliceSearch !== null);
/** A service snapshot counts once the model is registered and has had traffic; quality needs labels too. */
const served = (r: Report) => r.kind !== "monitoring" || r.summary?.status !== "fail";
const servedWithLabels = (r: Report) => served(r) && (r.kind !== "monitoring" || Number(r.labels) > 0);
const hasFairness = (r: Report) =>
  r.fairness !== null && typeof r.fairness === "object" && Object.keys(r.fairness as object).length > 0;

export const ML_TESTS: MlTest[] = [
  {
    id: "data.1",
    section: "data",
    title: "Feature expectations are captured in a schema",
    description:
      "Types, ranges, domains and missingness of every feature are written in a reviewed contract that new data is checked against.",
    kinds: ["validation"],
  },
  {
    id: "data.2",
    section: "data",
    title: "All features are beneficial",
    description:
      "Each feature has been shown to add predictive value; one that adds nothing is a dependency that can only break.",
    kinds: [],
  },
  {
    id: "data.3",
    section: "data",
    title: "No feature costs too much",
    description:
      "What each feature costs in latency, memory, upstream dependencies and upkeep is known and worth its gain.",
    kinds: [],
  },
  {
    id: "data.4",
    section: "data",
    title: "Features meet project-wide requirements",
    description:
      "Rules that hold for every feature (no personal data unless allowed, no label leakage, no forbidden sources) are checked by a tool.",
    kinds: ["lint"],
  },
  {
    id: "data.5",
    section: "data",
    title: "The data pipeline has privacy controls",
    description:
      "Access to raw and personal data is limited and audited, and personal data is found before it spreads into features.",
    kinds: [],
  },
  {
    id: "data.6",
    section: "data",
    title: "New features can be added quickly",
    description:
      "Going from a feature idea to a tested feature in training and serving takes days, not months.",
    kinds: [],
  },
  {
    id: "data.7",
    section: "data",
    title: "Feature code is tested",
    description:
      "The code that turns raw data into features has tests of its own; a bug there corrupts training and serving silently.",
    kinds: [],
  },
  {
    id: "model.1",
    section: "model",
    title: "Model specifications are reviewed and versioned",
    description:
      "Every change to a model's configuration is reviewed by someone else and kept under version control.",
    kinds: ["config.diff"],
    reviewed: true,
  },
  {
    id: "model.2",
    section: "model",
    title: "Offline and online metrics agree",
    description:
      "A gain measured offline (e.g. holdout AUC) is confirmed by the online outcome that matters, e.g. in an A/B test.",
    kinds: ["abtest"],
  },
  {
    id: "model.3",
    section: "model",
    title: "Hyperparameters are tuned",
    description: "Hyperparameters come from a search within a budget, not from defaults.",
    kinds: [],
  },
  {
    id: "model.4",
    section: "model",
    title: "The cost of model staleness is known",
    description:
      "How fast quality decays as the model ages is measured on newer data, so retraining has a schedule.",
    kinds: ["evaluation"],
    distinctData: true,
  },
  {
    id: "model.5",
    section: "model",
    title: "A simpler model is not better",
    description: "The model is compared with simple baselines trained on the same data and beats them.",
    kinds: ["evaluation"],
    accepts: hasBaseline,
  },
  {
    id: "model.6",
    section: "model",
    title: "Quality holds on important slices",
    description:
      "Quality is measured on slices of the data, with intervals, and weak slices are found and named.",
    kinds: ["evaluation"],
    accepts: hasSlices,
  },
  {
    id: "model.7",
    section: "model",
    title: "The model is tested for inclusion",
    description: "Outcomes and errors are compared across groups of people, where the data is about people.",
    kinds: ["evaluation"],
    accepts: hasFairness,
  },
  {
    id: "infrastructure.1",
    section: "infrastructure",
    title: "Training is reproducible",
    description:
      "Training twice on the same data with the same seed gives the same model, or one within a known tolerance.",
    kinds: ["sanity", "training"],
  },
  {
    id: "infrastructure.2",
    section: "infrastructure",
    title: "Model specifications are unit tested",
    description:
      "The model's code and configuration have tests, including behavioural tests of its decisions and fuzzing of its inputs.",
    kinds: ["behaviour", "fuzz"],
  },
  {
    id: "infrastructure.3",
    section: "infrastructure",
    title: "The pipeline is integration tested",
    description: "The whole path from raw data to a served prediction is exercised end to end.",
    kinds: [],
  },
  {
    id: "infrastructure.4",
    section: "infrastructure",
    title: "Quality is validated before serving",
    description:
      "A new model version must pass an update gate against the serving one before it takes traffic.",
    kinds: ["comparison"],
  },
  {
    id: "infrastructure.5",
    section: "infrastructure",
    title: "The model is debuggable",
    description: "One can follow how a single input becomes a prediction, step by step.",
    kinds: [],
  },
  {
    id: "infrastructure.6",
    section: "infrastructure",
    title: "Models are canaried before serving",
    description:
      "A new model first serves a small share of traffic and is watched before it takes all of it.",
    kinds: [],
  },
  {
    id: "infrastructure.7",
    section: "infrastructure",
    title: "Serving models can be rolled back",
    description: "Returning to the previous model version is quick, practised and safe.",
    kinds: [],
  },
  {
    id: "monitoring.1",
    section: "monitoring",
    title: "Dependency changes are announced",
    description: "A change in an upstream dataset or model the system uses is detected and someone is told.",
    kinds: ["registry.check"],
  },
  {
    id: "monitoring.2",
    section: "monitoring",
    title: "Data invariants hold in training and serving",
    description: "The data contract is checked continually, on training data and on what arrives in serving.",
    kinds: ["validation", "monitoring"],
    accepts: served,
  },
  {
    id: "monitoring.3",
    section: "monitoring",
    title: "Training and serving are not skewed",
    description:
      "Features computed for training and for serving are compared, joined on a key where possible.",
    kinds: ["skew"],
  },
  {
    id: "monitoring.4",
    section: "monitoring",
    title: "Models are not too stale",
    description:
      "The served model's age and the drift of its inputs are watched, with an alert before it is too old.",
    kinds: ["drift", "monitoring"],
    accepts: served,
  },
  {
    id: "monitoring.5",
    section: "monitoring",
    title: "Models are numerically stable",
    description: "Non-finite or out-of-range outputs are detected, in tests and in serving.",
    kinds: ["fuzz", "monitoring"],
    accepts: served,
  },
  {
    id: "monitoring.6",
    section: "monitoring",
    title: "Computing performance has not regressed",
    description: "Latency, throughput and memory of training and serving are tracked across versions.",
    kinds: [],
  },
  {
    id: "monitoring.7",
    section: "monitoring",
    title: "Prediction quality has not regressed",
    description: "Quality on recent labelled data is tracked in serving, with an alert on a drop.",
    kinds: ["monitoring", "evaluation"],
    accepts: servedWithLabels,
  },
];

export const ML_TEST_IDS: string[] = ML_TESTS.map((t) => t.id);

/** The paper's interpretation of the final score, in our words. */
export const BANDS: { above: number; upTo: number; meaning: string }[] = [
  { above: -1, upTo: 0, meaning: "a research project rather than a production system" },
  { above: 0, upTo: 1, meaning: "some testing, but expect serious gaps in reliability" },
  { above: 1, upTo: 2, meaning: "a first pass at production readiness; more investment is needed" },
  { above: 2, upTo: 3, meaning: "reasonably tested; more of it could be automated" },
  { above: 3, upTo: 5, meaning: "strong automated testing and monitoring, fit for mission-critical use" },
  { above: 5, upTo: Number.POSITIVE_INFINITY, meaning: "exceptional automated testing and monitoring" },
];

export function band(score: number): string {
  return (BANDS.find((b) => score > b.above && score <= b.upTo) ?? BANDS[0]).meaning;
}

/** One run of evidence as the score sees it. */
export interface TestRun {
  id: string;
  kind: string;
  time: number;
  fresh: boolean;
  /** The input digests, joined: runs on different data have different keys. */
  dataKey: string;
  report: Report;
}

interface MlTestResult {
  id: string;
  section: Section;
  title: string;
  description: string;
  points: 0 | 0.5 | 1;
  how: "automated" | "manual" | "none";
  evidence: string[];
  note: string;
}

export interface MlTestScore {
  score: number;
  band: string;
  sections: Record<Section, number>;
  weakest: Section[];
  tests: MlTestResult[];
}

interface ScoreInputs {
  runs: TestRun[];
  manualTests: Record<string, string>;
  /** A gate approval on the current card exists (a human review happened). */
  reviewed: boolean;
  /** Extra evidence kinds per test from the policy. */
  extraKinds?: Record<string, string[]>;
}

export function scoreMlTests(inputs: ScoreInputs): MlTestScore {
  const tests = ML_TESTS.map((t) => scoreTest(t, inputs));
  const sections = Object.fromEntries(
    SECTIONS.map((s) => [s, tests.filter((t) => t.section === s).reduce((sum, t) => sum + t.points, 0)]),
  ) as Record<Section, number>;
  const score = Math.min(...SECTIONS.map((s) => sections[s]));
  return {
    score,
    band: band(score),
    sections,
    weakest: SECTIONS.filter((s) => sections[s] === score),
    tests,
  };
}

function scoreTest(test: MlTest, inputs: ScoreInputs): MlTestResult {
  const kinds = [...test.kinds, ...(inputs.extraKinds?.[test.id] ?? [])];
  const runs = inputs.runs.filter((r) => kinds.includes(r.kind) && (!test.accepts || test.accepts(r.report)));
  const fresh = runs.filter((r) => r.fresh);
  const times = new Set(runs.map((r) => r.time));
  const data = new Set(runs.map((r) => r.dataKey));
  const base = { id: test.id, section: test.section, title: test.title, description: test.description };
  const ids = runs.slice(0, 5).map((r) => r.id);
  const recurring = times.size >= 2 && (!test.distinctData || data.size >= 2);
  if (fresh.length > 0 && recurring)
    return {
      ...base,
      points: 1,
      how: "automated",
      evidence: ids,
      note: `${runs.length} runs of ${[...new Set(runs.map((r) => r.kind))].join(", ")}; the latest is fresh`,
    };
  if (fresh.length > 0)
    return {
      ...base,
      points: 0.5,
      how: "manual",
      evidence: ids,
      note:
        test.distinctData && times.size >= 2
          ? `${runs.length} runs, all on the same data: run it again on newer data to make it recurring`
          : `one run of ${fresh[0].kind} (${fresh[0].id}); it counts as automated once a pipeline runs it again`,
    };
  const manual = inputs.manualTests[test.id];
  if (manual) return { ...base, points: 0.5, how: "manual", evidence: [], note: `done by hand: ${manual}` };
  if (test.reviewed && inputs.reviewed)
    return {
      ...base,
      points: 0.5,
      how: "manual",
      evidence: [],
      note: "reviewed at a gate (an approval on the current card)",
    };
  const stale =
    runs.length > 0 ? `; ${runs.length} stale run${runs.length === 1 ? "" : "s"} no longer count` : "";
  return {
    ...base,
    points: 0,
    how: "none",
    evidence: [],
    note:
      kinds.length > 0
        ? `no fresh ${kinds.join(" or ")} evidence${stale}`
        : "no Assay evidence performs this test: note how it is done in the card's manualTests",
  };
}
