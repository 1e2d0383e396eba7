/**
 * What `assay fuzz` generates per column, from the data contract (../schema/types.ts): values that are
 * valid (inside the range, in the domain), at the boundaries (the range's ends, the reference
 * quantiles, 0, the rarest categories), and slightly invalid (just outside the range, extreme
 * magnitudes, NaN and ±∞, unseen categories, the empty string, missing where the contract does not
 * allow it). A column is a weighted list of parts, written once as data and used two ways:
 *   - `rowArbitrary`: a fast-check record of weighted `oneof`s (valid first, with cross-shrinking), so
 *     fast-check shrinks a failing row towards valid, simple values and keeps only what fails;
 *   - `decodeRows` / `decodeColumn`: the same distribution drawn a column at a time from a seeded
 *     uniform source, one draw per value, into buffers a search reuses: far cheaper than building
 *     rows of `oneof`s (5.7 µs per adult row; fast-check arrays of raw integers, tried next, still
 *     1.2 µs; the seeded source about 0.06 µs for six numeric values).
 */
import * as fc from "fast-check";
import type { ColumnContract } from "../schema/types.js";
import { type Random, seededRandom } from "../stats/random.js";
import type { Batch, Column } from "../table/types.js";

export type FuzzValue = number | string | null;
export type FuzzRow = Record<string, FuzzValue>;

export type Part =
  | { kind: "integer"; min: number; max: number; weight: number }
  | { kind: "double"; min: number; max: number; weight: number }
  | { kind: "constants"; values: FuzzValue[]; weight: number }
  | { kind: "string"; maxLength: number; weight: number };

/** Missing values count as allowed when the contract tolerates at least 0.1% of them. */
export function missingAllowed(c: ColumnContract): boolean {
  return !c.required || c.missing >= 0.001;
}

export function columnParts(c: ColumnContract, invalidShare = 0.1): Part[] {
  const parts = c.type === "string" ? textParts(c, invalidShare) : numberParts(c, invalidShare);
  if (missingAllowed(c)) parts.push({ kind: "constants", values: [null], weight: 5 });
  return parts.filter((p) => p.weight > 0);
}

function numberParts(c: ColumnContract, invalidShare: number): Part[] {
  const integer = c.type === "integer" || c.type === "boolean";
  const min = c.type === "boolean" ? 0 : (c.range?.min ?? null);
  const max = c.type === "boolean" ? 1 : (c.range?.max ?? null);
  const lo = min ?? (max !== null ? Math.min(0, max) - 1e6 : -1e6);
  const hi = max ?? (min !== null ? Math.max(0, min) + 1e6 : 1e6);
  const boundary = new Set<number>([lo, hi]);
  if (lo <= 0 && 0 <= hi) boundary.add(0);
  for (const q of Object.values(c.reference?.quantiles ?? {})) if (Number.isFinite(q)) boundary.add(q);
  const step = integer ? 1 : Math.max(Math.abs(hi - lo) * 1e-6, Number.EPSILON);
  const invalid = new Set<number>();
  if (min !== null) invalid.add(min - step);
  if (max !== null) invalid.add(max + step);
  if (!(lo <= 0 && 0 <= hi)) invalid.add(0);
  for (const x of [-1e300, 1e300, -Number.MAX_VALUE, Number.MAX_VALUE]) if (x < lo || x > hi) invalid.add(x);
  if (!integer)
    for (const x of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) invalid.add(x);
  const weight = Math.round(100 * invalidShare);
  return [
    integer
      ? { kind: "integer", min: Math.ceil(lo), max: Math.floor(hi), weight: 60 }
      : { kind: "double", min: lo, max: hi, weight: 60 },
    { kind: "constants", values: [...boundary].sort((a, b) => a - b), weight: 25 },
    { kind: "constants", values: [...invalid], weight },
    { kind: "constants", values: [null], weight: missingAllowed(c) ? 0 : Math.round(weight / 4) },
  ];
}

function textParts(c: ColumnContract, invalidShare: number): Part[] {
  const domain = Object.entries(c.domain?.values ?? {}).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const weight = Math.round(100 * invalidShare);
  const parts: Part[] = [];
  if (domain.length > 0) {
    parts.push({ kind: "constants", values: domain.map(([v]) => v), weight: 60 });
    // The rarest categories: where a model has seen least and an encoder may have no slot.
    parts.push({ kind: "constants", values: domain.slice(-3).map(([v]) => v), weight: 20 });
    parts.push({
      kind: "constants",
      values: ["", "unseen-category", domain[0][0].toUpperCase(), ` ${domain[0][0]} `],
      weight,
    });
    parts.push({ kind: "string", maxLength: 20, weight: Math.round(weight / 2) });
  } else {
    parts.push({ kind: "string", maxLength: 40, weight: 60 });
    parts.push({
      kind: "constants",
      values: ["", " ", "a".repeat(10_000), "😀", "NULL"],
      weight: 20 + weight,
    });
  }
  parts.push({ kind: "constants", values: [null], weight: missingAllowed(c) ? 0 : Math.round(weight / 4) });
  return parts;
}

