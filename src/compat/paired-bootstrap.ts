/**
 * Paired bootstrap: a resample draws rows (each row carries both models' predictions), so the
 * difference new − old is computed on the same resampled rows and the interval reflects the
 * correlation between the two models.
 */

import {
  type BootstrapOptions,
  DEFAULT_LEVEL,
  DEFAULT_RESAMPLES,
  DEFAULT_SEED,
  percentileInterval,
} from "../evaluate/bootstrap.js";
import { seededRandom } from "../evaluate/random.js";
import type { MetricPass } from "./metric-pass.js";

/** The same resample count, seed and level settings (and defaults) as evaluate's bootstrap. */
export type BootstrapSettings = BootstrapOptions;
export { DEFAULT_LEVEL, DEFAULT_RESAMPLES, DEFAULT_SEED };

export interface PairedEstimate {
  old: number | null;
  new: number | null;
  /** new − old with its percentile interval. */
  delta: { value: number | null; ci: [number, number] | null };
  n: number;
}

/** Draws `resamples` resamples of `rows` (all rows when omitted) and calls visit(counts) for each. */
export function forEachResample(
  size: number,
  rows: Uint32Array | null,
  settings: BootstrapSettings,
  visit: (counts: Uint32Array, r: number) => void,
): void {
  const resamples = settings.resamples ?? DEFAULT_RESAMPLES;
  const random = seededRandom(settings.seed ?? DEFAULT_SEED);
  const counts = new Uint32Array(size);
  const m = rows ? rows.length : size;
  for (let r = 0; r < resamples; r++) {
    counts.fill(0);
    if (rows) for (let j = 0; j < m; j++) counts[rows[random.below(m)]]++;
    else for (let j = 0; j < m; j++) counts[random.below(m)]++;
    visit(counts, r);
  }
}

/** Every metric of both passes, as old, new and new − old with a paired percentile interval. */
export function pairedMetricDeltas(
  oldPass: MetricPass,
  newPass: MetricPass,
  size: number,
  settings: BootstrapSettings = {},
): Record<string, PairedEstimate> {
  const ones = new Uint32Array(size).fill(1);
  const oldValues = oldPass.compute(ones);
  const newValues = newPass.compute(ones);
  const k = oldPass.names.length;
  const resamples = settings.resamples ?? DEFAULT_RESAMPLES;
  const samples = Array.from({ length: k }, () => new Float64Array(resamples));
  forEachResample(size, null, settings, (counts, r) => {
    const o = oldPass.compute(counts);
    const v = newPass.compute(counts);
    for (let j = 0; j < k; j++) samples[j][r] = v[j] - o[j];
  });
  const out: Record<string, PairedEstimate> = {};
  for (let j = 0; j < k; j++) {
    const delta = newValues[j] - oldValues[j];
    out[oldPass.names[j]] = {
      old: finiteOrNull(oldValues[j]),
      new: finiteOrNull(newValues[j]),
      delta: {
        value: finiteOrNull(delta),
        ci: Number.isFinite(delta) && resamples > 0 ? percentileInterval(samples[j], settings.level) : null,
      },
      n: size,
    };
  }
  return out;
}

/**
 * Accuracy delta (new − old) on a subset of rows with a paired percentile interval: the fast path for
 * slices and groups, where only correctness matters.
 */
export function pairedAccuracyDelta(
  oldCorrect: Uint8Array,
  newCorrect: Uint8Array,
  rows: Uint32Array,
  settings: BootstrapSettings = {},
): { value: number | null; ci: [number, number] | null } {
  const m = rows.length;
  if (m === 0) return { value: null, ci: null };
  // Each row contributes −1 (negative flip), +1 (positive flip) or 0: resampling these is enough.
  const change = new Int8Array(m);
  let sum = 0;
  for (let j = 0; j < m; j++) {
    change[j] = newCorrect[rows[j]] - oldCorrect[rows[j]];
    sum += change[j];
  }
  const resamples = settings.resamples ?? DEFAULT_RESAMPLES;
  if (resamples === 0) return { value: sum / m, ci: null };
  const random = seededRandom(settings.seed ?? DEFAULT_SEED);
  const samples = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    for (let j = 0; j < m; j++) s += change[random.below(m)];
    samples[r] = s / m;
  }
  return { value: sum / m, ci: percentileInterval(samples, settings.level) };
}

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}
