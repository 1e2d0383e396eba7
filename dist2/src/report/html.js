/** The shell every HTML report shares: self-contained, no network, readable when printed. */
export function escapeHtml(text) {
    return String(text ?? "")
        .replaceAll("&", "&amp;")
        .replaceAll("<", "&lt;")
        .replaceAll(">", "&gt;")
        .replaceAll('"', "&quot;");
}
export const REPORT_CSS = `
:root { --ink:#111827; --muted:#6b7280; --line:#e5e7eb; --pass:#15803d; --warn:#b45309; --fail:#b91c1c; --accent:#2563eb; }
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 0; background: #f9fafb; }
header { background: #111827; color: white; padding: 18px 32px; }
header h1 { margin: 0; font-size: 20px; font-weight: 600; }
header .meta { color: #9ca3af; font-size: 12px; margin-top: 4px; }
main { padding: 24px 32px; max-width: 1200px; }
section { background: white; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 0 0 18px; break-inside: avoid; }
h2 { font-size: 16px; margin: 0 0 10px; }
h3 { font-size: 14px; margin: 0 0 6px; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; font-size: 12px; }
td.num, th.num { text-align: right; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; color: white; }
.pass { background: var(--pass); } .warn, .insufficient { background: var(--warn); } .fail, .error { background: var(--fail); }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 14px; }
.muted { color: var(--muted); }
.chart svg { max-width: 100%; height: auto; }
@media print { body { background: white; } .badge { print-color-adjust: exact; -webkit-print-color-adjust: exact; } header { background: white; color: black; border-bottom: 2px solid black; } section { border-color: #999; } }
`;
export function htmlPage(title, meta, body) {
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${REPORT_CSS}</style></head>
<body><header><h1>${escapeHtml(title)}</h1><div class="meta">${escapeHtml(meta)}</div></header>
<main>${body}</main></body></html>
`;
}
/** A coloured status pill; `label` replaces the text (e.g. "drift" on a fail-coloured badge). */
export function badge(status, label = status) {
    return `<span class="badge ${escapeHtml(status)}">${escapeHtml(label)}</span>`;
}
