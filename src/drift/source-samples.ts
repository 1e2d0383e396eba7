import type { Source } from "../io/source.js";
import type { ColumnInfo } from "../table/types.js";
import { distributionOfPairs } from "./distribution.js";
import type { ColumnKind } from "./policy.js";
import type { ColumnSample } from "./sample.js";

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
  const relation = await materialised(source);
  const totals = await rowsAndMissing(source, relation, columns);
  for (const { info, kind } of columns) {
    const t = totals.get(info.name) as { rows: number; missing: number; nonFinite: number };
    if (kind === "numeric") {
      const expr = numericExpression(info);
      const [values, counts] = await readPairs(
        source,
        `SELECT v, count(*)::DOUBLE AS c FROM (SELECT ${expr} AS v FROM ${relation}) WHERE v IS NOT NULL AND isfinite(v) GROUP BY v ORDER BY v`,
      );
      out.set(info.name, {
        kind: "numeric",
        distribution: distributionOfPairs(values, counts),
        missing: t.missing,
        nonFinite: t.nonFinite,
        rows: t.rows,
      });
    } else {
      const counts = await readFrequencies(
        source,
        `SELECT CAST(${quote(info.name)} AS VARCHAR) AS v, count(*)::DOUBLE AS c FROM ${relation} WHERE ${quote(info.name)} IS NOT NULL GROUP BY 1`,
      );
      out.set(info.name, { kind: "categorical", counts, missing: t.missing, rows: t.rows });
    }
  }
  return out;
}

/**
 * Text formats (files, or queries over them) are parsed once into a temporary table; Parquet and
 * Arrow are scanned directly, once per column, which DuckDB does faster than copying them.
 */
async function materialised(source: Source): Promise<string> {
  if (!/read_(csv|json)|\.(csv|tsv|json|ndjson|jsonl)\b/i.test(source.relation)) return source.relation;
  const name = `assay_drift_${Math.random().toString(36).slice(2, 10)}`;
  await source.conn.run(`CREATE TEMP TABLE ${name} AS SELECT * FROM ${source.relation}`);
  return name;
}

function numericExpression(info: ColumnInfo): string {
  const c = quote(info.name);
  if (info.type === "date" || info.type === "timestamp")
    return `CAST(epoch_ms(CAST(${c} AS TIMESTAMP)) AS DOUBLE)`;
  return `CAST(${c} AS DOUBLE)`;
}

async function rowsAndMissing(
  source: Source,
  relation: string,
  columns: { info: ColumnInfo; kind: ColumnKind }[],
): Promise<Map<string, { rows: number; missing: number; nonFinite: number }>> {
  const parts = ["count(*)::DOUBLE AS n"];
  columns.forEach(({ info, kind }, i) => {
    parts.push(`(count(*) - count(${quote(info.name)}))::DOUBLE AS m${i}`);
    parts.push(
      kind === "numeric" && (info.type === "float" || info.type === "integer")
        ? `count(*) FILTER (WHERE NOT isfinite(CAST(${quote(info.name)} AS DOUBLE)))::DOUBLE AS f${i}`
        : `0::DOUBLE AS f${i}`,
    );
  });
  const reader = await source.conn.runAndReadAll(`SELECT ${parts.join(", ")} FROM ${relation}`);
  const row = reader.getRowObjects()[0] as Record<string, number>;
  const out = new Map<string, { rows: number; missing: number; nonFinite: number }>();
  columns.forEach(({ info }, i) => {
    out.set(info.name, {
      rows: Number(row.n),
      missing: Number(row[`m${i}`]),
      nonFinite: Number(row[`f${i}`]),
    });
  });
  return out;
}

interface Vector {
  items?: unknown;
  getItem(i: number): unknown;
}

/** Streams a two-column DOUBLE result into typed arrays, copying whole chunks. */
async function readPairs(source: Source, sql: string): Promise<[Float64Array, Float64Array]> {
  const result = await source.conn.stream(sql);
  const valueChunks: Float64Array[] = [];
  const countChunks: Float64Array[] = [];
  let total = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    valueChunks.push(doubles(chunk.getColumnVector(0) as unknown as Vector, chunk.rowCount));
    countChunks.push(doubles(chunk.getColumnVector(1) as unknown as Vector, chunk.rowCount));
    total += chunk.rowCount;
  }
  return [concat(valueChunks, total), concat(countChunks, total)];
}

async function readFrequencies(source: Source, sql: string): Promise<Map<string, number>> {
  const result = await source.conn.stream(sql);
  const counts = new Map<string, number>();
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const values = chunk.getColumnVector(0) as unknown as Vector;
    const c = doubles(chunk.getColumnVector(1) as unknown as Vector, chunk.rowCount);
    for (let i = 0; i < chunk.rowCount; i++) counts.set(String(values.getItem(i)), c[i]);
  }
  return counts;
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
