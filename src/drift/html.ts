import type { TopLevelSpec } from "vega-lite";
import { formatNumber, formatPValue, formatShare } from "../report/format.js";
import { badge, escapeHtml, htmlPage, sectionId } from "../report/html.js";
import { metricLabel } from "../report/names.js";
import type { Report } from "../report/report.js";
import { renderSvg } from "../report/vega.js";
import type { Distribution } from "../stats/distribution.js";
import { quantile } from "../stats/quantile.js";
import type { ColumnDrift, ColumnPair, DatasetDrift } from "./verdict.js";

const BADGE = { drift: "fail", warn: "warn", insufficient: "insufficient", stable: "pass" } as const;
const STATUS_ORDER = { drift: 0, warn: 1, insufficient: 2, stable: 3 } as const;
const SIDES = ["reference", "current"];

/** A column's card on the page: what the table's rows and the verdict's reasons link to. */
const columnId = (name: string) => sectionId("column", name);

/**
 * A self-contained HTML report: the verdict and its reasons, the label's drift (target drift) called out
 * when `meta.label` names it, a compact table with a small chart per column, and a card per column with
 * its statistics as a small table and the overlaid distributions (SVG), open for the columns that moved.
 */
export async function driftHtml(
  result: DatasetDrift,
  pairs: ColumnPair[],
  meta: { reference: string; current: string; createdAt: string; report?: Report; label?: string },
): Promise<string> {
  const byName = new Map(pairs.map((p) => [p.name, p]));
  const specs = new Map<string, TopLevelSpec | null>();
  for (const c of result.columns) {
    const pair = byName.get(c.name);
    specs.set(c.name, pair ? chartSpec(c, pair) : null);
  }
  const rows: string[] = [];
  for (const c of result.columns) {
    const s = c.signals[0];
    const spec = specs.get(c.name);
    const mini = spec ? await renderSvg(miniature(spec)) : "";
    const target = c.name === meta.label ? ' <span class="muted">(label)</span>' : "";
    const why = c.status === "stable" ? "" : (c.signals.find((x) => x.status === c.status) ?? s).reason;
    rows.push(
      `<tr class="${c.status === "insufficient" ? "insufficient-row" : ""}"><td data-sort="${STATUS_ORDER[c.status]}">${badge(BADGE[c.status], c.status)}</td><td><a href="#${columnId(c.name)}">${escapeHtml(c.name)}</a>${target}</td><td>${c.kind}</td><td class="chart mini">${mini}</td><td>${escapeHtml(metricLabel(s.effectName))}</td><td class="num">${formatNumber(s.effect)}</td><td class="num">${formatNumber(s.threshold)}</td><td>${escapeHtml(testLabel(s.test))}</td><td class="num">${formatPValue(s.qValue)}</td><td class="message">${escapeHtml(why)}</td></tr>`,
    );
  }
  const cards: string[] = [];
  for (const c of result.columns) {
    const spec = specs.get(c.name);
    const svg = spec ? await renderSvg(spec) : "";
    const open = c.status === "stable" ? "" : " open";
    cards.push(
      `<section id="${columnId(c.name)}"><details${open}><summary><h3>${escapeHtml(c.name)} ${badge(BADGE[c.status], c.status)}${c.name === meta.label ? " · label (target drift)" : ""}</h3></summary><div class="chart">${svg}</div>${statsTable(c)}</details></section>`,
    );
  }
  const verdict = result.drifted
    ? badge("fail", "drift")
    : result.insufficient
      ? badge("warn", "insufficient")
      : badge("pass", "no drift");
  const body = `${targetSection(result, meta.label)}<section id="columns"><h2>Dataset ${verdict}</h2><p>${result.counts.drift} of ${result.columns.length} columns drifted (${formatShare(result.counts.drift, result.columns.length)}). ${escapeHtml(result.rule.charAt(0).toUpperCase() + result.rule.slice(1))}.</p>
<div class="scroll"><table class="sortable"><thead><tr><th>status</th><th>column</th><th>kind</th><th>reference vs current</th><th>effect</th><th class="num">value</th><th class="num">threshold</th><th>test</th><th class="num">q (BH)</th><th>why</th></tr></thead><tbody>${rows.join("\n")}</tbody></table></div></section>
<div class="grid">${cards.join("\n")}</div>`;
  return htmlPage(`Drift: ${meta.reference} → ${meta.current}`, `assay drift · ${meta.createdAt}`, body, {
    report: meta.report,
    anchor: (r) =>
      r.subject?.column ? columnId(r.subject.column) : r.check === "drift.dataset" ? "columns" : undefined,
  });
}

