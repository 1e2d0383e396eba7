/**
 * Paired bootstrap: a resample draws rows (each row carries both models' predictions), so the
 * difference new − old is computed on the same resampled rows and the interval reflects the
 * correlation between the two models.
 */

import {
  allRows,
  type BootstrapOptions,
  DEFAULT_LEVEL,
  DEFAULT_RESAMPLES,
  DEFAULT_SEED,
  percentileInterval,
  stratifiedBootstrap,
} from "../stats/bootstrap.js";
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
  const samples = stratifiedBootstrap(
    allRows(size),
    size,
    (counts) => {
      const o = oldPass.compute(counts);
      const v = newPass.compute(counts);
      return Float64Array.from({ length: k }, (_, j) => v[j] - o[j]);
    },
    settings,
  );
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
  if ((settings.resamples ?? DEFAULT_RESAMPLES) === 0) return { value: sum / m, ci: null };
  const [samples] = stratifiedBootstrap(
    allRows(m),
    m,
    (counts) => {
      let s = 0;
      for (let j = 0; j < m; j++) s += counts[j] * change[j];
      return [s / m];
    },
    settings,
  );
  return { value: sum / m, ci: percentileInterval(samples, settings.level) };
}

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}
