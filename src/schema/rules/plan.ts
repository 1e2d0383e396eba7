import type { QueryFn } from "../../table/relation.js";
import type { ColumnInfo } from "../../table/types.js";
import { type Anomaly, nullableNum, num, pct, pctOf } from "../anomaly.js";
import type { Aggregates, Pending, Scan } from "../checks/scan.js";
import type { Schema, Severity } from "../types.js";
import { rateStatus, statusOf } from "../verdict.js";
import { allPresent, keyPair, type RuleSql } from "./sql.js";
import { RULE_CHECK, type Rule } from "./types.js";

/** Another table a rule names, as the engine holding the batch can read it. */
export interface RuleTable {
  sql: string;
  columns: ColumnInfo[];
}

export interface RuleContext {
  schema: Schema;
  columns: ColumnInfo[];
  relation: string;
  query: QueryFn;
  sql: RuleSql;
  tables: Record<string, RuleTable>;
  /** The clock freshness is judged against (epoch ms). */
  now: number;
}

/** What a rule reads after the scan: its verdict, with the predicate finding its offending rows. */
export type RuleJudge = (aggregates: Aggregates, rows: number) => Promise<Pending>;

/**
 * Every rule of the contract planned into the validation scan: row-level rules as `count(*) FILTER`
 * aggregates (one scan for all of them and the inferred checks), table-level ones as aggregates too;
 * only what lives in another table (a reference total, the previous batch's rows) is one small query.
 */
export function planRules(ctx: RuleContext, scan: Scan): RuleJudge[] {
  return (ctx.schema.rules ?? []).map((rule) => planRule(ctx, rule, scan));
}

