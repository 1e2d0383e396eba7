import type { ColumnInfo, ColumnType } from "./types.js";

/**
 * The columns of plain JS rows, in order of first appearance, each typed by the values it holds: numbers
 * are integer when every one is a whole finite number, else float; booleans boolean; Dates timestamp;
 * bigints integer; strings string. A column mixing kinds (1 and "1", true and 0) is string, as a CSV
 * reader would read it; a column that is null in every row is string. `sourceType` names the JS kind.
 */
export function columnsOfRows(rows: readonly Record<string, unknown>[]): ColumnInfo[] {
  const kinds = new Map<string, Set<string>>();
  for (const row of rows)
    for (const [name, value] of Object.entries(row)) {
      let seen = kinds.get(name);
      if (!seen) kinds.set(name, (seen = new Set()));
      if (value !== null && value !== undefined) seen.add(kindOf(value));
    }
  return [...kinds.entries()].map(([name, seen]) => {
    const type = typeOf(seen);
    return {
      name,
      type,
      sourceType: seen.size === 1 ? [...seen][0] : type === "string" ? "mixed" : "number",
    };
  });
}

function kindOf(value: unknown): string {
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  if (typeof value === "bigint") return "integer";
  if (typeof value === "boolean") return "boolean";
  if (value instanceof Date) return "date";
  return "string";
}

function typeOf(seen: Set<string>): ColumnType {
  if (seen.size === 0) return "string";
  if ([...seen].every((k) => k === "integer")) return "integer";
  if ([...seen].every((k) => k === "integer" || k === "number")) return "float";
  if (seen.size > 1) return "string";
  const [only] = seen;
  return only === "boolean" ? "boolean" : only === "date" ? "timestamp" : "string";
}
