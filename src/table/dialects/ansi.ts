import type { SqlDialect } from "../dialect.js";
import type { ColumnInfo } from "../types.js";

/**
 * What a warehouse dialect spells its own way; the rest is standard SQL. Trino, Spark SQL, BigQuery and
 * Snowflake are generated from this one builder (there is no server of theirs here: golden SQL tests
 * check the text, and DuckDB runs the parts it shares with them).
 */
export interface WarehouseSpelling {
  name: string;
  /** Quote character of identifiers and how a quote inside a name is escaped. */
  identQuote: '"' | "`";
  /** How a quote or backslash inside a string literal is escaped. */
  stringEscape: "double" | "backslash";
  doubleType: string;
  textType: string;
  /** Epoch milliseconds of a timestamp expression, as a DOUBLE. */
  epochMs(timestamp: string): string;
  timestampType: string;
  isNan(expr: string): string;
  matches(expr: string, patternLiteral: string): string;
  /** A DOUBLE literal of NaN, +∞ or −∞. */
  special(kind: "nan" | "inf" | "-inf"): string;
  array(items: string[]): string;
}

export function warehouseDialect(w: WarehouseSpelling): SqlDialect {
  const ident = (name: string) =>
    w.identQuote === '"' ? `"${name.replaceAll('"', '""')}"` : `\`${name.replaceAll("`", "``")}\``;
  const string = (text: string) =>
    w.stringEscape === "double"
      ? `'${text.replaceAll("'", "''")}'`
      : `'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
  const double = (expr: string) => `CAST(${expr} AS ${w.doubleType})`;
  return {
    name: w.name,
    ident,
    string,
    number: (x) =>
      Number.isNaN(x)
        ? w.special("nan")
        : x === Infinity
          ? w.special("inf")
          : x === -Infinity
            ? w.special("-inf")
            : double(String(x)),
    stringList: (values) => w.array(values.map(string)),
    batchValue: (column: ColumnInfo) => {
      const c = ident(column.name);
      if (column.type === "string") return `CAST(${c} AS ${w.textType})`;
      if (column.type === "date" || column.type === "timestamp")
        return w.epochMs(`CAST(${c} AS ${w.timestampType})`);
      if (column.type === "boolean")
        return `CASE WHEN ${c} THEN ${double("1")} WHEN NOT ${c} THEN ${double("0")} END`;
      return double(c);
    },
    numbered: (from) => `(SELECT ${double("row_number() OVER () - 1")} AS __row, * FROM ${from})`,
    double,
    isNan: w.isNan,
    matches: (expr, pattern) => w.matches(expr, string(pattern)),
  };
}
