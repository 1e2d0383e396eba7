import { warehouseDialect } from "./ansi.js";

/** Trino (and Presto): to_unixtime in seconds, is_nan, regexp_like, ARRAY[…]. */
export const trinoDialect = warehouseDialect({
  name: "trino",
  identQuote: '"',
  stringEscape: "double",
  doubleType: "DOUBLE",
  textType: "VARCHAR",
  timestampType: "TIMESTAMP",
  epochMs: (t) => `(to_unixtime(${t}) * 1000)`,
  isNan: (e) => `is_nan(${e})`,
  matches: (e, p) => `regexp_like(${e}, ${p})`,
  special: (k) => (k === "nan" ? "nan()" : k === "inf" ? "infinity()" : "-infinity()"),
  array: (items) => `ARRAY[${items.join(", ")}]`,
});
