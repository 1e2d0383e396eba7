import { formatSignificant } from "../report/format.js";
import { benjaminiHochberg } from "../stats/multiple-testing.js";
import { InputError } from "../table/errors.js";
import type { ColumnType } from "../table/types.js";
import { alignCategories, alignToSketch } from "./align.js";
import { type CategoricalStats, categoricalDrift, type NumericStats, numericDrift } from "./column.js";
import { type DriftPolicy, type ResolvedRule, resolveRule } from "./policy.js";
import type { ColumnSample } from "./sample.js";

export type ColumnStatus = "drift" | "warn" | "insufficient" | "stable";

/** One way a column can drift: an effect size judged against a threshold, and a test. */
interface Signal {
  signal: "distribution" | "missing" | "nonFinite" | "unseen" | "range";
  /** The effect-size statistic, e.g. "wassersteinNorm", "js", "missingRateChange". */
  effectName: string;
  effect: number;
  threshold: number;
  /** The test behind the signal, e.g. "ks", "chi2", "twoProportionZ". */
  test: string;
  pValue: number;
  /** Benjamini–Hochberg adjusted p-value across every signal of every column. */
  qValue: number;
  status: ColumnStatus;
  reason: string;
}

export interface ColumnDrift {
  name: string;
  type: ColumnType;
  /** "integer → string" when the column's type differs between reference and current. */
  typeChange?: string;
  kind: "numeric" | "categorical";
  status: ColumnStatus;
  /** The distribution signal's effect, and the largest effect/threshold ratio over all signals. */
  effect: { method: string; value: number; threshold: number; ratio: number };
  rows: { reference: number; current: number };
  stats: NumericStats | CategoricalStats;
  signals: Signal[];
}

export interface DatasetDrift {
  drifted: boolean;
  /** No compared column had enough data to be judged: the verdict is "insufficient", not "no drift". */
  insufficient: boolean;
  /** Drifted columns / compared columns. */
  share: number;
  counts: Record<ColumnStatus, number>;
  rule: string;
  columns: ColumnDrift[];
  ignored: string[];
}

export interface ColumnPair {
  name: string;
  type: ColumnType;
  /** Set when the two sides have different types: e.g. "integer → string". Compared as categorical. */
  typeChange?: string;
  reference: ColumnSample;
  current: ColumnSample;
}

const RANK: Record<ColumnStatus, number> = { stable: 0, insufficient: 1, warn: 2, drift: 3 };

/**
 * Compares every column pair, corrects all p-values together (Benjamini–Hochberg), gives each
 * column a status and the dataset a verdict. Columns come sorted by effect ratio, largest first.
 */
export function compareColumns(pairs: ColumnPair[], policy: DriftPolicy): DatasetDrift {
  const prepared: {
    pair: ColumnPair;
    rule: ResolvedRule;
    stats: NumericStats | CategoricalStats;
    signals: Signal[];
  }[] = [];
  const ignored: string[] = [];
  for (const pair of pairs) {
    const rule = resolveRule(policy, pair.name, pair.type, pair.typeChange ? "categorical" : undefined);
    if (rule.ignore) {
      ignored.push(pair.name);
      continue;
    }
    const stats =
      pair.reference.kind === "numeric" && pair.current.kind === "numeric"
        ? numericDrift(...alignToSketch(pair.reference, pair.current))
        : pair.reference.kind === "categorical" && pair.current.kind === "categorical"
          ? categoricalDrift(...alignCategories(pair.reference, pair.current))
          : null;
    if (stats === null)
      throw new InputError(`column '${pair.name}': reference and current are of different kinds`);
    prepared.push({ pair, rule, stats, signals: signalsOf(stats, rule, policy) });
  }
  const all = prepared.flatMap((p) => p.signals);
  const q = benjaminiHochberg(all.map((s) => s.pValue));
  all.forEach((s, i) => {
    s.qValue = q[i];
  });
  const columns: ColumnDrift[] = prepared.map(({ pair, rule, stats, signals }) => {
    const nRef = stats.reference.n;
    const nCur = stats.current.n;
    for (const s of signals)
      judge(s, policy, s.signal === "distribution" ? Math.min(nRef, nCur) : Number.POSITIVE_INFINITY);
    const status = signals.reduce<ColumnStatus>(
      (w, s) => (RANK[s.status] > RANK[w] ? s.status : w),
      "stable",
    );
    const main = signals[0];
    const ratio = Math.max(
      ...signals.map((s) => (s.threshold > 0 && Number.isFinite(s.effect) ? s.effect / s.threshold : 0)),
    );
    return {
      name: pair.name,
      type: pair.type,
      typeChange: pair.typeChange,
      kind: rule.kind,
      status,
      effect: { method: main.effectName, value: main.effect, threshold: main.threshold, ratio },
      rows: { reference: pair.reference.rows, current: pair.current.rows },
      stats,
      signals,
    };
  });
  columns.sort((a, b) => RANK[b.status] - RANK[a.status] || b.effect.ratio - a.effect.ratio);
  const counts: Record<ColumnStatus, number> = { drift: 0, warn: 0, insufficient: 0, stable: 0 };
  for (const c of columns) counts[c.status]++;
  const share = columns.length > 0 ? counts.drift / columns.length : 0;
  const drifted = counts.drift >= 1 && share >= policy.datasetShare;
  return {
    drifted,
    insufficient: !drifted && counts.insufficient === columns.length,
    share,
    counts,
    rule: datasetRule(policy),
    columns,
    ignored,
  };
}

function datasetRule(policy: DriftPolicy): string {
  const tail = policy.datasetShare > 0 ? ` and the drifted share is at least ${policy.datasetShare}` : "";
  return `the dataset drifts when at least one column drifts${tail}; a column drifts when an effect reaches its threshold and its test rejects at FDR ${policy.alpha} (Benjamini–Hochberg over all tests)`;
}

