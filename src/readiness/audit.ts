import { escapeHtml, htmlPage } from "../report/html.js";
import type { Readiness } from "./assess.js";
import { readinessSections } from "./html.js";

/**
 * The audit trail's front page: the readiness assessment, then everything it rests on — the sign-off log
 * line by line with each line's sha256, every evidence file with its sha256, the documentation — and how to
 * check all of it without Assay (sha256sum, a JSON viewer). Self-contained: no script, no network.
 */
interface AuditContents {
  readiness: Readiness;
  signoffs: { line: number; text: string; sha256: string }[];
  evidence: {
    file: string;
    kind: string;
    createdAt: string;
    sha256: string;
    fresh: boolean;
    stale: string[];
  }[];
  documents: { file: string; text: string }[];
  card: { file: string; text: string };
}

export async function auditHtml(a: AuditContents): Promise<string> {
  const r = a.readiness;
  const signoffs = a.signoffs.map((s) => {
    const e = JSON.parse(s.text) as Record<string, unknown>;
    return `<tr><td class="num">${s.line}</td><td>${escapeHtml(String(e.at).slice(0, 19).replace("T", " "))}</td><td>${escapeHtml(e.level)}</td><td>${escapeHtml(e.role)}</td><td>${escapeHtml(e.by)}</td><td>${escapeHtml(e.decision)}${e.to !== null && e.to !== undefined ? ` → ${escapeHtml(e.to)}` : ""}</td><td>${escapeHtml(e.component ?? "system")}</td><td>${escapeHtml(e.note ?? "")}</td><td><code>${escapeHtml(String((e.card as { digest?: string })?.digest ?? "").slice(0, 12))}…</code></td><td><code>${s.sha256.slice(0, 12)}…</code></td></tr>`;
  });
  const body = [
    `<section data-section="how-to-verify"><h2>How to check this audit trail without Assay</h2>
<ol><li><code>sha256sum -c SHA256SUMS</code> in this folder: every file is as it was when the trail was written.</li>
<li>The sign-off log (<code>signoffs.jsonl</code>) is one JSON object per line; each line's <code>prev</code> is the sha256 of the line before it (<code>sed -n 'Np' signoffs.jsonl | tr -d '\\n' | sha256sum</code>), so an edited or removed line breaks the chain at the next one.</li>
<li>Each sign-off's <code>card.digest</code> is the sha256 of the card it approved; the card here (<code>card/${escapeHtml(a.card.file)}</code>) has sha256 <code>${escapeHtml(r.card.digest)}</code>.</li>
<li>Each evidence file in <code>evidence/</code> is a report Assay wrote when a command ran; its <code>inputs</code> name the files it read with their sha256 — compare them with the artefacts' digests to see which evidence is fresh.</li></ol></section>`,
    await readinessSections(r),
    `<section data-section="signoff-log"><h2>Sign-off log (${a.signoffs.length} entries)</h2><table><tr><th class="num">line</th><th>time (UTC)</th><th>level</th><th>role</th><th>by</th><th>decision</th><th>component</th><th>note</th><th>card sha256</th><th>line sha256</th></tr>${signoffs.join("")}</table></section>`,
    `<section data-section="evidence-files"><h2>Evidence files (${a.evidence.length})</h2><table><tr><th>file</th><th>kind</th><th>created</th><th>sha256</th><th>status</th></tr>${a.evidence
      .map(
        (e) =>
          `<tr><td><code>evidence/${escapeHtml(e.file)}</code></td><td>${escapeHtml(e.kind)}</td><td>${escapeHtml(e.createdAt.slice(0, 19).replace("T", " "))}</td><td><code>${e.sha256.slice(0, 16)}…</code></td><td>${e.fresh ? "fresh" : `stale: ${escapeHtml(e.stale.join("; "))}`}</td></tr>`,
      )
      .join("")}</table></section>`,
    ...a.documents.map(
      (d) =>
        `<section data-section="document"><h2>${escapeHtml(d.file)}</h2><pre style="white-space: pre-wrap">${escapeHtml(d.text)}</pre></section>`,
    ),
    `<section data-section="card"><h2>The card: ${escapeHtml(a.card.file)}</h2><pre style="white-space: pre-wrap">${escapeHtml(a.card.text)}</pre></section>`,
  ];
  return htmlPage(
    `Audit trail — ${r.card.name}`,
    `system level ${r.systemLevel} (${r.systemLevelName}) · assessed ${r.assessedAt.slice(0, 16).replace("T", " ")} UTC · card sha256 ${r.card.digest.slice(0, 16)}…`,
    body.join("\n"),
  );
}
