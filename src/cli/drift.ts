import { readFileSync } from "node:fs";
import { type DriftSide, driftBetween } from "../drift/between.js";
import { applyOverride, parseAssignments, policyFromConfig } from "../drift/config.js";
import {
  type MultivariateDrift,
  type MultivariateDriftOptions,
  multivariateDrift,
} from "../drift/multivariate.js";
import { renderMultivariateText, withMultivariate } from "../drift/multivariate-report.js";
import { type DriftPolicy, defaultPolicy } from "../drift/policy.js";
import { driftReport } from "../drift/report.js";
import { renderDriftText } from "../drift/text.js";
import { isProfileFile, readProfile } from "../io/profile-file.js";
import { type DuckDBRelation, openSources } from "../io/source.js";
import { readTable } from "../model/index.js";
import { inContext } from "../table/errors.js";
import { listOption, numberOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { printJson, progress, saveEvidence, writeTextFile } from "./output.js";

const HELP = `assay drift <reference> <current> [options]

Compares a current table with a reference, column by column, and gives a dataset verdict.
Numeric columns: two-sample Kolmogorov–Smirnov (exact p for small samples, as SciPy), Wasserstein (raw and
÷ reference σ), PSI and Jensen–Shannon on reference-decile bins, share out of the reference range.
Categorical columns: chi-square homogeneity on the 2×k table, Jensen–Shannon, L∞, PSI, unseen categories.
Every column: change in missing rate (two-proportion z test).

A column drifts when its effect size reaches a practical threshold AND its test rejects after
Benjamini–Hochberg correction across all tests; 'insufficient' when the sample is too small to tell.
The dataset drifts when at least one column drifts (see --share). Exit code 1 when it drifts.

  <reference> <current>   data files (.csv .tsv .parquet .json .ndjson .jsonl .arrow) or saved profiles
                          (assay profile X --out x.profile.json); either side may be a profile
  --reference-sql "…"     use a DuckDB query as the reference instead of a file (same for --current-sql)
  --current-sql "…"
  --columns a,b           compare only these columns
  --ignore a,b            leave these columns out
  --config FILE           YAML/JSON policy: alpha, numeric/categorical {method, threshold}, types, columns
  --method K=M,…          effect size per column or type (K = column, numeric, categorical, integer, string …;
                          M = wasserstein | ks | psi | js for numeric, js | linf | psi for categorical)
  --threshold K=V,…       practical threshold per column or type
  --alpha A               false discovery rate for the Benjamini–Hochberg procedure (default 0.05)
  --share S               the dataset drifts only when at least this share of columns drifts (default: any)
  --json                  print the drift Report as JSON on stdout
  --html FILE             write a self-contained HTML report with overlaid distributions per column
  --multivariate          also ask whether a domain classifier (gbdt, 5-fold cross-fitted) tells current
                          rows from reference rows: its ROC AUC with a 95% CI is the score, the threshold
                          the permutation null's (1 − alpha) quantile, and the features that drive it
                          the root cause. Catches joint shifts (a changed correlation) that per-column
                          tests miss. Drift when p ≤ alpha and AUC ≥ --min-auc (default 0.55)
  --permutations N        permutations of the null (default 200)   --folds K  cross-fitting folds (default 5)
  --max-rows N            rows sampled from each side (default 5000)   --seed S  (default 1)
  --label COL             the label (target) column: the HTML report calls its drift out first

defaults: numeric wasserstein ÷ σ_ref ≥ 0.1 with KS; categorical Jensen–Shannon (base 2) ≥ 0.1 with χ²;
missing rate |Δ| ≥ 0.01; unseen share ≥ 0.01; out-of-range share ≥ 0.01. Formulas: docs/drift.md.

examples:
  assay drift train.parquet serving.parquet
  assay drift --reference-sql "SELECT * FROM 'flights.parquet' WHERE month(date)=1" \\
              --current-sql "SELECT * FROM 'flights.parquet' WHERE month(date)=6" --ignore date
  assay drift ref.profile.json today.csv --json
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals, help } = parseCommand(
    argv,
    {
      "reference-sql": { type: "string" },
      "current-sql": { type: "string" },
      columns: { type: "string" },
      ignore: { type: "string" },
      config: { type: "string" },
      method: { type: "string" },
      threshold: { type: "string" },
      alpha: { type: "string" },
      share: { type: "string" },
      json: { type: "boolean", default: false },
      html: { type: "string" },
      multivariate: { type: "boolean", default: false },
      permutations: { type: "string" },
      folds: { type: "string" },
      "min-auc": { type: "string" },
      "max-rows": { type: "string" },
      seed: { type: "string" },
      label: { type: "string" },
    },
    HELP,
  );
  if (help) return 0;
  const policy = await buildPolicy(values);
  const multivariate = values.multivariate ? multivariateOptions(values) : null;
  const [referenceArg, currentArg] = sides(positionals, values);
  // The sides must share one DuckDB (the high-cardinality path joins across them): opened together.
  const tables = [referenceArg, currentArg].filter((a) => !("path" in a && isProfileFile(a.path)));
  const opened = await openSources(tables.map((a) => ("path" in a ? { path: a.path } : { sql: a.sql })));
  const relationOf = (arg: SideArg) => opened[tables.indexOf(arg)];
  const reference = openSide(referenceArg, "reference", relationOf(referenceArg));
  const current = openSide(currentArg, "current", relationOf(currentArg));
  const outcome = await driftBetween(reference.side, current.side, {
    policy,
    columns: listOption(values.columns),
    names: { reference: reference.name, current: current.name },
  });
  const result = outcome.drift;
  let report = driftReport(outcome);
  let joint: MultivariateDrift | null = null;
  if (multivariate) {
    if (!(reference.side as DuckDBRelation).query || !(current.side as DuckDBRelation).query)
      throw new UsageError(
        "--multivariate needs rows on both sides: give data files or queries, not saved profiles",
      );
    const features = result.columns.map((c) => c.name);
    const [refRows, curRows] = [
      await readTable(reference.side as DuckDBRelation, features),
      await readTable(current.side as DuckDBRelation, features),
    ];
    const bar = progress("multivariate drift: cross-fitting the domain classifier");
    try {
      joint = await multivariateDrift(refRows, curRows, features, {
        ...multivariate,
        onProgress: bar.update,
      });
    } finally {
      bar.done();
    }
    report = withMultivariate(report, joint);
  }
  saveEvidence(report);
  if (typeof values.html === "string") {
    // Vega is loaded only when a chart is asked for: it costs a quarter of a second at start-up.
    const { driftHtml } = await import("../drift/html.js");
    writeTextFile(
      values.html,
      await driftHtml(result, outcome.pairs, {
        reference: outcome.reference.name,
        current: outcome.current.name,
        createdAt: report.createdAt,
        report,
        label: typeof values.label === "string" ? values.label : undefined,
      }),
    );
  }
  if (values.json) printJson(report);
  else {
    const { onlyInReference, onlyInCurrent } = outcome;
    let text = renderDriftText(result, { reference: outcome.reference, current: outcome.current });
    if (onlyInReference.length > 0)
      text += `only in reference (not compared): ${onlyInReference.join(", ")}\n`;
    if (onlyInCurrent.length > 0) text += `only in current (not compared): ${onlyInCurrent.join(", ")}\n`;
    if (outcome.reference.approximate || outcome.current.approximate)
      text += "note: a side is a saved profile; its statistics are computed from sketches\n";
    if (joint) text += renderMultivariateText(joint);
    process.stdout.write(text);
  }
  return result.drifted || joint?.drifted ? 1 : 0;
}

function multivariateOptions(values: Record<string, unknown>): MultivariateDriftOptions {
  const permutations = numberOption(values.permutations, "--permutations", { min: 19, max: 100_000 });
  const folds = numberOption(values.folds, "--folds", { min: 2, max: 20 });
  for (const [flag, n] of [
    ["--permutations", permutations],
    ["--folds", folds],
  ] as const)
    if (n !== undefined && !Number.isInteger(n)) throw new UsageError(`${flag} must be an integer, got ${n}`);
  return {
    permutations,
    folds,
    minAuc: numberOption(values["min-auc"], "--min-auc", { min: 0.5, max: 1 }),
    maxRows: numberOption(values["max-rows"], "--max-rows", { min: 20 }),
    seed: numberOption(values.seed, "--seed", { min: 0 }),
    alpha: numberOption(values.alpha, "--alpha", { min: 0, max: 1 }),
  };
}

function sides(positionals: string[], values: Record<string, unknown>): [SideArg, SideArg] {
  const queue = [...positionals];
  const pick = (sql: unknown, what: string): SideArg => {
    if (typeof sql === "string") return { sql };
    const path = queue.shift();
    if (path === undefined)
      throw new UsageError(`missing ${what}: a data file, a saved profile, or --${what}-sql "…"`);
    return { path };
  };
  const reference = pick(values["reference-sql"], "reference");
  const current = pick(values["current-sql"], "current");
  if (queue.length > 0)
    throw new UsageError(`unexpected argument '${queue[0]}': drift takes a reference and a current`);
  return [reference, current];
}

type SideArg = { path: string } | { sql: string };

/** A side as data (a file or a query, opened with the other side) or as a saved profile, and its name. */
function openSide(
  arg: SideArg,
  what: string,
  source: DuckDBRelation | undefined,
): { side: DriftSide; name: string } {
  if ("path" in arg && isProfileFile(arg.path))
    return { side: readProfile(arg.path), name: arg.path.split("/").pop() ?? arg.path };
  if (!source) throw new Error("internal: a table side was not opened");
  return { side: source, name: "path" in arg ? source.name : `${what} query` };
}

async function buildPolicy(values: Record<string, unknown>): Promise<DriftPolicy> {
  let policy = defaultPolicy();
  if (typeof values.config === "string") {
    let text: string;
    try {
      text = readFileSync(values.config, "utf8");
    } catch {
      throw new UsageError(`${values.config}: cannot read the config file`);
    }
    let doc: unknown;
    const { parse: parseYaml } = await import("yaml"); // only when a config file is given
    try {
      doc = parseYaml(text);
    } catch (error) {
      throw new UsageError(`${values.config}: not valid YAML (${(error as Error).message.split("\n")[0]})`);
    }
    try {
      policy = policyFromConfig(doc, policy);
    } catch (error) {
      throw inContext(error, values.config);
    }
  }
  const alpha = numberOption(values.alpha, "--alpha", { min: 0, max: 1 });
  if (alpha !== undefined) {
    if (alpha === 0 || alpha === 1) throw new UsageError("--alpha must be strictly between 0 and 1");
    policy.alpha = alpha;
  }
  const share = numberOption(values.share, "--share", { min: 0, max: 1 });
  if (share !== undefined) policy.datasetShare = share;
  for (const name of listOption(values.ignore) ?? []) applyOverride(policy, name, { ignore: true });
  if (typeof values.method === "string")
    for (const [key, method] of parseAssignments(values.method, "--method")) {
      const rule = policyFromConfig({ columns: { x: { method } } }).columns.x;
      applyOverride(policy, key, rule);
    }
  if (typeof values.threshold === "string")
    for (const [key, text] of parseAssignments(values.threshold, "--threshold")) {
      const threshold = numberOption(text, `--threshold ${key}`, { min: 0 }) as number;
      applyOverride(policy, key, { threshold });
    }
  return policy;
}
