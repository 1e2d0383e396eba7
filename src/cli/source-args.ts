import { type DuckDBRelation, openSource, type SourceSpec } from "../io/source.js";
import type { Relation } from "../table/relation.js";
import { UsageError } from "./errors.js";

/** The `<source>` of DESIGN §3: a file path positional, or --sql "…". */
export async function sourceFromArgs(
  positionals: string[],
  sql: unknown,
  what = "source",
): Promise<DuckDBRelation> {
  return openSource(sourceSpecFromArgs(positionals, sql, what));
}

/** What `<source>` names, before it is opened (to open it beside other tables). */
export function sourceSpecFromArgs(positionals: string[], sql: unknown, what = "source"): SourceSpec {
  if (typeof sql === "string") {
    if (positionals.length > 0)
      throw new UsageError(`give either a file or --sql, not both (got '${positionals[0]}' and --sql)`);
    return { sql };
  }
  if (positionals.length === 0)
    throw new UsageError(`missing ${what}: a data file (.csv .parquet …) or --sql "SELECT …"`);
  if (positionals.length > 1)
    throw new UsageError(`expected one ${what}, got ${positionals.length}: ${positionals.join(" ")}`);
  return { path: positionals[0] };
}

/** A usage error naming the flag when a source lacks a column the command needs. */
export function requireColumn(source: Relation, name: string, flag: string): void {
  if (!source.columns.some((c) => c.name === name))
    throw new UsageError(
      `${source.name}: no column '${name}' (${flag}); columns: ${source.columns.map((c) => c.name).join(", ")}`,
    );
}
