import type { Status } from "../report/report.js";
import type { Relation } from "../table/relation.js";
import type { ColumnInfo } from "../table/types.js";
import { type Anomaly, num } from "./anomaly.js";
import { countDuplicateRows, duplicateExamples, judgeDuplicateRows } from "./checks/duplicate-rows.js";
import { attachExamples } from "./checks/examples.js";
import { planFormat } from "./checks/format.js";
import { planMissingRate } from "./checks/missing-rate.js";
import { planNonFinite } from "./checks/non-finite.js";
import { explainOutOfDomain, planOutOfDomain } from "./checks/out-of-domain.js";
import { planOutOfRange } from "./checks/out-of-range.js";
import { maskPersonalColumns, personalDataAnomalies } from "./checks/personal-data.js";
import { judgeRowCount } from "./checks/row-count.js";
import { type ColumnScan, type Judge, type Pending, Scan } from "./checks/scan.js";
import { planTypeMismatch } from "./checks/type-mismatch.js";
import { planUnique } from "./checks/unique.js";
import { judgeUnitChanges, planUnitChange, type UnitCandidate } from "./checks/unit-change.js";
import { columnSetChecks } from "./column-set.js";
import { planRules, type RuleContext, type RuleTable, refusedRule } from "./rules/plan.js";
import { duckdbRuleSql } from "./rules/sql.js";
import { type QueryFn, sqlIdent } from "./sql.js";
import type { ColumnContract, Schema } from "./types.js";
import { SchemaFileError } from "./yaml-read.js";

/**
 * Validation: a batch against a contract, pushed down to DuckDB. Each check family (src/schema/checks/,
 * a file each) plans the aggregates it needs, and all counting happens in ONE aggregate scan (missing,
 * non-finite, out-of-range, out-of-domain, format, uniqueness, quantile means for unit changes), beside a
 * narrow scan for duplicate rows; then each family judges its aggregates into an anomaly. Offending row
 * numbers come from one more scan over the row-numbered relation, and only when something failed.
 * Out-of-domain values and duplicate pairs get one small query each when they fire.
 */
interface ValidateInput {
  schema: Schema;
  /** The batch's columns as the source reports them. */
  columns: ColumnInfo[];
  /** A FROM-able DuckDB relation holding the batch. */
  relation: string;
  query: QueryFn;
  /**
   * A second connection to the same database, when there is one: the duplicate-row scan runs on it
   * while the main aggregate runs on `query` (DuckDB's ORDER BY window is largely single-threaded).
   */
  queryConcurrent?: QueryFn;
  /** Offending rows shown per anomaly. */
  maxExamples?: number;
  /** The other tables the contract's rules name (foreign keys, totals, the previous batch), on the same engine. */
  tables?: Record<string, RuleTable>;
  /** The clock freshness rules are judged against (epoch ms; now by default). */
  now?: number;
}

export interface ValidationOutcome {
  rows: number;
  results: Anomaly[];
}

/** The per-column check families in the order their results are reported. */
const COLUMN_CHECKS: ((col: ColumnScan, scan: Scan) => Judge | null)[] = [
  planMissingRate,
  planNonFinite,
  planOutOfRange,
  planOutOfDomain,
  planFormat,
  planUnique,
];

export async function validateBatch(input: ValidateInput): Promise<ValidationOutcome> {
  const { schema, relation, query } = input;
  const maxExamples = input.maxExamples ?? 5;
  const byName = new Map(input.columns.map((c) => [c.name, c]));
  const scan = new Scan();
  const judges: Judge[] = [];
  const unitCandidates: UnitCandidate[] = [];
  for (const contract of schema.columns) {
    const info = byName.get(contract.name);
    if (!info) continue;
    const { col, typeJudge } = planColumn(schema, contract, info, relation, scan);
    if (typeJudge) judges.push(typeJudge);
    for (const plan of COLUMN_CHECKS) {
      const judge = plan(col, scan);
      if (judge) judges.push(judge);
    }
    const unit = planUnitChange(col, scan);
    if (unit) unitCandidates.push(unit);
  }

  const rules: RuleContext = {
    schema,
    columns: input.columns,
    relation,
    query,
    sql: duckdbRuleSql,
    tables: input.tables ?? {},
    now: input.now ?? Date.now(),
  };
  const ruleJudges = planRules(rules, scan);

  const [aggRows, duplicates] = await Promise.all([
    query(scan.query(relation)).catch(async (error) => {
      // a rule's SQL the engine refuses is a mistake in the contract: name its line
      const refused = ruleJudges.length > 0 ? await refusedRule(rules, () => new Scan()) : null;
      if (!refused) throw error;
      const { file, line, field } = refused.rule.origin;
      throw new SchemaFileError(file, line, field, refused.problem.replace(/^[^:]*: /, ""));
    }),
    countDuplicateRows(schema, input.columns, relation, input.queryConcurrent ?? query),
  ]);
  const agg = aggRows[0] ?? {};
  const rows = num(agg.__rows);
  const pending: Pending[] = [
    ...columnSetChecks(schema, input.columns).map((result) => ({ result })),
    ...judges.map((judge) => judge(agg, rows)),
    ...(await judgeUnitChanges(schema, unitCandidates, agg, relation, query)),
    judgeRowCount(schema, rows),
    ...(duplicates !== null ? [judgeDuplicateRows(schema, duplicates, rows)] : []),
  ];
  // one after another: a rule may query its other table on the batch's session
  for (const judge of ruleJudges) pending.push(await judge(agg, rows));

  await attachExamples(pending, input.columns, relation, query, maxExamples);
  const duplicateResult = pending.find(
    (p) => p.result.check === "data.duplicate_rows" && p.result.status !== "pass",
  );
  if (duplicateResult)
    await duplicateExamples(duplicateResult.result, input.columns, relation, query, maxExamples);
  await explainOutOfDomain(pending, schema, byName, relation, query);
  const results = [
    ...pending.map((p) => p.result),
    ...(await personalDataAnomalies(schema, input.columns, relation, query, maxExamples)),
  ];
  maskPersonalColumns(results, schema);
  return { rows, results };
}

/** A contract column as the families see it: its SQL, its numeric view, and the type check that set it. */
function planColumn(
  schema: Schema,
  contract: ColumnContract,
  info: ColumnInfo,
  relation: string,
  scan: Scan,
): { col: ColumnScan; typeJudge: Judge | null } {
  const sql = sqlIdent(info.name);
  const present = scan.add(`count(${sql})::DOUBLE`);
  const base = { schema, contract, info, relation, sql, present };
  const { numeric, judge } = planTypeMismatch(base, scan);
  return {
    col: { ...base, numeric, integral: info.type === "integer" && numeric === sql },
    typeJudge: judge,
  };
}

export type { Anomaly, Status };

/**
 * A relation validated against a schema: the relation's own SQL and session (a second session of the
 * same engine, when given, lets the duplicate-row scan overlap the main one).
 */
export function validateRelation(
  relation: Relation,
  schema: Schema,
  options: {
    maxExamples?: number;
    queryConcurrent?: QueryFn;
    tables?: Record<string, RuleTable>;
    now?: number;
  } = {},
): Promise<ValidationOutcome> {
  return validateBatch({
    schema,
    columns: relation.columns,
    relation: relation.sql,
    query: (sql) => relation.query(sql),
    queryConcurrent: options.queryConcurrent,
    maxExamples: options.maxExamples,
    tables: options.tables,
    now: options.now,
  });
}
