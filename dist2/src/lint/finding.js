import { formatShare } from "../report/format.js";
/** The checks `assay lint` runs (ids are a contract, like the schema's). */
export const LINT_CHECKS = [
    "lint.numbers_as_strings",
    "lint.mixed_types",
    "lint.disguised_missing",
    "lint.outliers",
    "lint.near_constant",
    "lint.identifier",
    "lint.duplicate_rows",
    "lint.conflicting_labels",
    "lint.class_imbalance",
    "lint.label_leakage",
    "lint.train_test_overlap",
];
export function finding(check, severity, fields) {
    const status = fields.status ?? (severity === "error" ? "fail" : severity === "warning" ? "warn" : "pass");
    return { check, severity, ...fields, status };
}
/** k of n as a percentage (report/format.ts formatShare). */
export const percent = (k, n) => formatShare(k, n);
