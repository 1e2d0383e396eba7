/**
 * How an update moves group fairness: Fairlearn's between-group gaps (demographic parity, equalized
 * odds and equal opportunity differences, max − min over groups) for the old and the new model, and
 * their paired difference new − old with a bootstrap interval (both models see the same resampled
 * rows): resampled within group for the demographic-parity gap, within group × label for the TPR/FPR
 * gaps, as evaluate's fairness. Groups with fewer than minGroupRows rows or fewer than 5 rows of a
 * class (evaluate's rule) are listed but kept out of the gaps.
 */

import { DEFAULT_RESAMPLES, percentileInterval, stratifiedBootstrap } from "../stats/bootstrap.js";
import type { BootstrapSettings } from "./paired-bootstrap.js";
import type { Partition } from "./slices.js";

export const FAIRNESS_GAPS = [
  "demographicParityDifference",
  "equalizedOddsDifference",
  "equalOpportunityDifference",
] as const;
type FairnessGap = (typeof FAIRNESS_GAPS)[number];

interface GroupRateChange {
  n: number;
  included: boolean;
  selectionRate: { old: number; new: number };
  tpr: { old: number | null; new: number | null };
  fpr: { old: number | null; new: number | null };
}

export interface FairnessDelta {
  attribute: string;
  groups: Record<string, GroupRateChange>;
  gaps: Record<
    FairnessGap,
    { old: number | null; new: number | null; delta: { value: number | null; ci: [number, number] | null } }
  >;
}

export function fairnessDelta(
  partition: Partition,
  labels: ArrayLike<number>,
  oldPredicted: Uint8Array,
  newPredicted: Uint8Array,
  options: BootstrapSettings & { minGroupRows?: number; minClassCount?: number } = {},
): FairnessDelta {
  const minRows = options.minGroupRows ?? 30;
  const minClass = options.minClassCount ?? 5;
  const g = partition.groups.length;
  // cells[model][group·4 + (tp, fp, fn, tn)]; each row's two cell indices are computed once.
  const rows = labels.length;
  const oldCell = new Int32Array(rows).fill(-1);
  const newCell = new Int32Array(rows).fill(-1);
  partition.groups.forEach((group, k) => {
    for (const i of group.rows) {
      const y = labels[i];
      oldCell[i] = k * 4 + (y === 1 ? (oldPredicted[i] === 1 ? 0 : 2) : oldPredicted[i] === 1 ? 1 : 3);
      newCell[i] = k * 4 + (y === 1 ? (newPredicted[i] === 1 ? 0 : 2) : newPredicted[i] === 1 ? 1 : 3);
    }
  });
  const tally = (weights: ArrayLike<number> | null) => {
    const cells = [new Float64Array(g * 4), new Float64Array(g * 4)];
    const [o, v] = cells;
    for (let i = 0; i < rows; i++) {
      if (oldCell[i] < 0) continue;
      const w = weights ? weights[i] : 1;
      if (w === 0) continue;
      o[oldCell[i]] += w;
      v[newCell[i]] += w;
    }
    return cells;
  };
  const point = tally(null);
  const included = partition.groups.map((_, k) => {
    const c = point[0];
    const positives = c[k * 4] + c[k * 4 + 2];
    const negatives = c[k * 4 + 1] + c[k * 4 + 3];
    return positives + negatives >= minRows && positives >= minClass && negatives >= minClass;
  });
  const gapsOf = (c: Float64Array) => gaps(c, included);
  const oldGaps = gapsOf(point[0]);
  const newGaps = gapsOf(point[1]);

  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  // As evaluate's fairness: the demographic-parity gap resampled within group (a group's positives
  // vary between samples, and its selection rate with them), the TPR/FPR gaps within group × label.
  const withinGroup: Uint32Array[] = [];
  const withinGroupLabel: Uint32Array[] = [];
  partition.groups.forEach((group, k) => {
    if (!included[k]) return;
    withinGroup.push(group.rows);
    for (const y of [0, 1]) {
      const rows = group.rows.filter((i) => labels[i] === y);
      if (rows.length > 0) withinGroupLabel.push(rows);
    }
  });
  const run = (strata: Uint32Array[]) =>
    stratifiedBootstrap(
      strata,
      labels.length,
      (weights) => {
        const c = tally(weights);
        const o = gapsOf(c[0]);
        const v = gapsOf(c[1]);
        return FAIRNESS_GAPS.map((_, k) => v[k] - o[k]);
      },
      options,
    );
  const enough = included.filter(Boolean).length >= 2 && resamples > 0;
  const dpSamples = enough ? run(withinGroup) : [];
  const rateSamples = enough ? run(withinGroupLabel) : [];
  const samples = [dpSamples[0], rateSamples[1], rateSamples[2]];
  const groups: Record<string, GroupRateChange> = {};
  partition.groups.forEach((group, k) => {
    const rate = (c: Float64Array) => {
      const [tp, fp, fn, tn] = [c[k * 4], c[k * 4 + 1], c[k * 4 + 2], c[k * 4 + 3]];
      return {
        selection: (tp + fp) / (tp + fp + fn + tn),
        tpr: tp + fn > 0 ? tp / (tp + fn) : null,
        fpr: fp + tn > 0 ? fp / (fp + tn) : null,
      };
    };
    const o = rate(point[0]);
    const v = rate(point[1]);
    groups[group.value] = {
      n: group.rows.length,
      included: included[k],
      selectionRate: { old: o.selection, new: v.selection },
      tpr: { old: o.tpr, new: v.tpr },
      fpr: { old: o.fpr, new: v.fpr },
    };
  });
  const out = {} as FairnessDelta["gaps"];
  FAIRNESS_GAPS.forEach((name, k) => {
    const defined = Number.isFinite(oldGaps[k]) && Number.isFinite(newGaps[k]);
    out[name] = {
      old: Number.isFinite(oldGaps[k]) ? oldGaps[k] : null,
      new: Number.isFinite(newGaps[k]) ? newGaps[k] : null,
      delta: {
        value: defined ? newGaps[k] - oldGaps[k] : null,
        ci: defined && samples[k] ? percentileInterval(samples[k], options.level) : null,
      },
    };
  });
  return { attribute: partition.column, groups, gaps: out };
}

