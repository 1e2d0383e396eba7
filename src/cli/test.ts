/**
 * `assay test <data> --suite tests.yaml --model SPEC`: behavioural tests without an oracle — minimum
 * functionality, invariance and directional expectations (CheckList) over the data's rows, judged on
 * the Wilson interval of each test's failure rate; with --mutants, how many mutants of the model the
 * suite kills.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { readTable } from "../model/index.js";
import { makeReport } from "../report/report.js";
import { runSuite } from "../robustness/run-suite.js";
import { parseSuite } from "../robustness/suite-read.js";
import { suiteChecks, summariseSuite } from "../robustness/suite-report.js";
import { renderSuiteText } from "../robustness/suite-text.js";
import { validationJunit } from "../schema/junit.js";
import type { Batch } from "../table/types.js";
import { numberOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { modelFromArgs } from "./model-args.js";
import { printJson, saveEvidence, writeTextFile } from "./output.js";
import { loadPlugins } from "./robustness-plugins.js";
import { requireColumn, sourceFromArgs } from "./source-args.js";

const HELP = `usage: assay test <data> --suite tests.yaml --model SPEC [options]

Runs a behavioural suite (format assay.suite, docs/robustness.md) against a model on the rows of <data>:
  MFT  given rows (or a filter), the expected decision or score range
  INV  a transformation (swap a protected attribute, noise within measurement error, a synonym, text
       style, reordered rows …) must not change the decision, or must move the score by at most ε
  DIR  a transformation must move the score only one way (monotonicity), up to a tolerance
Each test reports its failure rate with a Wilson interval and failing examples (row before and after,
both scores). A test fails only when the whole interval lies above its tolerance; with fewer than
minRows rows an interval that straddles the tolerance is 'insufficient'.

options:
  --sql "…"                 a DuckDB query instead of the file
  --suite FILE              the suite file (required)
  --model SPEC              the model (as assay evaluate takes it; required)
  --features a,b,c          the model's feature columns in order (FILE.onnx, endpoints, modules)
  --label COL               a column the model must not see (the label)
  --mutants                 also run the suite against mutants of the model and report the mutation
                            score (share killed) with the surviving mutants named
  --examples N              failing examples kept per test (default 5)
  --level L                 confidence level of the intervals (default 0.95)
  --timeout MS, --retries N, --batch-size N    HTTP endpoint settings
  --json                    print the report as JSON
  --junit FILE              write JUnit XML, one test case per test
  --html FILE               write an HTML report

exit: 0 no test failed, 1 a test failed (or errored), 2 usage or input error`;

const OPTIONS = {
  sql: { type: "string" },
  suite: { type: "string" },
  model: { type: "string" },
  features: { type: "string" },
  label: { type: "string" },
  mutants: { type: "boolean" },
  examples: { type: "string" },
  level: { type: "string" },
  timeout: { type: "string" },
  retries: { type: "string" },
  "batch-size": { type: "string" },
  json: { type: "boolean" },
  junit: { type: "string" },
  html: { type: "string" },
} as const;

export async function run(argv: string[]): Promise<number> {
  const started = performance.now();
  const { values: v, positionals, help } = parseCommand(argv, OPTIONS, HELP);
  if (help) return 0;
  if (typeof v.suite !== "string") throw new UsageError("test needs --suite FILE (see --help)");
  if (typeof v.model !== "string") throw new UsageError("test needs --model SPEC (see --help)");
  const examples = numberOption(v.examples, "--examples", { min: 0, max: 1000 }) ?? 5;
  const level = numberOption(v.level, "--level", { min: 0.5, max: 0.999 }) ?? 0.95;
  const suitePath = v.suite;
  if (!existsSync(suitePath)) throw new UsageError(`${suitePath}: no such suite file`);
  if (statSync(suitePath).isDirectory())
    throw new UsageError(`${suitePath}: is a directory, expected a suite file`);
  const suiteText = readFileSync(suitePath, "utf8");
  const suite = parseSuite(suiteText, suitePath);
  const plugins = await loadPlugins(suitePath, suite.plugins);
  const source = await sourceFromArgs(positionals, v.sql, "data");
  const label = v.label as string | undefined;
  if (label !== undefined) requireColumn(source, label, "--label");
  const opened = await modelFromArgs(v);
  if (!opened) throw new UsageError("test needs --model SPEC");
  const model = opened.model;
  try {
    for (const f of model.features ?? []) requireColumn(source, f, "the model's features");
    let data: Batch = await readTable(source);
    if (label !== undefined) data = { ...data, columns: data.columns.filter((c) => c.name !== label) };
    if (data.length === 0 && suite.tests.some((t) => t.rows.rows === null))
      throw new UsageError(`${source.name}: no rows (header only?): there is nothing to test`);
    const outcomes = await runSuite(suite, model, data, { plugins, examples, level });
    const results = suiteChecks(outcomes);
    const summary = summariseSuite(outcomes);
    let mutation: unknown = null;
    if (v.mutants) {
      const { mutationScore } = await import("../robustness/mutants.js");
      mutation = await mutationScore(suite, model, data, outcomes, { plugins, level });
    }
    const report = makeReport(
      "behaviour",
      {
        inputs: [
          { name: source.name, digest: await source.digest(), rows: data.length },
          {
            name: basename(suitePath),
            digest: createHash("sha256").update(suiteText).digest("hex"),
            rows: 0,
          },
        ],
        config: {
          suite: suitePath,
          threshold: suite.threshold,
          seed: suite.seed,
          level,
          examples,
          model: {
            spec: opened.spec,
            name: model.name,
            kind: model.kind,
            digest: model.metadata.digest ?? null,
          },
          label: label ?? null,
          mutants: v.mutants === true,
        },
        results,
        summary: { ...summary },
      },
      { tests: outcomes.length, mutation },
    );
    saveEvidence(report);
    const title = `test ${source.name} (${data.length} rows) with ${model.name} against ${suitePath}`;
    if (typeof v.junit === "string")
      writeTextFile(
        v.junit,
        validationJunit(`test ${basename(suitePath)}`, results, (performance.now() - started) / 1000),
      );
    if (typeof v.html === "string") {
      const { htmlPage } = await import("../report/html.js");
      const { suiteSections } = await import("../robustness/suite-html.js");
      writeTextFile(
        v.html,
        htmlPage(
          "Behavioural tests",
          `${title} · assay ${report.assayVersion} · ${report.createdAt}`,
          suiteSections(outcomes).join("\n"),
          { report },
        ),
      );
    }
    if (v.json) printJson(report);
    else {
      let text = renderSuiteText(title, outcomes, summary);
      if (mutation) {
        const { renderMutationText } = await import("../robustness/mutants.js");
        text += renderMutationText(mutation as never);
      }
      process.stdout.write(text);
    }
    return summary.failed + summary.errors > 0 ? 1 : 0;
  } finally {
    await model.close();
  }
}
