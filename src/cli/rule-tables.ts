import { dirname, isAbsolute, resolve } from "node:path";
import { checkRuleStatements } from "../io/rule-sql.js";
import { type DuckDBRelation, openSources, type SourceSpec } from "../io/source.js";
import type { RuleTable } from "../schema/rules/plan.js";
import type { Schema } from "../schema/types.js";
import { UsageError } from "./errors.js";
import { sourceSpecFromArgs } from "./source-args.js";

/**
 * The batch and the other tables a contract's rules name, opened together on one engine: the tables
 * under `tables:` (paths relative to the schema file) and `--table NAME=FILE` (which wins: the previous
 * batch changes every run), and any `extra` tables a command reads beside them (a reference). With rules,
 * the engine is a sandboxed DuckDB that reads only these files.
 */
export async function openWithRuleTables(
  positionals: string[],
  sql: unknown,
  schema: Schema | null,
  schemaPath: string,
  tableFlags: unknown,
  extra: SourceSpec[] = [],
): Promise<{ source: DuckDBRelation; tables: Record<string, RuleTable>; extra: DuckDBRelation[] }> {
  const files: Record<string, string> = {};
  for (const [name, path] of Object.entries(schema?.tables ?? {}))
    files[name] = isAbsolute(path) ? path : resolve(dirname(schemaPath), path);
  for (const flag of (Array.isArray(tableFlags)
    ? tableFlags
    : tableFlags === undefined
      ? []
      : [tableFlags]) as string[]) {
    const eq = flag.indexOf("=");
    if (eq <= 0 || eq === flag.length - 1) throw new UsageError(`--table expects NAME=FILE, got '${flag}'`);
    files[flag.slice(0, eq)] = flag.slice(eq + 1);
  }
  const names = Object.keys(files);
  const specs: SourceSpec[] = [
    sourceSpecFromArgs(positionals, sql),
    ...extra,
    ...names.map((n) => ({ path: files[n] })),
  ];
  const rules = schema?.rules ?? [];
  const [source, ...opened] = await openSources(specs, { sandbox: rules.length > 0 });
  const others = opened.slice(extra.length);
  if (rules.length > 0) await checkRuleStatements(source.conn, source.sql, rules);
  const tables: Record<string, RuleTable> = {};
  names.forEach((n, i) => {
    tables[n] = { sql: others[i].sql, columns: others[i].columns };
  });
  return { source, tables, extra: opened.slice(0, extra.length) };
}
