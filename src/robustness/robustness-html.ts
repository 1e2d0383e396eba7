/** The HTML sections of `assay robustness`: the noise chart, the adversarial metrics, the easiest rows. */
import { escapeHtml } from "../report/html.js";
import { renderSvg } from "../report/vega.js";
import type { AdversarialSummary } from "./adversarial-summary.js";
import { noiseCurveSpec } from "./chart-specs.js";
import type { NoiseCurve } from "./noise-curve.js";

export async function robustnessSections(
  curves: NoiseCurve[],
  a: AdversarialSummary | null,
): Promise<string[]> {
  const fmt = (x: number | null | undefined, d = 3) => (typeof x === "number" ? x.toFixed(d) : "–");
  const ci = (c: [number, number] | null) => (c ? `[${fmt(c[0])}, ${fmt(c[1])}]` : "");
  const sections = [
    `<section><h2>Accuracy under feature noise</h2><div class="chart">${await renderSvg(noiseCurveSpec(curves))}</div></section>`,
  ];
  if (a) {
    const rows = [
      [
        "pointwise robustness ρ (median, IQR)",
        `${fmt(a.pointwise.median)} (${fmt(a.pointwise.q25)}–${fmt(a.pointwise.q75)}) SD; ${a.pointwise.flipped} of ${a.rows} rows flippable within ${a.maxRadius} SD`,
      ],
      [
        `adversarial frequency at ε = ${a.epsilon}`,
        `${fmt(a.frequency.value)} ${ci(a.frequency.ci)} (${a.frequency.flippable} of ${a.frequency.n})`,
      ],
      [`adversarial severity at ε = ${a.epsilon}`, `${fmt(a.severity.value)} ${ci(a.severity.ci)} SD`],
      ["rows flipped by one categorical change", String(a.categoricalFlips)],
      [
        "model calls per flip",
        `search ${fmt(a.callsPerFlip.search, 2)}, random search ${fmt(a.callsPerFlip.random, 2)}, ratio ${fmt(a.callsPerFlip.ratio)}`,
      ],
    ]
      .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
      .join("");
    const easiest = a.easiest
      .map(
        (f) =>
          `<tr><td class="num">${f.row}</td><td class="num">${fmt(f.radius)}</td><td class="num">${fmt(f.score, 4)} → ${fmt(f.flippedScore, 4)}</td><td>${escapeHtml(f.changes.map((c) => `${c.feature}: ${typeof c.from === "number" ? Number(c.from.toPrecision(6)) : c.from} → ${typeof c.to === "number" ? Number(c.to.toPrecision(6)) : c.to}`).join(", "))}</td></tr>`,
      )
      .join("");
    sections.push(
      `<section><h2>Adversarial search</h2><table><tbody>${rows}</tbody></table></section>`,
      `<section><h2>Easiest rows to flip</h2><table><thead><tr><th class="num">row</th><th class="num">ρ (SD)</th><th class="num">score</th><th>change</th></tr></thead><tbody>${easiest}</tbody></table></section>`,
    );
  }
  return sections;
}
