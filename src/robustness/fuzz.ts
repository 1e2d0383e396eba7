/**
 * Schema-driven fuzzing of a model (`assay fuzz`). The search draws batches of rows from the contract
 * (./fuzz-arbitraries.ts: fast-check's seeded draws decoded a column at a time) and scores each batch,
 * with a copy of every row nudged far below measurement error, in one model call, so fuzzing runs
 * near the model's own speed. A row fails when the model throws on it (crash; a batch that throws is
 * split in halves to find its rows), returns a non-finite score, a probability outside [0, 1], or a
 * score that moves by more than `instability` under the nudge. The first failing row of each kind is
 * then shrunk by fast-check (the row as an example of the row arbitrary): towards valid, simple values,
 * keeping only what the failure needs.
 */
import * as fc from "fast-check";
import { sliceBatch } from "../model/features.js";
import type { Model } from "../model/model.js";
import type { ColumnContract } from "../schema/types.js";
import type { Batch, Column } from "../table/types.js";
import { batchFromRows, type ColumnInfo } from "../table/types.js";
import {
  columnParts,
  type FuzzRow,
  type FuzzValue,
  generateRows,
  type Part,
  type RowDecoder,
  rowArbitrary,
  rowDecoder,
} from "./fuzz-arbitraries.js";

export type FuzzFailureKind = "crash" | "non_finite" | "out_of_range" | "unstable";
const FUZZ_KINDS: readonly FuzzFailureKind[] = ["crash", "non_finite", "out_of_range", "unstable"];

interface FuzzFailure {
  kind: FuzzFailureKind;
  /** The shrunk row: the simplest row fast-check found that still fails this way. */
  row: FuzzRow;
  /** The row as the search first met it, before shrinking. */
  found: FuzzRow;
  score: number | null;
  /** crash: the model's error; unstable: the score before and after the nudge. */
  detail: string;
  /** Rows of the search that failed this way. */
  count: number;
  shrinkSteps: number;
}

interface FuzzOptions {
  seed: number;
  /** Rows to generate (the search stops at the first of budgetRows and budgetMs). */
  budgetRows: number;
  budgetMs: number | null;
  /** Rows per model call (default 8192, plus the nudged copies). */
  batchRows?: number;
  invalid?: number;
  /** A score change above this under the nudge is instability (default 0.05). */
  instability?: number;
  /**
   * Share of rows scored again nudged (default 0.25). All of them would double the rows scored; 0
   * skips the instability check and lets fuzzing run at up to the model's own speed.
   */
  instabilityShare?: number;
  onProgress?: (fraction: number) => void;
  now?: () => number;
}

export interface FuzzResult {
  rows: number;
  calls: number;
  seconds: number;
  /** Time inside model.predict during the search. */
  modelSeconds: number;
  rowsPerSecond: number;
  /** Mean model time per scored row (ms), from the batched calls of the search. */
  latencyPerRowMs: number;
  failures: FuzzFailure[];
  kindsChecked: FuzzFailureKind[];
}

interface RowOutcome {
  kind: FuzzFailureKind | null;
  score: number | null;
  detail: string;
}

