/**
 * Group fairness of thresholded predictions, with Fairlearn's definitions and Aequitas' disparity
 * rule. Groups too small to estimate TPR and FPR are reported as `insufficient` and kept out of the
 * between-group aggregates and the disparities (they are listed, never dropped); the aggregates over
 * every group, as Fairlearn computes them, are reported beside the policy's, labelled.
 * Intervals: Wilson for each group's rates (a proportion given its denominator); for the aggregates
 * of two groups, closed forms built from those (Newcombe for differences, MOVER-Wilson for ratios,
 * folded onto |a − b| and min/max); of more groups, a percentile bootstrap, within group for the
 * selection-rate ones and within group × label for the TPR/FPR ones (docs/evaluate.md).
 */
import {
  type BootstrapOptions,
  DEFAULT_LEVEL,
  DEFAULT_RESAMPLES,
  stratifiedBootstrap,
} from "../stats/bootstrap.js";
import { moverRatio } from "../stats/mover-ratio.js";
import { newcombeDifference } from "../stats/newcombe.js";
import { wilsonInterval } from "../stats/wilson.js";
import { bootstrapEstimate, budgetedResamples, type Estimate } from "./estimate.js";
import { absoluteInterval, foldedRatioInterval, maxInterval, minInterval } from "./fairness-intervals.js";

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
  /**
   * The same six aggregates over every group, small ones included, with Fairlearn's semantics (an
   * undefined rate counts as 0): the numbers `fairlearn.metrics` prints. No interval: with groups
   * below the minimum size they are driven by a handful of rows.
   */
  allGroups: { semantics: string } & Record<(typeof AGGREGATES)[number], number | null>;
  /** Disparities of the sufficient groups; insufficient groups are listed in `excludedGroups` only. */
  aequitas: {
    referenceGroup: string | null;
    tau: number;
    groups: Record<string, Disparity[]>;
    excludedGroups: string[];
    /** Why there is no reference group, when there is none. */
    reason?: string;
  };
}

