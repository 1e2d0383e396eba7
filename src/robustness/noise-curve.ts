/**
 * Accuracy under feature noise (`assay robustness`, part one): at each level, every numeric feature
 * gets Gaussian noise of `level` standard deviations (its SD in the data) and every text feature is
 * replaced, with probability min(level, 1), by a category drawn from its marginal; one curve per
 * feature alone and one with all together. Each point's interval is a percentile bootstrap over rows
 * (../stats/bootstrap.ts) of the accuracy with that point's noisy predictions; all points share the
 * resamples, so the curves' differences are read on the same rows.
 */
import type { Model } from "../model/model.js";
import { predictTable } from "../model/predict.js";
import { allRows, percentileInterval, stratifiedBootstrap } from "../stats/bootstrap.js";
import { normalDraw } from "../stats/normal-draw.js";
import { type Random, seededRandom } from "../stats/random.js";
import type { Batch } from "../table/types.js";
import { copyBatch } from "./transforms.js";

interface NoisePoint {
  level: number;
  accuracy: number;
  ci: [number, number] | null;
}

export interface NoiseCurve {
  /** A feature's name, or "all" for every feature at once. */
  feature: string;
  points: NoisePoint[];
  /** Accuracy lost from level 0 to the largest level. */
  drop: number;
}

interface NoiseOptions {
  levels: number[];
  threshold: number;
  seed: number;
  resamples: number;
  level: number;
}

export async function noiseCurves(
  model: Model,
  data: Batch,
  labels: Uint8Array,
  features: string[],
  options: NoiseOptions,
): Promise<NoiseCurve[]> {
  const random = seededRandom(options.seed);
  const groups = [...features.map((f) => [f]), ...(features.length > 1 ? [features] : [])];
  const correct: Uint8Array[] = [];
  const layout: { feature: string; level: number }[] = [];
  const clean = await predictTable(model, data);
  const cleanCorrect = correctness(clean.scores, labels, options.threshold);
  for (const group of groups)
    for (const level of options.levels) {
      layout.push({ feature: group.length === 1 ? group[0] : "all", level });
      if (level === 0) {
        correct.push(cleanCorrect);
        continue;
      }
      const noisy = addNoise(data, group, level, random);
      correct.push(correctness((await predictTable(model, noisy)).scores, labels, options.threshold));
    }
  const n = labels.length;
  const accuracy = (weights: ArrayLike<number> | null) =>
    correct.map((c) => {
      let hit = 0;
      let total = 0;
      for (let i = 0; i < n; i++) {
        const w = weights ? weights[i] : 1;
        hit += w * c[i];
        total += w;
      }
      return total > 0 ? hit / total : Number.NaN;
    });
  const point = accuracy(null);
  const samples =
    options.resamples > 0
      ? stratifiedBootstrap(allRows(n), n, (counts) => accuracy(counts), {
          resamples: options.resamples,
          seed: options.seed,
          level: options.level,
        })
      : [];
  const curves: NoiseCurve[] = [];
  for (const group of groups) {
    const feature = group.length === 1 ? group[0] : "all";
    const points = layout
      .map((l, k) => ({ l, k }))
      .filter(({ l }) => l.feature === feature)
      .map(({ l, k }) => ({
        level: l.level,
        accuracy: point[k],
        ci: samples[k] ? percentileInterval(samples[k], options.level) : null,
      }));
    curves.push({ feature, points, drop: points[0].accuracy - points[points.length - 1].accuracy });
  }
  return curves;
}

function correctness(scores: Float64Array, labels: Uint8Array, threshold: number): Uint8Array {
  // A non-finite score is never correct.
  return Uint8Array.from(scores, (s, i) =>
    Number.isFinite(s) && (s >= threshold ? 1 : 0) === labels[i] ? 1 : 0,
  );
}

/** A copy of the batch with noise of `level` on the named features. */
function addNoise(data: Batch, features: string[], level: number, random: Random): Batch {
  const out = copyBatch(data);
  for (const name of features) {
    const column = out.columns.find((c) => c.name === name);
    if (!column) continue;
    if (column.type === "string") {
      const pool = column.values.filter((v, i) => column.valid[i] && v !== null) as string[];
      if (pool.length === 0) continue;
      const p = Math.min(1, level);
      for (let i = 0; i < out.length; i++)
        if (random.next() < p) {
          column.values[i] = pool[random.below(pool.length)];
          column.valid[i] = 1;
        }
      continue;
    }
    const sd = standardDeviation(column.values, column.valid);
    for (let i = 0; i < out.length; i++)
      if (column.valid[i] && Number.isFinite(column.values[i]))
        column.values[i] += level * sd * normalDraw(random);
  }
  return out;
}

/** Population SD of the finite present values (0 when fewer than two). */
export function standardDeviation(values: Float64Array, valid: Uint8Array): number {
  let m = 0;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!valid[i] || !Number.isFinite(x)) continue;
    m++;
    const d = x - mean;
    mean += d / m;
    m2 += d * (x - mean);
  }
  return m > 1 ? Math.sqrt(m2 / m) : 0;
}
