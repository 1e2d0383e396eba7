/** Markup helpers: the report shell's own badge and escaping, and number formats, loaded from src/report/. */
import { formatNumber } from "/assets/report/format.js";
import { badge, escapeHtml } from "/assets/report/html-escape.js";

export { badge, escapeHtml, formatNumber };

/** Alert states: firing red, pending amber, resolved green. */
const ALERT_STATUS = { firing: "fail", pending: "warn", resolved: "pass", inactive: "pass" };
export const alertBadge = (state) => badge(ALERT_STATUS[state] ?? "warn", state);

export function percent(x, digits = 1) {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  return `${(100 * x).toFixed(digits)}%`;
}

export const fixed = (x, digits = 3) =>
  x === null || x === undefined || !Number.isFinite(x) ? "–" : x.toFixed(digits);

export function day(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

export function minute(ms) {
  return new Date(ms).toISOString().slice(0, 16).replace("T", " ");
}

export function ci(interval, format = fixed) {
  return Array.isArray(interval) ? `[${format(interval[0])}, ${format(interval[1])}]` : "";
}

/** A key number: label above, value, and a small line below. */
export function kpi(label, value, note = "", testId = "") {
  return `<div class="kpi"${testId ? ` data-kpi="${escapeHtml(testId)}"` : ""}><div class="kpi-label">${escapeHtml(label)}</div><div class="kpi-value">${value}</div><div class="kpi-note">${note}</div></div>`;
}

export function section(title, body, attrs = "") {
  return `<section ${attrs}><h2>${title}</h2>${body}</section>`;
}