const ALL_GROUPS_SEMANTICS =
  "Fairlearn: every group, small ones included; an undefined rate counts as 0; no interval";

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
  const level = options.level ?? DEFAULT_LEVEL;
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
    // Each rate is a proportion given its denominator (the group's rows, positives or negatives).
    rates.ci = {
      selectionRate: wilsonInterval(rates.predictedPositives, rates.count, level),
      tpr: wilsonInterval(rates.tp, rates.positives, level),
      fpr: wilsonInterval(rates.fp, rates.negatives, level),
      accuracy: wilsonInterval(rates.tp + rates.tn, rates.count, level),
    };
    groups[name] = rates;
  });
  const point = aggregates(cells, sufficient);

  // Only the sufficient groups' rows move the aggregates, so only they are resampled: within group for
  // the selection-rate aggregates (a group's share of positives varies between samples, and with it
  // its selection rate), within group × label for the TPR/FPR ones (conditional on the label).
  const byGroup: number[][] = Array.from({ length: g }, () => []);
  const byGroupLabel: number[][] = Array.from({ length: g * 2 }, () => []);
  const included = new Uint8Array(g);
  for (const k of sufficient) included[k] = 1;
  for (let i = 0; i < n; i++) {
    if (included[groupIndex[i]] === 0) continue;
    byGroup[groupIndex[i]].push(i);
    byGroupLabel[groupIndex[i] * 2 + labels[i]].push(i);
  }
  const strata = (lists: number[][]) => lists.filter((s) => s.length > 0).map((s) => Uint32Array.from(s));
  // Two groups: closed-form intervals (pairIntervals); more: a bootstrap of the aggregates.
  const pair = sufficient.length === 2 ? (sufficient as [number, number]) : null;
  const resamples = sufficient.length > 2 ? budgetedResamples(options, 2 * n) : 0;
  const run = (lists: number[][]) =>
    stratifiedBootstrap(strata(lists), n, (w) => aggregates(counts(w), sufficient), {
      ...options,
      resamples,
    });
  const withinGroup = resamples > 0 ? run(byGroup) : [];
  const withinGroupLabel = resamples > 0 ? run(byGroupLabel) : [];
  const closedForm =
    pair && (options.resamples ?? DEFAULT_RESAMPLES) > 0 ? pairIntervals(cells, pair, level) : null;
  const estimate = (k: number): Estimate => {
    const value = point[k];
    if (!Number.isFinite(value))
      return {
        value: null,
        ci: null,
        n,
        reason: sufficient.length < 2 ? "fewer than two groups with enough data" : "undefined (a rate is 0)",
      };
    const selection = k < 2;
    if (closedForm)
      return {
        value,
        ci: closedForm[k],
        n,
        method: k % 2 === 0 ? "newcombe, folded" : "mover-wilson, folded",
      };
    return bootstrapEstimate(
      value,
      selection ? withinGroup[k] : withinGroupLabel[k],
      n,
      selection ? "bootstrap percentile, within group" : "bootstrap percentile, within group × label",
      level,
    );
  };
  const result = Object.fromEntries(AGGREGATES.map((name, k) => [name, estimate(k)])) as Record<
    (typeof AGGREGATES)[number],
    Estimate
  >;
  const everyGroup = aggregates(
    cells,
    names.map((_, k) => k),
  );
  return {
    attribute,
    groups,
    excludedGroups: names.filter((_, k) => !sufficient.includes(k)),
    resamples,
    ...result,
    allGroups: {
      semantics: ALL_GROUPS_SEMANTICS,
      ...(Object.fromEntries(
        AGGREGATES.map((name, k) => [name, Number.isFinite(everyGroup[k]) ? everyGroup[k] : null]),
      ) as Record<(typeof AGGREGATES)[number], number | null>),
    },
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

/**
 * The six aggregates' intervals (AGGREGATES order) for two groups a, b, each rate a proportion given
 * its denominator: differences by Newcombe's score interval of a − b, ratios by MOVER-Wilson of the
 * smaller-over-larger ratio, each folded onto the aggregate (./fairness-intervals.ts). No resampling.
 */
function pairIntervals(
  cells: Float64Array,
  [a, b]: [number, number],
  level: number,
): ([number, number] | null)[] {
  const x = groupRates(cells, a);
  const y = groupRates(cells, b);
  const difference = (kx: number, nx: number, ky: number, ny: number) => {
    const d = newcombeDifference(kx, nx, ky, ny, level);
    return d ? absoluteInterval(d) : null;
  };
  const ratio = (kx: number, nx: number, ky: number, ny: number) => {
    // Larger rate in the denominator: the ratio is defined whenever either rate is positive.
    const r = kx / nx <= ky / ny ? moverRatio(kx, nx, ky, ny, level) : moverRatio(ky, ny, kx, nx, level);
    return r ? foldedRatioInterval(r) : null;
  };
  const both = (u: [number, number] | null, v: [number, number] | null, f: typeof maxInterval) =>
    u && v ? f(u, v) : null;
  const tprDiff = difference(x.tp, x.positives, y.tp, y.positives);
  const fprDiff = difference(x.fp, x.negatives, y.fp, y.negatives);
  const tprRatio = ratio(x.tp, x.positives, y.tp, y.positives);
  const fprRatio = ratio(x.fp, x.negatives, y.fp, y.negatives);
  return [
    difference(x.predictedPositives, x.count, y.predictedPositives, y.count),
    ratio(x.predictedPositives, x.count, y.predictedPositives, y.count),
    both(tprDiff, fprDiff, maxInterval),
    both(tprRatio, fprRatio, minInterval),
    tprDiff,
    tprRatio,
  ];
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

/**
 * Aequitas-style disparities against a reference group: fpr, fnr, ppr (share of all predicted
 * positives) and pprev. Only sufficient groups are compared, and the reference is one of them (by
 * default the largest): a disparity of a group of 8 rows is not a measurement.
 */
function aequitas(
  groups: Record<string, GroupRates>,
  options: FairnessOptions,
): AttributeFairness["aequitas"] {
  const tau = options.tau ?? 0.8;
  const entries = Object.entries(groups);
  const measured = entries.filter(([, r]) => r.status === "ok");
  const excludedGroups = entries.filter(([, r]) => r.status !== "ok").map(([name]) => name);
  let reference = options.referenceGroup ?? null;
  let reason: string | undefined;
  if (reference === null) {
    let best = -1;
    for (const [name, r] of measured)
      if (r.count > best) {
        best = r.count;
        reference = name;
      }
    if (reference === null) reason = "no group has enough data";
  } else if (groups[reference]?.status !== "ok") {
    reason = groups[reference]
      ? `reference group '${reference}' is too small to compare against (${groups[reference].reason})`
      : `reference group '${reference}' does not occur`;
    reference = null;
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
  for (const [name, r] of measured) {
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
  return { referenceGroup: reference, tau, groups: out, excludedGroups, ...(reason ? { reason } : {}) };
}

/** Group labels for an intersection of attributes: "Female & Black". */
export function intersectionGroups(columns: ArrayLike<string>[], rows: number): string[] {
  const out: string[] = new Array(rows);
  for (let i = 0; i < rows; i++) out[i] = columns.map((c) => c[i]).join(" & ");
  return out;
}
