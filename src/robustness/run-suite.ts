/**
 * Runs a behavioural suite against a model: for each test, select its rows, score them (and their
 * transformed copies), count the rows that break the test's relation, and judge the failure rate on
 * its Wilson interval (./judge.ts). A model that throws fails its test with status `error`; it never
 * stops the suite.
 */
import { batchRecords } from "../model/features.js";
import type { Model } from "../model/model.js";
import { predictTable } from "../model/predict.js";
import { seededRandom } from "../stats/random.js";
import { InputError, inContext } from "../table/errors.js";
import type { Batch } from "../table/types.js";
import { judgeFailures } from "./judge.js";
import { selectRows } from "./select-rows.js";
import type { Suite, SuiteTest } from "./suite.js";
import { applyTransforms, type PluginTransform } from "./transforms.js";

interface FailingExample {
  row: Record<string, unknown>;
  score: number;
  transformed?: Record<string, unknown>;
  transformedScore?: number;
}

export interface TestOutcome {
  name: string;
  type: SuiteTest["type"];
  line: number;
  status: "pass" | "fail" | "insufficient" | "error";
  rows: number;
  failures: number;
  rate: number | null;
  ci: [number, number] | null;
  tolerance: number;
  /** What the relation was, in words ("decision unchanged", "score ≥ original − 0.001" …). */
  relation: string;
  message: string;
  examples: FailingExample[];
}

export interface RunOptions {
  plugins?: Record<string, PluginTransform>;
  /** Failing examples kept per test (default 5). */
  examples?: number;
  level?: number;
}

export async function runSuite(
  suite: Suite,
  model: Model,
  data: Batch,
  options: RunOptions = {},
): Promise<TestOutcome[]> {
  const outcomes: TestOutcome[] = [];
  for (const [k, test] of suite.tests.entries()) {
    // Each test draws from its own stream, so adding a test does not change the rows of the others.
    const random = seededRandom((suite.seed + 7919 * (k + 1)) >>> 0);
    try {
      outcomes.push(await runTest(suite, test, model, data, random, options));
    } catch (error) {
      throw inContext(error, `${suite.file}:${test.line}: test '${test.name}'`);
    }
  }
  return outcomes;
}

async function runTest(
  suite: Suite,
  test: SuiteTest,
  model: Model,
  data: Batch,
  random: ReturnType<typeof seededRandom>,
  options: RunOptions,
): Promise<TestOutcome> {
  const regression = model.metadata.task === "regression";
  if (regression && test.expect?.kind === "label")
    throw new InputError(
      `expect.label needs a classifier; ${model.name} is a regression model (use expect.score)`,
    );
  const selected = selectRows(data, test.rows, random);
  const relation = describeRelation(test, suite.threshold, regression);
  const base = { name: test.name, type: test.type, line: test.line, tolerance: test.tolerance, relation };
  if (selected.length === 0)
    return {
      ...base,
      status: "insufficient",
      rows: 0,
      failures: 0,
      rate: null,
      ci: null,
      message: "no rows matched: nothing was tested",
      examples: [],
    };
  const transformed =
    test.transforms.length > 0
      ? await applyTransforms(selected, test.transforms, {
          random,
          reference: data,
          plugins: options.plugins ?? {},
        })
      : null;
  let original: Float64Array;
  let changed: Float64Array | null = null;
  try {
    original = (await predictTable(model, selected)).scores;
    if (transformed) {
      const scored = (await predictTable(model, transformed.batch)).scores;
      // Back in the order of `selected`, so row i is compared with its own transformed copy.
      changed = new Float64Array(scored.length);
      for (let i = 0; i < scored.length; i++)
        changed[transformed.order ? transformed.order[i] : i] = scored[i];
    }
  } catch (error) {
    const message = (error as Error).message?.split("\n")[0] ?? String(error);
    return {
      ...base,
      status: "error",
      rows: selected.length,
      failures: 0,
      rate: null,
      ci: null,
      message: `the model failed: ${message}`,
      examples: [],
    };
  }
  const failing: number[] = [];
  for (let i = 0; i < selected.length; i++)
    if (breaks(test, suite.threshold, regression, original[i], changed?.[i])) failing.push(i);
  const judged = judgeFailures(failing.length, selected.length, test.tolerance, test.minRows, options.level);
  const keep = failing.slice(0, options.examples ?? 5);
  const rows = keep.length > 0 ? batchRecords(selected, null) : [];
  let changedRows: Record<string, unknown>[] = [];
  if (transformed && keep.length > 0) {
    const records = batchRecords(transformed.batch, null);
    changedRows = new Array(records.length);
    records.forEach((r, i) => {
      changedRows[transformed.order ? transformed.order[i] : i] = r;
    });
  }
  const examples = keep.map((i) =>
    changed
      ? { row: rows[i], score: original[i], transformed: changedRows[i], transformedScore: changed[i] }
      : { row: rows[i], score: original[i] },
  );
  return {
    ...base,
    ...judged,
    rows: selected.length,
    failures: failing.length,
    message: verdictMessage(judged.status, failing.length, selected.length, judged.ci, test),
    examples,
  };
}

