import { DEFAULT_FREQUENCY_CAPACITY } from "../sketch/frequency.js";
import { hashNumber, hashString } from "../sketch/hash.js";
import { HyperLogLog } from "../sketch/hll.js";
import type { Relation } from "../table/relation.js";
import type { ColumnInfo } from "../table/types.js";
import { type ColumnCore, emptyCore, MAX_EXAMPLES } from "./column.js";
import { finalizeColumn } from "./finalize.js";
import { NumericFold } from "./numeric-fold.js";
import { classify, emptyPatterns, inferFromPatterns, PATTERNS } from "./patterns.js";
import { PROFILE_FORMAT, PROFILE_VERSION, type TableProfile } from "./types.js";

/**
 * The SQL push-down engine. The relation's engine (DuckDB for files) does the scanning and grouping — one GROUP BY per column, streaming
 * every distinct value once with its exact count — and the groups are folded into the profile in JS by
 * the same sketch, pattern and moment code the stream engine runs. So the two engines agree value for
 * value, the data is scanned once per column, and the JS work is proportional to the number of distinct
 * values rather than rows. Distinct counts are exact; the top values are an exact top-k.
 */
export async function profileSource(
  source: Relation,
  options: { columns?: string[]; onStep?: (done: number, total: number) => void } = {},
): Promise<TableProfile> {
  const { batchValue, double } = source.dialect;
  const columns = options.columns
    ? source.columns.filter((c) => options.columns!.includes(c.name))
    : source.columns;
  // Columns go by position (__c0, __c1 …) inside the query, so a name is spelled once, quoted, and an
  // engine that lets an alias shadow a column (ClickHouse) never sees `f(x) AS x`.
  const exprs = columns.map((c, i) => `${batchValue(c)} AS __c${i}`).join(", ");
  const base = `(SELECT ${exprs || "1 AS __none"} FROM ${source.sql}) AS __base`;
  const digest = source.digest();
  const counts = `SELECT ${double("count(*)")} AS __rows${columns.map((_, i) => `, ${double(`count(__c${i})`)} AS __n${i}`).join("")} FROM ${base}`;
  const [row] = await source.query(counts);
  const rows = row.__rows as number;
  const cores: ColumnCore[] = [];
  for (const [i, column] of columns.entries()) {
    cores.push(await columnCore(source, base, column, `__c${i}`, rows, row[`__n${i}`] as number));
    options.onStep?.(i + 1, columns.length);
  }
  return {
    format: PROFILE_FORMAT,
    version: PROFILE_VERSION,
    engine: "sql",
    source: { name: source.name, digest: await digest },
    rows,
    columns: cores.map(finalizeColumn),
  };
}

/** One value and its count, as the GROUP BY streams them. */
type Group = [value: number | string, count: number];

async function columnCore(
  source: Relation,
  base: string,
  column: ColumnInfo,
  c: string,
  rows: number,
  count: number,
): Promise<ColumnCore> {
  const numeric = column.type !== "string";
  const { double, isNan } = source.dialect;
  const capacity = DEFAULT_FREQUENCY_CAPACITY;
  const valueFilter = numeric ? `${c} IS NOT NULL AND NOT ${isNan(c)}` : `${c} IS NOT NULL`;
  const hll = new HyperLogLog();
  const hash = numeric ? (v: Group[0]) => hashNumber(v as number) : (v: Group[0]) => hashString(v as string);
  let groups: Group[] = [];
  let distinct = 0;
  const numericFold = column.type === "string" ? null : new NumericFold(column.type);
  const stringFold = numeric ? null : new StringFold();
  for await (const chunk of source.stream(
    `SELECT ${c} AS __v, ${double("count(*)")} AS __n FROM ${base} WHERE ${valueFilter} GROUP BY ${c}`,
  )) {
    const values = chunk.columns[0].values;
    const ns = chunk.columns[1].values as Float64Array;
    for (let r = 0; r < chunk.length; r++) {
      const v = values[r] as Group[0];
      const n = ns[r];
      groups.push([v, n]);
      hll.addHash(hash(v));
      if (numericFold) numericFold.add(v as number, n);
      else stringFold!.add(v as string, n);
    }
    distinct += chunk.length;
    // Every group arrives once with its exact count, so keeping the largest is an exact top-k.
    if (groups.length > 64 * capacity) groups = largest(groups, capacity / 2);
  }
  const exact = distinct <= capacity;
  const kept = exact ? groups : largest(groups, capacity / 2);
  const frequencyCounts: Record<string, number> = {};
  for (const [v, n] of exact ? [...kept].sort(byCountThenValue) : kept) frequencyCounts[String(v)] = n;
  const core: ColumnCore = {
    ...emptyCore(column.name, column.type, rows - count, capacity),
    count,
    frequencies: { exact, capacity, counts: frequencyCounts, error: 0 },
    hll: hll.serialize(),
  };
  if (!exact) core.exactDistinct = distinct;
  // NaN is the one present value the grouped table leaves out: it is what the listed counts miss
  if (numericFold) Object.assign(core, { nan: count - numericFold.listed, ...numericFold.state() });
  else {
    Object.assign(core, stringFold!.result());
    core.nonNumericExamples =
      core.patterns && inferFromPatterns(core.patterns).issue === "mixed_types"
        ? await nonNumericExamples(source, base, c)
        : [];
  }
  return core;
}

/** The k most frequent groups, most frequent first, ties by value: a typed-array threshold, then a small sort. */
function largest(groups: Group[], k: number): Group[] {
  if (groups.length > k) {
    const counts = Float64Array.from(groups, (g) => g[1]).sort();
    const threshold = counts[counts.length - k];
    const above = groups.filter((g) => g[1] > threshold);
    const ties = groups.filter((g) => g[1] === threshold).sort(byCountThenValue);
    groups = above.concat(ties.slice(0, k - above.length));
  }
  return groups.sort(byCountThenValue).slice(0, k);
}

function byCountThenValue(a: Group, b: Group): number {
  if (a[1] !== b[1]) return b[1] - a[1];
  if (typeof a[0] === "number" && typeof b[0] === "number") return a[0] - b[0];
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

class StringFold {
  readonly patterns = emptyPatterns();
  private lmin = Infinity;
  private lmax = -Infinity;
  private lsum = 0;
  private total = 0;

  add(v: string, c: number): void {
    this.patterns[classify(v)] += c;
    if (v.length < this.lmin) this.lmin = v.length;
    if (v.length > this.lmax) this.lmax = v.length;
    this.lsum += v.length * c;
    this.total += c;
  }

  result(): Partial<ColumnCore> {
    return {
      patterns: { ...this.patterns },
      length: this.total > 0 ? { min: this.lmin, max: this.lmax, mean: this.lsum / this.total } : null,
    };
  }
}

/** The first few distinct non-numeric values in table order, as the stream engine keeps them. */
async function nonNumericExamples(source: Relation, base: string, c: string): Promise<string[]> {
  const { matches, numbered } = source.dialect;
  const numeric = PATTERNS.filter(([name]) => name === "integer" || name === "float")
    .map(([, pattern]) => matches(c, pattern))
    .join(" OR ");
  const rows = await source.query(
    `SELECT __v FROM (SELECT ${c} AS __v, min(__row) AS __first FROM ${numbered(`(SELECT ${c} FROM ${base}) AS __ordered`)} AS __numbered
       WHERE ${c} IS NOT NULL AND NOT (${numeric}) GROUP BY ${c}) AS __firsts ORDER BY __first LIMIT ${MAX_EXAMPLES}`,
  );
  return rows.map((r) => String(r.__v));
}
