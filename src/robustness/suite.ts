/**
 * The behavioural test suite (format "assay.suite", version 1): MFT, INV and DIR tests in the sense of
 * CheckList (Ribeiro et al. 2020), for tabular rows and text columns. It is data: a YAML file people
 * review (docs/robustness.md), read by ./suite-read.ts and run by ./run-suite.ts.
 */
export const SUITE_FORMAT = "assay.suite";
export const SUITE_VERSION = 1;

export type TestType = "mft" | "inv" | "dir";

/** Which rows of the data a test uses. */
export interface RowFilter {
  /** column → accepted value, list of values, or numeric range (both ends inclusive). */
  where: Record<string, WhereClause>;
  /** Explicit rows (MFT): plain mappings of column → value; absent columns are missing. */
  rows: Record<string, unknown>[] | null;
  /** At most this many rows, a seeded sample when there are more. */
  sample: number;
}

export type WhereClause =
  | { kind: "equals"; values: (string | number | boolean)[] }
  | { kind: "range"; min: number | null; max: number | null };

export type TextStyle = "whitespace" | "case" | "punctuation" | "typo";

export type Transformation =
  | { kind: "set"; column: string; value: string | number | null }
  | { kind: "scale"; column: string; factor: number }
  | { kind: "shift"; column: string; by: number }
  | { kind: "clip"; column: string; min: number | null; max: number | null }
  | { kind: "swap"; column: string; map: Record<string, string> }
  | { kind: "missing"; column: string }
  | { kind: "noise"; column: string; sd: number | null; relative: number | null; band: number | null }
  | { kind: "text"; column: string; style: TextStyle }
  | { kind: "reorder" }
  | { kind: "plugin"; name: string; options: Record<string, unknown> };

export type Expectation =
  | { kind: "label"; value: 0 | 1 }
  | { kind: "score"; min: number | null; max: number | null };

export interface SuiteTest {
  name: string;
  type: TestType;
  /** 1-based line of the test in the suite file, for messages. */
  line: number;
  rows: RowFilter;
  /** INV and DIR: applied in order to every selected row. */
  transforms: Transformation[];
  /** MFT only. */
  expect: Expectation | null;
  /** DIR only: the score must not go the other way. */
  direction: "up" | "down" | null;
  /**
   * INV: the score may move by at most ε (null: only the decision must not change). DIR: the slack a
   * score may move against the direction before the row counts as a failure.
   */
  epsilon: number | null;
  /** Allowed failure rate; the test fails only when the whole Wilson interval is above it. */
  tolerance: number;
  /** Below this many rows an interval that straddles the tolerance is `insufficient`. */
  minRows: number;
}

export interface Suite {
  format: typeof SUITE_FORMAT;
  version: typeof SUITE_VERSION;
  file: string;
  /** Binary decision: score ≥ threshold is the positive class. */
  threshold: number;
  /** Plug-in transformations by name → module path (resolved by the CLI, relative to the suite file). */
  plugins: Record<string, string>;
  seed: number;
  tests: SuiteTest[];
}

export const DEFAULT_SAMPLE = 10_000;
export const DEFAULT_MIN_ROWS = 30;