function planRule(ctx: RuleContext, written: Rule, scan: Scan): RuleJudge {
  // the rule's own severity, else the contract's for its check id, else error
  const rule = {
    ...written,
    severity: written.severity ?? ctx.schema.checks[RULE_CHECK[written.kind]]?.severity ?? "error",
  } as Rule & { severity: Severity };
  const ident = ctx.sql.dialect.ident;
  const byName = new Map(ctx.columns.map((c) => [c.name, c]));
  const absent = ruleColumns(rule).filter((c) => !byName.has(c));
  if (absent.length > 0)
    return async () => ({
      result: cannotRun(rule, `the batch has no column ${absent.map((c) => `'${c}'`).join(", ")}`),
    });
  const applies = rule.when !== undefined ? `coalesce((${rule.when}\n), false)` : null;
  const within = (p: string) => (applies ? `${applies} AND ${p}` : p);
  const count = (p: string) => scan.add(ctx.sql.double(`count(*) FILTER (WHERE ${p})`));
  switch (rule.kind) {
    case "expression": {
      const predicate = within(`NOT coalesce((${rule.expect}\n), true)`);
      const [k, n] = [count(predicate), applies ? count(applies) : null];
      return async (agg, rows) =>
        rate(ctx, rule, num(agg[k]), n ? num(agg[n]) : rows, predicate, `rows break ${rule.expect}`);
    }
    case "format": {
      const c = ident(rule.column);
      const predicate = within(`${c} IS NOT NULL AND NOT ${ctx.sql.fullMatch(c, rule.matches)}`);
      const [k, n] = [count(predicate), count(within(`${c} IS NOT NULL`))];
      return async (agg) =>
        rate(
          ctx,
          rule,
          num(agg[k]),
          num(agg[n]),
          predicate,
          `values of '${rule.column}' do not match /${rule.matches}/`,
          rule.column,
        );
    }
    case "unique": {
      const keyed = within(allPresent(rule.columns, ident));
      const tuple = rule.columns.map(ident).join(", ");
      const [n, d] = [count(keyed), scan.add(ctx.sql.distinctTuples(rule.columns.map(ident), keyed))];
      const predicate = `${keyed} AND (${tuple}) IN (SELECT ${tuple} FROM ${ctx.relation} WHERE ${keyed} GROUP BY ${tuple} HAVING count(*) > 1)`;
      return async (agg) =>
        rate(
          ctx,
          rule,
          num(agg[n]) - num(agg[d]),
          num(agg[n]),
          predicate,
          `rows repeat the key (${rule.columns.join(", ")}) of an earlier row`,
        );
    }
    case "foreign_key": {
      const table = ctx.tables[rule.references.table];
      if (!table) return async () => ({ result: cannotRun(rule, missingTable(rule.references.table)) });
      const refByName = new Map(table.columns.map((c) => [c.name, c]));
      const gone = rule.references.columns.filter((c) => !refByName.has(c));
      if (gone.length > 0)
        return async () => ({
          result: cannotRun(
            rule,
            `table '${rule.references.table}' has no column ${gone.map((c) => `'${c}'`).join(", ")}`,
          ),
        });
      const pairs = rule.columns.map((c, i) =>
        keyPair(byName.get(c), refByName.get(rule.references.columns[i]), ident),
      );
      const keyed = within(allPresent(rule.columns, ident));
      const refKeyed = allPresent(rule.references.columns, ident);
      const predicate = `${keyed} AND (${pairs.map((p) => p.left).join(", ")}) NOT IN (SELECT ${pairs.map((p) => p.right).join(", ")} FROM ${table.sql} WHERE ${refKeyed})`;
      const [k, n] = [count(predicate), count(keyed)];
      return async (agg) => {
        const pending = rate(
          ctx,
          rule,
          num(agg[k]),
          num(agg[n]),
          predicate,
          `keys (${rule.columns.join(", ")}) are not in ${rule.references.table} (${rule.references.columns.join(", ")})`,
        );
        if (pending.result.status !== "pass")
          pending.result.found = { missingKeys: await missingKeys(ctx, rule.columns, predicate) };
        return pending;
      };
    }
    case "aggregate": {
      const alias = scan.add(ctx.sql.double(`(${rule.aggregate}\n)`));
      return async (agg) => {
        const value = nullableNum(agg[alias]);
        let target: number | null = typeof rule.equals === "number" ? rule.equals : null;
        if (rule.equals !== undefined && typeof rule.equals !== "number") {
          const table = ctx.tables[rule.equals.table];
          if (!table) return { result: cannotRun(rule, missingTable(rule.equals.table)) };
          const [row] = await ctx.query(
            `SELECT ${ctx.sql.double(`(${rule.equals.aggregate}\n)`)} AS v FROM ${table.sql}`,
          );
          target = nullableNum(row?.v);
        }
        return { result: judgeAggregate(rule, value, target) };
      };
    }
    case "freshness": {
      const alias = scan.add(ctx.sql.newestMillis(ident(rule.column)));
      return async (agg) => {
        const newest = nullableNum(agg[alias]);
        const ageHours = newest === null ? null : (ctx.now - newest) / 3_600_000;
        const ok = ageHours !== null && ageHours <= rule.maxAgeHours;
        const message =
          newest === null
            ? `'${rule.column}' holds no timestamp`
            : `the newest '${rule.column}' is ${new Date(newest).toISOString()}, ${ageHours!.toFixed(1)} hours old; the rule allows ${rule.maxAgeHours}`;
        return {
          result: tableResult(rule, ok, ageHours, rule.maxAgeHours, message, {
            newest: newest === null ? null : new Date(newest).toISOString(),
            ageHours,
          }),
        };
      };
    }
    case "row_count_change": {
      return async (_agg, rows) => {
        const table = ctx.tables[rule.previous];
        if (!table) return { result: cannotRun(rule, missingTable(rule.previous)) };
        const [row] = await ctx.query(`SELECT ${ctx.sql.double("count(*)")} AS n FROM ${table.sql}`);
        const previous = num(row?.n);
        const ratio = previous > 0 ? rows / previous : null;
        const ok =
          ratio !== null &&
          (rule.min === null || ratio >= rule.min) &&
          (rule.max === null || ratio <= rule.max);
        const bounds = `[${rule.min ?? "−∞"}, ${rule.max ?? "∞"}]`;
        const message =
          ratio === null
            ? `the previous batch '${rule.previous}' has no rows`
            : `${rows} rows against ${previous} in '${rule.previous}': ×${ratio.toFixed(3)}, the rule allows ×${bounds}`;
        return {
          result: tableResult(rule, ok, ratio, rule.max ?? rule.min ?? undefined, message, {
            rows,
            previous,
            ratio,
          }),
        };
      };
    }
  }
}

/** A rule with the severity that applies to it. */
type Judged = Rule & { severity: Severity };

/** The batch columns a rule reads by name (SQL expressions are checked by the engine instead). */
function ruleColumns(rule: Rule): string[] {
  if (rule.kind === "format" || rule.kind === "freshness") return [rule.column];
  if (rule.kind === "unique" || rule.kind === "foreign_key") return rule.columns;
  return [];
}

function missingTable(name: string): string {
  return `no table '${name}': declare it under tables: in the schema or pass --table ${name}=FILE`;
}

function subject(rule: Rule, column?: string) {
  return { rule: rule.id, ...(column ? { column } : {}) };
}

