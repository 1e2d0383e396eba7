import type { Source } from "../io/source.js";
import { distributionOfPairs } from "../stats/distribution.js";
import type { ColumnInfo } from "../table/types.js";
import type { ColumnKind } from "./policy.js";
import type { CategoricalSample, ColumnSample } from "./sample.js";

/**
 * Reads the columns drift needs from a Source, letting DuckDB do the heavy lifting: a numeric
 * column arrives as its distinct finite values with counts, already sorted (GROUP BY … ORDER BY),
 * a categorical one as a frequency table. A million-row integer column becomes a few hundred
 * pairs; nothing is expanded in JavaScript. Only the Source interface is used (no Node imports).
 */
export async function readColumnSamples(
  source: Source,
  columns: { info: ColumnInfo; kind: ColumnKind }[],
): Promise<Map<string, ColumnSample>> {
  const out = new Map<string, ColumnSample>();
  if (columns.length === 0) return out;
  const relation = await relationOf(source);
  // One grouped scan per column gives everything: the NULL group is the missing count, NaN and ±Inf
  // are counted apart, and the counts sum to the row count (no separate counting scan).
  for (const { info, kind } of columns) {
    if (kind === "numeric") {
      const expr = numericExpression(info);
      const { values, counts, missing } = await readPairs(
        source,
        `SELECT v, count(*)::DOUBLE AS c FROM (SELECT ${expr} AS v FROM ${relation}) GROUP BY v ORDER BY v NULLS FIRST`,
      );
      let nonFinite = 0;
      let rows = missing;
      let start = 0;
      let end = values.length;
      for (let i = 0; i < values.length; i++) rows += counts[i];
      while (start < end && !Number.isFinite(values[start])) nonFinite += counts[start++];
      while (end > start && !Number.isFinite(values[end - 1])) nonFinite += counts[--end];
      out.set(info.name, {
        kind: "numeric",
        distribution: distributionOfPairs(values.subarray(start, end), counts.subarray(start, end)),
        missing,
        nonFinite,
        rows,
      });
    } else {
      const { counts, missing, rows } = await readFrequencies(
        source,
        `SELECT v, c, sum(c) OVER ()::DOUBLE AS total FROM (SELECT CAST(${quote(info.name)} AS VARCHAR) AS v, count(*)::DOUBLE AS c FROM ${relation} GROUP BY 1) ORDER BY v IS NULL DESC, c DESC, v LIMIT ${MAX_CATEGORIES + 2}`,
      );
      const capped = counts.size > MAX_CATEGORIES;
      if (capped) {
        // keep the first MAX_CATEGORIES (the most frequent); the pooled path replaces them anyway
        const last = [...counts.keys()].pop() as string;
        counts.delete(last);
      }
      out.set(info.name, { kind: "categorical", counts, missing, rows, highCardinality: capped });
    }
  }
  return out;
}

/**
 * Text formats (files, or queries over them) are parsed once into a temporary table; Parquet and
 * Arrow are scanned directly, once per column, which DuckDB does faster than copying them.
 */
const relations = new WeakMap<Source, Promise<string>>();

/** The relation to scan; a regular (not TEMP) table so every connection of the instance sees it. */
export function relationOf(source: Source): Promise<string> {
  let relation = relations.get(source);
  if (!relation) {
    relation = (async () => {
      if (!/read_(csv|json)|\.(csv|tsv|json|ndjson|jsonl)\b/i.test(source.relation)) return source.relation;
      const name = `assay_drift_${Math.random().toString(36).slice(2, 10)}`;
      await source.conn.run(`CREATE TABLE ${name} AS SELECT * FROM ${source.relation}`);
      return name;
    })();
    relations.set(source, relation);
  }
  return relation;
}

/** Frequency tables longer than this are cut to the most frequent categories (see pooledCategories). */
export const MAX_CATEGORIES = 10_000;

function numericExpression(info: ColumnInfo): string {
  const c = quote(info.name);
  if (info.type === "date" || info.type === "timestamp")
    return `CAST(epoch_ms(CAST(${c} AS TIMESTAMP)) AS DOUBLE)`;
  return `CAST(${c} AS DOUBLE)`;
}

interface Vector {
  items?: unknown;
  getItem(i: number): unknown;
}

/**
 * Streams a (value DOUBLE, count DOUBLE) result ordered NULLS FIRST into typed arrays, copying whole
 * chunks; a leading NULL value is returned as `missing`.
 */
async function readPairs(
  source: Source,
  sql: string,
): Promise<{ values: Float64Array; counts: Float64Array; missing: number }> {
  const result = await source.conn.stream(sql);
  const valueChunks: Float64Array[] = [];
  const countChunks: Float64Array[] = [];
  let total = 0;
  let missing = 0;
  let first = true;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const valueVector = chunk.getColumnVector(0) as unknown as Vector;
    let values = doubles(valueVector, chunk.rowCount);
    let counts = doubles(chunk.getColumnVector(1) as unknown as Vector, chunk.rowCount);
    if (first && valueVector.getItem(0) === null) {
      missing = counts[0];
      values = values.subarray(1);
      counts = counts.subarray(1);
    }
    first = false;
    valueChunks.push(values);
    countChunks.push(counts);
    total += values.length;
  }
  return { values: concat(valueChunks, total), counts: concat(countChunks, total), missing };
}