/** Does one row break the test's relation? A non-finite score breaks every relation. */
export function breaks(
  test: SuiteTest,
  threshold: number,
  regression: boolean,
  score: number,
  changed: number | undefined,
): boolean {
  if (!Number.isFinite(score)) return true;
  if (test.type === "mft" && changed === undefined) return !meets(test, threshold, score);
  if (changed === undefined || !Number.isFinite(changed)) return true;
  if (test.type === "mft") return !meets(test, threshold, changed);
  const epsilon = test.epsilon ?? 0;
  if (test.type === "inv") {
    if (test.epsilon !== null || regression) return Math.abs(changed - score) > epsilon;
    return changed >= threshold !== score >= threshold;
  }
  return test.direction === "up" ? changed < score - epsilon : changed > score + epsilon;
}

function meets(test: SuiteTest, threshold: number, score: number): boolean {
  const e = test.expect!;
  if (e.kind === "label") return (score >= threshold ? 1 : 0) === e.value;
  return (e.min === null || score >= e.min) && (e.max === null || score <= e.max);
}

function describeRelation(test: SuiteTest, threshold: number, regression: boolean): string {
  if (test.type === "mft") {
    const e = test.expect!;
    const what =
      e.kind === "label"
        ? `decision = ${e.value} (score ${e.value === 1 ? "≥" : "<"} ${threshold})`
        : `score in [${e.min ?? "−∞"}, ${e.max ?? "∞"}]`;
    return test.transforms.length > 0 ? `after the transform, ${what}` : what;
  }
  if (test.type === "inv")
    return test.epsilon !== null || regression
      ? `|Δscore| ≤ ${test.epsilon ?? 0}`
      : `decision at ${threshold} unchanged`;
  return test.direction === "up"
    ? `score does not fall by more than ${test.epsilon ?? 0}`
    : `score does not rise by more than ${test.epsilon ?? 0}`;
}

function verdictMessage(
  status: string,
  failures: number,
  rows: number,
  ci: [number, number] | null,
  test: SuiteTest,
): string {
  const rate = `${failures} of ${rows} rows failed (${((100 * failures) / rows).toFixed(1)}%, 95% CI ${ci ? `${(100 * ci[0]).toFixed(1)}–${(100 * ci[1]).toFixed(1)}%` : "n/a"})`;
  const tol = `tolerance ${(100 * test.tolerance).toFixed(1)}%`;
  if (status === "fail") return `${rate}: the whole interval is above the ${tol}`;
  if (status === "insufficient")
    return `${rate}: too few rows (< ${test.minRows}) to tell whether the rate is within the ${tol}`;
  return `${rate}: within the ${tol}`;
}