export async function fuzzModel(
  model: Model,
  columns: ColumnContract[],
  options: FuzzOptions,
): Promise<FuzzResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const binary = model.metadata.task !== "regression";
  const instability = options.instability ?? 0.05;
  const batchRows = Math.max(1, Math.min(options.batchRows ?? 8192, options.budgetRows));
  const kinds = FUZZ_KINDS.filter((k) => binary || k !== "out_of_range");
  const parts = columns.map((c) => columnParts(c, options.invalid ?? 0.1));
  const nudges = columns.map((c) => nudgeOf(c));
  const infos: ColumnInfo[] = columns.map((c) => ({ name: c.name, type: c.type, sourceType: c.type }));
  const counts = new Map<FuzzFailureKind, number>();
  const first = new Map<FuzzFailureKind, { row: FuzzRow; outcome: RowOutcome }>();
  let calls = 0;
  let modelMs = 0;

  // Scores into `into` from `offset`; a batch that throws is split in halves until the rows that throw
  // are found (their errors kept, their scores NaN), so the rest are still checked.
  const score = async (
    batch: Batch,
    into: Float64Array,
    errors: Map<number, Error>,
    offset = 0,
  ): Promise<void> => {
    calls++;
    try {
      into.set((await model.predict(batch)).scores, offset);
    } catch (error) {
      if (batch.length === 1) {
        into[offset] = Number.NaN;
        errors.set(offset, error as Error);
        return;
      }
      const half = batch.length >> 1;
      await score(sliceBatch(batch, 0, half), into, errors, offset);
      await score(sliceBatch(batch, half, batch.length), into, errors, offset + half);
    }
  };
  const share = options.instabilityShare ?? 0.25;
  // The search's batches, their nudged copies and their scores live in buffers made once: fresh typed
  // arrays per batch cost more than a small model's scoring of it.
  const spare = Math.min(batchRows, Math.ceil(share * batchRows));
  const decoder = rowDecoder(columns, options.invalid ?? 0.1, batchRows + spare);
  const scoreBuffer = new Float64Array(batchRows + spare);
  const kindBuffer = new Int8Array(batchRows);
  /**
   * Each row's failure kind (an index into FUZZ_KINDS, −1 for none); outcome(i) says why. With
   * `inBuffers` the batch is the decoder's and its nudged copy is written after it, and the results
   * are valid until the next batch.
   */
  const judge = async (batch: Batch, inBuffers = false) => {
    const n = batch.length;
    const nudged = Math.min(n, Math.ceil(share * n));
    const scores = inBuffers ? scoreBuffer.subarray(0, n + nudged) : new Float64Array(n + nudged);
    const errors = new Map<number, Error>();
    await score(withNudged(batch, nudges, nudged, inBuffers ? decoder : null), scores, errors);
    // Typed codes in the hot loop: an object per row cost more than the model on small models.
    const kind = inBuffers ? kindBuffer.subarray(0, n) : new Int8Array(n);
    kind.fill(-1);
    const threw = errors.size > 0;
    for (let i = 0; i < n; i++) {
      const s = scores[i];
      if (threw && errors.has(i)) kind[i] = 0;
      else if (!Number.isFinite(s)) kind[i] = 1;
      else if (binary && (s < 0 || s > 1)) kind[i] = 2;
      else if (
        i < nudged &&
        !(threw && errors.has(i + n)) &&
        Number.isFinite(scores[i + n]) &&
        Math.abs(scores[i + n] - s) > instability
      )
        kind[i] = 3;
    }
    const outcome = (i: number): RowOutcome =>
      classify(
        errors.get(i) ?? scores[i],
        i < nudged ? (errors.get(i + n) ?? scores[i + n]) : undefined,
        binary,
        instability,
      );
    return { kind, outcome };
  };

  let rows = 0;
  for (let k = 0; rows < options.budgetRows; k++) {
    if (options.budgetMs !== null && now() - started >= options.budgetMs) break;
    const m = Math.min(batchRows, options.budgetRows - rows);
    const batch = generateRows(columns, m, options.seed + 7919 * k, options.invalid ?? 0.1, rows, decoder);
    const t = now();
    const judged = await judge(batch, true);
    modelMs += now() - t;
    for (let i = 0; i < m; i++) {
      const code = judged.kind[i];
      if (code < 0) continue;
      const kind = FUZZ_KINDS[code];
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      if (!first.has(kind)) first.set(kind, { row: rowOf(batch, i), outcome: judged.outcome(i) });
    }
    rows += m;
    options.onProgress?.(
      options.budgetMs !== null
        ? Math.min(1, (now() - started) / options.budgetMs)
        : rows / options.budgetRows,
    );
  }
  const searchSeconds = (now() - started) / 1000;

  const failures: FuzzFailure[] = [];
  const arbitrary = rowArbitrary(columns, options.invalid ?? 0.1);
  for (const kind of kinds) {
    const met = first.get(kind);
    if (!met) continue;
    let steps = 0;
    const fails = async (row: FuzzRow) => {
      steps++;
      const judged = await judge(batchFromRows(infos, [row]));
      return judged.kind[0] >= 0 && FUZZ_KINDS[judged.kind[0]] === kind;
    };
    const shrink = async (row: FuzzRow): Promise<FuzzRow> => {
      const result = await fc.check(
        fc.asyncProperty(arbitrary, async (candidate) => !(await fails(candidate))),
        { examples: [[row]], numRuns: 1, seed: options.seed },
      );
      return result.failed && result.counterexample ? result.counterexample[0] : row;
    };
    let shrunk = await shrink(met.row);
    // Shrinking without fast-check's generation context cannot leave the part a value came from, so a
    // missing, unseen or out-of-range value would stay even where the failure does not need it: try
    // each column at its simplest valid value, keep what still fails, and shrink again from there.
    let filled = false;
    for (const [j, c] of columns.entries()) {
      const simplest = simplestValue(parts[j]);
      if (Object.is(shrunk[c.name], simplest)) continue;
      const candidate = { ...shrunk, [c.name]: simplest };
      if (await fails(candidate)) {
        shrunk = candidate;
        filled = true;
      }
    }
    if (filled) shrunk = await shrink(shrunk);
    const o = (await judge(batchFromRows(infos, [shrunk]))).outcome(0);
    failures.push({
      kind,
      row: shrunk,
      found: met.row,
      score: o.kind === kind ? o.score : met.outcome.score,
      detail: o.kind === kind ? o.detail : met.outcome.detail,
      count: counts.get(kind) ?? 0,
      shrinkSteps: Math.max(0, steps - 1),
    });
  }
  return {
    rows,
    calls,
    seconds: searchSeconds,
    modelSeconds: modelMs / 1000,
    rowsPerSecond: searchSeconds > 0 ? rows / searchSeconds : 0,
    latencyPerRowMs: rows > 0 ? modelMs / (rows * (1 + share)) : 0,
    failures,
    kindsChecked: kinds,
  };
}

