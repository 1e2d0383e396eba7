import type { EngineRelation } from "../io/engine-relation.js";
import { isEngineUrl, openEngineSource } from "../io/engine-source.js";
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
  if (isEngineUrl(positionals[0]))
    throw new UsageError(
      "this command reads files or --sql; a postgres:// or clickhouse:// source works with assay profile, and drift compares the profiles it saves with --out (docs/pushdown.md)",
    );
  return { path: positionals[0] };
}

/**
 * A `<source>` that may also be a database table: `postgres://…` or `clickhouse://…` with `--table T`
 * and an optional `--where` predicate, pushed down to the server. Files and --sql as sourceFromArgs.
 */
export async function relationFromArgs(
  positionals: string[],
  values: { sql?: unknown; table?: unknown; where?: unknown },
  what = "source",
): Promise<DuckDBRelation | EngineRelation> {
  const first = positionals[0];
  if (first !== undefined && isEngineUrl(first)) {
    if (positionals.length > 1)
      throw new UsageError(`expected one ${what}, got ${positionals.length}: ${positionals.join(" ")}`);
    if (typeof values.table !== "string" || values.table === "")
      throw new UsageError(`${what} ${first.split("@").pop()}: a database source needs --table NAME`);
    return openEngineSource(first, {
      table: values.table,
      where: typeof values.where === "string" ? values.where : undefined,
    });
  }
  if (values.table !== undefined || values.where !== undefined)
    throw new UsageError("--table and --where go with a postgres:// or clickhouse:// source");
  return sourceFromArgs(positionals, values.sql, what);
}

/** Closes a database source's connection; files need nothing. */
export async function closeRelation(relation: object): Promise<void> {
  if ("close" in relation && typeof relation.close === "function") await relation.close();
}

/** A usage error naming the flag when a source lacks a column the command needs. */
export function requireColumn(source: Relation, name: string, flag: string): void {
  if (!source.columns.some((c) => c.name === name))
    throw new UsageError(
      `${source.name}: no column '${name}' (${flag}); columns: ${source.columns.map((c) => c.name).join(", ")}`,
    );
}
