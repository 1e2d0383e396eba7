import { type DriftPolicy, defaultPolicy } from "../drift/policy.js";
import { compareProfiles } from "../drift/profiles.js";
import type { DatasetDrift } from "../drift/verdict.js";
import { accuracy, type Confusion, f1, precision, recall } from "../evaluate/confusion.js";
import { expectedCalibrationError } from "../evaluate/probability.js";
import { rocAuc } from "../evaluate/ranking.js";
import type { ColumnProfile, TableProfile } from "../profile/types.js";
import { sketchBuckets } from "../sketch/quantiles.js";
import { type BucketSummary, isPositive, PREDICTION_COLUMN, SCORE_COLUMN } from "./bucket-summary.js";
import { columnDrift, DEFAULT_PSI_THRESHOLD } from "./feature-drift.js";
import type { LabeledPrediction, ModelSpec } from "./records.js";

/** One monitor's reading over one window, for one subject (a feature, a metric) or the whole model. */
export interface MonitorResult {
  monitor: string;
  subject: string | null;
  value: number | null;
  status: "ok" | "alert" | "insufficient";
  /** The fixed bound the monitor itself applies, when it has one (rules may apply their own). */
  threshold?: number;
  method?: string;
  /** Sample size behind the value. */
  n: number;
  ci?: [number, number];
  pValue?: number | null;
  message: string;
  details?: Record<string, unknown>;
}

export interface MonitorInputs {
  spec: ModelSpec;
  window: { from: number; to: number };
  summary: BucketSummary | null;
  reference: TableProfile | null;
  referenceVersion: string | null;
  /** Labeled predictions in the window. */
  labeled: LabeledPrediction[];
  /** Labeled predictions before the window, to check CBPE's calibration assumption when the window has few. */
  calibrationLabeled: LabeledPrediction[];
  /** Evaluation time (ms), for model age. */
  now: number;
  options?: MonitorOptions;
}

export interface MonitorOptions {
  /** The drift policy for feature_drift and dataset_drift_share (default: src/drift/policy.ts defaults). */
  policy?: DriftPolicy;
  /** PSI threshold and test level of feature_psi and prediction_drift. */
  psiThreshold?: number;
  alpha?: number;
  /** Largest ECE at which scores count as calibrated for CBPE. */
  maxCalibrationError?: number;
  /** Fewest labeled rows for realized performance, bias and the calibration check. */
  minLabeled?: number;
}

const Z95 = 1.959963984540054;

/** Every monitor over one window. Pure: the caller fetches the window, reference and labels. */
export function runMonitors(inputs: MonitorInputs): MonitorResult[] {
  return [
    ...volume(inputs),
    ...featureDrift(inputs),
    ...dataQuality(inputs),
    ...predictionDrift(inputs),
    ...predictionBias(inputs),
    ...realizedPerformance(inputs),
    ...estimatedPerformance(inputs),
    ...actionLimits(inputs),
    ...outlierShare(inputs),
    ...modelAge(inputs),
  ];
}

function volume({ summary }: MonitorInputs): MonitorResult[] {
  const n = summary?.rows ?? 0;
  return [
    { monitor: "prediction_count", subject: null, value: n, status: "ok", n, message: `${n} predictions` },
  ];
}

function column(profile: TableProfile | null | undefined, name: string): ColumnProfile | undefined {
  return profile?.columns.find((c) => c.name === name);
}

/**
 * Feature drift, two ways. `feature_drift` and `dataset_drift_share` apply the project's drift policy to the
 * two profiles (`compareProfiles`, src/drift/: effect size per column type with a test, missingness,
 * unseen categories and range as signals of their own, Benjamini–Hochberg across all signals, a dataset
 * verdict). `feature_psi` is the monitoring classic: PSI over reference deciles with a chi-square test
 * (feature-drift.ts), whose threshold is a service option.
 */
