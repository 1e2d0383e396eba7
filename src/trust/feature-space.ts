/**
 * The space the out-of-distribution detectors work in, learned from reference rows: numeric columns
 * standardised by the reference mean and standard deviation (ddof = 0, as scikit-learn's
 * StandardScaler), text columns as category codes with their reference counts. Missing or non-finite
 * numbers are encoded as the reference mean (z = 0) and counted as missing; a category the reference
 * never saw gets code UNSEEN. Each numeric column also keeps the tail of its |z| (tail-transform.ts),
 * so a value can be judged by how rare its distance from the mean is in that column alone.
 * Serialisable: a trust bundle carries it.
 */
import type { Batch } from "../table/types.js";
import { TrustError } from "./errors.js";
import { type TailKnots, tailKnots } from "./tail-transform.js";

const UNSEEN = -1;
export const MISSING = -2;

interface NumericFeature {
  name: string;
  mean: number;
  sd: number;
  /** Reference rows where the value was missing (or not finite). */
  missing: number;
  /** How the reference's |z| is distributed: the share of rows at least as far from the mean. */
  tail: TailKnots;
}

interface CategoricalFeature {
  name: string;
  categories: string[];
  counts: number[];
  missing: number;
}

export interface FeatureSpace {
  /** Reference rows the statistics come from. */
  rows: number;
  numeric: NumericFeature[];
  categorical: CategoricalFeature[];
  /** Columns that were asked for but carry no usable signal, with the reason. */
  skipped: { name: string; reason: string }[];
}

/** Rows in the detector's space: z-scores (n × p) and category codes (n × q). */
export interface Encoded {
  n: number;
  z: Float64Array;
  missing: Uint8Array;
  codes: Int32Array;
}

/** A text column with more distinct values than this share of the rows is an identifier, not a feature. */
const ID_LIKE_SHARE = 0.5;
const MAX_CATEGORIES = 1000;

export function fitFeatureSpace(batch: Batch, columns: string[], rows: ArrayLike<number>): FeatureSpace {
  const n = rows.length;
  if (n < 2) throw new TrustError(`the reference needs at least 2 rows to learn from, got ${n}`);
  const space: FeatureSpace = { rows: n, numeric: [], categorical: [], skipped: [] };
  for (const name of columns) {
    const column = batch.columns.find((c) => c.name === name);
    if (!column) throw new TrustError(`no column '${name}' in the reference`);
    if (column.type === "string") {
      const counts = new Map<string, number>();
      let missing = 0;
      for (let j = 0; j < n; j++) {
        const i = rows[j];
        if (!column.valid[i]) missing++;
        else {
          const v = column.values[i] as string;
          counts.set(v, (counts.get(v) ?? 0) + 1);
        }
      }
      if (counts.size > MAX_CATEGORIES || (counts.size > 20 && counts.size > ID_LIKE_SHARE * n)) {
        space.skipped.push({ name, reason: `${counts.size} distinct values: an identifier, not a feature` });
        continue;
      }
      const categories = [...counts.keys()].sort();
      space.categorical.push({ name, categories, counts: categories.map((c) => counts.get(c)!), missing });
      continue;
    }
    let count = 0;
    let mean = 0;
    let m2 = 0;
    for (let j = 0; j < n; j++) {
      const i = rows[j];
      const x = column.values[i];
      if (!column.valid[i] || !Number.isFinite(x)) continue;
      count++;
      const d = x - mean;
      mean += d / count;
      m2 += d * (x - mean);
    }
    const sd = count > 0 ? Math.sqrt(m2 / count) : 0;
    if (!(sd > 0)) {
      space.skipped.push({
        name,
        reason: count === 0 ? "always missing in the reference" : "constant in the reference",
      });
      continue;
    }
    const distance = new Float64Array(count);
    for (let j = 0, at = 0; j < n; j++) {
      const x = column.values[rows[j]];
      if (column.valid[rows[j]] && Number.isFinite(x)) distance[at++] = Math.abs((x - mean) / sd);
    }
    space.numeric.push({ name, mean, sd, missing: n - count, tail: tailKnots(distance) });
  }
  if (space.numeric.length + space.categorical.length === 0)
    throw new TrustError(
      `no usable columns to compare (${space.skipped.map((s) => `${s.name}: ${s.reason}`).join("; ") || "none given"})`,
    );
  return space;
}

