/**
 * Multivariate drift by a domain classifier (docs/drift.md "Multivariate drift"): can a gradient-
 * boosted classifier tell current rows from reference rows? Catches joint shifts — a correlation
 * that changed, a combination that appeared — that per-column tests miss.
 *
 *  1. Rows of both sides (each seeded-subsampled to `maxRows`) are stacked with the domain label
 *     (0 reference, 1 current) and split into k label-stratified folds; each fold is scored by a gbdt
 *     fitted on the other folds (cross-fitting: no row is scored by a model that saw it).
 *  2. The score is the ROC AUC of those out-of-fold scores, with DeLong's variance and the logit-scale
 *     interval (evaluate/auc-estimate.ts). 0.5: the sides are indistinguishable.
 *  3. The thresholds come from permutation nulls, one per fold: the fold's domain labels permuted, its
 *     scores (from a model that never saw them) held fixed, its AUC recomputed `permutations` times;
 *     p_k = (1 + #{null ≥ observed}) / (1 + permutations). The folds' p-values are combined by
 *     Bonferroni (k · min p_k), valid however the folds depend on each other. A first version
 *     tested the pooled AUC against labels permuted within every fold at once and rejected 7.7% of
 *     no-drift pairs at α = 0.05 (the folds' AUCs are not independent: each model is trained on the
 *     others' rows); measured flag rates: bench/multivariate-null.ts, docs/drift.md.
 *  4. Drift = p ≤ α and AUC ≥ `minAuc` (default 0.55): a practical effect size, since a huge
 *     sample makes any classifier's 0.501 significant.
 *  5. Drivers: permutation importance of each fold's classifier on its own fold
 *     (learning/permutation-importance.ts, log loss), pooled over folds by size.
 * Browser-safe: it takes batches; the CLI reads them.
 */
import { rocAucEstimate } from "../evaluate/auc-estimate.js";
import { permutationImportance } from "../learning/permutation-importance.js";
import { trainLearner } from "../model/baselines/learner.js";
import { takeRows } from "../model/features.js";
import { seededRandom } from "../stats/random.js";
import { averageRanks } from "../stats/spearman.js";
import { stratifiedFolds } from "../stats/stratified-folds.js";
import { twoSidedZ } from "../stats/two-sided-z.js";
import { InputError } from "../table/errors.js";
import type { Batch, Column } from "../table/types.js";

export interface MultivariateDriftOptions {
  folds?: number;
  permutations?: number;
  alpha?: number;
  minAuc?: number;
  /** Rows sampled from each side (default 5,000). */
  maxRows?: number;
  seed?: number;
  level?: number;
  /** Permutations per feature for the drivers (default 3; 0 skips them). */
  driverRepeats?: number;
  /** gbdt parameters of the domain classifier (default 50 trees, 15 leaves, no early stopping). */
  params?: Record<string, unknown>;
  onProgress?: (fraction: number) => void;
}

export interface DriftDriver {
  feature: string;
  /** Rise of the domain classifier's held-out log loss when the feature is permuted. */
  importance: number;
  ci: [number, number] | null;
}

export interface FoldTest {
  fold: number;
  rows: number;
  /** This fold's AUC (its rows scored by the classifier fitted on the other folds). */
  auc: number;
  /** Its permutation null's 1 − α/k quantile. */
  threshold: number;
  pValue: number;
}

export interface MultivariateDrift {
  auc: number;
  ci: [number, number] | null;
  /** The folds' thresholds (their nulls' 1 − α/k quantiles), averaged by fold size: for reading. */
  threshold: number;
  /** Bonferroni over the folds: k × the smallest fold p-value (capped at 1). */
  pValue: number;
  foldTests: FoldTest[];
  drifted: boolean;
  alpha: number;
  minAuc: number;
  folds: number;
  permutations: number;
  rows: { reference: number; current: number };
  features: string[];
  /** Most driving first. */
  drivers: DriftDriver[];
}

export const DOMAIN_CLASSIFIER = { maxIterations: 50, maxLeaves: 15, earlyStopping: false };

