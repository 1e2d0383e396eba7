/**
 * The built-in transformations of a suite (set, scale, shift, clip, swap, missing, noise, text, reorder)
 * and the plug-in point: each takes the rows under test as a batch and returns a transformed copy.
 * `reorder` permutes the rows instead, and says how: a model whose score of a row depends on its
 * neighbours in the batch fails INV under it.
 */
import { batchRecords, takeRows } from "../model/features.js";
import { normalDraw } from "../stats/normal-draw.js";
import { quantileSorted } from "../stats/quantile.js";
import type { Random } from "../stats/random.js";
import { sortFloat64 } from "../stats/sort.js";
import { InputError } from "../table/errors.js";
import { type Batch, batchFromRows, type Column } from "../table/types.js";
import type { Transformation } from "./suite.js";
import { perturbText } from "./text-perturb.js";

/** A user's own transformation: rows in (plain objects), the same number of rows out. */
export type PluginTransform = (
  rows: Record<string, number | string | null>[],
  options: Record<string, unknown>,
  random: () => number,
) => Record<string, unknown>[] | Promise<Record<string, unknown>[]>;

interface TransformContext {
  random: Random;
  /** The whole data table: where `noise.band` reads a column's interquartile range. */
  reference: Batch;
  plugins: Record<string, PluginTransform>;
}

interface Transformed {
  batch: Batch;
  /** Row i of `batch` is row order[i] of the input (null: same order). */
  order: Uint32Array | null;
}

export async function applyTransforms(
  batch: Batch,
  transforms: Transformation[],
  context: TransformContext,
): Promise<Transformed> {
  let current = copyBatch(batch);
  let order: Uint32Array | null = null;
  for (const t of transforms) {
    if (t.kind === "reorder") {
      const perm = permutation(current.length, context.random);
      current = takeRows(current, perm);
      order = order ? Uint32Array.from(perm, (p) => order![p]) : perm;
    } else if (t.kind === "plugin") current = await runPlugin(current, t.name, t.options, context);
    else applyColumn(current, t, context);
  }
  return { batch: current, order };
}

function applyColumn(
  batch: Batch,
  t: Exclude<Transformation, { kind: "reorder" | "plugin" }>,
  context: TransformContext,
): void {
  const column = batch.columns.find((c) => c.name === t.column);
  if (!column)
    throw new InputError(
      `transform ${t.kind}: no column '${t.column}' (columns: ${batch.columns.map((c) => c.name).join(", ")})`,
    );
  const n = batch.length;
  if (t.kind === "missing") {
    column.valid.fill(0);
    return;
  }
  if (column.type === "string") {
    const values = column.values;
    switch (t.kind) {
      case "set":
        for (let i = 0; i < n; i++) setText(column, i, t.value === null ? null : String(t.value));
        return;
      case "swap":
        for (let i = 0; i < n; i++) {
          const to = column.valid[i] ? t.map[values[i] as string] : undefined;
          if (to !== undefined) values[i] = to;
        }
        return;
      case "text":
        for (let i = 0; i < n; i++)
          if (column.valid[i] && values[i] !== null)
            values[i] = perturbText(values[i] as string, t.style, context.random);
        return;
      default:
        throw new InputError(
          `transform ${t.kind}: column '${t.column}' is text; ${t.kind} needs a numeric column`,
        );
    }
  }
  const values = column.values;
  const isValid = (i: number) => column.valid[i] === 1;
  switch (t.kind) {
    case "set": {
      if (typeof t.value === "string")
        throw new InputError(`transform set: column '${t.column}' is numeric; value '${t.value}' is text`);
      for (let i = 0; i < n; i++) {
        if (t.value === null) column.valid[i] = 0;
        else {
          values[i] = t.value;
          column.valid[i] = 1;
        }
      }
      return;
    }
    case "scale":
      for (let i = 0; i < n; i++) if (isValid(i)) values[i] *= t.factor;
      return;
    case "shift":
      for (let i = 0; i < n; i++) if (isValid(i)) values[i] += t.by;
      return;
    case "clip":
      for (let i = 0; i < n; i++)
        if (isValid(i))
          values[i] = Math.min(
            t.max ?? Number.POSITIVE_INFINITY,
            Math.max(t.min ?? Number.NEGATIVE_INFINITY, values[i]),
          );
      return;
    case "swap":
      for (let i = 0; i < n; i++) {
        const to = isValid(i) ? t.map[String(values[i])] : undefined;
        if (to === undefined) continue;
        const x = Number(to);
        if (!Number.isFinite(x))
          throw new InputError(`transform swap: column '${t.column}' is numeric; '${to}' is not a number`);
        values[i] = x;
      }
      return;
    case "noise": {
      const scale = t.band !== null ? t.band * interquartileRange(context.reference, t.column) : (t.sd ?? 0);
      for (let i = 0; i < n; i++)
        if (isValid(i) && Number.isFinite(values[i])) {
          const sd = t.relative !== null ? t.relative * Math.abs(values[i]) : scale;
          values[i] += sd * normalDraw(context.random);
        }
      return;
    }
    case "text":
      throw new InputError(
        `transform text: column '${t.column}' is numeric; text perturbations need a text column`,
      );
  }
}

function setText(column: Column, i: number, value: string | null): void {
  (column.values as (string | null)[])[i] = value;
  column.valid[i] = value === null ? 0 : 1;
}

/** Q3 − Q1 of the finite values of a numeric column (0 when it has none). */
export function interquartileRange(batch: Batch, name: string): number {
  const column = batch.columns.find((c) => c.name === name);
  if (!column || column.type === "string") return 0;
  const finite: number[] = [];
  for (let i = 0; i < batch.length; i++)
    if (column.valid[i] && Number.isFinite(column.values[i])) finite.push(column.values[i]);
  if (finite.length === 0) return 0;
  const sorted = sortFloat64(Float64Array.from(finite));
  return quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
}

async function runPlugin(
  batch: Batch,
  name: string,
  options: Record<string, unknown>,
  context: TransformContext,
): Promise<Batch> {
  const plugin = context.plugins[name];
  if (!plugin) throw new InputError(`transform ${name}: the plug-in was not loaded`);
  let out: unknown;
  try {
    out = await plugin(batchRecords(batch, null), options, () => context.random.next());
  } catch (error) {
    throw new InputError(
      `transform ${name}: the plug-in threw: ${(error as Error).message?.split("\n")[0] ?? String(error)}`,
    );
  }
  if (!Array.isArray(out) || out.length !== batch.length)
    throw new InputError(
      `transform ${name}: the plug-in must return ${batch.length} rows, got ${Array.isArray(out) ? `${out.length} rows` : typeof out}`,
    );
  const infos = batch.columns.map((c) => ({ name: c.name, type: c.type, sourceType: c.type }));
  return batchFromRows(infos, out as Record<string, unknown>[], batch.offset);
}

export function copyBatch(batch: Batch): Batch {
  return {
    length: batch.length,
    offset: batch.offset,
    columns: batch.columns.map((c) =>
      c.type === "string"
        ? { ...c, values: c.values.slice(), valid: c.valid.slice() }
        : { ...c, values: c.values.slice(), valid: c.valid.slice() },
    ),
  };
}

function permutation(n: number, random: Random): Uint32Array {
  const p = Uint32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = random.below(i + 1);
    [p[i], p[j]] = [p[j], p[i]];
  }
  // Reversed when the shuffle happened to keep the order, so a reorder always reorders (n ≥ 2).
  if (n >= 2 && p.every((v, i) => v === i)) p.reverse();
  return p;
}