function partArbitrary(part: Part): fc.Arbitrary<FuzzValue> {
  switch (part.kind) {
    case "integer":
      return fc.integer({ min: part.min, max: part.max });
    case "double":
      return fc.double({ min: part.min, max: part.max, noNaN: true, noDefaultInfinity: true });
    case "constants":
      return part.values.length === 1 ? fc.constant(part.values[0]) : fc.constantFrom(...part.values);
    case "string":
      return fc.string({ maxLength: part.maxLength });
  }
}

/** The row arbitrary fast-check shrinks with. */
export function rowArbitrary(columns: ColumnContract[], invalidShare = 0.1): fc.Arbitrary<FuzzRow> {
  const model: Record<string, fc.Arbitrary<FuzzValue>> = {};
  for (const c of columns) {
    const parts = columnParts(c, invalidShare);
    // Cross-shrinking lets a failing value shrink into the earlier (valid, simpler) parts.
    model[c.name] = fc.oneof(
      { withCrossShrink: true },
      ...parts.map((p) => ({ arbitrary: partArbitrary(p), weight: p.weight })),
    );
  }
  return fc.record(model);
}

const TWO_32 = 4294967296;
const CHARS = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-_'é中😀"];

/**
 * How a column's parts are read from one uniform 32-bit draw u: part k when cut[k − 1] ≤ u < cut[k]
 * (integer cuts, the weights scaled to 2³²), then f = (u − cut[k − 1]) / (cut[k] − cut[k − 1]), uniform
 * in [0, 1) given the part, picks the value within it. One draw per value: the draws were half the
 * cost of a batch.
 */
interface PartTable {
  cut: Float64Array;
  /** The part of each u >>> 24 (the first whose cut is above it): one step from the right part. */
  pick: Uint8Array;
  /**
   * Per part k, at k·STRIDE: cut, base (the cut below), span / width, floor (1 for integers), low,
   * first (constants[first …] are the part's, the range parts index the placeholder constants[0]),
   * constant (1 for a list of constants), valid (0 for the null part). One array, so the hot loop
   * keeps one base pointer.
   */
  fields: Float64Array;
  constants: Float64Array;
}

const STRIDE = 8;

function partTable(parts: Part[]): PartTable {
  const total = parts.reduce((s, p) => s + p.weight, 0);
  let sum = 0;
  const cut = Float64Array.from(parts, (p) => Math.floor(((sum += p.weight) / total) * TWO_32));
  cut[cut.length - 1] = TWO_32;
  const pick = new Uint8Array(256);
  for (let b = 0, k = 0; b < 256; b++) {
    while (b * 2 ** 24 >= cut[k]) k++;
    pick[b] = k;
  }
  const constants: number[] = [0];
  const fields = new Float64Array(parts.length * STRIDE);
  parts.forEach((p, k) => {
    const base = k > 0 ? cut[k - 1] : 0;
    const listed = p.kind === "constants" ? p.values : [];
    const span =
      p.kind === "integer" ? p.max - p.min + 1 : p.kind === "double" ? p.max - p.min : listed.length;
    const isNull = listed.length > 0 && listed.every((v) => v === null);
    fields.set(
      [
        cut[k],
        base,
        span / (cut[k] - base),
        p.kind === "double" ? 0 : 1,
        p.kind === "integer" || p.kind === "double" ? p.min : 0,
        listed.length > 0 ? constants.length : 0,
        listed.length > 0 ? 1 : 0,
        isNull ? 0 : 1,
      ],
      k * STRIDE,
    );
    for (const v of listed) constants.push(typeof v === "number" ? v : Number.NaN);
  });
  return { cut, pick, fields, constants: Float64Array.from(constants) };
}

/**
 * Everything a stream of batches reuses: the columns' part tables and buffers of `capacity` rows.
 * Fresh typed arrays per batch cost more than filling them (their pages are new to the process: on
 * the shared benchmark machine 0.1–0.4 ms for the 64 KB of one column of 8,192 rows).
 */
export interface RowDecoder {
  columns: ColumnContract[];
  parts: Part[][];
  tables: PartTable[];
  capacity: number;
  draws: Uint32Array;
  numbers: Float64Array[];
  valid: Uint8Array[];
}

