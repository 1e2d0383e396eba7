import { duckdb, ident, literal, queryRows } from "../io/duckdb.js";
import { batchExpression, guard, type Source } from "../io/source.js";
import {
  BucketStore,
  DEFAULT_MAX_BINS,
  DEFAULT_RELATIVE_ACCURACY,
  multiplierOf,
} from "../sketch/ddsketch.js";
import { DEFAULT_FREQUENCY_CAPACITY, type FrequencyState } from "../sketch/frequency.js";
import { DEFAULT_GRID_BINS, gridWidthFor } from "../sketch/grid.js";
import { hashNumber, hashString } from "../sketch/hash.js";
import { HyperLogLog } from "../sketch/hll.js";
import type { ColumnInfo } from "../table/types.js";
import { type ColumnCore, GRID_BASE, MAX_EXAMPLES } from "./column.js";
import { finalizeColumn } from "./finalize.js";
import { classify, emptyPatterns, inferFromPatterns, PATTERNS } from "./patterns.js";
import { type PatternCounts, PROFILE_FORMAT, PROFILE_VERSION, type TableProfile } from "./types.js";

/**
 * The SQL push-down engine: DuckDB computes the same profile as the stream engine — the same moments,
 * the same DDSketch bucket keys (ceil(ln|x|·multiplier)), the same time-grid cells, the same string
 * patterns — so the two engines agree and their profiles merge.
 */
export async function profileSource(
  source: Source,
  options: { columns?: string[]; onStep?: (done: number, total: number) => void } = {},
): Promise<TableProfile> {
  const columns = options.columns
    ? source.columns.filter((c) => options.columns!.includes(c.name))
    : source.columns;
  const conn = source.conn;
  const exprs = columns.map((c) => `${batchExpression(c)} AS ${ident(c.name)}`).join(", ");
  const base = `(SELECT ${exprs} FROM ${source.relation})`;
  const aggregates = await guard(source.name, queryRows(conn, aggregateSql(base, columns)));
  const agg = aggregates[0];
  const rows = agg.__rows as number;
  // Per-column scans run on their own connections so DuckDB can overlap them.
  let step = 0;
  const cores = await Promise.all(
    columns.map(async (column, i) => {
      const own = { ...source, conn: await duckdb() };
      const core = await columnCore(own, base, column, agg, i, rows);
      options.onStep?.(++step, columns.length);
      return core;
    }),
  );
  return {
    format: PROFILE_FORMAT,
    version: PROFILE_VERSION,
    engine: "sql",
    source: { name: source.name, digest: await source.digest() },
    rows,
    columns: cores.map(finalizeColumn),
  };
}

function aggregateSql(base: string, columns: ColumnInfo[]): string {
  const parts = ["count(*)::DOUBLE AS __rows"];
  columns.forEach((column, i) => {
    const c = ident(column.name);
    const p = `c${i}_`;
    parts.push(`count(${c})::DOUBLE AS ${p}count`);
    if (column.type === "string") {
      parts.push(`min(length(${c}))::DOUBLE AS ${p}lmin`, `max(length(${c}))::DOUBLE AS ${p}lmax`);
      parts.push(`avg(length(${c}))::DOUBLE AS ${p}lmean`);
      return;
    }
    const finite = `isfinite(${c})`;
    parts.push(
      `count(*) FILTER (WHERE isnan(${c}))::DOUBLE AS ${p}nan`,
      `count(*) FILTER (WHERE ${c} = 'inf'::DOUBLE)::DOUBLE AS ${p}posinf`,
      `count(*) FILTER (WHERE ${c} = '-inf'::DOUBLE)::DOUBLE AS ${p}neginf`,
      `count(*) FILTER (WHERE ${finite})::DOUBLE AS ${p}n`,
      `min(${c}) FILTER (WHERE ${finite}) AS ${p}min`,
      `max(${c}) FILTER (WHERE ${finite}) AS ${p}max`,
      `avg(${c}) FILTER (WHERE ${finite}) AS ${p}mean`,
      `var_pop(${c}) FILTER (WHERE ${finite}) AS ${p}varpop`,
      `count(*) FILTER (WHERE ${c} = 0)::DOUBLE AS ${p}zeros`,
      `count(*) FILTER (WHERE ${finite} AND ${c} < 0)::DOUBLE AS ${p}neg`,
    );
  });
  return `SELECT ${parts.join(", ")} FROM ${base}`;
}