function featureDrift({ spec, summary, reference, options }: MonitorInputs): MonitorResult[] {
  const out: MonitorResult[] = [];
  const names = spec.features.map((f) => f.name);
  let policy: DatasetDrift | null = null;
  let policyError: string | null = null;
  if (reference && summary) {
    try {
      const present = names.filter((n) => column(reference, n) && column(summary.profile, n));
      policy = compareProfiles(reference, summary.profile, options?.policy ?? defaultPolicy(), present);
    } catch (error) {
      policyError = (error as Error).message;
    }
  }
  for (const f of spec.features) {
    const ref = column(reference, f.name);
    const cur = column(summary?.profile, f.name);
    if (!ref || !cur) {
      const message = ref ? "no data in the window" : "the reference profile has no such column";
      for (const monitor of ["feature_drift", "feature_psi"])
        out.push({
          monitor,
          subject: f.name,
          value: null,
          status: "insufficient",
          n: cur?.count ?? 0,
          message,
        });
      continue;
    }
    const c = policy?.columns.find((x) => x.name === f.name);
    if (c) {
      const distribution = c.signals.find((s) => s.signal === "distribution");
      out.push({
        monitor: "feature_drift",
        subject: f.name,
        value: Number.isFinite(c.effect.value) ? c.effect.value : null,
        status: c.status === "drift" ? "alert" : c.status === "insufficient" ? "insufficient" : "ok",
        threshold: c.effect.threshold,
        method: c.effect.method,
        n: c.rows.current,
        pValue: distribution?.qValue ?? null,
        message: `${c.status}: ${
          c.signals
            .filter((s) => s.status !== "stable")
            .map((s) => s.reason)
            .join("; ") ||
          `${c.effect.method} ${fmtNumber(c.effect.value)} below ${fmtNumber(c.effect.threshold)}`
        }`,
        details: {
          status: c.status,
          kind: c.kind,
          signals: c.signals.map((s) => ({
            signal: s.signal,
            effect: s.effect,
            effectName: s.effectName,
            threshold: s.threshold,
            test: s.test,
            pValue: s.pValue,
            qValue: s.qValue,
            status: s.status,
          })),
        },
      });
    } else
      out.push({
        monitor: "feature_drift",
        subject: f.name,
        value: null,
        status: "insufficient",
        n: cur.count,
        message: policyError ? `drift policy failed: ${policyError}` : "not compared",
      });
    const d = columnDrift(ref, cur, options);
    out.push({
      monitor: "feature_psi",
      subject: f.name,
      value: d.score,
      status: d.score === null ? "insufficient" : d.drifted ? "alert" : "ok",
      threshold: options?.psiThreshold ?? DEFAULT_PSI_THRESHOLD,
      method: d.method,
      n: d.currentCount,
      pValue: d.pValue,
      message:
        d.score === null
          ? (d.reason ?? "not computable")
          : `PSI ${d.score.toFixed(3)} (${d.kind}, ${d.bins} bins), chi-square p ${fmtP(d.pValue)}: ${d.drifted ? "drifted" : "no drift"}`,
      details: { kind: d.kind, statistic: d.statistic, bins: d.bins, referenceCount: d.referenceCount },
    });
  }
  const tested = policy ? policy.columns.filter((c) => c.status !== "insufficient").length : 0;
  out.push({
    monitor: "dataset_drift_share",
    subject: null,
    value: policy && tested > 0 ? policy.share : null,
    status: !policy || tested === 0 ? "insufficient" : policy.drifted ? "alert" : "ok",
    n: tested,
    message: !policy
      ? (policyError ?? "no reference profile or no data in the window")
      : `${policy.counts.drift} of ${tested} features drifted (${policy.rule})`,
  });
  return out;
}

function fmtNumber(x: number): string {
  return Number.isFinite(x) ? x.toPrecision(3) : String(x);
}

function fmtP(p: number | null | undefined): string {
  if (p === null || p === undefined) return "n/a";
  return p < 1e-4 ? p.toExponential(1) : p.toFixed(4);
}

function rate(subject: string, monitor: string, count: number, n: number, what: string): MonitorResult {
  return {
    monitor,
    subject,
    value: n === 0 ? null : count / n,
    status: n === 0 ? "insufficient" : "ok",
    n,
    ci: n === 0 ? undefined : wilson(count, n),
    message: n === 0 ? "no values to check" : `${count} of ${n} ${what}`,
  };
}

