/** DuckDB SQL text helpers for the checks (pure string building: browser-safe, no driver import). */
export type QueryFn = (sql: string) => Promise<Record<string, unknown>[]>;

export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export function sqlNumber(x: number): string {
  if (Number.isNaN(x)) return "'nan'::DOUBLE";
  if (x === Number.POSITIVE_INFINITY) return "'inf'::DOUBLE";
  if (x === Number.NEGATIVE_INFINITY) return "'-inf'::DOUBLE";
  return `${x}::DOUBLE`;
}

export function sqlStringList(values: readonly string[]): string {
  return `[${values.map(sqlString).join(", ")}]::VARCHAR[]`;
}

/** The relation with a 0-based row number (DuckDB keeps file order for a streaming window). */
export function numbered(relation: string): string {
  return `(SELECT (row_number() OVER () - 1)::DOUBLE AS __row, * FROM ${relation})`;
}
