/** As in the schema (types.ts); spelled here so the two files do not import each other. */
type Severity = "error" | "warning" | "info";

/**
 * Rules written by hand in the contract (`rules:` in the schema file, docs/schema.md §10): what inference
 * cannot see — row-level SQL conditions, conditional formats, keys over several columns, references to
 * another table, totals, freshness and volume against the previous batch. Each compiles to SQL the
 * engine runs beside the inferred checks.
 */
export const RULE_CHECK_IDS = [
  "rule.expression",
  "rule.format",
  "rule.unique",
  "rule.foreign_key",
  "rule.aggregate",
  "rule.freshness",
  "rule.row_count_change",
] as const;
export type RuleCheckId = (typeof RULE_CHECK_IDS)[number];

/** Where a rule was written, so an engine's complaint about it can name the line (`FILE:LINE: field`). */
export interface RuleOrigin {
  file: string;
  line: number;
  /** The dotted field of the rule's SQL, e.g. `rules.0.expect`. */
  field: string;
}

interface RuleBase {
  id: string;
  description?: string;
  /** The rule's own severity; when absent, `checks.<rule check id>.severity`, else error. */
  severity?: Severity;
  /**
   * Row-level rules: the fraction of rows that must pass (Great Expectations' `mostly`); 1 by default.
   * Table-level rules (aggregate, freshness, row count) have no rate, hence no `mostly`.
   */
  mostly: number;
  /** Row-level rules: a SQL condition choosing the rows the rule applies to (NULL = does not apply). */
  when?: string;
  origin: RuleOrigin;
}

/** A SQL boolean expression every row must satisfy; a NULL result passes, as in a SQL CHECK constraint. */
export interface ExpressionRule extends RuleBase {
  kind: "expression";
  expect: string;
}

/** Present values of a column must match a regular expression in full. */
export interface FormatRule extends RuleBase {
  kind: "format";
  column: string;
  matches: string;
}

/** No two rows share the values of these columns (rows with a NULL among them are not keys). */
export interface UniqueRule extends RuleBase {
  kind: "unique";
  columns: string[];
}

/** Every non-NULL key of the batch exists in another table. */
export interface ForeignKeyRule extends RuleBase {
  kind: "foreign_key";
  columns: string[];
  references: { table: string; columns: string[] };
}

/** An aggregate of the batch must equal a number or the same kind of aggregate of another table, or lie in bounds. */
export interface AggregateRule extends RuleBase {
  kind: "aggregate";
  aggregate: string;
  equals?: number | { table: string; aggregate: string };
  min?: number;
  max?: number;
  /** Allowed relative difference from `equals` (0.001 = 0.1%); 0 by default. */
  tolerance: number;
}

/** The newest timestamp of a column is at most maxAgeHours old. */
export interface FreshnessRule extends RuleBase {
  kind: "freshness";
  column: string;
  maxAgeHours: number;
}

/** The batch's row count divided by the previous batch's lies within [min, max]. */
export interface RowCountChangeRule extends RuleBase {
  kind: "row_count_change";
  previous: string;
  min: number | null;
  max: number | null;
}

export type Rule =
  | ExpressionRule
  | FormatRule
  | UniqueRule
  | ForeignKeyRule
  | AggregateRule
  | FreshnessRule
  | RowCountChangeRule;

export const RULE_CHECK: Record<Rule["kind"], RuleCheckId> = {
  expression: "rule.expression",
  format: "rule.format",
  unique: "rule.unique",
  foreign_key: "rule.foreign_key",
  aggregate: "rule.aggregate",
  freshness: "rule.freshness",
  row_count_change: "rule.row_count_change",
};
