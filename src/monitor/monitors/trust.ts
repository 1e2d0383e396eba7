import { formatNumber, formatShare } from "../../report/format.js";
import type { CheckResult } from "../../report/report.js";
import { wilsonInterval } from "../../stats/wilson.js";
import { scoreWithBundle } from "../../trust/bundle.js";
import type { LabeledPrediction, ModelSpec } from "../records.js";
import { bundleFor, type TrustBundles, uniformOf } from "../trust-counts.js";
import { monitorMetric } from "./check.js";
import { DEFAULT_MIN_LABELED, type Monitor } from "./inputs.js";
import { labelValue } from "./labels.js";

/**
 * The trust monitors, for a model with an uploaded trust bundle (none without one):
 * - trust_ood_share: predictions flagged out of distribution (conformal p ≤ the bundle's target FPR).
 *   Rows like the calibration data are flagged at most at the target rate, so the check fails only when
 *   the whole Wilson interval lies above twice that rate (a doubling, surely);
 * - trust_ambiguous_share (classification): prediction sets with more than one class, with the mean set
 *   size; trust_interval_width (regression): the mean interval width. Readings: alert rules bound them;
 * - trust_coverage: once labels arrive, the share of labelled predictions whose set (interval) holds the
 *   label. The bundle promises ≥ 1 − α, so it fails when the whole interval lies below 1 − α.
 */
export const trust: Monitor = {
  ids: ["trust_ood_share", "trust_ambiguous_share", "trust_interval_width", "trust_coverage"],
  run({ spec, summary, labeled, trust: bundles, options }) {
    if (!bundles) return [];
    const counts = summary?.trust;
    const results: CheckResult[] = [];
    const latest = bundles.latest;
    if (latest.ood) {
      const n = counts?.oodChecked ?? 0;
      const k = counts?.oodFlagged ?? 0;
      const bound = 2 * latest.ood.targetFpr;
      results.push(
        monitorMetric("trust_ood_share", null, {
          metric: "out-of-distribution share",
          value: n === 0 ? null : k / n,
          ci: n === 0 ? null : wilsonInterval(k, n),
          reason: n === 0 ? "no prediction in the window was scored with a trust bundle" : null,
          condition: { max: bound, reading: "excludes" },
          context: `(${formatNumber(k)} of ${formatNumber(n)} predictions with conformal p ≤ ${formatNumber(latest.ood.targetFpr)}; at most ${formatShare(latest.ood.targetFpr)} expected for rows like the calibration data)`,
          n,
          method: "conformal OOD p-values from the trust bundle; Wilson interval",
        }),
      );
    }
    if (latest.conformal.classes) {
      const n = counts?.sets ?? 0;
      const k = counts?.ambiguous ?? 0;
      results.push(
        monitorMetric("trust_ambiguous_share", null, {
          metric: "ambiguous-set share",
          value: n === 0 ? null : k / n,
          ci: n === 0 ? null : wilsonInterval(k, n),
          reason: n === 0 ? "no prediction set in the window" : null,
          context:
            n === 0
              ? undefined
              : `(${formatNumber(k)} of ${formatNumber(n)} sets hold more than one class; mean set size ${formatNumber(counts!.setSizeSum / n)})`,
          n,
          method: `${latest.conformal.method} sets at α = ${latest.conformal.alpha}`,
          details: n === 0 ? undefined : { meanSetSize: counts!.setSizeSum / n, emptySets: counts!.empty },
        }),
      );
    } else {
      const n = counts?.intervals ?? 0;
      results.push(
        monitorMetric("trust_interval_width", null, {
          metric: "mean interval width",
          value: n === 0 ? null : counts!.widthSum / n,
          reason: n === 0 ? "no prediction interval in the window" : null,
          context: `over ${formatNumber(n)} predictions`,
          n,
          method: `${latest.conformal.method} intervals at α = ${latest.conformal.alpha}`,
        }),
      );
    }
    results.push(coverage(spec, labeled, bundles, options?.minLabeled ?? DEFAULT_MIN_LABELED));
    return results;
  },
};

/** Whether each labelled prediction's set or interval holds its label (null: it cannot be told). */
export function covered(spec: ModelSpec, bundles: TrustBundles, row: LabeledPrediction): boolean | null {
  const bundle = bundleFor(bundles, row.version);
  const classes = bundle.conformal.classes;
  const score = row.score ?? (classes === null && typeof row.prediction === "number" ? row.prediction : null);
  if (score === null || !Number.isFinite(score)) return null;
  // Labels carry no features: a Mondrian bundle's sets use its pooled threshold here, and a normalised
  // regression bundle (σ from a feature) cannot be checked.
  if (classes === null && bundle.conformal.method === "normalized") return null;
  const out = scoreWithBundle({ ...bundle, ood: null }, {}, score, { uniform: uniformOf(row.id) });
  if (Array.isArray(out.set)) {
    const y = labelValue(spec, row.label);
    if (y === null || classes === null) return null;
    return out.set.includes(classes[y]);
  }
  const y = typeof row.label === "number" ? row.label : Number(row.label);
  if (!Number.isFinite(y)) return null;
  return y >= out.set.lower && y <= out.set.upper;
}

function coverage(
  spec: ModelSpec,
  labeled: LabeledPrediction[],
  bundles: TrustBundles,
  minLabeled: number,
): CheckResult {
  let n = 0;
  let k = 0;
  for (const row of labeled) {
    const c = covered(spec, bundles, row);
    if (c === null) continue;
    n++;
    if (c) k++;
  }
  const target = 1 - bundles.latest.conformal.alpha;
  return monitorMetric("trust_coverage", null, {
    metric: "coverage",
    value: n === 0 ? null : k / n,
    ci: n === 0 ? null : wilsonInterval(k, n),
    reason: n < minLabeled ? `${n} labelled predictions a set can be checked for; need ${minLabeled}` : null,
    condition: { min: target, reading: "excludes" },
    context: `(${formatNumber(k)} of ${formatNumber(n)} labelled predictions inside their set or interval; the bundle promises ≥ ${formatNumber(target)})`,
    n,
    method: "conformal sets from the trust bundle; Wilson interval",
  });
}
