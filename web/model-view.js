import { distributionSpec, timelineSpec, volumeSpec } from "/assets/report/chart-specs.js";
import { api, pool } from "./api.js";
import { draw, widthFor } from "./charts.js";
import {
  alertBadge,
  badge,
  ci,
  day,
  escapeHtml,
  fixed,
  formatNumber,
  kpi,
  minute,
  percent,
  section,
} from "./dom.js";
import { renderEvidence } from "./evidence-view.js";
import { renderModelReadiness } from "./readiness-view.js";
import {
  driftSeries,
  find,
  isMonitor,
  outputSeries,
  performanceSeries,
  qualitySeries,
  subjectOf,
  trustSeries,
  volumePoints,
} from "./series.js";
import { chooseStep, STEPS, windowsOf } from "./windows.js";

/** One model: key numbers of the latest window, everything over time, alerts, saved reports. */
export async function renderModel(main, header, name, params) {
  const base = `/v1/models/${encodeURIComponent(name)}`;
  const [spec, summary, alerts, history] = await Promise.all([
    api(base),
    api(`${base}/summary`),
    api("/v1/alerts"),
    api(`/v1/alerts/history?model=${encodeURIComponent(name)}&limit=200`),
  ]);
  header(name, [
    spec.description,
    `${spec.task} · threshold ${spec.threshold} · ${spec.features.length} features`,
    `reference ${summary.referenceVersions.join(", ") || "none"}`,
  ]);
  if (!summary.timeRange) {
    main.innerHTML = section(
      "No predictions yet",
      `<p>Send predictions to <code>POST ${escapeHtml(base)}/predictions</code>; see docs/monitor.md.</p>`,
    );
    return;
  }
  const from = Date.parse(summary.timeRange.from);
  const to = Date.parse(summary.timeRange.to) + 1; // the data clock: just after the newest prediction
  const step = STEPS.find((s) => s.name === params.get("step")) ?? chooseStep(from, to);
  const windows = windowsOf(from, to, step.ms);
  main.innerHTML = `<p class="muted" id="loading">Computing monitors over ${windows.length} windows of ${step.name}…</p>`;
  const results = await pool(
    windows.map((w) => () => api(`${base}/monitors?from=${w.from}&to=${w.to}`)),
    4,
  );
  const series = windows.map((w, i) => ({ ...w, result: results[i] }));
  const latest = series[series.length - 1];
  const modelAlerts = alerts.alerts.filter((a) => a.model === name);

  main.innerHTML = [
    controls(step, summary),
    kpis(latest, modelAlerts, summary, step, spec.task),
    `<div class="two">`,
    section("Volume", '<div class="chart" data-chart="volume"></div>', 'data-section="volume"'),
    section(
      'Drift over time <span class="muted small">effect against the reference ÷ its threshold, per feature</span>',
      '<div class="chart" data-chart="drift"></div><p class="muted small" id="drift-note"></p>',
      'data-section="drift"',
    ),
    section(
      'Data quality <span class="muted small">share of rows per window</span>',
      '<div class="chart" data-chart="quality"></div>',
      'data-section="quality"',
    ),
    section(
      'Performance <span class="muted small">realized from labels (solid, 95% CI) and estimated before labels (dashed)</span>',
      '<div class="chart" data-chart="performance"></div>',
      'data-section="performance"',
    ),
    section("Model output", '<div class="chart" data-chart="output"></div>', 'data-section="output"'),
    section(
      'Trust <span class="muted small">per prediction, from the uploaded trust bundle (95% CI); red: surely over its bound</span>',
      '<div class="chart" data-chart="trust"></div>',
      'data-section="trust"',
    ),
    section(
      `Features in the latest window <span class="muted small">${minute(latest.from)} – ${minute(latest.to)}</span>`,
      featureTable(latest.result),
      'data-section="features"',
    ),
    `</div>`,
    section(
      `Distributions in the latest window <span class="muted small">filled: this window; outlined or ticks: the reference; shares of rows</span>`,
      '<div class="distributions" id="distributions"></div>',
      'data-section="distributions"',
    ),
    section("Alerts", alertTables(modelAlerts, history.events), 'data-section="alerts"'),
    section(
      "Latest evaluation and comparison",
      '<div id="evidence" class="muted">loading…</div>',
      'data-section="evidence"',
    ),
    section("Readiness", '<div id="readiness" class="muted">loading…</div>', 'data-section="readiness"'),
  ].join("");

  main.querySelector("#step").addEventListener("change", (event) => {
    const value = event.target.value;
    location.hash = `#/models/${encodeURIComponent(name)}${value === "auto" ? "" : `?step=${value}`}`;
  });

  const chart = (key) => main.querySelector(`[data-chart="${key}"]`);
  const drawn = [];
  // alerts that started firing inside the charted range, as red rules on every time chart
  const marks = (history.events ?? [])
    .filter((e) => e.state === "firing" && Date.parse(e.at) >= from && Date.parse(e.at) <= to)
    .map((e) => ({ time: e.at, label: `${e.rule}${e.labels?.subject ? ` · ${e.labels.subject}` : ""}` }));
  const drift = driftSeries(series);
  const methods = [
    ...new Set(
      latest.result.monitors
        .filter((m) => m.method && (isMonitor(m, "feature_drift") || isMonitor(m, "prediction_drift")))
        .map((m) => m.method),
    ),
  ];
  main.querySelector("#drift-note").innerHTML =
    `Each feature is measured with its own statistic (here ${escapeHtml(methods.join(", ") || "–")}; the tooltip names it), divided by its threshold, so the dashed line at 1 is every feature's threshold. ` +
    "A red ring marks a window where the feature drifted: over the threshold <em>and</em> its test rejects. A hollow point is <em>insufficient</em>: fewer rows in the window than the minimum. A point over the threshold whose test does not confirm it is noise, not drift.";
  drawn.push(draw(chart("volume"), volumeSpec(volumePoints(series), { width: widthFor(chart("volume")) })));
  if (drift.some((p) => p.value !== null))
    drawn.push(
      draw(
        chart("drift"),
        timelineSpec(drift, {
          yTitle: "effect ÷ threshold",
          marks,
          format: ".2f",
          threshold: 1,
          width: widthFor(chart("drift")),
        }),
      ),
    );
  else
    chart("drift").outerHTML =
      `<p class="muted">Nothing to compare with: no reference profile (<code>PUT ${escapeHtml(base)}/reference</code>, docs/monitor.md) or no rows in any window.</p>`;
  const quality = qualitySeries(series);
  if (quality.points.length)
    drawn.push(
      draw(
        chart("quality"),
        timelineSpec(quality.points, {
          yTitle: "share of rows",
          marks,
          format: ".1%",
          width: widthFor(chart("quality")),
        }),
      ),
    );
  else
    chart("quality").outerHTML =
      `<p class="ok-note">No missing values, type errors, out-of-range values or unseen categories in any window (${quality.all.size} rates watched).</p>`;
  const performance = performanceSeries(series, spec.task);
  if (performance.some((p) => p.value !== null))
    drawn.push(
      draw(
        chart("performance"),
        timelineSpec(performance, {
          yTitle: "metric",
          kindTitle: "",
          marks,
          width: widthFor(chart("performance")),
        }),
      ),
    );
  else
    chart("performance").outerHTML =
      '<p class="muted">No labels and no calibrated scores yet: nothing to measure or estimate.</p>';
  drawn.push(
    draw(
      chart("output"),
      timelineSpec(outputSeries(series), {
        yTitle: "share / difference",
        marks,
        width: widthFor(chart("output")),
      }),
    ),
  );
  const trust = trustSeries(series);
  if (trust.some((p) => p.value !== null))
    drawn.push(
      draw(
        chart("trust"),
        timelineSpec(trust, {
          yTitle: "share of predictions",
          marks,
          format: ".1%",
          width: widthFor(chart("trust")),
        }),
      ),
    );
  else
    chart("trust").outerHTML =
      `<p class="muted">No trust bundle: make one with <code>assay conformal … --out trust.json</code> and upload it (<code>PUT ${escapeHtml(base)}/trust</code>, docs/monitor.md).</p>`;
  drawn.push(drawDistributions(main.querySelector("#distributions"), base, latest, spec.features));
  await Promise.all(drawn);
  await renderEvidence(main.querySelector("#evidence"), name);
  await renderModelReadiness(main.querySelector("#readiness"), name);
  main.dataset.ready = "true";
}