export function rowDecoder(columns: ColumnContract[], invalidShare: number, capacity: number): RowDecoder {
  const parts = columns.map((c) => columnParts(c, invalidShare));
  return {
    columns,
    parts,
    tables: parts.map(partTable),
    capacity,
    draws: new Uint32Array(capacity),
    numbers: columns.map((c) => new Float64Array(c.type === "string" ? 0 : capacity)),
    valid: columns.map(() => new Uint8Array(capacity)),
  };
}

/**
 * Rows [0, rows) of the decoder's buffers drawn from `random`, a column at a time, as a batch whose
 * numeric columns are views of the buffers: valid until the decoder's next batch.
 */
export function decodeRows(decoder: RowDecoder, random: Random, rows: number, offset = 0): Batch {
  if (rows > decoder.capacity) throw new RangeError(`${rows} rows do not fit ${decoder.capacity}`);
  const draws = decoder.draws.subarray(0, rows);
  const columns: Column[] = decoder.columns.map((c, j) => {
    random.fillUint32(draws);
    const valid = decoder.valid[j].subarray(0, rows);
    if (c.type === "string")
      return {
        name: c.name,
        type: "string",
        values: decodeStrings(decoder.parts[j], decoder.tables[j], draws, valid),
        valid,
      };
    const values = decoder.numbers[j].subarray(0, rows);
    decodeNumbers(decoder.tables[j], draws, values, valid);
    return { name: c.name, type: c.type, values, valid };
  });
  return { length: rows, offset, columns };
}

/** One column of `rows` values with the distribution of the parts, in arrays of its own. */
export function decodeColumn(c: ColumnContract, parts: Part[], random: Random, rows: number): Column {
  const decoder = rowDecoder([c], 0, rows);
  decoder.parts[0] = parts;
  decoder.tables[0] = partTable(parts);
  return decodeRows(decoder, random, rows).columns[0];
}

function decodeStrings(
  parts: Part[],
  t: PartTable,
  draws: Uint32Array,
  valid: Uint8Array,
): (string | null)[] {
  const strings: (string | null)[] = new Array(draws.length);
  for (let i = 0; i < draws.length; i++) {
    const u = draws[i];
    let k = 0;
    while (u >= t.cut[k]) k++;
    const part = parts[k];
    const value =
      part.kind === "constants"
        ? part.values[Math.floor((u - t.fields[k * STRIDE + 1]) * t.fields[k * STRIDE + 2])]
        : randomString(u, part.kind === "string" ? part.maxLength : 20);
    strings[i] = value === null ? null : String(value);
    valid[i] = value === null ? 0 : 1;
  }
  return strings;
}

// The hot loop on typed arrays alone, in a function of its own (inside a function that goes on to
// build the column object, V8 compiled it mid-loop and threw that code away at the object, once per
// column: 137 ns a value), the part looked up rather than searched for, and the value chosen between
// the range's and the constant's by an index into a pair rather than by a branch on the random part
// (11.5 → 8 ns a value, bench/robustness.ts).
function decodeNumbers(t: PartTable, draws: Uint32Array, numbers: Float64Array, valid: Uint8Array): void {
  const { pick, fields, constants } = t;
  const pair = new Float64Array(2);
  for (let i = 0; i < draws.length; i++) {
    const u = draws[i];
    let o = pick[u >>> 24] * STRIDE;
    while (u >= fields[o]) o += STRIDE;
    const x = (u - fields[o + 1]) * fields[o + 2];
    const whole = Math.floor(x);
    pair[0] = fields[o + 4] + (fields[o + 3] ? whole : x);
    pair[1] = constants[fields[o + 5] + fields[o + 6] * whole];
    numbers[i] = pair[fields[o + 6]];
    valid[i] = fields[o + 7];
  }
}

function randomString(seed: number, maxLength: number): string {
  let s = seed >>> 0 || 1;
  const length = s % (maxLength + 1);
  let out = "";
  for (let j = 0; j < length; j++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out += CHARS[s % CHARS.length];
  }
  return out;
}

/**
 * `rows` rows drawn from the contract's columns, as one batch: fast-check draws the batch's seed from
 * `seed`, and the project's seeded source (../stats/random.ts) the values, because fast-check's cost
 * per value (0.1 µs) is many times a small model's cost per row (bench/robustness.ts). With a decoder
 * (of at least `rows` rows, for these columns) the batch lives in its buffers.
 */
export function generateRows(
  columns: ColumnContract[],
  rows: number,
  seed: number,
  invalidShare = 0.1,
  offset = 0,
  decoder: RowDecoder = rowDecoder(columns, invalidShare, rows),
): Batch {
  const [batchSeed] = fc.sample(fc.nat(), { numRuns: 1, seed: seed | 0 });
  return decodeRows(decoder, seededRandom(batchSeed), rows, offset);
}
