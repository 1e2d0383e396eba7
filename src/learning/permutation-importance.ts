/**
 * Permutation importance on held-out rows (Breiman 2001; scikit-learn's
 * sklearn.inspection.permutation_importance): how much a model's held-out loss rises when one
 * feature's column is shuffled across the rows, breaking its link to the label and to the other
 * features while keeping its distribution. Any Model: it only calls predict.
 *
 * Importance of feature j = mean over rows i of d_ij, d_ij = (1/R) Σ_r loss_i(column j permuted by
 * π_r) − loss_i(intact), with R seeded permutations (`repeats`) and the per-row loss of
 * ./row-loss.ts. Its interval is a t interval (n − 1 degrees of freedom) whose standard error comes
 * from each row's influence — the loss rise it suffers as a recipient of other rows' values plus the
 * rise it causes as the donor of its own (influenceInterval below) — so it carries the sampling error of
 * the held-out rows (the model held fixed), where sklearn's importances_std carries only the spread
 * between permutations (kept here as `repeatImportances`). Coverage measured by simulation:
 * docs/learning.md.
 */
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { takeRows } from "../model/features.js";
import type { Model, ModelTask } from "../model/model.js";
import { pairedMeanInterval } from "../stats/paired-mean-interval.js";
import { seededRandom } from "../stats/random.js";
import { InputError } from "../table/errors.js";
import type { Batch } from "../table/types.js";
import { type RowLossName, rowLosses, rowLossName } from "./row-loss.js";

export interface PermutationImportanceOptions {
  /** Columns to permute, one at a time (default: the model's features; required when it declares none). */
  features?: string[];
  /** Permutations per feature (default 5). */
  repeats?: number;
  /** Seed of the permutations (default 1). */
  seed?: number;
  /** Level of the intervals (default 0.95). */
  level?: number;
  /** The model's task (default: its metadata's). */
  task?: ModelTask;
}

export interface FeatureImportance {
  feature: string;
  /** Mean rise of the per-row loss when the feature is permuted (≤ 0: the model does not need it). */
  importance: number;
  ci: [number, number] | null;
  standardError: number | null;
  /** The interval lies above 0: permuting the feature costs loss beyond the rows' sampling error. */
  significant: boolean;
  /** The mean rise under each permutation separately (their spread is sklearn's importances_std). */
  repeatImportances: number[];
}

export interface PermutationImportance {
  loss: RowLossName;
  /** Mean held-out loss with every column intact. */
  baselineLoss: number;
  rows: number;
  repeats: number;
  level: number;
  seed: number;
  /** Most important first. */
  features: FeatureImportance[];
}

export async function permutationImportance(
  model: Model,
  heldOut: Batch,
  labels: ArrayLike<number>,
  options: PermutationImportanceOptions = {},
): Promise<PermutationImportance> {
  const repeats = options.repeats ?? 5;
  const seed = options.seed ?? 1;
  const level = options.level ?? 0.95;
  const task = options.task ?? model.metadata.task;
  const features = options.features ?? model.features;
  if (features === null)
    throw new InputError(`model '${model.name}' declares no feature list: name the columns to permute`);
  if (!Number.isInteger(repeats) || repeats < 1)
    throw new InputError(`permutation importance needs repeats ≥ 1 (got ${repeats})`);
  if (!(level > 0 && level < 1)) throw new InputError(`level must be in (0, 1) (got ${level})`);
  const n = heldOut.length;
  if (labels.length !== n) throw new InputError(`${labels.length} labels for ${n} held-out rows`);
  if (n < 2) throw new InputError(`permutation importance needs at least 2 held-out rows (got ${n})`);
  for (const f of features)
    if (!heldOut.columns.some((c) => c.name === f))
      throw new InputError(`held-out rows have no column '${f}' to permute`);

  const intact = await model.predict(heldOut);
  const loss = rowLossName(task, intact);
  const base = rowLosses(task, intact, labels);
  const baselineLoss = mean(base);
  const random = seededRandom(seed);
  const order = new Uint32Array(n);
  const out: FeatureImportance[] = [];
  for (const feature of features) {
    const rise = new Float64Array(n);
    const given = new Float64Array(n);
    const pairs = new RunningVariance();
    const repeatImportances: number[] = [];
    for (let r = 0; r < repeats; r++) {
      permutation(order, random);
      const permuted = withColumnFrom(heldOut, feature, order);
      const losses = rowLosses(task, await model.predict(permuted), labels);
      let total = 0;
      for (let i = 0; i < n; i++) {
        const d = losses[i] - base[i];
        rise[i] += d / repeats;
        given[order[i]] += d / repeats;
        pairs.add(d);
        total += d;
      }
      repeatImportances.push(total / n);
    }
    const { importance, ci, standardError } = influenceInterval(rise, given, pairs, level, repeats);
    out.push({
      feature,
      importance,
      ci,
      standardError,
      significant: ci !== null && ci[0] > 0,
      repeatImportances,
    });
  }
  out.sort((a, b) => b.importance - a.importance || (a.feature < b.feature ? -1 : 1));
  return { loss, baselineLoss, rows: n, repeats, level, seed, features: out };
}

