/**
 * Global effect curves of one feature, for any Model:
 * - partial dependence (Friedman 2001): PD(g) = mean over rows of f(x with feature := g), on a grid
 *   of the feature's deciles (numeric) or its most frequent categories (text);
 * - accumulated local effects (Apley & Zhu 2020), numeric features: between consecutive decile
 *   edges, the mean change f(x with feature := upper edge) − f(… := lower edge) over the rows in that
 *   interval, accumulated and centred so that the row-weighted mean effect is 0. Unlike PD it does
 *   not score impossible rows when features are correlated.
 * Bands: percentile intervals over `resamples` bootstrap resamples of the rows (the same resample
 * for every grid point, so a band is about the curve, not each point alone); the model is fixed.
 * Browser-safe.
 */
import { findColumn, takeRows } from "../model/features.js";
import type { Model } from "../model/model.js";
import { predictTable } from "../model/predict.js";
import { percentileInterval } from "../stats/bootstrap.js";
import { quantileSorted } from "../stats/quantile.js";
import { seededRandom } from "../stats/random.js";
import type { Batch, Column } from "../table/types.js";

export interface EffectPoint {
  /** The grid value (a number, or a category). */
  at: number | string;
  effect: number;
  band: [number, number] | null;
  /** ALE: rows whose value falls in the interval ending here. PD: every row. */
  rows: number;
}

export interface FeatureEffect {
  feature: string;
  method: "partial-dependence" | "accumulated-local-effects";
  points: EffectPoint[];
  /** max − min of the curve: how far the feature alone moves the score. */
  range: number;
}

export interface EffectOptions {
  gridSize?: number;
  resamples?: number;
  seed?: number;
  level?: number;
}

export async function partialDependence(
  model: Model,
  rows: Batch,
  feature: string,
  options: EffectOptions = {},
): Promise<FeatureEffect> {
  const column = findColumn(rows, feature);
  const grid =
    column.type === "string"
      ? topCategories(column, options.gridSize ?? 10)
      : deciles(column, options.gridSize ?? 10);
  const n = rows.length;
  const scores: Float64Array[] = [];
  for (const g of grid) scores.push((await predictTable(model, withValue(rows, column, g))).scores);
  const curve = (pick: (i: number) => number) =>
    scores.map((s) => {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += s[pick(i)];
      return sum / n;
    });
  const effects = curve((i) => i);
  const bands = bootstrapBands(n, grid.length, curve, options);
  return finish(
    feature,
    "partial-dependence",
    grid.map((at, k) => ({ at, effect: effects[k], band: bands[k], rows: n })),
  );
}

export async function accumulatedLocalEffects(
  model: Model,
  rows: Batch,
  feature: string,
  options: EffectOptions = {},
): Promise<FeatureEffect | null> {
  const column = findColumn(rows, feature);
  if (column.type === "string") return null;
  const edges = deciles(column, (options.gridSize ?? 10) + 1);
  if (edges.length < 2) return null;
  const intervals = edges.length - 1;
  // Each valid row falls in interval k: edges[k] < x ≤ edges[k + 1] (the first also takes x = edges[0]).
  const members: number[] = [];
  const interval: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (!column.valid[i] || !Number.isFinite(column.values[i])) continue;
    let k = 0;
    while (k < intervals - 1 && column.values[i] > edges[k + 1]) k++;
    members.push(i);
    interval.push(k);
  }
  const sample = takeRows(rows, members);
  const sampleColumn = findColumn(sample, feature);
  const lower = (
    await predictTable(
      model,
      withValue(sample, sampleColumn, (i) => edges[interval[i]]),
    )
  ).scores;
  const upper = (
    await predictTable(
      model,
      withValue(sample, sampleColumn, (i) => edges[interval[i] + 1]),
    )
  ).scores;
  const m = members.length;
  const curve = (pick: (i: number) => number) => {
    const sum = new Float64Array(intervals);
    const count = new Float64Array(intervals);
    for (let r = 0; r < m; r++) {
      const i = pick(r);
      sum[interval[i]] += upper[i] - lower[i];
      count[interval[i]]++;
    }
    const ale = new Array<number>(intervals + 1).fill(0);
    for (let k = 0; k < intervals; k++) ale[k + 1] = ale[k] + (count[k] > 0 ? sum[k] / count[k] : 0);
    let centre = 0;
    for (let k = 0; k < intervals; k++) centre += (count[k] * (ale[k] + ale[k + 1])) / 2;
    centre /= m;
    return ale.map((v) => v - centre);
  };
  const effects = curve((r) => r);
  const bands = bootstrapBands(m, intervals + 1, curve, options);
  const counts = new Array<number>(intervals + 1).fill(0);
  for (const k of interval) counts[k + 1]++;
  return finish(
    feature,
    "accumulated-local-effects",
    edges.map((at, k) => ({ at, effect: effects[k], band: bands[k], rows: counts[k] })),
  );
}

function finish(feature: string, method: FeatureEffect["method"], points: EffectPoint[]): FeatureEffect {
  const values = points.map((p) => p.effect);
  return { feature, method, points, range: Math.max(...values) - Math.min(...values) };
}

function bootstrapBands(
  n: number,
  size: number,
  curve: (pick: (i: number) => number) => number[],
  options: EffectOptions,
): ([number, number] | null)[] {
  const resamples = options.resamples ?? 200;
  const random = seededRandom(options.seed ?? 1);
  const draws = Array.from({ length: size }, () => new Float64Array(resamples));
  const pick = new Uint32Array(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) pick[i] = random.below(n);
    curve((i) => pick[i]).forEach((v, k) => {
      draws[k][r] = v;
    });
  }
  return draws.map((d) => percentileInterval(d, options.level ?? 0.95));
}

/** Distinct quantiles at k/(size − 1), k = 0 … size − 1, of the valid values (the ends are the 5% and 95%). */
function deciles(column: Column, size: number): number[] {
  const values = (column.values as Float64Array)
    .filter((v, i) => column.valid[i] && Number.isFinite(v))
    .sort();
  if (values.length === 0) return [];
  const out: number[] = [];
  for (let k = 0; k < size; k++) {
    const q = quantileSorted(values, 0.05 + (0.9 * k) / Math.max(1, size - 1));
    if (out.length === 0 || q > out[out.length - 1]) out.push(q);
  }
  return out;
}

function topCategories(column: Column, size: number): string[] {
  const counts = new Map<string, number>();
  column.values.forEach((v, i) => {
    if (column.valid[i] && v !== null) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  });
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, size)
    .map(([v]) => v);
}

/** The batch with one column replaced by a constant or a per-row value. */
function withValue(rows: Batch, column: Column, value: number | string | ((i: number) => number)): Batch {
  const n = rows.length;
  const valid = new Uint8Array(n).fill(1);
  const replaced: Column =
    column.type === "string"
      ? { name: column.name, type: "string", values: new Array(n).fill(String(value)), valid }
      : {
          name: column.name,
          type: column.type,
          values:
            typeof value === "function"
              ? Float64Array.from({ length: n }, (_, i) => value(i))
              : new Float64Array(n).fill(Number(value)),
          valid,
        };
  return { ...rows, columns: rows.columns.map((c) => (c.name === column.name ? replaced : c)) };
}