/** Reads (value, count, total) rows ordered with the NULL group first. */
async function readFrequencies(
  source: Source,
  sql: string,
): Promise<{ counts: Map<string, number>; missing: number; rows: number }> {
  const result = await source.conn.stream(sql);
  const counts = new Map<string, number>();
  let missing = 0;
  let rows = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const values = chunk.getColumnVector(0) as unknown as Vector;
    const c = doubles(chunk.getColumnVector(1) as unknown as Vector, chunk.rowCount);
    const totals = doubles(chunk.getColumnVector(2) as unknown as Vector, chunk.rowCount);
    rows = totals[0];
    for (let i = 0; i < chunk.rowCount; i++) {
      const v = values.getItem(i);
      if (v === null) missing = c[i];
      else counts.set(String(v), c[i]);
    }
  }
  return { counts, missing, rows };
}

function doubles(vector: Vector, length: number): Float64Array {
  if (vector.items instanceof Float64Array && vector.items.length >= length)
    return vector.items.slice(0, length);
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = Number(vector.getItem(i));
  return out;
}

function concat(parts: Float64Array[], total: number): Float64Array {
  if (parts.length === 1) return parts[0];
  const out = new Float64Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * For a column with more than MAX_CATEGORIES categories on a side, JavaScript maps of millions of
 * strings are slow and mostly noise. DuckDB joins the two full frequency tables instead and returns,
 * exactly: the MAX_CATEGORIES categories most frequent over both sides, everything else pooled into
 * "(other)" on each side (a coarser but valid table for χ², JS, PSI, L∞), and the unseen-category
 * figures over all categories.
 */
export async function pooledCategories(
  conn: Source["conn"],
  reference: Source,
  current: Source,
  name: string,
  rows: { reference: { missing: number; rows: number }; current: { missing: number; rows: number } },
): Promise<[CategoricalSample, CategoricalSample]> {
  const [r, c] = [await relationOf(reference), await relationOf(current)];
  const col = quote(name);
  const freq = (rel: string) =>
    `SELECT CAST(${col} AS VARCHAR) AS v, count(*)::DOUBLE AS n FROM ${rel} WHERE ${col} IS NOT NULL GROUP BY 1`;
  // `conn` must be a fresh connection: one whose transaction began after both sides' tables existed
  const j = `assay_pool_${Math.random().toString(36).slice(2, 10)}`;
  await conn.run(
    `CREATE TEMP TABLE ${j} AS WITH r AS (${freq(r)}), c AS (${freq(c)})
     SELECT coalesce(r.v, c.v) AS v, coalesce(r.n, 0) AS rn, coalesce(c.n, 0) AS cn FROM r FULL JOIN c ON r.v = c.v`,
  );
  const rowsOf = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjects();
  let top: { v: string | null; rn: number; cn: number }[];
  let summary: Record<string, number | null>;
  let examples: { v: string; cn: number }[];
  try {
    top = (await rowsOf(
      `WITH ranked AS (SELECT *, row_number() OVER (ORDER BY rn + cn DESC, v) AS k FROM ${j})
       SELECT CASE WHEN k <= ${MAX_CATEGORIES} THEN v ELSE NULL END AS v, sum(rn)::DOUBLE AS rn, sum(cn)::DOUBLE AS cn FROM ranked GROUP BY 1`,
    )) as typeof top;
    summary = (
      await rowsOf(
        `SELECT sum(cn) FILTER (WHERE rn = 0)::DOUBLE AS unseen, count(*) FILTER (WHERE rn = 1)::DOUBLE AS singletons,
           sum(rn)::DOUBLE AS n FROM ${j}`,
      )
    )[0] as typeof summary;
    examples = (await rowsOf(
      `SELECT v, cn FROM ${j} WHERE rn = 0 ORDER BY cn DESC, v LIMIT 5`,
    )) as typeof examples;
  } finally {
    await conn.run(`DROP TABLE IF EXISTS ${j}`);
  }
  const refCounts = new Map<string, number>();
  const curCounts = new Map<string, number>();
  for (const row of top) {
    const key = row.v ?? OTHER;
    if (row.rn > 0) refCounts.set(key, Number(row.rn));
    if (row.cn > 0) curCounts.set(key, Number(row.cn));
  }
  const unseen = {
    count: Number(summary.unseen ?? 0),
    singletons: Number(summary.singletons ?? 0),
    referenceTotal: Number(summary.n ?? 0),
    examples: examples.map((e) => ({ value: String(e.v), count: Number(e.cn) })),
  };
  return [
    {
      kind: "categorical",
      counts: refCounts,
      missing: rows.reference.missing,
      rows: rows.reference.rows,
      approximate: true,
      highCardinality: true,
      pooled: true,
    },
    {
      kind: "categorical",
      counts: curCounts,
      missing: rows.current.missing,
      rows: rows.current.rows,
      approximate: true,
      highCardinality: true,
      pooled: true,
      unseen,
    },
  ];
}

const OTHER = "(other)";
