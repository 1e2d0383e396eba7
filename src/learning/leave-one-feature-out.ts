/**
 * Leave-one-feature-out (LOFO): refit the learner without feature j and compare its held-out loss
 * with the full refit's, row by row: delta_j = mean_i [loss_i(without j) − loss_i(full)], with the
 * paired t interval over the held-out rows (stats/paired-mean-interval.ts; the training rows held
 * fixed, so it carries the held-out sampling error, not the refit's). Unlike permutation importance
 * this asks what the feature adds *given the others*: two near-duplicates each cost nothing to drop
 * alone, which is why the features found removable one at a time are then dropped together,
 * greedily (`jointRemoval`).
 *
 * A feature is removable when the upper end of its interval is at most `tolerance` × the full
 * model's loss (non-inferiority at that margin, default 1%): a small held-out set then finds nothing
 * removable instead of everything.
 */
import type { Model, ModelTask } from "../model/model.js";
import { pairedMeanInterval } from "../stats/paired-mean-interval.js";
import { InputError } from "../table/errors.js";
import type { Batch } from "../table/types.js";
import { type RowLossName, rowLosses, rowLossName } from "./row-loss.js";

/** Fits the learner on `rows` using only `features`. */
export type FeatureFitter = (rows: Batch, labels: ArrayLike<number>, features: string[]) => Promise<Model>;

export interface LeaveOneOutOptions {
  level?: number;
  /** Non-inferiority margin as a fraction of the full model's held-out loss (default 0.01). */
  tolerance?: number;
  task?: ModelTask;
  /** Called after each refit (progress). */
  onRefit?: (done: number, total: number) => void;
}

export interface FeatureRemoval {
  /** The feature left out (for the joint removal: every removable feature, comma-joined). */
  feature: string;
  /** Mean rise of the held-out per-row loss without it (< 0: the model is better off without it). */
  delta: number;
  ci: [number, number] | null;
  standardError: number | null;
  /** The interval lies above 0: the feature adds something the others do not carry. */
  significant: boolean;
  /** The interval's upper end is within the margin: leaving it out costs no meaningful loss. */
  removable: boolean;
}

export interface LeaveOneOut {
  loss: RowLossName;
  /** Held-out mean loss of the refit on every feature. */
  baselineLoss: number;
  /** The margin in loss units (tolerance × baselineLoss). */
  margin: number;
  rows: number;
  level: number;
  /** Most useful first. */
  features: FeatureRemoval[];
  /**
   * The largest set found, greedily, of removable features that can go together (null when fewer than
   * two are removable alone); `kept` are the removable-alone ones that could not join it.
   */
  jointRemoval: (FeatureRemoval & { features: string[]; kept: string[] }) | null;
}

export async function leaveOneFeatureOut(
  train: Batch,
  trainLabels: ArrayLike<number>,
  heldOut: Batch,
  heldOutLabels: ArrayLike<number>,
  features: string[],
  fit: FeatureFitter,
  options: LeaveOneOutOptions = {},
): Promise<LeaveOneOut> {
  const level = options.level ?? 0.95;
  const tolerance = options.tolerance ?? 0.01;
  if (!(tolerance >= 0)) throw new InputError(`tolerance must be ≥ 0 (got ${tolerance})`);
  if (features.length < 2)
    throw new InputError(`leave-one-feature-out needs at least 2 features (got ${features.length})`);
  if (heldOut.length < 2) throw new InputError(`need at least 2 held-out rows (got ${heldOut.length})`);
  const total = 2 * features.length;
  let done = 0;
  const refit = async (kept: string[]) => {
    const model = await fit(train, trainLabels, kept);
    const prediction = await model.predict(heldOut);
    await model.close();
    options.onRefit?.(++done, total);
    return prediction;
  };
  const full = await refit(features);
  const task = options.task ?? "binary";
  const loss = rowLossName(task, full);
  const base = rowLosses(task, full, heldOutLabels);
  const baselineLoss = base.reduce((a, b) => a + b, 0) / base.length;
  const margin = tolerance * baselineLoss;
  const compare = async (dropped: string[]): Promise<FeatureRemoval> => {
    const without = rowLosses(task, await refit(features.filter((f) => !dropped.includes(f))), heldOutLabels);
    const d = new Float64Array(base.length);
    for (let i = 0; i < d.length; i++) d[i] = without[i] - base[i];
    const { mean, ci, standardError } = pairedMeanInterval(d, level);
    return {
      feature: dropped.join(","),
      delta: mean,
      ci,
      standardError,
      significant: ci !== null && ci[0] > 0,
      removable: ci !== null && ci[1] <= margin,
    };
  };
  const out: FeatureRemoval[] = [];
  for (const f of features) out.push(await compare([f]));
  out.sort((a, b) => b.delta - a.delta || (a.feature < b.feature ? -1 : 1));
  // Greedy backward elimination over the removable ones, most clearly removable first: each is
  // dropped together with those already dropped and kept out only while the cumulative loss rise
  // stays within the margin, so the set as a whole is removable, not just each member alone.
  const candidates = out
    .filter((r) => r.removable)
    .sort((a, b) => a.ci![1] - b.ci![1] || (a.feature < b.feature ? -1 : 1));
  let jointRemoval: LeaveOneOut["jointRemoval"] = null;
  if (candidates.length >= 2) {
    const dropped: string[] = [candidates[0].feature];
    const rejected: string[] = [];
    let last: FeatureRemoval = candidates[0];
    for (const c of candidates.slice(1)) {
      if (dropped.length + 1 >= features.length) break;
      const trial = await compare([...dropped, c.feature]);
      if (trial.removable) {
        dropped.push(c.feature);
        last = trial;
      } else rejected.push(c.feature);
    }
    jointRemoval = { ...last, feature: dropped.join(","), features: dropped, kept: rejected };
  }
  return { loss, baselineLoss, margin, rows: heldOut.length, level, features: out, jointRemoval };
}
