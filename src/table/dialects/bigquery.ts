import { warehouseDialect } from "./ansi.js";

/** BigQuery (GoogleSQL): backquoted names, FLOAT64 and STRING, UNIX_MILLIS, IS_NAN, REGEXP_CONTAINS. */
export const bigqueryDialect = warehouseDialect({
  name: "bigquery",
  identQuote: "`",
  stringEscape: "backslash",
  doubleType: "FLOAT64",
  textType: "STRING",
  timestampType: "TIMESTAMP",
  epochMs: (t) => `UNIX_MILLIS(${t})`,
  isNan: (e) => `IS_NAN(${e})`,
  matches: (e, p) => `REGEXP_CONTAINS(${e}, ${p})`,
  special: (k) =>
    k === "nan"
      ? "CAST('NaN' AS FLOAT64)"
      : k === "inf"
        ? "CAST('inf' AS FLOAT64)"
        : "CAST('-inf' AS FLOAT64)",
  array: (items) => `[${items.join(", ")}]`,
});