export async function multivariateDrift(
  reference: Batch,
  current: Batch,
  features: string[],
  options: MultivariateDriftOptions = {},
): Promise<MultivariateDrift> {
  const folds = options.folds ?? 5;
  const permutations = options.permutations ?? 500;
  const alpha = options.alpha ?? 0.05;
  const minAuc = options.minAuc ?? 0.55;
  const seed = options.seed ?? 1;
  const level = options.level ?? 0.95;
  const maxRows = options.maxRows ?? 5000;
  if (!Number.isInteger(folds) || folds < 2 || folds > 20)
    throw new InputError(`folds must be 2 … 20 (got ${folds})`);
  if (!Number.isInteger(permutations) || permutations < 19)
    throw new InputError(`permutations must be an integer ≥ 19 (got ${permutations})`);
  if (!(alpha > 0 && alpha < 1)) throw new InputError(`alpha must be in (0, 1) (got ${alpha})`);
  if ((permutations + 1) * alpha < folds)
    throw new InputError(
      `${permutations} permutations cannot reach p ≤ ${alpha} over ${folds} folds (Bonferroni): use at least ${Math.ceil(folds / alpha) - 1}`,
    );
  if (features.length === 0) throw new InputError("multivariate drift needs at least one feature");
  const random = seededRandom(seed);
  const ref = subsample(reference, maxRows, random);
  const cur = subsample(current, maxRows, random);
  if (ref.length < 2 * folds || cur.length < 2 * folds)
    throw new InputError(
      `multivariate drift needs at least ${2 * folds} rows a side for ${folds} folds (got ${ref.length} and ${cur.length})`,
    );
  const rows = stack(ref, cur, features);
  const domain = new Uint8Array(ref.length + cur.length);
  domain.fill(1, ref.length);
  const fold = stratifiedFolds(domain, folds, seed);
  const params = { ...DOMAIN_CLASSIFIER, ...options.params };
  const scores = new Float64Array(domain.length);
  const importance = new Map<string, { sum: number; variance: number }>(
    features.map((f) => [f, { sum: 0, variance: 0 }]),
  );
  const driverRepeats = options.driverRepeats ?? 3;
  for (let k = 0; k < folds; k++) {
    const inside: number[] = [];
    const outside: number[] = [];
    fold.forEach((f, i) => (f === k ? inside : outside).push(i));
    const model = trainLearner(
      "gbdt",
      takeRows(rows, outside),
      Uint8Array.from(outside, (i) => domain[i]),
      features,
      {
        gbdt: params,
      },
    );
    const held = takeRows(rows, inside);
    const heldDomain = Uint8Array.from(inside, (i) => domain[i]);
    const predicted = (await model.predict(held)).scores;
    inside.forEach((row, j) => (scores[row] = predicted[j]));
    if (driverRepeats > 0) {
      const pi = await permutationImportance(model, held, heldDomain, {
        repeats: driverRepeats,
        seed: seed + k,
      });
      const w = inside.length / domain.length;
      for (const f of pi.features) {
        const slot = importance.get(f.feature)!;
        slot.sum += w * f.importance;
        slot.variance += w * w * (f.standardError ?? 0) ** 2;
      }
    }
    options.onProgress?.((k + 1) / (folds + 1));
  }
  const estimate = rocAucEstimate(scores, domain, level);
  const auc = estimate?.auc ?? Number.NaN;
  const tests = foldTests(scores, domain, fold, folds, permutations, alpha, random);
  const pValue = Math.min(1, folds * Math.min(...tests.map((t) => t.pValue)));
  const threshold = tests.reduce((s, t) => s + t.threshold * t.rows, 0) / domain.length;
  const z = twoSidedZ(level);
  const drivers: DriftDriver[] =
    driverRepeats > 0
      ? [...importance].map(([feature, { sum, variance }]) => ({
          feature,
          importance: sum,
          ci: [sum - z * Math.sqrt(variance), sum + z * Math.sqrt(variance)] as [number, number],
        }))
      : [];
  drivers.sort((a, b) => b.importance - a.importance || (a.feature < b.feature ? -1 : 1));
  options.onProgress?.(1);
  return {
    auc,
    ci: estimate?.ci ?? null,
    threshold,
    pValue,
    foldTests: tests,
    drifted: pValue <= alpha && auc >= minAuc,
    alpha,
    minAuc,
    folds,
    permutations,
    rows: { reference: ref.length, current: cur.length },
    features,
    drivers,
  };
}

