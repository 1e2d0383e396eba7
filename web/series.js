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

function point(w, r, series, extra = {}) {
  return {
    time: iso(w.from),
    series,
    value: r.value,
    n: r.n,
    lo: r.ci?.[0] ?? null,
    hi: r.ci?.[1] ?? null,
    flagged: r.status === "alert",
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
      if (r.monitor !== "feature_drift" && r.monitor !== "prediction_drift") continue;
      const scaled = r.value !== null && r.threshold > 0 ? r.value / r.threshold : null;
      const note = `${r.method ?? "effect"} ${r.value === null ? "n/a" : r.value.toPrecision(3)} (threshold ${r.threshold ?? "?"}), ${r.status}`;
      const series = r.monitor === "feature_drift" ? r.subject : "model score";
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
      const label = QUALITY_MONITORS[r.monitor];
      if (label)
        points.push(point(w, r, r.subject ? `${label} · ${r.subject}` : label, { lo: null, hi: null }));
    }
  const nonzero = new Set(points.filter((p) => p.value > 0).map((p) => p.series));
  return { points: points.filter((p) => nonzero.has(p.series)), all: new Set(points.map((p) => p.series)) };
}

export function performanceSeries(windows, task = "binary") {
  const metrics = PERFORMANCE_METRICS[task] ?? PERFORMANCE_METRICS.binary;
  const points = [];
  for (const w of windows)
    for (const r of w.result.monitors) {
      if (!metrics.includes(r.subject)) continue;
      if (r.monitor === "performance") points.push(point(w, r, r.subject, { kind: "realized (labels)" }));
      if (r.monitor === "estimated_performance")
        points.push(point(w, r, r.subject, { kind: "estimated (CBPE)", lo: null, hi: null }));
    }
  return points;
}

export function outputSeries(windows) {
  const points = [];
  for (const w of windows)
    for (const r of w.result.monitors) {
      if (r.monitor === "positive_rate") points.push(point(w, r, "positive rate"));
      if (r.monitor === "prediction_bias") points.push(point(w, r, "bias: mean(score − label)"));
    }
  return points;
}

export function volumePoints(windows) {
  return windows.map((w) => {
    const count = w.result.monitors.find((r) => r.monitor === "prediction_count");
    const labeled = w.result.monitors.find((r) => r.monitor === "performance");
    return { time: iso(w.from), to: iso(w.to), predictions: count?.value ?? 0, labeled: labeled?.n ?? 0 };
  });
}

/** The one result of a monitor (and subject) in a /monitors response. */
export function find(result, monitor, subject = null) {
  return (
    result.monitors.find((r) => r.monitor === monitor && (subject === null || r.subject === subject)) ?? null
  );
}