/** A row-level rule's verdict on "k of n rows broke it": the same confidence-aware rate test as the inferred checks. */
function rate(
  ctx: RuleContext,
  rule: Judged,
  k: number,
  n: number,
  predicate: string,
  what: string,
  column?: string,
): Pending {
  const tolerance = +(1 - rule.mostly).toPrecision(12);
  const confidence = ctx.schema.reference?.confidence ?? 0.999;
  const verdict = rateStatus(k, n, tolerance, rule.severity, confidence);
  const result: Anomaly = {
    check: RULE_CHECK[rule.kind],
    subject: subject(rule, column),
    ...verdict,
    value: n > 0 ? k / n : null,
    threshold: tolerance,
    count: k,
    total: n,
    expected: expectedOf(rule),
    message: `${rule.id}: ${k} of ${n} ${what} (${pct(k, n)}); the rule allows ${pctOf(tolerance)}`,
  };
  return { result, predicate: verdict.status === "pass" ? undefined : predicate, column };
}

function judgeAggregate(
  rule: Extract<Rule, { kind: "aggregate" }> & { severity: Severity },
  value: number | null,
  target: number | null,
): Anomaly {
  const problems: string[] = [];
  if (value === null) problems.push(`${rule.aggregate} is NULL`);
  else {
    if (rule.equals !== undefined) {
      if (target === null) problems.push("the reference total is NULL");
      // sums of doubles in another order differ in the last bits: below 1e-12 relative is equal
      else if (
        Math.abs(value - target) >
        Math.max(rule.tolerance, 1e-12) * Math.max(Math.abs(target), 1e-300)
      )
        problems.push(
          `${value} ≠ ${target} (difference ${pctOf(Math.abs(value - target) / Math.max(Math.abs(target), 1e-300))}, allowed ${pctOf(rule.tolerance)})`,
        );
    }
    if (rule.min !== undefined && value < rule.min) problems.push(`${value} < min ${rule.min}`);
    if (rule.max !== undefined && value > rule.max) problems.push(`${value} > max ${rule.max}`);
  }
  const message =
    `${rule.aggregate} = ${value}` +
    (problems.length > 0
      ? `: ${problems.join("; ")}`
      : target !== null
        ? `, within ${pctOf(rule.tolerance)} of ${target}`
        : " is within bounds");
  return tableResult(rule, problems.length === 0, value, target ?? rule.max ?? rule.min, message, {
    value,
    target,
  });
}

function tableResult(
  rule: Judged,
  ok: boolean,
  value: number | null,
  threshold: number | undefined,
  message: string,
  found: unknown,
): Anomaly {
  return {
    check: RULE_CHECK[rule.kind],
    subject: subject(rule, rule.kind === "freshness" ? rule.column : undefined),
    status: ok ? "pass" : statusOf(rule.severity),
    severity: ok ? "info" : rule.severity,
    value,
    ...(threshold !== undefined ? { threshold } : {}),
    expected: expectedOf(rule),
    found,
    message: `${rule.id}: ${message}`,
  };
}

function cannotRun(rule: Judged, why: string): Anomaly {
  return {
    check: RULE_CHECK[rule.kind],
    subject: subject(rule),
    status: statusOf(rule.severity),
    severity: rule.severity,
    value: null,
    expected: expectedOf(rule),
    message: `${rule.id}: cannot be checked: ${why}`,
  };
}

/** The rule as written (without where it was written), for the report. */
function expectedOf(rule: Rule): Record<string, unknown> {
  const { origin: _origin, id: _id, severity: _severity, ...rest } = rule;
  return rest;
}

/** The keys a foreign-key rule did not find, most frequent first, with their counts and first rows. */
async function missingKeys(
  ctx: RuleContext,
  columns: string[],
  predicate: string,
): Promise<Record<string, unknown>[]> {
  const ident = ctx.sql.dialect.ident;
  const keys = columns.map(ident).join(", ");
  const rows = await ctx.query(
    `SELECT ${keys}, ${ctx.sql.double("count(*)")} AS __count, min(__row) AS __first FROM ${ctx.sql.dialect.numbered(ctx.relation)} WHERE ${predicate} GROUP BY ${keys} ORDER BY __count DESC, __first LIMIT 10`,
  );
  return rows.map((r) => ({
    ...Object.fromEntries(columns.map((c) => [c, r[c]])),
    count: num(r.__count),
    firstRow: num(r.__first),
  }));
}

/**
 * When the scan holding the rules fails, the rule whose SQL the engine refused, found by planning each
 * rule alone over no rows (`LIMIT 0`: the engine binds names and types, reads nothing), or null.
 */
export async function refusedRule(
  ctx: RuleContext,
  newScan: () => Scan,
): Promise<{ rule: Rule; problem: string } | null> {
  const empty = `(SELECT * FROM ${ctx.relation} LIMIT 0)`;
  for (const rule of ctx.schema.rules ?? []) {
    const scan = newScan();
    planRule({ ...ctx, relation: empty }, rule, scan);
    try {
      await ctx.query(scan.query(empty));
    } catch (error) {
      return { rule, problem: (error as Error).message };
    }
  }
  return null;
}