/**
 * Each fold's permutation test: its AUC (from the ranks of its own scores, so ties count one half, as
 * sklearn) against the AUCs of its domain labels permuted, scores fixed. p_k = (1 + #{null ≥ observed})
 * / (1 + permutations); threshold_k the null's (1 − α/k) quantile.
 */
function foldTests(
  scores: Float64Array,
  domain: Uint8Array,
  fold: Uint8Array,
  folds: number,
  permutations: number,
  alpha: number,
  random: ReturnType<typeof seededRandom>,
): FoldTest[] {
  const out: FoldTest[] = [];
  for (let k = 0; k < folds; k++) {
    const rows: number[] = [];
    fold.forEach((f, i) => f === k && rows.push(i));
    const ranks = averageRanks(Float64Array.from(rows, (i) => scores[i]));
    const y = Uint8Array.from(rows, (i) => domain[i]);
    const n1 = y.reduce((a, b) => a + b, 0);
    const n0 = y.length - n1;
    const aucOf = (labels: Uint8Array) => {
      let rankSum = 0;
      for (let i = 0; i < labels.length; i++) if (labels[i] === 1) rankSum += ranks[i];
      return (rankSum - (n1 * (n1 + 1)) / 2) / (n1 * n0);
    };
    const auc = aucOf(y);
    const nulls = new Float64Array(permutations);
    const permuted = y.slice();
    for (let p = 0; p < permutations; p++) {
      for (let i = permuted.length - 1; i > 0; i--) {
        const j = random.below(i + 1);
        const t = permuted[i];
        permuted[i] = permuted[j];
        permuted[j] = t;
      }
      nulls[p] = aucOf(permuted);
    }
    let above = 0;
    for (const a of nulls) if (a >= auc - 1e-12) above++;
    nulls.sort();
    const q = Math.min(permutations - 1, Math.ceil((1 - alpha / folds) * (permutations + 1)) - 1);
    out.push({
      fold: k,
      rows: rows.length,
      auc,
      threshold: nulls[q],
      pValue: (1 + above) / (1 + permutations),
    });
  }
  return out;
}

function subsample(batch: Batch, max: number, random: ReturnType<typeof seededRandom>): Batch {
  if (batch.length <= max) return batch;
  const picked = Array.from({ length: batch.length }, (_, i) => i);
  for (let i = 0; i < max; i++) {
    const j = i + random.below(batch.length - i);
    const t = picked[i];
    picked[i] = picked[j];
    picked[j] = t;
  }
  return takeRows(
    batch,
    picked.slice(0, max).sort((a, b) => a - b),
  );
}

/** The features of both sides, one batch: reference rows first. A column text on one side is text on both. */
function stack(ref: Batch, cur: Batch, features: string[]): Batch {
  const find = (b: Batch, name: string, side: string): Column => {
    const c = b.columns.find((x) => x.name === name);
    if (!c) throw new InputError(`${side} has no column '${name}'`);
    return c;
  };
  const columns: Column[] = features.map((name) => {
    const a = find(ref, name, "reference");
    const b = find(cur, name, "current");
    const valid = new Uint8Array(a.valid.length + b.valid.length);
    valid.set(a.valid);
    valid.set(b.valid, a.valid.length);
    if (a.type !== "string" && b.type !== "string") {
      const values = new Float64Array(valid.length);
      values.set(a.values);
      values.set(b.values, a.values.length);
      return { name, type: a.type, values, valid };
    }
    const text = (c: Column) =>
      c.type === "string" ? c.values : Array.from(c.values, (v, i) => (c.valid[i] ? String(v) : null));
    return { name, type: "string", values: [...text(a), ...text(b)], valid };
  });
  return { length: ref.length + cur.length, offset: 0, columns };
}
