/** Text into HTML, and the status pill: the two pieces every HTML renderer writes. */
export function escapeHtml(text: unknown): string {
  return String(text ?? "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** A coloured status pill; `label` replaces the text (e.g. "drift" on a fail-coloured badge). */
export function badge(status: string, label: string = status): string {
  return `<span class="badge ${escapeHtml(status)}">${escapeHtml(label)}</span>`;
}