function controls(step, summary) {
  const options = ["auto", ...STEPS.map((s) => s.name)]
    .map(
      (s) =>
        `<option value="${s}"${s === step.name ? " selected" : ""}>${s === "auto" ? "automatic" : s}</option>`,
    )
    .join("");
  return `<div class="controls"><span>Data from <b>${day(Date.parse(summary.timeRange.from))}</b> to <b>${day(Date.parse(summary.timeRange.to))}</b> ·
<span data-count="predictions">${formatNumber(summary.predictions)}</span> predictions · <span data-count="labels">${formatNumber(summary.labels)}</span> labels</span>
<label>window <select id="step">${options}</select></label></div>`;
}

function kpis(latest, modelAlerts, summary, step, task) {
  const headline = task === "regression" ? "mae" : "accuracy";
  const r = latest.result;
  const share = find(r, "dataset_drift_share");
  const drifted = r.monitors.filter((m) => isMonitor(m, "feature_drift") && m.status === "fail").length;
  const tested = r.monitors.filter((m) => isMonitor(m, "feature_drift") && m.value !== null).length;
  const accuracy = find(r, "performance", headline);
  const estimated = find(r, "estimated_performance", headline);
  const positive = find(r, "positive_rate");
  const firing = modelAlerts.filter((a) => a.state === "firing").length;
  const pending = modelAlerts.filter((a) => a.state === "pending").length;
  const cards = [
    kpi(
      `Predictions · last ${step.name}`,
      formatNumber(r.rows),
      `of ${formatNumber(summary.predictions)} in all`,
      "window-rows",
    ),
    kpi(
      "Drifted features",
      `${drifted} <span class="of">of ${tested}</span>`,
      share ? `${badge(share.status)} dataset drift share ${percent(share.value, 0)}` : "",
      "drifted",
    ),
    kpi(
      `${headline === "mae" ? "MAE" : "Accuracy"} (labels)`,
      accuracy?.value === null || !accuracy ? "–" : fixed(accuracy.value),
      accuracy?.value === null || !accuracy
        ? escapeHtml(accuracy?.message ?? "")
        : `95% CI ${ci(accuracy.ci)} · n ${formatNumber(accuracy.n)}`,
      "accuracy",
    ),
    kpi(
      `${headline === "mae" ? "MAE" : "Accuracy"} (estimated)`,
      estimated?.value === null || !estimated ? "–" : fixed(estimated.value),
      estimated
        ? estimated.value === null
          ? escapeHtml(estimated.message)
          : "CBPE, from calibrated scores"
        : "",
      "estimated-accuracy",
    ),
    kpi(
      "Positive rate",
      positive ? percent(positive.value) : "–",
      positive ? badge(positive.status) : "",
      "positive-rate",
    ),
    kpi(
      "Alerts",
      `${firing} <span class="of">firing</span>`,
      pending ? `${pending} pending` : "none pending",
      "alerts-firing",
    ),
  ];
  return `<div class="kpis">${cards.join("")}</div>`;
}