/** The label's own drift first: a moved label (target drift) changes what every other number means. */
function targetSection(result: DatasetDrift, labelName: string | undefined): string {
  if (!labelName) return "";
  const label = result.columns.find((c) => c.name === labelName);
  if (!label)
    return `<section id="target"><h2>Label ${escapeHtml(labelName)} ${badge("insufficient", "not compared")}</h2><p>The label is not a column of both sides.</p></section>`;
  const words =
    label.status === "drift"
      ? "The label's distribution moved (target drift): error rates and base rates are not comparable between the two sides."
      : label.status === "stable"
        ? "The label's distribution did not move past its threshold."
        : "The label's drift is borderline or rests on too few rows.";
  return `<section id="target"><h2>Label ${escapeHtml(labelName)} ${badge(BADGE[label.status], label.status)}</h2><p>${words} ${escapeHtml(statsSummary(label))}. <a href="#${columnId(label.name)}">details</a></p></section>`;
}

/** "ks (exact)" → "KS (exact)", "chi2" → "χ²": the test's first word by its name for people. */
function testLabel(test: string): string {
  const [first, ...rest] = test.split(" ");
  return [metricLabel(first).replace(/ D$/, ""), ...rest].join(" ");
}

/** The same chart as a thumbnail for a table row: no axes, no legend, 120 × 28. */
function miniature(spec: TopLevelSpec): TopLevelSpec {
  const s = structuredClone(spec) as Record<string, any>;
  s.width = 120;
  s.height = 28;
  const enc = s.encoding as Record<string, any> | undefined;
  if (enc) {
    for (const channel of ["x", "y"])
      if (enc[channel]) enc[channel] = { ...enc[channel], axis: null, title: null };
    if (enc.color) enc.color = { ...enc.color, legend: null };
  }
  return s as TopLevelSpec;
}

/** The statistics of a column as rows of a small table: statistic, value, p-value. */
function statRows(c: ColumnDrift): [string, string, string][] {
  const s = c.stats;
  const rows: [string, string, string][] = [];
  if ("ks" in s) {
    rows.push(["Kolmogorov–Smirnov D", formatNumber(s.ks.statistic), formatPValue(s.ks.pValue)]);
    if (s.ksTies) rows.push(["KS with ties (permutation p)", "", formatPValue(s.ksTies.pValue)]);
    rows.push(
      ["Wasserstein", formatNumber(s.wasserstein), ""],
      ["Wasserstein ÷ σ reference", formatNumber(s.wassersteinNorm), ""],
      ["PSI", formatNumber(s.psi), ""],
      ["Jensen–Shannon", formatNumber(s.js), ""],
      ["mean reference → current", `${formatNumber(s.reference.mean)} → ${formatNumber(s.current.mean)}`, ""],
    );
  } else {
    rows.push([`χ² (dof ${s.chi2.dof})`, formatNumber(s.chi2.statistic), formatPValue(s.chi2.pValue)]);
    if (s.chi2Pooled.pooled > 0)
      rows.push([
        `χ², ${s.chi2Pooled.pooled} sparse categories pooled`,
        formatNumber(s.chi2Pooled.statistic),
        formatPValue(s.chi2Pooled.pValue),
      ]);
    rows.push(
      ["Jensen–Shannon", formatNumber(s.js), ""],
      ["Jensen–Shannon, bias-corrected", formatNumber(s.jsCorrected), ""],
      ["L∞ (largest change of a share)", formatShare(s.linf), ""],
      ["PSI", formatNumber(s.psi), ""],
      ["unseen in the reference", formatShare(s.unseen.share), ""],
    );
  }
  rows.push([
    "rows reference / current",
    `${formatNumber(c.rows.reference)} / ${formatNumber(c.rows.current)}`,
    "",
  ]);
  return rows;
}

function statsTable(c: ColumnDrift): string {
  return `<table><thead><tr><th>statistic</th><th class="num">value</th><th class="num">p</th></tr></thead><tbody>${statRows(
    c,
  )
    .map(
      ([k, v, p]) =>
        `<tr><td>${escapeHtml(k)}</td><td class="num">${escapeHtml(v)}</td><td class="num">${escapeHtml(p)}</td></tr>`,
    )
    .join("")}</tbody></table>`;
}

function statsSummary(c: ColumnDrift): string {
  return statRows(c)
    .slice(0, 2)
    .map(([k, v, p]) => `${k} ${v}${p ? ` (p ${p})` : ""}`.replace("  ", " "))
    .join("; ");
}

/**
 * Overlaid reference/current shares: 40 equal-width bins over the pooled 0.5%–99.5% range (the axis title
 * says when a tail is clipped), bars per value for whole numbers with few distinct values (a 0/1 column),
 * or bars of the top categories.
 */
