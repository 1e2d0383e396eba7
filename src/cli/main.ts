#!/usr/bin/env node
import { InputError, oneLine } from "../table/errors.js";
import { UsageError } from "./errors.js";

/** Each command lives in its own file and is imported only when it runs, so `assay --help` stays fast. */
const COMMANDS: Record<string, { summary: string }> = {
  profile: { summary: "summarise a table: types, missing, distinct, quantiles, histograms" },
  schema: { summary: "infer a data contract (schema.yaml) from a table" },
  validate: { summary: "check a table against a schema: typed anomalies with offending rows" },
  lint: { summary: "find data bugs that need no schema (leakage, duplicates, miscoded numbers …)" },
  check: { summary: "CI suites in one step: data-release, drift, model-release (one exit code, one JUnit)" },
  drift: { summary: "compare a current table with a reference: per-column drift and a dataset verdict" },
  skew: { summary: "training/serving skew: join two tables on a key and compare feature values" },
  evaluate: { summary: "test a model: metrics with confidence intervals, slices, fairness, baselines" },
  train: { summary: "train a built-in learner (logreg, tree, gbdt) and save it for --model FILE" },
  sanity: {
    summary: "check that a learner learns: overfits a tiny sample, not shuffled labels, repeats itself",
  },
  explain: {
    summary: "what a model leans on: SHAP attributions, effect curves with bands, surrogate fidelity",
  },
  tune: {
    summary: "tune a built-in learner: random search + successive halving under a time or trial budget",
  },
  features: {
    summary: "feature usefulness: permutation importance, leave-one-out refits, removable, duplicates",
  },
  compare: { summary: "compare an old and a new model: flips, compatibility, per-group deltas, a gate" },
  conformal: { summary: "prediction sets with a coverage guarantee, selective prediction, a trust bundle" },
  ood: { summary: "out-of-distribution rows: detectors, conformal p-values, unusual features" },
  test: { summary: "behavioural tests without an oracle: MFT/INV/DIR suites, mutation adequacy" },
  fuzz: {
    summary: "generate rows from a schema and find crashes, NaN and unstable scores, shrunk to one row",
  },
  robustness: {
    summary: "accuracy under feature noise; adversarial search for the smallest flipping change",
  },
  pmv: { summary: "over- or under-fitting by Perturbed Model Validation: label noise, retrain, the slope" },
  crosscheck: { summary: "differential testing: two implementations of one model on data and fuzzed rows" },
  adequacy: { summary: "test adequacy: which bins, categories and pairs of a contract a test set exercises" },
  registry: { summary: "register model versions with the digests of what they were built from" },
  lineage: { summary: "show which datasets feed which models (text, Mermaid, DOT)" },
  config: { summary: "diff two model configurations" },
  abtest: { summary: "analyse a two-arm online experiment; sample sizes; sequential tests" },
  card: { summary: "write a starter readiness card (assay.card.yaml): components, requirements, ethics" },
  signoff: { summary: "record a gate decision (approve, reject, switchback) in the sign-off log" },
  readiness: { summary: "MLTRL level per component and system, what blocks the next one, ML Test Score" },
  gate: { summary: "CI gate: exit 0 when certified at --level N or above, 1 otherwise" },
  docs: { summary: "write documentation templates (datasheet, model card …) and check them" },
  audit: { summary: "write a self-contained audit trail: HTML, evidence, digests, sign-off log" },
  evidence: { summary: "the evidence store: where reports are saved, list them, prune old ones" },
  serve: { summary: "run the monitoring service (ingest, windows, drift, alerts, /metrics)" },
  token: { summary: "create an API token for the monitoring service" },
  demo: { summary: "run the whole lifecycle on real data (what `npm start` does)" },
};

const HELP = `assay — evidence that a machine-learning system is fit to ship, and stays fit

usage: assay <command> [options]      assay <command> --help for the command's own options

commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join("\n")}

sources: a file (.csv .tsv .parquet .json .ndjson .jsonl .arrow) or --sql "SELECT … FROM 'file.parquet'"
exit codes: 0 all checks pass · 1 a check failed · 2 usage or input error
--json prints one JSON document on stdout; progress and logs go to stderr (only on a terminal)
evidence: every command saves its report in .assay/evidence/ ($ASSAY_HOME/evidence) for assay readiness;
  --no-evidence (or ASSAY_NO_EVIDENCE=1) turns that off; assay evidence list|prune manages the store
`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    process.stdout.write("0.1.0\n");
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown command '${name}'; run 'assay --help' for the list`);
  let module: { run(argv: string[]): Promise<number> };
  try {
    module = await import(`./${name}.js`);
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_MODULE_NOT_FOUND")
      throw new UsageError(`'${name}' is not available in this build yet`);
    throw error;
  }
  return module.run(rest);
}

const debug = process.argv.includes("--debug");
// --no-evidence works for every command: it goes before or after the command's own options
if (process.argv.includes("--no-evidence")) process.env.ASSAY_NO_EVIDENCE = "1";
main(process.argv.slice(2).filter((a) => a !== "--debug" && a !== "--no-evidence")).then(
  (code) => {
    process.exitCode = code;
  },
  // The one place an error becomes an exit code: an InputError (from any layer) is the user's to fix,
  // anything else is a bug; both exit 2 with one line, the stack only with --debug.
  (error: unknown) => {
    if (debug) console.error(error);
    const prefix = error instanceof InputError ? "assay" : "assay: internal error";
    process.stderr.write(`${prefix}: ${oneLine(error)}\n`);
    process.exitCode = 2;
  },
);
