/** A self-contained HTML page for a comparison report: headline numbers, the gate, groups and slices. */
import type { Report } from "../report/report.js";
import type { Comparison } from "./compare.js";
import type { GroupComparison } from "./groups.js";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);
const num = (x: number | null | undefined, digits = 4) =>
  x === null || x === undefined || !Number.isFinite(x) ? "n/a" : x.toFixed(digits);
const ci = (c: [number, number] | null | undefined) => (c ? `[${num(c[0])}, ${num(c[1])}]` : "");

export function comparisonHtml(report: Report, r: Comparison): string {
  const config = report.config as { old: string; new: string };
  const headline: [string, string][] = [
    ["rows", String(r.n)],
    ["accuracy old → new", `${num(r.accuracyOld)} → ${num(r.accuracyNew)}`],
    ["accuracy Δ (95% CI)", `${num(r.accuracyDelta.value)} ${ci(r.accuracyDelta.ci)}`],
    ["negative flips", `${r.negativeFlips} (NFR ${num(r.negativeFlipRate)} ${ci(r.negativeFlipRateCi)})`],
    ["positive flips", String(r.positiveFlips)],
    ["BTC / BEC / error persistence", `${num(r.btc)} / ${num(r.bec)} / ${num(r.errorPersistence)}`],
    ["McNemar exact p", r.mcnemarPValue.toPrecision(3)],
  ];
  const metricRows = Object.entries(r.metrics)
    .map(
      ([name, m]) =>
        `<tr><td>${escapeHtml(name)}</td><td>${num(m.old)}</td><td>${num(m.new)}</td><td>${num(m.delta.value)}</td><td>${ci(m.delta.ci)}</td></tr>`,
    )
    .join("");
  const groupRows = (list: GroupComparison[]) =>
    list
      .map(
        (g) =>
          `<tr><td>${escapeHtml(g.column)}</td><td>${escapeHtml(g.value)}</td><td>${g.n}</td><td>${num(g.accuracyOld)}</td><td>${num(g.accuracyNew)}</td>` +
          `<td>${num(g.accuracyDelta.value)} ${ci(g.accuracyDelta.ci)}</td><td>${g.negativeFlips}/${g.positiveFlips}</td>` +
          `<td>${g.adjustedPValue === null ? "not tested" : g.adjustedPValue.toPrecision(3)}</td></tr>`,
      )
      .join("");
  const allGroups = [...Object.values(r.groups).flat(), ...r.slices];
  const checks = r.checks
    .filter((c) => c.status !== "pass")
    .map((c) => `<li class="${c.status}"><b>${c.status}</b> ${escapeHtml(c.message)}</li>`)
    .join("");
  return `<!doctype html><html><head><meta charset="utf-8"><title>assay compare</title>
<style>body{font:14px system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:1em 0}
td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}td:first-child,th:first-child{text-align:left}
.verdict{font-size:1.4em;padding:.3em .6em;display:inline-block}.pass{color:#176c2c}.warn,.insufficient{color:#8a5a00}.fail{color:#a11}</style>
</head><body><h1>${escapeHtml(config.old)} → ${escapeHtml(config.new)}</h1>
<p class="verdict ${r.verdict}">verdict: ${r.verdict}</p>
<table>${headline.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join("")}</table>
<h2>Checks that did not pass</h2><ul>${checks || "<li>none</li>"}</ul>
<h2>Metrics (paired bootstrap, 95%)</h2><table><tr><th>metric</th><th>old</th><th>new</th><th>Δ</th><th>CI</th></tr>${metricRows}</table>
<h2>Groups and slices</h2><table><tr><th>column</th><th>value</th><th>n</th><th>acc old</th><th>acc new</th><th>Δ (CI)</th><th>flips −/+</th><th>adjusted p (${escapeHtml(r.gate.adjustment)})</th></tr>${groupRows(allGroups)}</table>
<p>assay ${escapeHtml(report.assayVersion)} · ${escapeHtml(report.createdAt)}</p></body></html>
`;
}
