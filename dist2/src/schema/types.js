/**
 * The data contract (format "assay.schema", version 1): what a batch of a table must look like.
 * It is data, not code: a YAML file people review and edit (docs/schema.md), checked by
 * `assay validate`. Every tolerance here is a fraction of rows that may break the rule.
 */
export const SCHEMA_FORMAT = "assay.schema";
export const SCHEMA_VERSION = 1;
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
];
export const DEFAULT_SEVERITY = {
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
};
