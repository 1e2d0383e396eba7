import { severityFor, statusOf } from "../verdict.js";
/** schema.row_count: the batch's rows against the contract's table.rows bounds. */
export function judgeRowCount(schema, rows) {
    const { min, max } = schema.table.rows;
    const severity = severityFor(schema, "schema.row_count");
    const outside = (min !== null && rows < min) || (max !== null && rows > max);
    return {
        result: {
            check: "schema.row_count",
            status: outside ? statusOf(severity) : "pass",
            severity: outside ? severity : "info",
            value: rows,
            expected: { min, max },
            found: rows,
            message: `${rows} rows; the contract accepts ${min ?? "any"} to ${max ?? "any"}`,
            ...(outside
                ? { suggestion: `if batches of this size are normal, set table.rows to include ${rows}` }
                : {}),
        },
    };
}
