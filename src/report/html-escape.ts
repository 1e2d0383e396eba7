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

/** An id for a section about `name` (a column, a group): stable, and safe in an id and a #fragment. */
export function sectionId(kind: string, name: string): string {
  return `${kind}-${encodeURIComponent(name).replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
}
