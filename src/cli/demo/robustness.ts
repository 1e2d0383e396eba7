import { join } from "node:path";
import { assay } from "./assay-process.js";

interface RobustnessResult {
  lines: string[];
  reports: string[];
}

/**
 * Adult, testing without an oracle: the behavioural suite (examples/adult/adult.suite.yaml) against
 * v1 with its mutation score; fuzzing v1 from the contract (it returns NaN for a missing input);
 * PMV of the logistic baseline; adversarial robustness on 1,000 test rows. Budgets are kept small so
 * the demo stays fast (about 10 s on two cores).
 */
export function runRobustness(examples: string, out: string, say: (line: string) => void): RobustnessResult {
  const dir = join(out, "adult");
  const test = join(examples, "adult_test.csv");
  const model = join(examples, "adult_v1.yaml");
  say("adult · behavioural suite (MFT/INV/DIR) against v1, with mutants");
  const suite = assay([
    "test",
    test,
    "--suite",
    join(examples, "adult.suite.yaml"),
    "--model",
    model,
    "--label",
    "income-per-year",
    "--mutants",
    "--json",
    "--junit",
    join(dir, "v1.suite.xml"),
    "--html",
    join(dir, "v1.suite.html"),
  ]).report;
  say("adult · fuzzing v1 from the data contract");
  const fuzz = assay([
    "fuzz",
    "--schema",
    join(examples, "adult.schema.yaml"),
    "--model",
    model,
    "--budget",
    "50000",
    "--json",
    "--html",
    join(dir, "v1.fuzz.html"),
  ]).report;
  say("adult · robustness of v1: noise curves and adversarial search");
  const robustness = assay([
    "robustness",
    test,
    "--label",
    "income-per-year",
    "--model",
    model,
    "--rows",
    "1000",
    "--resamples",
    "200",
    "--json",
  ]).report;
  say("adult · PMV: does the logistic baseline over- or under-fit?");
  const pmv = assay([
    "pmv",
    join(examples, "adult_train.csv"),
    "--label",
    "income-per-year",
    "--positive",
    ">50K",
    "--algo",
    "logistic",
    "--rows",
    "2000",
    "--rates",
    "0,0.25,0.5",
    "--folds",
    "3",
    "--json",
    "--html",
    join(dir, "logistic.pmv.html"),
  ]).report;
  const pct = (x: number | null | undefined) => (typeof x === "number" ? `${(100 * x).toFixed(1)}%` : "–");
  const lines: string[] = [];
  if (suite)
    lines.push(
      `  v1 behavioural suite: ${suite.summary.passed} of ${suite.summary.tests} tests pass; mutation score ${pct(suite.mutation?.score)} (${suite.mutation?.survivors?.length ?? 0} mutants survive)`,
    );
  if (fuzz) {
    const found = (fuzz.failures ?? []).map(
      (f: { kind: string; row: unknown }) => `${f.kind} at ${JSON.stringify(f.row)}`,
    );
    lines.push(
      `  v1 fuzzed with ${fuzz.rows} rows from the contract: ${found.length > 0 ? found.join("; ") : "no failure"}`,
    );
  }
  if (robustness?.adversarial) {
    const a = robustness.adversarial;
    lines.push(
      `  v1 adversarial frequency at ε = ${a.epsilon} SD: ${pct(a.frequency.value)}, severity ${a.severity.value?.toFixed(3)} SD; search ${a.callsPerFlip.search?.toFixed(1)} vs random ${a.callsPerFlip.random?.toFixed(1)} calls per flip`,
    );
  }
  if (pmv)
    lines.push(
      `  PMV of the logistic baseline: ${pmv.verdict} (memorisation ${pct(pmv.memorisation)}, CV accuracy ${pmv.crossValidation.accuracy.toFixed(3)})`,
    );
  return {
    lines,
    reports: [
      join(dir, "v1.suite.html"),
      join(dir, "v1.suite.xml"),
      ...(fuzz ? [join(dir, "v1.fuzz.html")] : []),
      ...(pmv ? [join(dir, "logistic.pmv.html")] : []),
    ],
  };
}