function featureTable(result) {
  const features = result.monitors.filter((m) => isMonitor(m, "feature_drift")).map(subjectOf);
  const rate = (monitor, f) => {
    const m = find(result, monitor, f);
    return m ? percent(m.value, 2) : "–";
  };
  const rows = features
    .map((f) => {
      const d = find(result, "feature_drift", f);
      const p =
        d.pValue === null || d.pValue === undefined
          ? "–"
          : d.pValue < 1e-4
            ? d.pValue.toExponential(1)
            : d.pValue.toFixed(4);
      return `<tr data-feature="${escapeHtml(f)}"><td>${escapeHtml(f)}<div class="muted small">${escapeHtml(d.method ?? "")}</div></td><td class="num" data-effect>${fixed(d.value)}</td><td class="num">${fixed(d.threshold ?? null, 2)}</td><td class="num">${p}</td><td>${badge(d.status)}</td><td class="num">${rate("missing_rate", f)}</td><td class="num">${rate("out_of_range_rate", f)}</td><td class="num">${rate("out_of_domain_rate", f)}</td></tr>`;
    })
    .join("");
  return `<table class="features"><tr><th>feature</th><th class="num">effect</th><th class="num">threshold</th><th class="num">p</th><th>drift</th><th class="num">missing</th><th class="num">out of range</th><th class="num">unseen</th></tr>${rows}</table>
<p class="muted small">Drifted when the effect reaches its threshold and the test rejects; <em>insufficient</em>: fewer rows than the minimum; over the threshold without a rejecting test is not drift (docs/drift.md §3.3).</p>`;
}

