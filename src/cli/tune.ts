/**
 * `assay tune <source> --label COL [--positive V] --space space.yaml [--trials N] [--time-budget S]
 * [--folds K | --holdout F] [--out best.yaml]`: random search with successive halving over a declared
 * search space, the trial log saved as evidence, the best configuration written as a config file.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parse as parseYaml, stringify as toYaml } from "yaml";
import { encodeBinaryLabel } from "../evaluate/labels.js";
import { readSearchSpace } from "../learning/search-space.js";
import { type Trial, tune, type Validation } from "../learning/tune.js";
import { findColumn } from "../model/features.js";
import { readTable } from "../model/index.js";
import { makeReport } from "../report/report.js";
import { InputError } from "../table/errors.js";
import { listOption, numberOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { printJson, progress, saveEvidence } from "./output.js";
import { requireColumn, sourceFromArgs } from "./source-args.js";

const HELP = `usage: assay tune <source> --label COL [--positive V] --space space.yaml [options]

Tunes a built-in learner under a budget: random search over the space, with successive halving —
every configuration is first fitted on a small share of the rows, the best third moves on to three
times the rows, and so on, until the survivors are fitted on all of them. Each score is the
validation ROC AUC with a 95% interval (DeLong). The trial log is saved as evidence; the best
configuration is written as a config file to review and pass to assay train.

space.yaml:
  algo: gbdt                                # logreg, tree or gbdt
  params:
    learningRate: { log: [0.01, 0.3] }      # log-uniform
    maxLeaves: { int: [4, 63] }             # integer, bounds included
    l2: { uniform: [0, 1] }                 # uniform
    minSamplesLeaf: [5, 20, 50]             # one of
    maxIterations: 100                      # fixed

options:
  --label COL         the binary label (required)
  --positive V        its positive class
  --space FILE        the search space (YAML or JSON; required)
  --trials N          configurations drawn (default 27)
  --eta N             halving rate: keep the best 1/N at each rung (default 3)
  --time-budget S     stop starting fits after S seconds (default: none); the best comes from the
                      highest rung reached
  --folds K           k-fold validation (default 5)
  --holdout F         one stratified hold-out of 1/round(1/F) of the rows instead of k folds
  --features a,b,c    feature columns (default: every column but the label)
  --seed S            seed of the draws, folds and row shares (default 1)
  --out FILE          write the best configuration here (.yaml or .json)
  --sql "…"           read the rows with a query
  --json              print the report as JSON

exit: 0 tuned, 2 usage or input error`;

const OPTIONS = {
  label: { type: "string" },
  positive: { type: "string" },
  space: { type: "string" },
  trials: { type: "string" },
  eta: { type: "string" },
  "time-budget": { type: "string" },
  folds: { type: "string" },
  holdout: { type: "string" },
  features: { type: "string" },
  seed: { type: "string" },
  out: { type: "string" },
  sql: { type: "string" },
  json: { type: "boolean" },
} as const;

export async function run(argv: string[]): Promise<number> {
  const { values: v, positionals, help } = parseCommand(argv, OPTIONS, HELP);
  if (help) return 0;
  const label = v.label as string | undefined;
  if (label === undefined) throw new UsageError("tune needs --label COL (see --help)");
  if (v.space === undefined)
    throw new UsageError("tune needs --space FILE (a YAML search space; see --help)");
  if (v.folds !== undefined && v.holdout !== undefined)
    throw new UsageError("give --folds or --holdout, not both");
  const out = v.out as string | undefined;
  if (out !== undefined && !/\.(ya?ml|json)$/i.test(out))
    throw new UsageError(`--out must name a .yaml or .json file, got '${out}'`);
  const integer = (value: unknown, flag: string, min: number, max: number) => {
    const n = numberOption(value, flag, { min, max });
    if (n !== undefined && !Number.isInteger(n)) throw new UsageError(`${flag} must be an integer, got ${n}`);
    return n;
  };
  const trials = integer(v.trials, "--trials", 1, 10_000) ?? 27;
  const eta = integer(v.eta, "--eta", 2, 10) ?? 3;
  const folds = integer(v.folds, "--folds", 2, 20) ?? 5;
  const holdout = numberOption(v.holdout, "--holdout", { min: 0.05, max: 0.5 });
  const budget = numberOption(v["time-budget"], "--time-budget", { min: 0 });
  const seed = integer(v.seed, "--seed", 0, 2 ** 32 - 1) ?? 1;
  const spacePath = v.space as string;
  let text: string;
  try {
    text = readFileSync(spacePath, "utf8");
  } catch {
    throw new UsageError(`cannot read --space ${spacePath}`);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    throw new InputError(`${spacePath}: not valid YAML (${(error as Error).message.split("\n")[0]})`);
  }
  const space = readSearchSpace(doc, spacePath);
  const source = await sourceFromArgs(positionals, v.sql, "data");
  requireColumn(source, label, "--label");
  const features = listOption(v.features) ?? source.columns.map((c) => c.name).filter((c) => c !== label);
  if (features.includes(label)) throw new UsageError(`--features must not include the label '${label}'`);
  for (const f of features) requireColumn(source, f, "--features");
  const table = await readTable(source, [...features, label]);
  const encoded = encodeBinaryLabel(findColumn(table, label), v.positive as string | undefined);
  if (encoded.positives < 2 || encoded.rows - encoded.positives < 2)
    throw new UsageError(`label '${label}' needs at least 2 rows of each class to tune`);
  const inputs = { ...table, columns: table.columns.filter((c) => c.name !== label) };
  const validation: Validation =
    holdout !== undefined ? { kind: "holdout", fraction: holdout } : { kind: "kfold", folds };
  const bar = progress(`tuning ${space.algo}: ${trials} configurations`);
  let done = 0;
  const result = await tune(inputs, encoded.values, features, space, {
    trials,
    eta,
    validation,
    seed,
    timeBudgetMs: budget !== undefined ? budget * 1000 : undefined,
    onTrial: () => bar.update(Math.min(1, ++done / (trials * 1.5))),
  }).finally(() => bar.done());
  const best = result.best;
  if (out !== undefined && best) {
    const config = {
      algo: result.algo,
      params: best.params,
      tuned: {
        auc: best.auc,
        ci: best.ci,
        validation: result.validation,
        trials: result.trials.length,
        data: source.name,
        label,
        positive: encoded.positive,
      },
    };
    writeFileSync(
      out,
      out.toLowerCase().endsWith(".json") ? `${JSON.stringify(config, null, 1)}\n` : toYaml(config),
    );
  }
  const report = makeReport(
    "tuning",
    {
      inputs: [{ name: source.name, digest: await source.digest(), rows: table.length }],
      config: {
        label,
        positive: encoded.positive,
        space: { algo: space.algo, dimensions: space.dimensions },
        trials,
        eta,
        validation,
        timeBudgetSeconds: budget ?? null,
        seed,
        features,
        out: out ?? null,
      },
      results: best
        ? [
            {
              check: "tune.best",
              status: "pass",
              value: best.auc,
              ...(best.ci ? { ci: best.ci } : {}),
              params: best.params,
              message: `best of ${trials} ${space.algo} configurations: validation ROC AUC ${fmt(best.auc)}${best.ci ? ` (95% CI ${fmt(best.ci[0])}–${fmt(best.ci[1])})` : ""} with ${paramText(best)}`,
            },
          ]
        : [
            {
              check: "tune.best",
              status: "error",
              value: null,
              message: "no configuration was scored within the budget",
            },
          ],
      summary: { stoppedBy: result.stoppedBy, seconds: result.seconds },
    },
    { tuning: { ...result, trials: result.trials } },
  );
  saveEvidence(report);
  if (v.json) printJson(report);
  else process.stdout.write(renderTuneText(result.trials, best, result.stoppedBy, out));
  return best ? 0 : 1;
}

const fmt = (x: number | null) => (x !== null && Number.isFinite(x) ? x.toFixed(4) : "n/a");
const paramText = (t: Trial) =>
  Object.entries(t.params)
    .map(([k, x]) => `${k}=${typeof x === "number" && !Number.isInteger(x) ? Number(x.toPrecision(4)) : x}`)
    .join(",");

function renderTuneText(
  trials: Trial[],
  best: Trial | null,
  stoppedBy: string,
  out: string | undefined,
): string {
  const lines = ["rung  rows     config  ROC AUC  95% CI            seconds  params"];
  for (const t of trials)
    lines.push(
      `${String(t.rung).padEnd(6)}${String(t.rows).padEnd(9)}${String(t.config).padEnd(8)}${fmt(t.auc).padEnd(9)}${(t.ci ? `${fmt(t.ci[0])}–${fmt(t.ci[1])}` : "n/a").padEnd(18)}${t.seconds.toFixed(2).padEnd(9)}${paramText(t)}${t.promoted ? "  ↑" : ""}`,
    );
  lines.push(
    "",
    best
      ? `best: config ${best.config}, ROC AUC ${fmt(best.auc)}: ${paramText(best)}${out ? ` — train it with assay train <source> --label … --config ${out}` : ""}`
      : "no configuration was scored",
    `stopped: ${stoppedBy}${out && best ? `; best configuration written to ${out}` : ""}`,
  );
  return `${lines.join("\n")}\n`;
}