async function columnCore(
  source: Source,
  base: string,
  column: ColumnInfo,
  agg: Record<string, unknown>,
  i: number,
  rows: number,
): Promise<ColumnCore> {
  const p = `c${i}_`;
  const num = (key: string) => (agg[p + key] as number | null) ?? 0;
  const c = ident(column.name);
  const count = num("count");
  const core: ColumnCore = {
    name: column.name,
    type: column.type,
    count,
    missing: rows - count,
    nan: 0,
    posInf: 0,
    negInf: 0,
    zeros: 0,
    negatives: 0,
    min: null,
    max: null,
    moments: null,
    sketch: null,
    frequencies: { exact: true, capacity: DEFAULT_FREQUENCY_CAPACITY, counts: {}, error: 0 },
    hll: "",
    length: null,
    patterns: null,
    nonNumericExamples: null,
  };
  const numeric = column.type !== "string";
  if (numeric) {
    const n = num("n");
    Object.assign(core, {
      nan: num("nan"),
      posInf: num("posinf"),
      negInf: num("neginf"),
      zeros: num("zeros"),
      negatives: num("neg"),
      min: n > 0 ? num("min") : null,
      max: n > 0 ? num("max") : null,
      moments: { n, mean: n > 0 ? num("mean") : 0, m2: n > 0 ? num("varpop") * n : 0 },
    });
    core.sketch =
      n > 0 ? await sketchOf(source, base, column, core.min!, core.max!, core.zeros) : emptySketch(column);
  } else {
    core.length = count > 0 ? { min: num("lmin"), max: num("lmax"), mean: num("lmean") } : null;
  }
  const valueFilter = numeric ? `${c} IS NOT NULL AND NOT isnan(${c})` : `${c} IS NOT NULL`;
  const capacity = DEFAULT_FREQUENCY_CAPACITY;
  const freqRows = await guard(
    source.name,
    queryRows(
      source.conn,
      `SELECT v, n, count(*) OVER ()::DOUBLE AS groups FROM (SELECT ${c} AS v, count(*)::DOUBLE AS n FROM ${base} WHERE ${valueFilter} GROUP BY ${c}) ORDER BY n DESC, v LIMIT ${capacity + 1}`,
    ),
  );
  const groups = (freqRows[0]?.groups as number | undefined) ?? 0;
  const exact = groups <= capacity;
  const kept = exact ? freqRows : freqRows.slice(0, Math.floor(capacity / 2));
  const counts: Record<string, number> = {};
  for (const r of kept) counts[String(r.v)] = r.n as number;
  const frequencies: FrequencyState = { exact, capacity, counts, error: 0 };
  core.frequencies = frequencies;
  if (!numeric) {
    core.patterns = exact ? patternsOfTable(freqRows) : await patternsInSql(source, base, column, count);
    // Only a mixed column needs its non-numbers found; for others the examples are not shown.
    core.nonNumericExamples =
      inferFromPatterns(core.patterns).issue === "mixed_types"
        ? await nonNumericExamples(source, base, column)
        : [];
  }
  const hll = new HyperLogLog();
  if (exact)
    for (const r of freqRows) hll.addHash(numeric ? hashNumber(r.v as number) : hashString(r.v as string));
  else {
    core.exactDistinct = groups;
    const result = await guard(
      source.name,
      source.conn.stream(`SELECT DISTINCT ${c} AS v FROM ${base} WHERE ${valueFilter}`),
    );
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      const vector = chunk.getColumnVector(0);
      for (let r = 0; r < chunk.rowCount; r++) {
        const v = vector.getItem(r) as unknown;
        hll.addHash(numeric ? hashNumber(Number(v)) : hashString(String(v)));
      }
    }
  }
  core.hll = hll.serialize();
  return core;
}

function emptySketch(column: ColumnInfo): ColumnCore["sketch"] {
  if (column.type === "date" || column.type === "timestamp")
    return { kind: "grid", width: GRID_BASE[column.type], maxBins: DEFAULT_GRID_BINS, cells: {} };
  return {
    kind: "ddsketch",
    relativeAccuracy: DEFAULT_RELATIVE_ACCURACY,
    maxBins: DEFAULT_MAX_BINS,
    positive: {},
    negative: {},
    zeros: 0,
  };
}