function alertTables(active, events) {
  const activeRows = active.length
    ? active
        .map(
          (a) =>
            `<tr data-alert="${escapeHtml(a.fingerprint)}"><td>${alertBadge(a.state)}${a.silenced ? ' <span class="muted">silenced</span>' : ""}</td><td>${escapeHtml(a.rule)}</td><td>${escapeHtml(a.subject || "")}</td><td>${escapeHtml(a.severity)}</td><td class="num">${fixed(a.value, 4)}</td><td>${minute(a.activeSince)}</td><td>${escapeHtml(a.message)}</td></tr>`,
        )
        .join("")
    : '<tr><td colspan="7" class="muted">No alert is firing or pending for this model.</td></tr>';
  const pastRows = events
    .slice(0, 40)
    .map(
      (e) =>
        `<tr><td>${minute(Date.parse(e.at))}</td><td>${alertBadge(e.state)}</td><td>${escapeHtml(e.rule)}</td><td>${escapeHtml(e.labels?.subject ?? "")}</td><td class="num">${fixed(e.value, 4)}</td><td>${escapeHtml(e.message)}</td></tr>`,
    )
    .join("");
  return `<h3>Now</h3><table class="alerts-active"><tr><th>state</th><th>rule</th><th>subject</th><th>severity</th><th class="num">value</th><th>since</th><th>message</th></tr>${activeRows}</table>
<h3>History <span class="muted small">${events.length} transitions, newest first${events.length > 40 ? "; 40 shown" : ""}</span></h3>
${events.length ? `<table class="alerts-history"><tr><th>at</th><th>became</th><th>rule</th><th>subject</th><th class="num">value</th><th>message</th></tr>${pastRows}</table>` : '<p class="muted">No alert has changed state yet.</p>'}`;
}

/**
 * Each feature's distribution in the newest window, drawn with the profile report's own spec, the
 * reference's drawn over it (outlined bars, ticks for categories; both as shares of their rows).
 */
async function drawDistributions(element, base, latest, features) {
  const [{ summary }, reference] = await Promise.all([
    api(`${base}/window?from=${latest.from}&to=${latest.to}`),
    api(`${base}/reference`).catch(() => ({ columns: [] })),
  ]);
  const referenceOf = new Map((reference.columns ?? []).map((c) => [c.name, c]));
  const names = new Set(features.map((f) => f.name));
  const columns = (summary?.profile?.columns ?? []).filter((c) => names.has(c.name));
  if (columns.length === 0) {
    element.innerHTML = '<p class="muted">No rows in the latest window.</p>';
    return;
  }
  element.innerHTML = columns
    .map((c) => `<div class="chart" data-chart="distribution" data-feature="${escapeHtml(c.name)}"></div>`)
    .join("");
  await Promise.all(
    columns.map((c) => {
      // Many categories: the 12 most frequent are enough to see the shape.
      const ref = referenceOf.get(c.name);
      const spec = distributionSpec(
        { ...c, top: c.top.slice(0, 12) },
        { width: 230, reference: ref ? { ...ref, top: ref.top.slice(0, 12) } : null },
      );
      const target = element.querySelector(`[data-feature="${CSS.escape(c.name)}"]`);
      if (!spec) {
        target.innerHTML = `<p class="muted">${escapeHtml(c.name)}: no values</p>`;
        return null;
      }
      return draw(target, spec);
    }),
  );
}
