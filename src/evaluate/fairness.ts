/**
 * Group fairness of thresholded predictions, with Fairlearn's definitions and Aequitas' disparity
 * rule. Groups too small to estimate TPR and FPR are reported as `insufficient` and kept out of the
 * between-group aggregates (they are listed, never dropped). Intervals come from a bootstrap
 * stratified by group × label, so every resample keeps each group's size and class balance.
 */
import {
  type BootstrapOptions,
  DEFAULT_LEVEL,
  percentileInterval,
  stratifiedBootstrap,
} from "../stats/bootstrap.js";
import { budgetedResamples, type Estimate } from "./estimate.js";

interface GroupRates {
  count: number;
  positives: number;
  negatives: number;
  predictedPositives: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  selectionRate: number | null;
  tpr: number | null;
  fpr: number | null;
  fnr: number | null;
  tnr: number | null;
  precision: number | null;
  accuracy: number | null;
  status: "ok" | "insufficient";
  /** Why a group is insufficient. */
  reason?: string;
  ci?: Partial<Record<"selectionRate" | "tpr" | "fpr" | "accuracy", [number, number] | null>>;
}

interface Disparity {
  metric: "fpr" | "fnr" | "ppr" | "pprev";
  value: number | null;
  disparity: number | null;
  /** Aequitas: τ ≤ disparity ≤ 1/τ. null when the disparity is undefined. */
  withinTau: boolean | null;
}

export interface AttributeFairness {
  attribute: string;
  groups: Record<string, GroupRates>;
  /** Groups left out of the aggregates because they are insufficient. */
  excludedGroups: string[];
  /** Resamples behind the intervals (fewer than asked on very large inputs, see SECONDARY_BUDGET). */
  resamples: number;
  demographicParityDifference: Estimate;
  demographicParityRatio: Estimate;
  equalizedOddsDifference: Estimate;
  equalizedOddsRatio: Estimate;
  equalOpportunityDifference: Estimate;
  equalOpportunityRatio: Estimate;
  aequitas: { referenceGroup: string | null; tau: number; groups: Record<string, Disparity[]> };
}

export interface FairnessOptions extends BootstrapOptions {
  /** A group needs this many rows … (default 30) */
  minGroupSize?: number;
  /** … and this many rows of each class (default 5) to be assessed. */
  minClassCount?: number;
  /** Aequitas τ (default 0.8: the four-fifths rule). */
  tau?: number;
  /** Aequitas reference group; default the largest group. */
  referenceGroup?: string;
}

const AGGREGATES = [
  "demographicParityDifference",
  "demographicParityRatio",
  "equalizedOddsDifference",
  "equalizedOddsRatio",
  "equalOpportunityDifference",
  "equalOpportunityRatio",
] as const;

/** Fairness of `predicted` (0/1) against `labels` (0/1) across the groups in `groupOf` (one value per row). */
export function fairnessByAttribute(
  attribute: string,
  groupOf: ArrayLike<string>,
  labels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  options: FairnessOptions = {},
): AttributeFairness {
  const n = labels.length;
  const names = [...new Set(Array.from({ length: n }, (_, i) => groupOf[i]))].sort();
  const index = new Map(names.map((g, k) => [g, k]));
  const groupIndex = new Uint32Array(n);
  for (let i = 0; i < n; i++) groupIndex[i] = index.get(groupOf[i])!;
  const g = names.length;
  const counts = (weights: ArrayLike<number> | null) => {
    // per group: tp, fp, fn, tn
    const cells = new Float64Array(g * 4);
    for (let i = 0; i < n; i++) {
      const w = weights ? weights[i] : 1;
      if (w === 0) continue;
      const base = groupIndex[i] * 4;
      const y = labels[i];
      const p = predicted[i];
      cells[base + (y === 1 ? (p === 1 ? 0 : 2) : p === 1 ? 1 : 3)] += w;
    }
    return cells;
  };
  const cells = counts(null);
  const minSize = options.minGroupSize ?? 30;
  const minClass = options.minClassCount ?? 5;
  const groups: Record<string, GroupRates> = {};
  const sufficient: number[] = [];
  names.forEach((name, k) => {
    const rates = groupRates(cells, k);
    if (rates.count < minSize) {
      rates.status = "insufficient";
      rates.reason = `${rates.count} rows < ${minSize}`;
    } else if (rates.positives < minClass || rates.negatives < minClass) {
      rates.status = "insufficient";
      rates.reason = `${rates.positives} positives and ${rates.negatives} negatives; each needs ≥ ${minClass}`;
    } else sufficient.push(k);
    groups[name] = rates;
  });
  const aggregate = (c: Float64Array) => aggregates(c, sufficient);
  const point = aggregate(cells);

  // Strata: one per (group, label) cell.
  const strataLists: number[][] = Array.from({ length: g * 2 }, () => []);
  for (let i = 0; i < n; i++) strataLists[groupIndex[i] * 2 + labels[i]].push(i);
  const strata = strataLists.filter((s) => s.length > 0).map((s) => Uint32Array.from(s));
  const level = options.level ?? DEFAULT_LEVEL;
  const perGroup = 4; // selectionRate, tpr, fpr, accuracy
  const resamples = budgetedResamples(options, n);
  const samples = stratifiedBootstrap(
    strata,
    n,
    (w) => {
      const c = counts(w);
      const out = new Float64Array(AGGREGATES.length + g * perGroup);
      out.set(aggregate(c));
      for (let k = 0; k < g; k++) {
        const r = groupRates(c, k);
        out.set(
          [r.selectionRate ?? Number.NaN, r.tpr ?? Number.NaN, r.fpr ?? Number.NaN, r.accuracy ?? Number.NaN],
          AGGREGATES.length + k * perGroup,
        );
      }
      return out;
    },
    { ...options, resamples },
  );
  const estimate = (k: number): Estimate => {
    const value = point[k];
    if (!Number.isFinite(value))
      return {
        value: null,
        ci: null,
        n,
        reason: sufficient.length < 2 ? "fewer than two groups with enough data" : "undefined (a rate is 0)",
      };
    return { value, ci: samples[k] ? percentileInterval(samples[k], level) : null, n };
  };
  if (samples.length > 0)
    names.forEach((name, k) => {
      const at = AGGREGATES.length + k * perGroup;
      groups[name].ci = {
        selectionRate: percentileInterval(samples[at], level),
        tpr: percentileInterval(samples[at + 1], level),
        fpr: percentileInterval(samples[at + 2], level),
        accuracy: percentileInterval(samples[at + 3], level),
      };
    });

  const result = Object.fromEntries(AGGREGATES.map((name, k) => [name, estimate(k)])) as Record<
    (typeof AGGREGATES)[number],
    Estimate
  >;
  return {
    attribute,
    groups,
    excludedGroups: names.filter((_, k) => !sufficient.includes(k)),
    resamples,
    ...result,
    aequitas: aequitas(groups, options),
  };
}