function classify(
  s: number | Error,
  t: number | Error | undefined,
  binary: boolean,
  instability: number,
): RowOutcome {
  if (s instanceof Error)
    return { kind: "crash", score: null, detail: (s.message ?? String(s)).split("\n")[0].slice(0, 300) };
  if (!Number.isFinite(s)) return { kind: "non_finite", score: s, detail: `score ${s}` };
  if (binary && (s < 0 || s > 1))
    return { kind: "out_of_range", score: s, detail: `score ${s} is not a probability` };
  if (typeof t === "number" && Number.isFinite(t) && Math.abs(t - s) > instability)
    return {
      kind: "unstable",
      score: s,
      detail: `score ${s.toPrecision(6)} → ${t.toPrecision(6)} under a nudge of 1e-6 of each numeric column's spread`,
    };
  return { kind: null, score: s, detail: "" };
}

/** A nudge far below measurement error: 1e-6 of the reference 5–95% spread (or of the range, or 1). */
function nudgeOf(c: ColumnContract): number {
  if (c.type === "string") return 0;
  const q = c.reference?.quantiles ?? {};
  const spread = (q["0.95"] ?? Number.NaN) - (q["0.05"] ?? Number.NaN);
  if (Number.isFinite(spread) && spread > 0) return 1e-6 * spread;
  const range = (c.range?.max ?? Number.NaN) - (c.range?.min ?? Number.NaN);
  return 1e-6 * (Number.isFinite(range) && range > 0 ? range : 1);
}

/**
 * The batch followed by a nudged copy of its first `m` rows, so both are scored in one call. With the
 * decoder that holds the batch, numeric copies go into its buffers after the batch's rows.
 */
function withNudged(batch: Batch, nudges: number[], m: number, decoder: RowDecoder | null): Batch {
  if (m === 0) return batch;
  const n = batch.length;
  const columns: Column[] = batch.columns.map((c, j) => {
    const valid = decoder ? decoder.valid[j].subarray(0, n + m) : new Uint8Array(n + m);
    if (!decoder) valid.set(c.valid, 0);
    valid.copyWithin(n, 0, m);
    if (c.type === "string") return { ...c, values: [...c.values, ...c.values.slice(0, m)], valid };
    const values = decoder ? decoder.numbers[j].subarray(0, n + m) : new Float64Array(n + m);
    if (!decoder) values.set(c.values, 0);
    nudge(values, n, m, nudges[j]);
    return { ...c, values, valid };
  });
  return { length: n + m, offset: batch.offset, columns };
}

/** values[n + i] = values[i] + d for i < m, non-finite values kept. */
function nudge(values: Float64Array, n: number, m: number, d: number): void {
  for (let i = 0; i < m; i++) {
    const x = values[i];
    values[n + i] = Number.isFinite(x) ? x + d : x;
  }
}

function simplestValue(parts: Part[]): FuzzValue {
  const p = parts[0];
  if (p.kind === "integer" || p.kind === "double") return p.min <= 0 && 0 <= p.max ? 0 : p.min;
  if (p.kind === "constants") return p.values[0];
  return "";
}

function rowOf(batch: Batch, i: number): FuzzRow {
  const row: FuzzRow = {};
  for (const c of batch.columns) row[c.name] = c.valid[i] ? c.values[i] : null;
  return row;
}