async function sketchOf(
  source: Source,
  base: string,
  column: ColumnInfo,
  min: number,
  max: number,
  zeros: number,
): Promise<ColumnCore["sketch"]> {
  const c = ident(column.name);
  if (column.type === "date" || column.type === "timestamp") {
    const width = gridWidthFor(min, max, GRID_BASE[column.type]);
    const cells = await guard(
      source.name,
      queryRows(
        source.conn,
        `SELECT floor(${c} / ${width})::DOUBLE AS k, count(*)::DOUBLE AS n FROM ${base} WHERE isfinite(${c}) GROUP BY k ORDER BY k`,
      ),
    );
    const out: Record<string, number> = {};
    for (const r of cells) out[String(r.k)] = r.n as number;
    return { kind: "grid", width, maxBins: DEFAULT_GRID_BINS, cells: out };
  }
  const multiplier = multiplierOf(DEFAULT_RELATIVE_ACCURACY);
  const buckets = await guard(
    source.name,
    queryRows(
      source.conn,
      `SELECT (${c} > 0) AS pos, ceil(ln(abs(${c})) * ${String(multiplier)})::DOUBLE AS k, count(*)::DOUBLE AS n FROM ${base} WHERE isfinite(${c}) AND ${c} <> 0 GROUP BY ALL`,
    ),
  );
  const positive = new BucketStore(DEFAULT_MAX_BINS);
  const negative = new BucketStore(DEFAULT_MAX_BINS);
  for (const r of buckets) (r.pos ? positive : negative).add(r.k as number, r.n as number);
  return {
    kind: "ddsketch",
    relativeAccuracy: DEFAULT_RELATIVE_ACCURACY,
    maxBins: DEFAULT_MAX_BINS,
    positive: positive.toRecord(),
    negative: negative.toRecord(),
    zeros,
  };
}

/** Classifies each distinct value once, in JS, weighted by its count (same regexes as the stream engine). */
function patternsOfTable(rows: Record<string, unknown>[]): PatternCounts {
  const patterns = emptyPatterns();
  for (const r of rows) patterns[classify(String(r.v))] += r.n as number;
  return patterns;
}

/** Past the frequency capacity, DuckDB classifies every value with the same (RE2-compatible) expressions. */
async function patternsInSql(
  source: Source,
  base: string,
  column: ColumnInfo,
  count: number,
): Promise<PatternCounts> {
  const c = ident(column.name);
  const seen: string[] = [];
  const parts: string[] = [];
  for (const [name, pattern] of PATTERNS) {
    const here = `regexp_matches(${c}, ${literal(pattern)})`;
    parts.push(
      `count(*) FILTER (WHERE ${[...seen.map((x) => `NOT ${x}`), here].join(" AND ")})::DOUBLE AS ${name}`,
    );
    seen.push(here);
  }
  const row = (
    await guard(source.name, queryRows(source.conn, `SELECT ${parts.join(", ")} FROM ${base}`))
  )[0];
  const patterns = emptyPatterns();
  let classified = 0;
  for (const [name] of PATTERNS) {
    patterns[name] = row[name] as number;
    classified += patterns[name];
  }
  patterns.other = count - classified;
  return patterns;
}

/** The first few distinct non-numeric values in table order, as the stream engine keeps them. */
async function nonNumericExamples(source: Source, base: string, column: ColumnInfo): Promise<string[]> {
  const c = ident(column.name);
  const numeric = PATTERNS.filter(([name]) => name === "integer" || name === "float")
    .map(([, pattern]) => `regexp_matches(${c}, ${literal(pattern)})`)
    .join(" OR ");
  const rows = await guard(
    source.name,
    queryRows(
      source.conn,
      `SELECT v FROM (SELECT ${c} AS v, min(rn) AS first FROM (SELECT ${c}, row_number() OVER () AS rn FROM ${base} WHERE ${c} IS NOT NULL AND NOT (${numeric})) GROUP BY ${c} ORDER BY first LIMIT ${MAX_EXAMPLES})`,
    ),
  );
  return rows.map((r) => String(r.v));
}
