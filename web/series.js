/**
 * Monitor results of consecutive windows → chart series (the SeriesPoint rows of src/report/chart-specs.ts).
 * `windows` is [{from, to, result}] where result is a /monitors response.
 */
export const QUALITY_MONITORS = {
  missing_rate: "missing",
  type_error_rate: "type errors",
  non_finite_rate: "NaN/∞",
  out_of_range_rate: "out of range",
  out_of_domain_rate: "unseen category",
  unknown_feature_rate: "undeclared feature",
  outlier_share: "outlier rows",
};

/** The metrics drawn over time, per task (the monitor computes more; these read well on one axis). */
export const PERFORMANCE_METRICS = { binary: ["accuracy", "f1", "roc_auc"], regression: ["mae", "rmse"] };

const iso = (ms) => new Date(ms).toISOString();

/** Whether a /monitors result comes from a monitor: results are checks named `monitor.<id>` (docs/monitor.md). */
export const isMonitor = (r, monitor) => r.check === `monitor.${monitor}`;

/** The feature or metric a result is about; null for the model as a whole. */
export const subjectOf = (r) => r.subject?.column ?? r.subject?.metric ?? null;

function point(w, r, series, extra = {}) {
  return {
    time: iso(w.from),
    series,
    value: r.value,
    n: r.n,
    lo: r.ci?.[0] ?? null,
    hi: r.ci?.[1] ?? null,
    flagged: r.status === "fail",
    ...extra,
  };
}

/**
 * Drift effect ÷ its threshold, per feature and the model score: features are measured with different
 * statistics (the server picks one per kind of column), so one axis needs a common scale; 1 is the threshold.
 */
export function driftSeries(windows) {
  const points = [];
  for (const w of windows)
    for (const r of w.result.monitors) {
      if (!isMonitor(r, "feature_drift") && !isMonitor(r, "prediction_drift")) continue;
      const scaled = r.value !== null && r.threshold > 0 ? r.value / r.threshold : null;
      const note = `${r.method ?? "effect"} ${r.value === null ? "n/a" : r.value.toPrecision(3)} (threshold ${r.threshold ?? "?"}), ${r.status}`;
      const series = isMonitor(r, "feature_drift") ? subjectOf(r) : "model score";
      points.push(
        point(w, { ...r, value: scaled }, series, {
          lo: null,
          hi: null,
          note,
          uncertain: r.status === "insufficient",
        }),
      );
    }
  return points;
}

/** Quality rates per feature; series that are zero (or missing) in every window are left out. */
export function qualitySeries(windows) {
  const points = [];
  for (const w of windows)
    for (const r of w.result.monitors) {
      const label = QUALITY_MONITORS[r.check.replace(/^monitor\./, "")];
      const subject = subjectOf(r);
      if (label) points.push(point(w, r, subject ? `${label} · ${subject}` : label, { lo: null, hi: null }));
    }
  const nonzero = new Set(points.filter((p) => p.value > 0).map((p) => p.series));
  return { points: points.filter((p) => nonzero.has(p.series)), all: new Set(points.map((p) => p.series)) };
}

export function performanceSeries(windows, task = "binary") {
  const metrics = PERFORMANCE_METRICS[task] ?? PERFORMANCE_METRICS.binary;
  const points = [];
  for (const w of windows)
    for (const r of w.result.monitors) {
      const metric = subjectOf(r);
      if (!metrics.includes(metric)) continue;
      if (isMonitor(r, "performance")) points.push(point(w, r, metric, { kind: "realized (labels)" }));
      if (isMonitor(r, "estimated_performance"))
        points.push(point(w, r, metric, { kind: "estimated (CBPE)", lo: null, hi: null }));
    }
  return points;
}

export function outputSeries(windows) {
  const points = [];
  for (const w of windows)
    for (const r of w.result.monitors) {
      if (isMonitor(r, "positive_rate")) points.push(point(w, r, "positive rate"));
      if (isMonitor(r, "prediction_bias")) points.push(point(w, r, "bias: mean(score − label)"));
    }
  return points;
}

/** The trust monitors over time (a model with an uploaded trust bundle; docs/monitor.md "Trust"). */
export const TRUST_MONITORS = {
  trust_ood_share: "out of distribution",
  trust_ambiguous_share: "ambiguous sets",
  trust_coverage: "coverage (labels)",
};

export function trustSeries(windows) {
  const points = [];
  for (const w of windows)
    for (const r of w.result.monitors) {
      const label = TRUST_MONITORS[r.check.replace(/^monitor\./, "")];
      if (label) points.push(point(w, r, label));
    }
  return points;
}

export function volumePoints(windows) {
  return windows.map((w) => {
    const count = w.result.monitors.find((r) => isMonitor(r, "prediction_count"));
    const labeled = w.result.monitors.find((r) => isMonitor(r, "performance"));
    return { time: iso(w.from), to: iso(w.to), predictions: count?.value ?? 0, labeled: labeled?.n ?? 0 };
  });
}

/** The one result of a monitor (and subject) in a /monitors response. */
export function find(result, monitor, subject = null) {
  return (
    result.monitors.find((r) => isMonitor(r, monitor) && (subject === null || subjectOf(r) === subject)) ??
    null
  );
}