/** Wilson score interval for a proportion (95%). */
export function wilson(k: number, n: number): [number, number] {
  const p = k / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

function dataQuality({ spec, summary }: MonitorInputs): MonitorResult[] {
  if (!summary) return [];
  const out: MonitorResult[] = [];
  for (const f of spec.features) {
    const c = column(summary.profile, f.name);
    const q = summary.quality[f.name];
    if (!c) continue;
    out.push(rate(f.name, "missing_rate", c.missing, summary.rows, "values missing"));
    if (f.type === "number") {
      const nonFinite = c.nan + c.posInf + c.negInf;
      out.push(rate(f.name, "non_finite_rate", nonFinite, c.count, "values NaN or infinite"));
    }
    if (q) {
      out.push(rate(f.name, "type_error_rate", q.typeErrors, summary.rows, "values of the wrong type"));
      if (f.type === "number")
        out.push(rate(f.name, "out_of_range_rate", q.outOfRange, q.checked, "outside the reference range"));
      else
        out.push(
          rate(f.name, "out_of_domain_rate", q.outOfDomain, q.checked, "categories unseen in the reference"),
        );
    }
  }
  const unknown = Object.entries(summary.unknownFeatures);
  out.push({
    monitor: "unknown_feature_rate",
    subject: null,
    value: summary.rows === 0 ? null : unknown.reduce((m, [, n]) => Math.max(m, n), 0) / summary.rows,
    status: summary.rows === 0 ? "insufficient" : "ok",
    n: summary.rows,
    message:
      unknown.length === 0
        ? "no undeclared features"
        : `undeclared features: ${unknown.map(([k]) => k).join(", ")}`,
  });
  return out;
}

function predictionDrift({ spec, summary, reference, options }: MonitorInputs): MonitorResult[] {
  const scoreColumn = spec.scoreColumn === undefined ? "score" : spec.scoreColumn;
  const ref = scoreColumn === null ? undefined : column(reference, scoreColumn);
  const cur = column(summary?.profile, SCORE_COLUMN) ?? column(summary?.profile, PREDICTION_COLUMN);
  if (!ref || !cur || cur.count === 0)
    return [
      {
        monitor: "prediction_drift",
        subject: null,
        value: null,
        status: "insufficient",
        method: "psi",
        n: cur?.count ?? 0,
        message: ref
          ? "no scores in the window"
          : `the reference profile has no '${scoreColumn}' column of scores (set scoreColumn on the model)`,
      },
    ];
  const d = columnDrift({ ...ref, name: cur.name }, cur, options);
  return [
    {
      monitor: "prediction_drift",
      subject: null,
      value: d.score,
      status: d.score === null ? "insufficient" : d.drifted ? "alert" : "ok",
      threshold: options?.psiThreshold ?? DEFAULT_PSI_THRESHOLD,
      method: "psi",
      n: d.currentCount,
      pValue: d.pValue,
      message:
        d.score === null
          ? (d.reason ?? "not computable")
          : `score distribution PSI ${d.score.toFixed(3)}, p ${fmtP(d.pValue)}: ${d.drifted ? "drifted" : "no drift"}`,
    },
  ];
}

/** A label as 0/1 for a binary model (null when it cannot be read). */
export function labelValue(spec: ModelSpec, label: unknown): number | null {
  if (label === null || label === undefined) return null;
  if (typeof label === "boolean") return label ? 1 : 0;
  return String(label) === spec.positiveLabel ? 1 : 0;
}

function scoredLabeled(spec: ModelSpec, rows: LabeledPrediction[]): { scores: number[]; labels: number[] } {
  const scores: number[] = [];
  const labels: number[] = [];
  for (const r of rows) {
    const y = labelValue(spec, r.label);
    if (r.score === null || y === null || !Number.isFinite(r.score)) continue;
    scores.push(r.score);
    labels.push(y);
  }
  return { scores, labels };
}

function predictionBias({ spec, labeled, options }: MonitorInputs): MonitorResult[] {
  if (spec.task !== "binary") return [];
  const { scores, labels } = scoredLabeled(spec, labeled);
  const n = scores.length;
  const min = options?.minLabeled ?? 30;
  if (n < min)
    return [
      {
        monitor: "prediction_bias",
        subject: null,
        value: null,
        status: "insufficient",
        n,
        message: `${n} labeled scored predictions in the window; need ${min}`,
      },
    ];
  let sum = 0;
  let sumSq = 0;
  let meanScore = 0;
  for (let i = 0; i < n; i++) {
    const d = scores[i] - labels[i];
    sum += d;
    sumSq += d * d;
    meanScore += scores[i];
  }
  const bias = sum / n;
  const sd = Math.sqrt(Math.max(0, (sumSq - n * bias * bias) / (n - 1)));
  const half = (Z95 * sd) / Math.sqrt(n);
  return [
    {
      monitor: "prediction_bias",
      subject: null,
      value: bias,
      status: bias - half > 0 || bias + half < 0 ? "alert" : "ok",
      n,
      ci: [bias - half, bias + half],
      message: `mean score ${(meanScore / n).toFixed(4)} vs observed positive rate ${((meanScore - sum) / n).toFixed(4)}`,
    },
  ];
}

function confusionOf(spec: ModelSpec, rows: LabeledPrediction[]): Confusion {
  const c: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (const r of rows) {
    const y = labelValue(spec, r.label);
    if (y === null) continue;
    const p = isPositive(spec, r.prediction, r.score);
    if (y === 1) p ? c.tp++ : c.fn++;
    else p ? c.fp++ : c.tn++;
  }
  return c;
}

function metricResults(
  monitor: string,
  metrics: Record<string, number | null>,
  n: number,
  extra: Partial<MonitorResult> = {},
): MonitorResult[] {
  return Object.entries(metrics).map(([metric, value]) => ({
    monitor,
    subject: metric,
    value: value !== null && Number.isFinite(value) ? value : null,
    status: value !== null && Number.isFinite(value) ? "ok" : "insufficient",
    n,
    message: `${metric} ${value === null || !Number.isFinite(value) ? "n/a" : value.toFixed(4)} over ${n} predictions`,
    ...extra,
  }));
}

function realizedPerformance({ spec, labeled, options }: MonitorInputs): MonitorResult[] {
  const min = options?.minLabeled ?? 30;
  if (spec.task === "regression") {
    const pairs = labeled
      .map((r) => [
        Number(r.label),
        typeof r.prediction === "number" ? r.prediction : (r.score ?? Number.NaN),
      ])
      .filter(([y, p]) => Number.isFinite(y) && Number.isFinite(p));
    const n = pairs.length;
    if (n < min) return metricResults("performance", { mae: null, rmse: null }, n);
    let abs = 0;
    let sq = 0;
    for (const [y, p] of pairs) {
      abs += Math.abs(y - p);
      sq += (y - p) ** 2;
    }
    return metricResults("performance", { mae: abs / n, rmse: Math.sqrt(sq / n) }, n);
  }
  const c = confusionOf(spec, labeled);
  const n = c.tp + c.fp + c.tn + c.fn;
  if (n < min)
    return metricResults(
      "performance",
      { accuracy: null, precision: null, recall: null, f1: null, roc_auc: null },
      n,
    );
  const { scores, labels } = scoredLabeled(spec, labeled);
  const positives = labels.reduce((s, y) => s + y, 0);
  const auc =
    scores.length >= min && positives > 0 && positives < labels.length ? rocAuc(scores, labels) : null;
  const out = metricResults(
    "performance",
    { accuracy: accuracy(c), precision: precision(c), recall: recall(c), f1: f1(c), roc_auc: auc },
    n,
  );
  out[0].ci = wilson(c.tp + c.tn, n);
  return out;
}

/**
 * Confidence-based performance estimation (CBPE, NannyML): with calibrated scores, P(y = 1 | s) = s, so the
 * expected confusion matrix of a window is E[TP] = Σ_{s ≥ t} s, E[FP] = Σ_{s ≥ t} (1 − s),
 * E[FN] = Σ_{s < t} s, E[TN] = Σ_{s < t} (1 − s), and metrics follow from it before any label arrives.
 * Assumptions: (1) the scores are calibrated — checked here, ECE on the latest labeled predictions must be
 * ≤ maxCalibrationError; (2) no concept shift, P(y | x) unchanged since calibration — cannot be checked
 * without labels, which is why realized performance is shown beside the estimate once labels land.
 * The sums come from the window's score sketch (bucket representatives, relative error ≤ the sketch's
 * accuracy); a bucket straddling the threshold is split in proportion to its interval.
 */
function estimatedPerformance({
  spec,
  summary,
  labeled,
  calibrationLabeled,
  options,
}: MonitorInputs): MonitorResult[] {
  if (spec.task !== "binary") return [];
  const score = column(summary?.profile, SCORE_COLUMN);
  const names = ["accuracy", "precision", "recall", "f1"];
  const insufficient = (message: string, details?: Record<string, unknown>) =>
    names.map((m) => ({
      monitor: "estimated_performance",
      subject: m,
      value: null,
      status: "insufficient" as const,
      method: "cbpe",
      n: score?.moments?.n ?? 0,
      message,
      details,
    }));
  if (!score?.sketch || (score.moments?.n ?? 0) === 0) return insufficient("no scores in the window");
  if ((score.min ?? 0) < 0 || (score.max ?? 1) > 1)
    return insufficient("scores are not probabilities in [0, 1]");
  const t = spec.threshold;
  const e = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (const b of sketchBuckets(score.sketch)) {
    const above =
      b.lo >= t ? 1 : b.hi < t || b.hi === b.lo ? (b.value >= t ? 1 : 0) : (b.hi - t) / (b.hi - b.lo);
    const s = Math.min(1, Math.max(0, b.value));
    e.tp += b.count * above * s;
    e.fp += b.count * above * (1 - s);
    e.fn += b.count * (1 - above) * s;
    e.tn += b.count * (1 - above) * (1 - s);
  }
  // Calibration check on the window's labels when there are enough, else on the latest labels before it.
  const min = options?.minLabeled ?? 30;
  const own = scoredLabeled(spec, labeled);
  const check = own.scores.length >= Math.max(min, 200) ? own : scoredLabeled(spec, calibrationLabeled);
  const maxEce = options?.maxCalibrationError ?? 0.05;
  const ece = check.scores.length >= min ? expectedCalibrationError(check.scores, check.labels) : null;
  const assumptions = [
    {
      name: "calibrated scores",
      holds: ece === null ? null : ece <= maxEce,
      value: ece,
      threshold: maxEce,
      n: check.scores.length,
      note: "expected calibration error (10 equal-width bins) on the latest labeled predictions",
    },
    {
      name: "no concept shift",
      holds: null,
      note: "P(y | x) unchanged since the scores were calibrated: not checkable before labels; compare with realized performance",
    },
  ];
  if (ece === null)
    return insufficient("no labeled predictions to check calibration; CBPE needs calibrated scores", {
      assumptions,
    });
  if (ece > maxEce)
    return insufficient(
      `scores are not calibrated (ECE ${ece.toFixed(3)} > ${maxEce}); CBPE would be biased`,
      {
        assumptions,
      },
    );
  return metricResults(
    "estimated_performance",
    { accuracy: accuracy(e), precision: precision(e), recall: recall(e), f1: f1(e) },
    score.moments?.n ?? 0,
    { method: "cbpe", details: { assumptions, expectedConfusion: e } },
  );
}

function actionLimits({ spec, summary }: MonitorInputs): MonitorResult[] {
  const n = summary?.rows ?? 0;
  if (n === 0)
    return [
      {
        monitor: "positive_rate",
        subject: null,
        value: null,
        status: "insufficient",
        n,
        message: "no predictions",
      },
    ];
  const value = summary!.positives / n;
  const limits = spec.actionLimits ?? {};
  const over = limits.maxPositiveRate !== undefined && value > limits.maxPositiveRate;
  const under = limits.minPositiveRate !== undefined && value < limits.minPositiveRate;
  return [
    {
      monitor: "positive_rate",
      subject: null,
      value,
      status: over || under ? "alert" : "ok",
      threshold: over ? limits.maxPositiveRate : under ? limits.minPositiveRate : limits.maxPositiveRate,
      n,
      ci: wilson(summary!.positives, n),
      message: `${summary!.positives} of ${n} predictions positive${over ? ` — above the action limit ${limits.maxPositiveRate}` : under ? ` — below the action limit ${limits.minPositiveRate}` : ""}`,
    },
  ];
}

function outlierShare({ summary }: MonitorInputs): MonitorResult[] {
  const n = summary?.outlierChecked ?? 0;
  if (!summary || n === 0)
    return [
      {
        monitor: "outlier_share",
        subject: null,
        value: null,
        status: "insufficient",
        n,
        message: "no rows checked against a reference",
      },
    ];
  return [
    {
      monitor: "outlier_share",
      subject: null,
      value: summary.outlierRows / n,
      status: "ok",
      n,
      ci: wilson(summary.outlierRows, n),
      message: `${summary.outlierRows} of ${n} rows have a numeric feature beyond the reference's far-out fences (Q1 − 3·IQR, Q3 + 3·IQR)`,
    },
  ];
}

function modelAge({ spec, now }: MonitorInputs): MonitorResult[] {
  const trained = spec.trainedAt ? Date.parse(spec.trainedAt) : Number.NaN;
  const value = Number.isFinite(trained) ? (now - trained) / 86_400_000 : null;
  return [
    {
      monitor: "model_age_days",
      subject: null,
      value,
      status: value === null ? "insufficient" : "ok",
      n: 1,
      message: value === null ? "trainedAt is not set on the model" : `trained ${value.toFixed(1)} days ago`,
    },
  ];
}
