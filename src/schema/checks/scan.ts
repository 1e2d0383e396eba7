import type { ColumnInfo } from "../../table/types.js";
import type { Anomaly } from "../anomaly.js";
import type { CheckId, ColumnContract, Schema } from "../types.js";
import { rateStatus, severityFor, toleranceFor } from "../verdict.js";

/**
 * The aggregates of the one validation scan. Each check family adds the ones it needs; an aggregate two
 * families need (the range count the unit check also reads) is computed once.
 */
export class Scan {
  private readonly aliases = new Map<string, string>();
  private readonly aggregates: string[];

  /** `rows`: the engine's row count as a double (DuckDB's by default). */
  constructor(rows = "count(*)::DOUBLE") {
    this.aggregates = [`${rows} AS __rows`];
  }

  add(sql: string): string {
    let alias = this.aliases.get(sql);
    if (!alias) {
      alias = `a${this.aggregates.length}`;
      this.aggregates.push(`${sql} AS ${alias}`);
      this.aliases.set(sql, alias);
    }
    return alias;
  }

  query(relation: string): string {
    return `SELECT ${this.aggregates.join(", ")} FROM ${relation}`;
  }
}

/** The one row the scan returns: every aggregate by its alias, and `__rows`. */
export type Aggregates = Record<string, unknown>;

/** A result on its way out: the predicate that finds its offending rows, and the column to show for them. */
export interface Pending {
  result: Anomaly;
  predicate?: string;
  column?: string;
}

/** What a check family planned for a column: it reads its aggregates once the scan has run. */
export type Judge = (aggregates: Aggregates, rows: number) => Pending;

/** One contract column as every check family sees it in the batch. */
export interface ColumnScan {
  schema: Schema;
  contract: ColumnContract;
  info: ColumnInfo;
  /** A FROM-able relation holding the batch. */
  relation: string;
  /** The column in SQL. */
  sql: string;
  /** Its numeric view (the column, or a cast when the batch stores the numbers as text); null when not numeric. */
  numeric: string | null;
  /** Integer columns hold no NaN or Inf, so their finite values are the present ones. */
  integral: boolean;
  /** Alias of count(column): its present values. */
  present: string;
}

/**
 * "x is a finite number". Every aggregate of an integer column can skip the isfinite() filter (a per-row
 * predicate per aggregate on 3M rows adds up).
 */
export function finite(col: ColumnScan, x: string): string {
  return col.integral ? `${x} IS NOT NULL` : `isfinite(${x})`;
}

/** Alias of the count of finite values of the numeric view (the present ones for an integer column). */
export function finiteCount(col: ColumnScan, scan: Scan): string | null {
  if (!col.numeric) return null;
  return col.integral ? col.present : scan.add(`count(*) FILTER (WHERE isfinite(${col.numeric}))::DOUBLE`);
}

/**
 * A rate check's verdict on "k of n broke the rule" and the fields every rate check reports: the rate,
 * the tolerance it was held to, the counts, the lower confidence bound. The family adds what it
 * expected and found, and the message.
 */
export function rateCheck(
  schema: Schema,
  check: CheckId,
  k: number,
  n: number,
  base: number,
  contract?: ColumnContract,
) {
  const tolerance = toleranceFor(schema, check, base, contract);
  const confidence = schema.reference?.confidence ?? 0.999;
  const verdict = rateStatus(k, n, tolerance, severityFor(schema, check, contract), confidence);
  return {
    tolerance,
    fields: {
      check,
      ...(contract ? { subject: { column: contract.name } } : {}),
      ...verdict,
      value: n > 0 ? k / n : null,
      threshold: tolerance,
      count: k,
      total: n,
    },
  };
}
