import { badge, escapeHtml, htmlPage } from "../report/html.js";
import { renderSvg } from "../report/vega.js";
import type { Readiness } from "./assess.js";
import { levelSpec, mlTestScoreSpec } from "./chart-specs.js";
import type { ItemOutcome } from "./gate-items.js";
import { levelName } from "./levels.js";

/** Item status in the report palette. */
const STATUS: Record<string, string> = {
  met: "pass",
  "n/a": "pass",
  missing: "warn",
  stale: "warn",
  failed: "fail",
};

function itemRows(outcomes: ItemOutcome[]): string {
  return outcomes
    .map(
      (o) =>
        `<tr><td>${badge(STATUS[o.status] ?? "warn", o.status)}</td><td>${escapeHtml(o.item)}${o.subject ? ` <span class="muted">${escapeHtml(o.subject)}</span>` : ""}</td><td>${escapeHtml(o.message)}${o.command && o.status !== "met" ? `<br><code>${escapeHtml(o.command)}</code>` : ""}</td></tr>`,
    )
    .join("");
}

const ITEM_HEAD = "<tr><th>status</th><th>item</th><th>detail · what to run</th></tr>";

/** The body of a readiness page; the audit trail embeds the same sections. */
export async function readinessSections(r: Readiness): Promise<string> {
  const [levels, score] = await Promise.all([
    renderSvg(levelSpec(r.components)),
    renderSvg(mlTestScoreSpec(r.mlTestScore.sections, r.mlTestScore.score)),
  ]);
  const parts: string[] = [];
  const discovery = r.switchbacks.filter((s) => s.type === "discovery");
  parts.push(`<section data-section="summary"><h2>System level ${r.systemLevel}: ${escapeHtml(r.systemLevelName)} ${discovery.length ? badge("fail", "switched back") : ""}</h2>
<p>The system is as ready as its least ready component. Next: level ${r.workingLevel}, ${escapeHtml(levelName(r.workingLevel))}.</p>
<div class="chart">${levels}</div>
<table><tr><th>component</th><th>type</th><th class="num">certified</th><th class="num">approved</th><th>next gate</th></tr>${r.components
    .map(
      (c) =>
        `<tr data-component="${escapeHtml(c.id)}"><td>${escapeHtml(c.name)} <span class="muted">${escapeHtml(c.id)}</span></td><td>${escapeHtml(c.type)}</td><td class="num">${c.certifiedLevel} <span class="muted">${escapeHtml(c.levelName)}</span>${c.heldBy ? ` <span class="muted">(held by ${escapeHtml(c.heldBy)})</span>` : ""}</td><td class="num">${c.approvedLevel}</td><td>${c.certifiedLevel >= 9 ? "–" : `${c.blocking.length} item${c.blocking.length === 1 ? "" : "s"} block level ${c.workingLevel}`}</td></tr>`,
    )
    .join("")}</table></section>`);
  if (r.switchbacks.length > 0)
    parts.push(
      `<section data-section="switchbacks"><h2>Switchbacks</h2><table><tr><th>type</th><th>component</th><th>levels</th><th>when</th><th>cause</th></tr>${r.switchbacks
        .map(
          (s) =>
            `<tr><td>${badge(s.type === "discovery" ? "fail" : "warn", s.type)}</td><td>${escapeHtml(s.component ?? "system")}</td><td>${s.from} → ${s.to}</td><td>${escapeHtml(s.at.slice(0, 16).replace("T", " "))}${s.by ? ` by ${escapeHtml(s.by)}` : ""}</td><td>${s.cause.map(escapeHtml).join("<br>")}</td></tr>`,
        )
        .join("")}</table></section>`,
    );
  for (const c of r.components)
    if (c.blocking.length > 0)
      parts.push(
        `<section data-section="blocking" data-component="${escapeHtml(c.id)}"><h2>${escapeHtml(c.id)} → level ${c.workingLevel} (${escapeHtml(levelName(c.workingLevel))}): what blocks it</h2><table>${ITEM_HEAD}${itemRows(c.blocking)}</table></section>`,
      );
  parts.push(
    `<section data-section="requirements"><h2>Requirements</h2><table><tr><th>id</th><th>type</th><th class="num">risk</th><th>criterion</th><th>status</th><th>observed</th></tr>${r.requirements
      .flatMap((q) =>
        q.criteria.length === 0
          ? [
              `<tr><td>${escapeHtml(q.id)}</td><td>${q.type}</td><td class="num">${q.risk.score}</td><td colspan="3" class="muted">no criterion</td></tr>`,
            ]
          : q.criteria.map(
              (c) =>
                `<tr><td>${escapeHtml(q.id)}</td><td>${q.type}</td><td class="num">${q.risk.score}</td><td>${escapeHtml(c.phase)}: <code>${escapeHtml(c.criterion)}</code></td><td>${badge(c.status === "pass" ? "pass" : c.status === "fail" ? "fail" : "warn", c.status)}</td><td>${escapeHtml(c.message)}</td></tr>`,
            ),
      )
      .join("")}</table></section>`,
  );
  const t = r.mlTestScore;
  parts.push(
    `<section data-section="ml-test-score"><h2>ML Test Score: ${t.score} — ${escapeHtml(t.band)}</h2><div class="chart">${score}</div>
<table><tr><th class="num">points</th><th>test</th><th>how</th><th>evidence / note</th></tr>${t.tests
      .map(
        (x) =>
          `<tr><td class="num">${x.points}</td><td>${escapeHtml(x.id)} ${escapeHtml(x.title)}<div class="muted">${escapeHtml(x.description)}</div></td><td>${badge(x.how === "automated" ? "pass" : x.how === "manual" ? "warn" : "fail", x.how)}</td><td>${escapeHtml(x.note)}</td></tr>`,
      )
      .join("")}</table></section>`,
  );
  for (const c of r.components)
    parts.push(
      `<section data-section="gates" data-component="${escapeHtml(c.id)}"><h2>${escapeHtml(c.id)}: every gate</h2>${c.gates
        .map(
          (g) =>
            `<details${g.level === c.workingLevel ? " open" : ""}><summary>${badge(g.met ? "pass" : "warn", g.met ? "met" : "not met")} gate ${g.level} — ${escapeHtml(g.name)}</summary><table>${ITEM_HEAD}${itemRows(g.outcomes)}</table></details>`,
        )
        .join("")}</section>`,
    );
  parts.push(
    `<section data-section="evidence"><h2>Evidence</h2><p class="muted">${r.evidence.used.length} reports about this card; ${r.evidence.unrelated} others in the store are about other things.</p><table><tr><th>report</th><th>kind</th><th>created</th><th>about</th><th>status</th></tr>${r.evidence.used
      .map(
        (e) =>
          `<tr><td><code>${escapeHtml(e.id)}</code></td><td>${escapeHtml(e.kind)}</td><td>${escapeHtml(e.createdAt.slice(0, 16).replace("T", " "))}</td><td>${escapeHtml(e.scopes.join(", "))}</td><td>${e.fresh ? badge("pass", "fresh") : `${badge("warn", "stale")} ${escapeHtml(e.stale.join("; "))}`}</td></tr>`,
      )
      .join("")}</table></section>`,
  );
  return parts.join("\n");
}

export async function readinessHtml(r: Readiness): Promise<string> {
  return htmlPage(
    `Readiness — ${r.card.name}`,
    `card ${r.card.file} · sha256 ${r.card.digest.slice(0, 16)}… · assessed ${r.assessedAt.slice(0, 16).replace("T", " ")} UTC · policy ${r.policy}`,
    await readinessSections(r),
  );
}
