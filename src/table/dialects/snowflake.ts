import { warehouseDialect } from "./ansi.js";

/** Snowflake: double-quoted (case-sensitive) names, DATE_PART(epoch_millisecond), REGEXP_LIKE; NaN = 'NaN'. */
export const snowflakeDialect = warehouseDialect({
  name: "snowflake",
  identQuote: '"',
  stringEscape: "backslash",
  doubleType: "DOUBLE",
  textType: "VARCHAR",
  timestampType: "TIMESTAMP_NTZ",
  epochMs: (t) => `DATE_PART(epoch_millisecond, ${t})`,
  isNan: (e) => `(${e} = 'NaN'::DOUBLE)`,
  matches: (e, p) => `REGEXP_LIKE(${e}, ${p})`,
  special: (k) => (k === "nan" ? "'NaN'::DOUBLE" : k === "inf" ? "'inf'::DOUBLE" : "'-inf'::DOUBLE"),
  array: (items) => `ARRAY_CONSTRUCT(${items.join(", ")})`,
});
