/**
 * The HTML page of any Report, for commands without a page of their own (fuzz, pmv, crosscheck,
 * adequacy): the verdict and its reasons, what went in (inputs, settings), the command's figures, each
 * check's examples as a table, and every check. One renderer over the envelope, not one per command.
 */
import { formatNumber } from "./format.js";
import { escapeHtml, htmlPage } from "./html.js";
import { metricLabel } from "./names.js";
import type { CheckResult, Report } from "./report.js";
import { checkTitle } from "./verdict-html.js";

/** Rows of a list shown before the table says how many more there are. */
export const ROWS_SHOWN = 20;

const ENVELOPE = new Set(["kind", "assayVersion", "createdAt", "inputs", "config", "results", "summary"]);

export function reportHtml(report: Report, title: string): string {
  const parts = [inputsSection(report), figuresSection(report), ...examplesSections(report.results)];
  return htmlPage(
    title,
    `assay ${report.kind} · assay ${report.assayVersion} · ${report.createdAt}`,
    parts.filter((p) => p !== "").join("\n"),
    { report, anchor: (r, i) => (exampleRows(r).length > 0 ? examplesId(i) : undefined) },
  );
}

const examplesId = (index: number) => `examples-${index}`;

/** A value in a cell: numbers formatted, objects as compact JSON, nothing as "–". */
function cell(v: unknown): string {
  if (v === null || v === undefined) return "–";
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return String(v);
  const text =
    Array.isArray(v) && v.every((x) => x === null || typeof x !== "object")
      ? v.map((x) => (typeof x === "number" ? formatNumber(x) : String(x))).join(", ")
      : JSON.stringify(v);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

function keyValueTable(entries: [string, unknown][]): string {
  return `<dl class="stats">${entries
    .map(([k, v]) => `<dt>${escapeHtml(metricLabel(k))}</dt><dd class="message">${escapeHtml(cell(v))}</dd>`)
    .join("")}</dl>`;
}

function inputsSection(report: Report): string {
  const inputs = report.inputs
    .map(
      (i) =>
        `<tr><td>${escapeHtml(i.name)}</td><td class="num">${formatNumber(i.rows)}</td><td class="nowrap muted">${escapeHtml(i.digest.slice(0, 16))}…</td></tr>`,
    )
    .join("");
  const config =
    report.config && typeof report.config === "object"
      ? keyValueTable(Object.entries(report.config as Record<string, unknown>))
      : "";
  return `<section id="inputs"><h2>Inputs and settings</h2>${inputs ? `<div class="scroll"><table><thead><tr><th>input</th><th class="num">rows</th><th>sha256</th></tr></thead><tbody>${inputs}</tbody></table></div>` : ""}${config}</section>`;
}

/** The command's own fields beside the envelope: scalars as a list, lists of records as tables. */
function figuresSection(report: Report): string {
  const scalars: [string, unknown][] = [];
  const tables: string[] = [];
  for (const [key, value] of Object.entries(report)) {
    if (ENVELOPE.has(key) || value === undefined) continue;
    if (Array.isArray(value) && value.length > 0 && value.every((x) => x && typeof x === "object"))
      tables.push(
        `<h3>${escapeHtml(metricLabel(key))} <span class="muted">${value.length}</span></h3>${recordsTable(value as Record<string, unknown>[])}`,
      );
    else if (!Array.isArray(value) || value.length > 0) scalars.push([key, value]);
  }
  if (scalars.length === 0 && tables.length === 0) return "";
  return `<section id="figures"><h2>Figures</h2>${scalars.length > 0 ? keyValueTable(scalars) : ""}${tables.join("")}</section>`;
}

/** Records as a table with a column per field (nested records flattened one level), cut at ROWS_SHOWN. */
function recordsTable(records: Record<string, unknown>[]): string {
  const flat = records.map((r) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r))
      if (v && typeof v === "object" && !Array.isArray(v))
        for (const [k2, v2] of Object.entries(v as Record<string, unknown>)) out[`${k}.${k2}`] = v2;
      else out[k] = v;
    return out;
  });
  const keys = [...new Set(flat.flatMap((r) => Object.keys(r)))];
  const shown = flat.slice(0, ROWS_SHOWN);
  const rows = shown
    .map(
      (r) =>
        `<tr>${keys.map((k) => `<td class="${typeof r[k] === "number" ? "num" : ""}">${escapeHtml(cell(r[k]))}</td>`).join("")}</tr>`,
    )
    .join("");
  const more =
    flat.length > shown.length
      ? `<p class="muted more" data-more="${flat.length - shown.length}">and ${flat.length - shown.length} more (the JSON report has them all)</p>`
      : "";
  return `<div class="scroll"><table class="sortable examples"><thead><tr>${keys.map((k) => `<th>${escapeHtml(k)}</th>`).join("")}</tr></thead><tbody>${rows}</tbody></table></div>${more}`;
}

function exampleRows(r: CheckResult): Record<string, unknown>[] {
  return (r.examples ?? []).map((e) =>
    e && typeof e === "object" ? (e as Record<string, unknown>) : { value: e },
  );
}

/** A section per check that carries examples (offending rows, shrunk counterexamples, pairs). */
function examplesSections(results: CheckResult[]): string[] {
  return results.flatMap((r, index) => {
    const rows = exampleRows(r);
    if (rows.length === 0) return [];
    return [
      `<section id="${examplesId(index)}"><h2>${escapeHtml(checkTitle(r))} <span class="badge ${escapeHtml(r.status)}">${escapeHtml(r.status)}</span></h2><p>${escapeHtml(r.message)}</p>${recordsTable(rows)}</section>`,
    ];
  });
}
