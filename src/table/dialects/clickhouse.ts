import type { SqlDialect } from "../dialect.js";
import type { ColumnInfo } from "../types.js";

/** ClickHouse reads backslash escapes inside quoted names and strings, so the backslash is escaped first. */
function escaped(text: string, quote: string): string {
  return text.replaceAll("\\", "\\\\").replaceAll(quote, `\\${quote}`);
}

function ident(name: string): string {
  return `\`${escaped(name, "`")}\``;
}

function string(text: string): string {
  return `'${escaped(text, "'")}'`;
}

function number(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Number.POSITIVE_INFINITY) return "inf";
  if (x === Number.NEGATIVE_INFINITY) return "-inf";
  return `toFloat64(${x})`;
}

function stringList(values: readonly string[]): string {
  return `CAST([${values.map(string).join(", ")}] AS Array(String))`;
}

function batchValue(column: ColumnInfo): string {
  const c = ident(column.name);
  switch (column.type) {
    case "string":
      return `toString(${c})`;
    case "date":
      // a Date is a day number: through DateTime it would pick up the server's time zone
      return `toFloat64(toUInt16(${c})) * 86400000`;
    case "timestamp":
      return `toFloat64(toUInt32(${c})) * 1000`;
    default:
      return `toFloat64(${c})`;
  }
}

/** rowNumberInAllBlocks() numbers rows as they arrive; across shards that order is the order they answer in. */
function numbered(from: string): string {
  return `(SELECT toFloat64(rowNumberInAllBlocks()) AS __row, * FROM ${from})`;
}

function double(expr: string): string {
  return `toFloat64(${expr})`;
}

function isNan(expr: string): string {
  return `isNaN(${expr})`;
}

/** match() is RE2, which reads the PATTERNS subset as JavaScript does. */
function matches(expr: string, pattern: string): string {
  return `match(${expr}, ${string(pattern)})`;
}

/**
 * ClickHouse: backquoted names, backslash-escaped strings, the to…() casts. Written for 18.16 (Debian's):
 * no window functions, so row numbers come from rowNumberInAllBlocks().
 */
export const clickhouseDialect: SqlDialect = {
  name: "clickhouse",
  ident,
  string,
  number,
  stringList,
  batchValue,
  numbered,
  double,
  isNan,
  matches,
};