function groupRates(cells: Float64Array, k: number): GroupRates {
  const tp = cells[k * 4];
  const fp = cells[k * 4 + 1];
  const fn = cells[k * 4 + 2];
  const tn = cells[k * 4 + 3];
  const count = tp + fp + fn + tn;
  const positives = tp + fn;
  const negatives = fp + tn;
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
  return {
    count,
    positives,
    negatives,
    predictedPositives: tp + fp,
    tp,
    fp,
    fn,
    tn,
    selectionRate: ratio(tp + fp, count),
    tpr: ratio(tp, positives),
    fpr: ratio(fp, negatives),
    fnr: ratio(fn, positives),
    tnr: ratio(tn, negatives),
    precision: ratio(tp, tp + fp),
    accuracy: ratio(tp + tn, count),
    status: "ok",
  };
}

/** Fairlearn's between-group differences (max − min) and ratios (min / max) over the given groups. */
function aggregates(cells: Float64Array, groups: number[]): Float64Array {
  const out = new Float64Array(AGGREGATES.length).fill(Number.NaN);
  if (groups.length < 2) return out;
  const sr: number[] = [];
  const tpr: number[] = [];
  const fpr: number[] = [];
  for (const k of groups) {
    const r = groupRates(cells, k);
    sr.push(r.selectionRate ?? 0);
    tpr.push(r.tpr ?? 0);
    fpr.push(r.fpr ?? 0);
  }
  const diff = (v: number[]) => Math.max(...v) - Math.min(...v);
  const ratio = (v: number[]) => Math.min(...v) / Math.max(...v);
  out[0] = diff(sr);
  out[1] = ratio(sr);
  out[2] = Math.max(diff(tpr), diff(fpr));
  out[3] = Math.min(ratio(tpr), ratio(fpr));
  out[4] = diff(tpr);
  out[5] = ratio(tpr);
  return out;
}

/** Aequitas-style disparities against a reference group: fpr, fnr, ppr (share of all predicted positives), pprev. */
function aequitas(
  groups: Record<string, GroupRates>,
  options: FairnessOptions,
): AttributeFairness["aequitas"] {
  const tau = options.tau ?? 0.8;
  const entries = Object.entries(groups);
  let reference = options.referenceGroup ?? null;
  if (reference === null) {
    let best = -1;
    for (const [name, r] of entries)
      if (r.count > best) {
        best = r.count;
        reference = name;
      }
  }
  const totalPredicted = entries.reduce((s, [, r]) => s + r.predictedPositives, 0);
  const value = (r: GroupRates, metric: Disparity["metric"]) =>
    metric === "ppr"
      ? totalPredicted === 0
        ? null
        : r.predictedPositives / totalPredicted
      : metric === "pprev"
        ? r.selectionRate
        : r[metric];
  const ref = reference === null ? undefined : groups[reference];
  const out: Record<string, Disparity[]> = {};
  for (const [name, r] of entries) {
    out[name] = (["fpr", "fnr", "ppr", "pprev"] as const).map((metric) => {
      const v = value(r, metric);
      const base = ref ? value(ref, metric) : null;
      const disparity = v === null || base === null || base === 0 ? null : v / base;
      return {
        metric,
        value: v,
        disparity,
        withinTau: disparity === null ? null : disparity >= tau && disparity <= 1 / tau,
      };
    });
  }
  return { referenceGroup: ref ? reference : null, tau, groups: out };
}

/** Group labels for an intersection of attributes: "Female & Black". */
export function intersectionGroups(columns: ArrayLike<string>[], rows: number): string[] {
  const out: string[] = new Array(rows);
  for (let i = 0; i < rows; i++) out[i] = columns.map((c) => c[i]).join(" & ");
  return out;
}