export function chartSpec(c: ColumnDrift, pair: ColumnPair): TopLevelSpec | null {
  if (pair.reference.kind === "numeric" && pair.current.kind === "numeric") {
    const ref = pair.reference.distribution;
    const cur = pair.current.distribution;
    if (ref.total === 0 || cur.total === 0) return null;
    const few = fewWholeValues(ref, cur);
    if (few) {
      const share = (d: Distribution, v: number) => {
        const i = d.values.indexOf(v);
        return i < 0 ? 0 : d.counts[i] / d.total;
      };
      return categoryBars(
        few.flatMap((v) => [
          { category: formatNumber(v), share: share(ref, v), side: "reference" },
          { category: formatNumber(v), share: share(cur, v), side: "current" },
        ]),
        c.name,
      );
    }
    const lo = Math.min(quantile(ref, 0.005), quantile(cur, 0.005));
    const hi = Math.max(quantile(ref, 0.995), quantile(cur, 0.995));
    const bins = 40;
    const width = hi > lo ? (hi - lo) / bins : 1;
    const values: { x: number; share: number; side: string }[] = [];
    [ref, cur].forEach((d, k) => {
      for (const [i, share] of equalWidthShares(d, lo, width, bins).entries())
        values.push({ x: lo + (i + 0.5) * width, share, side: SIDES[k] });
    });
    const temporal = pair.type === "date" || pair.type === "timestamp";
    const min = Math.min(ref.values[0], cur.values[0]);
    const max = Math.max(ref.values[ref.values.length - 1], cur.values[cur.values.length - 1]);
    const clipped = !temporal && (min < lo || max > lo + bins * width);
    return {
      width: 320,
      height: 160,
      data: { values },
      mark: { type: "area", interpolate: "step", opacity: 0.45, line: true },
      encoding: {
        x: {
          field: "x",
          type: temporal ? "temporal" : "quantitative",
          title: clipped
            ? `${c.name} (middle 99% shown; all values ${formatNumber(min)} to ${formatNumber(max)})`
            : c.name,
        },
        y: {
          field: "share",
          type: "quantitative",
          stack: null,
          title: "share of rows",
          axis: { format: "%" },
        },
        color: { field: "side", type: "nominal", sort: SIDES, title: null },
        tooltip: [
          { field: "side", type: "nominal" },
          {
            field: "x",
            type: temporal ? "temporal" : "quantitative",
            title: "bin centre",
            format: temporal ? undefined : ".4~g",
          },
          { field: "share", type: "quantitative", format: ".2%" },
        ],
      },
    } as TopLevelSpec;
  }
  if ("categories" in c.stats) {
    const top = c.stats.categories.slice(0, 15);
    return categoryBars(
      top.flatMap((t) => [
        { category: t.value, share: t.reference, side: "reference" },
        { category: t.value, share: t.current, side: "current" },
      ]),
      c.name,
    );
  }
  return null;
}

/** The distinct values of both sides when they are at most 12 whole numbers (drawn as categories), else null. */
function fewWholeValues(ref: Distribution, cur: Distribution): number[] | null {
  const all = new Set<number>([...ref.values, ...cur.values]);
  if (all.size > 12 || ![...all].every((v) => Number.isInteger(v))) return null;
  return [...all].sort((a, b) => a - b);
}

/** Reference and current shares per category as horizontal bars: long labels stay readable. */
function categoryBars(
  values: { category: string; share: number; side: string }[],
  title: string,
): TopLevelSpec {
  const categories = [...new Set(values.map((v) => v.category))];
  return {
    width: 220,
    height: { step: 9 },
    data: { values },
    mark: { type: "bar" },
    encoding: {
      y: { field: "category", type: "nominal", sort: categories, title, axis: { labelLimit: 200 } },
      yOffset: { field: "side", sort: SIDES },
      x: { field: "share", type: "quantitative", title: "share of rows", axis: { format: "%" } },
      color: { field: "side", type: "nominal", sort: SIDES, title: null },
      tooltip: [
        { field: "category", type: "nominal", title },
        { field: "side", type: "nominal" },
        { field: "share", type: "quantitative", format: ".2%" },
      ],
    },
  } as TopLevelSpec;
}

function equalWidthShares(d: Distribution, lo: number, width: number, bins: number): number[] {
  const shares = new Array<number>(bins).fill(0);
  for (let i = 0; i < d.values.length; i++) {
    const k = Math.floor((d.values[i] - lo) / width);
    if (k >= 0 && k < bins) shares[k] += d.counts[i] / d.total;
    else if (k === bins && d.values[i] <= lo + bins * width) shares[bins - 1] += d.counts[i] / d.total;
  }
  return shares;
}
