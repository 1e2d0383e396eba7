import { warehouseDialect } from "./ansi.js";

/** Spark SQL: backquoted names, backslash escapes in strings, unix_micros, isnan, RLIKE. */
export const sparkDialect = warehouseDialect({
  name: "spark",
  identQuote: "`",
  stringEscape: "backslash",
  doubleType: "DOUBLE",
  textType: "STRING",
  timestampType: "TIMESTAMP",
  epochMs: (t) => `(unix_micros(${t}) / 1000)`,
  isNan: (e) => `isnan(${e})`,
  matches: (e, p) => `(${e} RLIKE ${p})`,
  special: (k) =>
    k === "nan" ? "double('NaN')" : k === "inf" ? "double('Infinity')" : "double('-Infinity')",
  array: (items) => `array(${items.join(", ")})`,
});
