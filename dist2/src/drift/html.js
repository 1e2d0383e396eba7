import { formatNumber } from "../report/format.js";
import { badge, escapeHtml, htmlPage } from "../report/html.js";
import { renderSvg } from "../report/vega.js";
import { quantile } from "../stats/quantile.js";
const BADGE = { drift: "fail", warn: "warn", insufficient: "insufficient", stable: "pass" };
const SIDES = ["reference", "current"];
/** A self-contained HTML report: the verdict, a table, and overlaid distributions per column (SVG). */
export async function driftHtml(result, pairs, meta) {
    const byName = new Map(pairs.map((p) => [p.name, p]));
    const rows = result.columns
        .map((c) => {
        const s = c.signals[0];
        return `<tr><td>${badge(BADGE[c.status], c.status)}</td><td>${escapeHtml(c.name)}</td><td>${c.kind}</td><td>${escapeHtml(s.effectName)}</td><td class="num">${formatNumber(s.effect)}</td><td class="num">${formatNumber(s.threshold)}</td><td>${escapeHtml(s.test)}</td><td class="num">${formatNumber(s.qValue)}</td><td>${escapeHtml(c.status === "stable" ? "" : (c.signals.find((x) => x.status === c.status) ?? s).reason)}</td></tr>`;
    })
        .join("\n");
    const cards = [];
    for (const c of result.columns) {
        const pair = byName.get(c.name);
        const spec = pair ? chartSpec(c, pair) : null;
        const svg = spec ? await renderSvg(spec) : "";
        cards.push(`<section><h3>${escapeHtml(c.name)} ${badge(BADGE[c.status], c.status)}</h3><div class="muted">${escapeHtml(statsLine(c))}</div><div class="chart">${svg}</div></section>`);
    }
    const verdict = result.drifted
        ? badge("fail", "drift")
        : result.insufficient
            ? badge("warn", "insufficient")
            : badge("pass", "no drift");
    const body = `<section><h2>Dataset ${verdict}</h2><p>${result.counts.drift} of ${result.columns.length} columns drifted (share ${formatNumber(result.share)}). ${escapeHtml(result.rule)}.</p>
<table><thead><tr><th>status</th><th>column</th><th>kind</th><th>effect</th><th class="num">value</th><th class="num">threshold</th><th>test</th><th class="num">q (BH)</th><th>why</th></tr></thead><tbody>${rows}</tbody></table></section>
<div class="grid">${cards.join("\n")}</div>`;
    return htmlPage(`Drift: ${meta.reference} → ${meta.current}`, `assay drift · ${meta.createdAt}`, body);
}
function statsLine(c) {
    const s = c.stats;
    if ("ks" in s)
        return `KS D ${formatNumber(s.ks.statistic)} (p ${formatNumber(s.ks.pValue)}${s.ksTies ? `; with ties, permutation p ${formatNumber(s.ksTies.pValue)}` : ""}) · W ${formatNumber(s.wasserstein)} (÷σ ${formatNumber(s.wassersteinNorm)}) · PSI ${formatNumber(s.psi)} · JS ${formatNumber(s.js)} · mean ${formatNumber(s.reference.mean)} → ${formatNumber(s.current.mean)}`;
    const pooled = s.chi2Pooled.pooled > 0
        ? `; ${s.chi2Pooled.pooled} sparse categories pooled: χ² ${formatNumber(s.chi2Pooled.statistic)}, p ${formatNumber(s.chi2Pooled.pValue)}`
        : "";
    return `χ² ${formatNumber(s.chi2.statistic)} (dof ${s.chi2.dof}, p ${formatNumber(s.chi2.pValue)}${pooled}) · JS ${formatNumber(s.js)} (bias-corrected ${formatNumber(s.jsCorrected)}) · L∞ ${formatNumber(s.linf)} · PSI ${formatNumber(s.psi)} · unseen ${formatNumber(s.unseen.share)}`;
}
/** Overlaid reference/current shares: 40 equal-width bins over the pooled 0.5%–99.5% range, or the top categories. */
export function chartSpec(c, pair) {
    if (pair.reference.kind === "numeric" && pair.current.kind === "numeric") {
        const ref = pair.reference.distribution;
        const cur = pair.current.distribution;
        if (ref.total === 0 || cur.total === 0)
            return null;
        const lo = Math.min(quantile(ref, 0.005), quantile(cur, 0.005));
        const hi = Math.max(quantile(ref, 0.995), quantile(cur, 0.995));
        const bins = 40;
        const width = hi > lo ? (hi - lo) / bins : 1;
        const values = [];
        [ref, cur].forEach((d, k) => {
            for (const [i, share] of equalWidthShares(d, lo, width, bins).entries())
                values.push({ x: lo + (i + 0.5) * width, share, side: SIDES[k] });
        });
        const temporal = pair.type === "date" || pair.type === "timestamp";
        return {
            width: 320,
            height: 160,
            data: { values },
            mark: { type: "area", interpolate: "step", opacity: 0.45, line: true },
            encoding: {
                x: { field: "x", type: temporal ? "temporal" : "quantitative", title: c.name },
                y: {
                    field: "share",
                    type: "quantitative",
                    stack: null,
                    title: "share of rows",
                    axis: { format: "%" },
                },
                color: { field: "side", type: "nominal", sort: SIDES, title: null },
            },
        };
    }
    if ("categories" in c.stats) {
        const top = c.stats.categories.slice(0, 15);
        const values = top.flatMap((t) => [
            { category: t.value, share: t.reference, side: "reference" },
            { category: t.value, share: t.current, side: "current" },
        ]);
        return {
            width: 320,
            height: 160,
            data: { values },
            mark: { type: "bar" },
            encoding: {
                x: { field: "category", type: "nominal", sort: null, title: null, axis: { labelLimit: 80 } },
                xOffset: { field: "side", sort: SIDES },
                y: { field: "share", type: "quantitative", title: "share of rows", axis: { format: "%" } },
                color: { field: "side", type: "nominal", sort: SIDES, title: null },
            },
        };
    }
    return null;
}
function equalWidthShares(d, lo, width, bins) {
    const shares = new Array(bins).fill(0);
    for (let i = 0; i < d.values.length; i++) {
        const k = Math.floor((d.values[i] - lo) / width);
        if (k >= 0 && k < bins)
            shares[k] += d.counts[i] / d.total;
        else if (k === bins && d.values[i] <= lo + bins * width)
            shares[bins - 1] += d.counts[i] / d.total;
    }
    return shares;
}
