import { metricDeltaSpec } from "/assets/compat/chart-specs.js";
import { calibrationSpec, rocSpec } from "/assets/evaluate/chart-specs.js";
import { api } from "./api.js";
import { draw } from "./charts.js";
import { badge, ci, escapeHtml, fixed } from "./dom.js";

const SHOWN_RESULTS = 14;

/** The latest saved report of a kind, preferring one whose config or inputs name the model. */
async function latest(kind, model) {
  const q = (extra) => api(`/v1/evidence?kind=${kind}&limit=1${extra}`);
  const own = await q(`&contains=${encodeURIComponent(model)}`);
  if (own.evidence.length) return { entry: own.evidence[0], own: true };
  const any = await q("");
  return any.evidence.length ? { entry: any.evidence[0], own: false } : null;
}

function modelLine(report) {
  if (report.kind === "comparison")
    return `old ${report.config?.old ?? "?"} → new ${report.config?.new ?? "?"}`;
  const m = report.model ?? report.config?.model;
  return m ? `model ${typeof m === "string" ? m : (m.name ?? m.spec ?? "")}` : "";
}

function reportCard(found, report) {
  const inputs = (report.inputs ?? [])
    .map((i) => `${i.name} (${Number(i.rows).toLocaleString("en-US")} rows)`)
    .join(", ");
  const rows = report.results
    .slice(0, SHOWN_RESULTS)
    .map(
      (r) =>
        `<tr><td>${badge(r.status)}</td><td>${escapeHtml(r.check)}${r.subject ? ` <span class="muted">${escapeHtml(Object.values(r.subject).join(" · "))}</span>` : ""}</td><td class="num">${fixed(r.value, 4)}</td><td class="num">${ci(r.ci, (x) => fixed(x, 4))}</td></tr>`,
    )
    .join("");
  const more =
    report.results.length > SHOWN_RESULTS
      ? `<p class="muted">… and ${report.results.length - SHOWN_RESULTS} more checks</p>`
      : "";
  const note = found.own
    ? ""
    : '<p class="muted">No saved report names this model; showing the latest in the store.</p>';
  return `<div class="report-card" data-evidence="${escapeHtml(report.kind)}">
<h3><span class="kind">${escapeHtml(report.kind)}</span> ${badge(report.summary?.status ?? "error")}</h3>
<div class="muted">${escapeHtml(report.createdAt)} · ${escapeHtml(inputs)} · ${escapeHtml(modelLine(report))}</div>${note}
${report.kind === "evaluation" && report.curves && report.calibration ? '<div class="pair"><div class="chart" data-chart="roc"></div><div class="chart" data-chart="calibration"></div></div>' : ""}
${report.kind === "comparison" && report.metrics ? '<div class="chart" data-chart="metric-deltas"></div>' : ""}
<table><tr><th>status</th><th>check</th><th class="num">value</th><th class="num">95% CI</th></tr>${rows}</table>${more}
<div class="muted small">assay evidence: ${escapeHtml(found.entry.id)}</div></div>`;
}

/** The latest evaluation, comparison (and readiness) reports from the evidence store. */
export async function renderEvidence(element, model) {
  const cards = [];
  let evaluation = null;
  let comparison = null;
  // Readiness (when the readiness work saves its report) is shown only once there is one.
  for (const kind of ["evaluation", "comparison", "readiness"]) {
    const found = await latest(kind, model);
    if (!found && kind === "readiness") continue;
    if (!found) {
      cards.push(
        `<div class="report-card"><h3>${kind}</h3><p class="muted">No ${kind} report in the evidence store yet (run <code>assay ${kind === "evaluation" ? "evaluate" : "compare"}</code> where the server runs).</p></div>`,
      );
      continue;
    }
    const report = await api(`/v1/evidence/${encodeURIComponent(found.entry.id)}`);
    if (kind === "evaluation") evaluation = report;
    if (kind === "comparison") comparison = report;
    cards.push(reportCard(found, report));
  }
  element.innerHTML = `<div class="two">${cards.join("")}</div>`;
  // The evaluation report's own charts, from the spec builders its HTML report uses.
  const small = { width: 210, height: 180 };
  const deltas = element.querySelector('[data-chart="metric-deltas"]');
  if (comparison && deltas) await draw(deltas, metricDeltaSpec(comparison.metrics, { width: 300 }));
  const roc = element.querySelector('[data-chart="roc"]');
  const calibration = element.querySelector('[data-chart="calibration"]');
  if (evaluation && roc && calibration)
    await Promise.all([
      draw(roc, { ...rocSpec(evaluation), ...small }),
      draw(calibration, { ...calibrationSpec(evaluation), ...small }),
    ]);
}