export function encodeBatch(space: FeatureSpace, batch: Batch, rows?: ArrayLike<number>): Encoded {
  const n = rows ? rows.length : batch.length;
  const p = space.numeric.length;
  const q = space.categorical.length;
  const out: Encoded = {
    n,
    z: new Float64Array(n * p),
    missing: new Uint8Array(n * p),
    codes: new Int32Array(n * q),
  };
  space.numeric.forEach((f, j) => {
    const column = batch.columns.find((c) => c.name === f.name);
    if (!column) throw new TrustError(`no column '${f.name}' in the rows to score`);
    const numeric = column.type !== "string";
    for (let r = 0; r < n; r++) {
      const i = rows ? rows[r] : r;
      const x = numeric ? column.values[i] : Number(column.values[i]);
      if (column.valid[i] && typeof x === "number" && Number.isFinite(x))
        out.z[r * p + j] = (x - f.mean) / f.sd;
      else out.missing[r * p + j] = 1;
    }
  });
  space.categorical.forEach((f, j) => {
    const column = batch.columns.find((c) => c.name === f.name);
    if (!column) throw new TrustError(`no column '${f.name}' in the rows to score`);
    const index = new Map(f.categories.map((c, k) => [c, k]));
    for (let r = 0; r < n; r++) {
      const i = rows ? rows[r] : r;
      out.codes[r * q + j] = column.valid[i] ? (index.get(String(column.values[i])) ?? UNSEEN) : MISSING;
    }
  });
  return out;
}

/** One row given as a plain object (what an application holds), encoded as encodeBatch would. */
export function encodeRecord(space: FeatureSpace, record: Record<string, unknown>): Encoded {
  const p = space.numeric.length;
  const q = space.categorical.length;
  const out: Encoded = { n: 1, z: new Float64Array(p), missing: new Uint8Array(p), codes: new Int32Array(q) };
  space.numeric.forEach((f, j) => {
    const v = record[f.name];
    const x = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
    if (Number.isFinite(x)) out.z[j] = (x - f.mean) / f.sd;
    else out.missing[j] = 1;
  });
  space.categorical.forEach((f, j) => {
    const v = record[f.name];
    if (v === null || v === undefined) out.codes[j] = MISSING;
    else {
      const k = binarySearch(f.categories, String(v));
      out.codes[j] = k >= 0 ? k : UNSEEN;
    }
  });
  return out;
}

/** Categories are sorted by code point (the order `sort()` gives), so a row can look its value up. */
function binarySearch(sorted: string[], value: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === value) return mid;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Numeric z-scores with missing cells at 0, and categories as their reference frequency (isolation forest input). */
export function denseMatrix(space: FeatureSpace, encoded: Encoded): { x: Float64Array; d: number } {
  const p = space.numeric.length;
  const q = space.categorical.length;
  const d = p + q;
  const x = new Float64Array(encoded.n * d);
  const frequency = space.categorical.map((f) => ({
    seen: f.counts.map((c) => c / space.rows),
    missing: f.missing / space.rows,
  }));
  for (let i = 0; i < encoded.n; i++) {
    for (let j = 0; j < p; j++) x[i * d + j] = encoded.z[i * p + j];
    for (let j = 0; j < q; j++) {
      const code = encoded.codes[i * q + j];
      x[i * d + p + j] = code >= 0 ? frequency[j].seen[code] : code === MISSING ? frequency[j].missing : 0;
    }
  }
  return { x, d };
}