function signalsOf(
  stats: NumericStats | CategoricalStats,
  rule: ResolvedRule,
  policy: DriftPolicy,
): Signal[] {
  const blank = { qValue: Number.NaN, status: "stable" as ColumnStatus, reason: "" };
  const signals: Signal[] = [];
  if ("ks" in stats) {
    const effect =
      rule.method === "wasserstein"
        ? { name: "wassersteinNorm", value: stats.wassersteinNorm }
        : rule.method === "ks"
          ? { name: "ks", value: stats.ks.statistic }
          : rule.method === "psi"
            ? { name: "psi", value: stats.psi }
            : { name: "jsCorrected", value: stats.jsCorrected };
    signals.push({
      signal: "distribution",
      effectName: effect.name,
      effect: effect.value,
      threshold: rule.threshold,
      test: stats.ksTies ? "ks (permutation, ties)" : `ks (${stats.ks.method})`,
      pValue: stats.ksTies ? stats.ksTies.pValue : stats.ks.pValue,
      ...blank,
    });
  } else {
    const value = rule.method === "linf" ? stats.linf : rule.method === "psi" ? stats.psi : stats.jsCorrected;
    signals.push({
      signal: "distribution",
      effectName: rule.method === "js" ? "jsCorrected" : rule.method,
      effect: value,
      threshold: rule.threshold,
      test:
        stats.chi2Pooled.pooled > 0 ? `chi2 (${stats.chi2Pooled.pooled} sparse categories pooled)` : "chi2",
      pValue: stats.chi2Pooled.pValue,
      ...blank,
    });
  }
  signals.push({
    signal: "missing",
    effectName: "missingRateChange",
    effect: Math.abs(stats.missingRate.difference),
    threshold: policy.missing.threshold,
    test: "twoProportionZ",
    pValue: untestable(stats.missingRate) ? Number.NaN : stats.missingRate.pValue,
    ...blank,
  });
  if ("ks" in stats)
    signals.push({
      signal: "nonFinite",
      effectName: "nonFiniteRateChange",
      effect: Math.abs(stats.nonFiniteRate.difference),
      threshold: policy.missing.threshold,
      test: "twoProportionZ",
      pValue: untestable(stats.nonFiniteRate) ? Number.NaN : stats.nonFiniteRate.pValue,
      ...blank,
    });
  if ("ks" in stats)
    signals.push({
      signal: "range",
      effectName: "outOfRangeShare",
      effect: stats.outOfRange.share,
      threshold: policy.range.threshold,
      test: "exchangeableTail",
      pValue: stats.outOfRange.pValue,
      ...blank,
    });
  else
    signals.push({
      signal: "unseen",
      effectName: "unseenShare",
      effect: stats.unseen.share,
      threshold: policy.unseen.threshold,
      test: `unseen (${stats.unseen.method === "bound" ? "Chernoff bound" : "permutation"})`,
      pValue: stats.unseen.pValue,
      ...blank,
    });
  return signals;
}

/**
 * drift: effect ≥ threshold and q ≤ α. warn: effect ≥ warnFraction·threshold and q ≤ α.
 * insufficient (distribution signal only): fewer than minRows values on a side, or an effect that
 * cannot be computed. stable: otherwise — including an effect at or above the threshold that the
 * test does not confirm: with no evidence of a change the column reads stable (the reason says so);
 * calling it insufficient made every small no-drift comparison read "warn" (docs/drift.md §3.3).
 */
function judge(s: Signal, policy: DriftPolicy, n: number): void {
  const fmt = (v: number) => formatSignificant(v, 3);
  const rejects = s.qValue <= policy.alpha;
  const large = s.effect >= s.threshold;
  if (n < policy.minRows) {
    s.status = "insufficient";
    s.reason = `only ${n} non-missing values on one side (minimum ${policy.minRows})`;
  } else if (s.signal !== "distribution" && Number.isNaN(s.pValue) && s.effect === 0) {
    s.status = "stable";
    s.reason = "none on either side: nothing to test";
  } else if (!Number.isFinite(s.effect) || Number.isNaN(s.pValue)) {
    s.status = s.signal === "distribution" ? "insufficient" : "stable";
    s.reason = `${s.effectName} cannot be computed`;
  } else if (large && rejects) {
    s.status = "drift";
    s.reason = `${s.effectName} ${fmt(s.effect)} ≥ ${fmt(s.threshold)} and ${s.test} q = ${fmt(s.qValue)} ≤ ${policy.alpha}`;
  } else if (rejects && s.effect >= policy.warnFraction * s.threshold) {
    s.status = "warn";
    s.reason = `${s.effectName} ${fmt(s.effect)} is below ${fmt(s.threshold)} but above ${fmt(policy.warnFraction * s.threshold)}, and ${s.test} rejects (q = ${fmt(s.qValue)})`;
  } else {
    s.status = "stable";
    s.reason = large
      ? `${s.effectName} ${fmt(s.effect)} ≥ ${fmt(s.threshold)} but ${s.test} q = ${fmt(s.qValue)} > ${policy.alpha}: not distinguishable from noise at this sample size`
      : `${s.effectName} ${fmt(s.effect)} < ${fmt(s.threshold)}`;
  }
}

/**
 * No missing (or non-finite) value on either side: the test has nothing to say, and leaving it out
 * of the Benjamini–Hochberg family keeps the family from being padded with p = 1. Filtering on the
 * pooled count is independent of the test statistic under no drift (Bourgon et al. 2010).
 */
function untestable(r: { reference: number; current: number }): boolean {
  return r.reference === 0 && r.current === 0;
}
