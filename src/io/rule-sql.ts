import type { DuckDBConnection } from "@duckdb/node-api";
import type { Rule } from "../schema/rules/types.js";
import { SchemaFileError } from "../schema/yaml-read.js";
import { singleSelect } from "./user-sql.js";

/**
 * The second lock on a contract's rule SQL (the first is lexical, schema/rules/expression.ts): DuckDB's
 * own parser must see `SELECT (<expression>) AS x FROM <batch>` as exactly one SELECT statement, so that
 * nothing the lexer misread can split the text into statements; binding it also names a misspelt column
 * at the rule's line before any scan runs.
 */
export async function checkRuleStatements(
  conn: DuckDBConnection,
  relation: string,
  rules: Rule[],
): Promise<void> {
  for (const rule of rules) {
    const texts: [string, string | undefined][] = [
      ["when", rule.when],
      ["expect", rule.kind === "expression" ? rule.expect : undefined],
      ["aggregate", rule.kind === "aggregate" ? rule.aggregate : undefined],
    ];
    for (const [field, text] of texts) {
      if (text === undefined) continue;
      try {
        // prepared, not run: DuckDB binds the names against the batch and reads nothing
        await singleSelect(conn, `SELECT (${text}\n) AS x FROM ${relation}`);
      } catch (error) {
        const { file, line } = rule.origin;
        const message = (error as Error).message;
        const problem = message.startsWith("sql: ") ? message.slice(5) : "must be one SQL expression";
        throw new SchemaFileError(file, line, rule.origin.field.replace(/[^.]+$/, field), problem);
      }
    }
  }
}