/**
 * Each row enters the estimate twice — as the recipient of another row's value (rise_i) and as the
 * donor of its own (given_i) — so the estimate is a two-sample U-statistic in disguise, with
 * first-order (Hoeffding) influence rise_i + given_i − importance. With R permutations each average
 * also holds permutation noise, which the sample variance of the influences counts twice where the
 * estimate holds it once; subtracting var(d)/R, d over all n·R (row, permutation) differences,
 * leaves var ≈ σ²_recipient + σ²_donor + 2σ_rd + σ²_rest/R, the estimate's variance × n.
 * Measured (bench/permutation-coverage.ts): intervals from rise alone covered 0.90 at a nominal 0.95;
 * the influences without the correction 0.98; with it, see docs/learning.md.
 */
function influenceInterval(
  rise: Float64Array,
  given: Float64Array,
  pairs: RunningVariance,
  level: number,
  repeats: number,
): { importance: number; ci: [number, number] | null; standardError: number | null } {
  const n = rise.length;
  let importance = 0;
  for (let i = 0; i < n; i++) importance += rise[i] / n;
  const influence = new Float64Array(n);
  for (let i = 0; i < n; i++) influence[i] = rise[i] + given[i];
  const { standardError: raw } = pairedMeanInterval(influence, level);
  if (raw === null) return { importance, ci: null, standardError: null };
  const standardError = Math.sqrt(Math.max(0, raw * raw - pairs.variance() / repeats / n));
  const half = tQuantile(1 - (1 - level) / 2, n - 1) * standardError;
  return { importance, ci: [importance - half, importance + half], standardError };
}

/** Welford's running mean and variance (ddof = 1). */
class RunningVariance {
  private count = 0;
  private mean = 0;
  private m2 = 0;
  add(x: number): void {
    this.count++;
    const delta = x - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (x - this.mean);
  }
  variance(): number {
    return this.count > 1 ? this.m2 / (this.count - 1) : 0;
  }
}

/** `batch` with column `name` re-ordered by `order` (the other columns shared, not copied). */
export function withColumnFrom(batch: Batch, name: string, order: ArrayLike<number>): Batch {
  const donor = takeRows({ ...batch, columns: batch.columns.filter((c) => c.name === name) }, order);
  return { ...batch, columns: batch.columns.map((c) => (c.name === name ? donor.columns[0] : c)) };
}

/** A uniform random permutation of 0 … n − 1 into `order` (Fisher–Yates). */
function permutation(order: Uint32Array, random: ReturnType<typeof seededRandom>): void {
  for (let i = 0; i < order.length; i++) order[i] = i;
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
}

function mean(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}
