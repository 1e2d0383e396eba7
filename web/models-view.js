import { api, pool } from "./api.js";
import { alertBadge, badge, day, escapeHtml, fixed, formatNumber, section } from "./dom.js";
import { find, isMonitor } from "./series.js";
import { chooseStep, lastWindowEnd } from "./windows.js";

/** Every model with its volume, the drift and accuracy of its latest window, and its alerts. */
export async function renderModels(main, header) {
  const [{ models }, { alerts }] = await Promise.all([api("/v1/models"), api("/v1/alerts")]);
  header("Models", [`${models.length} model${models.length === 1 ? "" : "s"} monitored`]);
  if (models.length === 0) {
    main.innerHTML = section(
      "No models yet",
      "<p>Create one with <code>POST /v1/models</code> (admin token) and send predictions; docs/monitor.md has a quick start. <code>npm start</code> runs a demo that fills this page with real flights.</p>",
    );
    main.dataset.ready = "true";
    return;
  }
  const rows = await pool(
    models.map((m) => async () => {
      const base = `/v1/models/${encodeURIComponent(m.name)}`;
      const summary = await api(`${base}/summary`);
      if (!summary.timeRange) return { m, summary, latest: null, step: null };
      const from = Date.parse(summary.timeRange.from);
      const step = chooseStep(from, Date.parse(summary.timeRange.to) + 1);
      const to = lastWindowEnd(Date.parse(summary.timeRange.to) + 1, step.ms);
      const latest = await api(`${base}/monitors?from=${to - step.ms}&to=${to}`);
      return { m, summary, latest, step };
    }),
    4,
  );
  const body = rows
    .map(({ m, summary, latest, step }) => {
      const mine = alerts.filter((a) => a.model === m.name);
      const firing = mine.filter((a) => a.state === "firing").length;
      const share = latest && find(latest, "dataset_drift_share");
      const drifted = latest
        ? latest.monitors.filter((r) => isMonitor(r, "feature_drift") && r.status === "fail").length
        : 0;
      const acc = latest && find(latest, "performance", "accuracy");
      const est = latest && find(latest, "estimated_performance", "accuracy");
      return `<tr data-model="${escapeHtml(m.name)}">
<td><a href="#/models/${encodeURIComponent(m.name)}">${escapeHtml(m.name)}</a><div class="muted small">${escapeHtml(m.description ?? "")}</div></td>
<td class="num" data-predictions>${formatNumber(summary.predictions)}</td><td class="num" data-labels>${formatNumber(summary.labels)}</td>
<td>${summary.timeRange ? `${day(Date.parse(summary.timeRange.from))} – ${day(Date.parse(summary.timeRange.to))}` : '<span class="muted">no data</span>'}</td>
<td>${share ? `${badge(share.status)} ${drifted} of ${latest.monitors.filter((r) => isMonitor(r, "feature_drift")).length}` : "–"}${step ? ` <span class="muted small">last ${step.name}</span>` : ""}</td>
<td class="num">${acc?.value !== null && acc ? fixed(acc.value) : "–"}</td><td class="num">${est?.value !== null && est ? fixed(est.value) : "–"}</td>
<td>${firing ? alertBadge("firing").replace(">firing<", `>${firing} firing<`) : '<span class="muted">none</span>'}</td></tr>`;
    })
    .join("");
  const firingAll = alerts.filter((a) => a.state === "firing");
  main.innerHTML =
    section(
      "Models",
      `<table class="models"><tr><th>model</th><th class="num">predictions</th><th class="num">labels</th><th>data</th><th>drifted features</th><th class="num">accuracy</th><th class="num">estimated</th><th>alerts</th></tr>${body}</table>`,
      'data-section="models"',
    ) +
    section(
      "Firing now",
      firingAll.length
        ? `<table><tr><th>model</th><th>rule</th><th>subject</th><th>severity</th><th>message</th></tr>${firingAll
            .map(
              (a) =>
                `<tr><td><a href="#/models/${encodeURIComponent(a.model)}">${escapeHtml(a.model)}</a></td><td>${escapeHtml(a.rule)}</td><td>${escapeHtml(a.subject || "")}</td><td>${escapeHtml(a.severity)}</td><td>${escapeHtml(a.message)}</td></tr>`,
            )
            .join("")}</table>`
        : '<p class="muted">Nothing is firing.</p>',
      'data-section="firing"',
    );
  main.dataset.ready = "true";
}
