import { levelSpec, mlTestScoreSpec } from "/assets/readiness/chart-specs.js";
import { api } from "./api.js";
import { draw } from "./charts.js";
import { badge, escapeHtml, section } from "./dom.js";

/**
 * Readiness on the dashboard: GET /v1/readiness (the cards given to `assay serve --card`), assessed by the
 * server as `assay readiness` would. `#/readiness` shows every system; a model's page shows the systems
 * with a component serving that model (the card's components[].monitoring.model).
 */
const ITEM_STATUS = { met: "pass", "n/a": "pass", missing: "warn", stale: "warn", failed: "fail" };
const SHOWN_BLOCKING = 8;

function blockingTable(items) {
  if (items.length === 0) return '<p class="muted">Nothing blocks the next level.</p>';
  const rows = items
    .slice(0, SHOWN_BLOCKING)
    .map(
      (b) =>
        `<tr data-blocking="${escapeHtml(b.item)}"><td>${badge(ITEM_STATUS[b.status] ?? "warn", b.status)}</td><td>L${escapeHtml(b.level ?? "")} ${escapeHtml(b.item)}${b.subject ? ` <span class="muted">${escapeHtml(b.subject)}</span>` : ""}</td><td>${escapeHtml(b.message)}${b.command ? `<br><code>${escapeHtml(b.command)}</code>` : ""}</td></tr>`,
    )
    .join("");
  const more =
    items.length > SHOWN_BLOCKING
      ? `<p class="muted">… and ${items.length - SHOWN_BLOCKING} more (assay readiness --verbose)</p>`
      : "";
  return `<table><tr><th>status</th><th>item</th><th>detail · what to run</th></tr>${rows}</table>${more}`;
}

function switchbackTable(switchbacks) {
  if (switchbacks.length === 0) return '<p class="muted">No switchbacks.</p>';
  return `<table><tr><th>type</th><th>component</th><th>levels</th><th>when</th><th>cause</th></tr>${switchbacks
    .slice(0, 5)
    .map(
      (s) =>
        `<tr data-switchback="${escapeHtml(s.type)}"><td>${badge(s.type === "discovery" ? "fail" : "warn", s.type)}</td><td>${escapeHtml(s.component ?? "system")}</td><td>${s.from} → ${s.to}</td><td>${escapeHtml(s.at.slice(0, 16).replace("T", " "))}${s.by ? ` by ${escapeHtml(s.by)}` : ""}</td><td>${s.cause.map(escapeHtml).join("<br>")}</td></tr>`,
    )
    .join("")}</table>`;
}

function scoreLine(score) {
  return `<p data-ml-test-score="${score.score}"><strong>ML Test Score ${score.score}</strong> — ${escapeHtml(score.band)}: ${[
    "data",
    "model",
    "infrastructure",
    "monitoring",
  ]
    .map((s) => `${s} <span data-section-score="${s}">${score.sections[s]}</span>`)
    .join(" · ")}</p>`;
}

function systemBody(report, components) {
  const table = `<table><tr><th>component</th><th>type</th><th class="num">certified</th><th class="num">approved</th><th>next</th></tr>${components
    .map(
      (c) =>
        `<tr data-component="${escapeHtml(c.id)}"><td>${escapeHtml(c.name)}</td><td>${escapeHtml(c.type)}</td><td class="num" data-certified>${c.certifiedLevel} <span class="muted">${escapeHtml(c.levelName)}</span></td><td class="num">${c.approvedLevel}</td><td>${c.certifiedLevel >= 9 ? "–" : `${c.blocking.length} items block level ${c.workingLevel}`}</td></tr>`,
    )
    .join("")}</table>`;
  const blocking = components
    .map((c) => `<h3>${escapeHtml(c.id)} → level ${c.workingLevel}</h3>${blockingTable(c.blocking)}`)
    .join("");
  return `<div class="chart" data-chart="levels"></div>${table}${blocking}<h3>ML Test Score</h3>${scoreLine(report.mlTestScore)}<div class="chart" data-chart="ml-test-score"></div><h3>Recent switchbacks</h3>${switchbackTable(report.switchbacks)}`;
}

async function drawSystem(element, report, components) {
  await Promise.all([
    draw(element.querySelector('[data-chart="levels"]'), levelSpec(components, { width: 360 })),
    draw(
      element.querySelector('[data-chart="ml-test-score"]'),
      mlTestScoreSpec(report.mlTestScore.sections, report.mlTestScore.score, { width: 360 }),
    ),
  ]);
}

function title(report) {
  const discovery = report.switchbacks.some((s) => s.type === "discovery");
  return `${escapeHtml(report.card.name)} — level <span data-system-level>${report.systemLevel}</span> ${escapeHtml(report.systemLevelName)} ${discovery ? badge("fail", "switched back") : ""}`;
}

/** `#/readiness`: every card the server was given. */
export async function renderReadiness(main, header) {
  const { systems } = await api("/v1/readiness");
  header("Readiness", [
    `${systems.length} readiness card${systems.length === 1 ? "" : "s"}`,
    "MLTRL levels, blocking items, ML Test Score",
  ]);
  if (systems.length === 0) {
    main.innerHTML = section(
      "No readiness cards",
      "<p>Start the service with <code>assay serve --card assay.card.yaml</code> to see a system's readiness here (<code>assay card init</code> writes a card).</p>",
    );
    main.dataset.ready = "true";
    return;
  }
  main.innerHTML = systems
    .map((s, i) =>
      s.error
        ? section(escapeHtml(s.card), `<p class="problem">${escapeHtml(s.error)}</p>`, 'data-system="error"')
        : section(
            title(s.report),
            systemBody(s.report, s.report.components),
            `data-system="${escapeHtml(s.report.card.id)}" data-index="${i}"`,
          ),
    )
    .join("");
  await Promise.all(
    systems.map((s, i) =>
      s.error ? null : drawSystem(main.querySelector(`[data-index="${i}"]`), s.report, s.report.components),
    ),
  );
  main.dataset.ready = "true";
}

/** The readiness of the systems that serve this model, on its page. */
export async function renderModelReadiness(element, model) {
  const { systems } = await api("/v1/readiness");
  const mine = systems.filter((s) => !s.error && s.report.components.some((c) => c.monitoring === model));
  if (mine.length === 0) {
    element.innerHTML = `<p class="muted">No readiness card names this model. Give the service one: <code>assay serve --card assay.card.yaml</code>, with <code>monitoring: { model: ${escapeHtml(model)} }</code> on the model's component. <a href="#/readiness">All readiness cards</a>.</p>`;
    return;
  }
  element.innerHTML = mine
    .map(
      (s, i) =>
        `<div data-system="${escapeHtml(s.report.card.id)}" data-index="${i}"><h3>${title(s.report)}</h3>${systemBody(s.report, s.report.components)}</div>`,
    )
    .join("");
  await Promise.all(
    mine.map((s, i) =>
      drawSystem(element.querySelector(`[data-index="${i}"]`), s.report, s.report.components),
    ),
  );
}