/** [DP difference, EO difference, EOpp difference] over the included groups; NaN with fewer than 2. */
function gaps(cells: Float64Array, included: boolean[]): [number, number, number] {
  let selMin = Infinity;
  let selMax = -Infinity;
  let tprMin = Infinity;
  let tprMax = -Infinity;
  let fprMin = Infinity;
  let fprMax = -Infinity;
  let count = 0;
  for (let k = 0; k < included.length; k++) {
    if (!included[k]) continue;
    const [tp, fp, fn, tn] = [cells[k * 4], cells[k * 4 + 1], cells[k * 4 + 2], cells[k * 4 + 3]];
    const n = tp + fp + fn + tn;
    if (n === 0) continue;
    count++;
    const sel = (tp + fp) / n;
    // Fairlearn counts an undefined rate (no positives or negatives in a resample) as 0.
    const tpr = tp + fn > 0 ? tp / (tp + fn) : 0;
    const fpr = fp + tn > 0 ? fp / (fp + tn) : 0;
    selMin = Math.min(selMin, sel);
    selMax = Math.max(selMax, sel);
    tprMin = Math.min(tprMin, tpr);
    tprMax = Math.max(tprMax, tpr);
    fprMin = Math.min(fprMin, fpr);
    fprMax = Math.max(fprMax, fpr);
  }
  if (count < 2) return [Number.NaN, Number.NaN, Number.NaN];
  return [selMax - selMin, Math.max(tprMax - tprMin, fprMax - fprMin), tprMax - tprMin];
}
