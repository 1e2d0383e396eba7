import type { PersonalKind } from "../privacy/kinds.js";
import type { ColumnType } from "../table/types.js";
import { RULE_CHECK_IDS, type Rule } from "./rules/types.js";

/**
 * The data contract (format "assay.schema", version 1): what a batch of a table must look like.
 * It is data, not code: a YAML file people review and edit (docs/schema.md), checked by
 * `assay validate`. Every tolerance here is a fraction of rows that may break the rule.
 */
export const SCHEMA_FORMAT = "assay.schema";
export const SCHEMA_VERSION = 1;

export type Severity = "error" | "warning" | "info";

/** The check ids that tests and CI scripts rely on (never rename one). */
export const CHECK_IDS = [
  "schema.missing_column",
  "schema.new_column",
  "schema.type_mismatch",
  "schema.missing_rate",
  "schema.out_of_domain",
  "schema.out_of_range",
  "schema.unit_change",
  "schema.format",
  "schema.unique",
  "schema.row_count",
  "data.duplicate_rows",
  "data.non_finite",
  ...RULE_CHECK_IDS,
  "schema.personal_data",
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export const DEFAULT_SEVERITY: Record<CheckId, Severity> = {
  "schema.missing_column": "error",
  "schema.new_column": "warning",
  "schema.type_mismatch": "error",
  "schema.missing_rate": "error",
  "schema.out_of_domain": "error",
  "schema.out_of_range": "error",
  "schema.unit_change": "error",
  "schema.format": "error",
  "schema.unique": "error",
  "schema.row_count": "error",
  "data.duplicate_rows": "error",
  "data.non_finite": "error",
  "rule.expression": "error",
  "rule.format": "error",
  "rule.unique": "error",
  "rule.foreign_key": "error",
  "rule.aggregate": "error",
  "rule.freshness": "error",
  "rule.row_count_change": "error",
  "schema.personal_data": "error",
};

/** A per-check override: GX-style `mostly` (fraction of rows that must pass) and a severity. */
export interface CheckOverride {
  severity?: Severity;
  mostly?: number;
}

export interface Schema {
  format: typeof SCHEMA_FORMAT;
  version: typeof SCHEMA_VERSION;
  /** Where the contract was inferred from; informative only. */
  reference: {
    source: string;
    digest: string;
    rows: number;
    createdAt: string;
    /** One-sided confidence level behind every inferred tolerance. */
    confidence: number;
  } | null;
  table: {
    /** Accepted row counts of a batch (null = unbounded on that side). */
    rows: { min: number | null; max: number | null };
    /** Allowed fraction of rows that repeat an earlier row; null = not checked. */
    duplicates: number | null;
  };
  /** Overrides applying to every column (a column's own `checks` win). */
  checks: Partial<Record<CheckId, CheckOverride>>;
  columns: ColumnContract[];
  /**
   * Other tables the rules name (foreign keys, totals, the previous batch): name → file, as written
   * (relative to the schema file). The command line may add or replace them (`--table NAME=FILE`).
   */
  tables?: Record<string, string>;
  /** Rules written by hand (src/schema/rules/), checked after the inferred ones. */
  rules?: Rule[];
}

export interface ColumnContract {
  name: string;
  type: ColumnType;
  /** A missing column is an error when required, a note otherwise. */
  required: boolean;
  /** Allowed fraction of missing (NULL / empty) values. */
  missing: number;
  /** Allowed fraction of NaN / ±Inf among present values (float columns). */
  nonFinite?: number;
  /** Accepted closed interval of finite values (null = unbounded on that side). */
  range?: { min: number | null; max: number | null; mostly: number };
  /** Reference quantiles of finite values (keys "0.05" … "0.95") and mean: what unit_change compares. */
  reference?: { quantiles: Record<string, number>; mean: number | null };
  /** The closed set of accepted values with their reference share. */
  domain?: { values: Record<string, number>; mostly: number };
  /** A string format: a named one (date, timestamp, integer, float, boolean) or a regular expression. */
  format?: {
    kind: "date" | "timestamp" | "integer" | "float" | "boolean" | "regex";
    pattern?: string;
    mostly: number;
  };
  /** Values must not repeat (a key). */
  unique?: { mostly: number };
  /**
   * The column holds personal data of this kind (docs/privacy.md): validation shows its values masked, and
   * personal data found in a column without this mark is a `schema.personal_data` anomaly.
   */
  personal?: PersonalKind;
  checks?: Partial<Record<CheckId, CheckOverride>>;
}
