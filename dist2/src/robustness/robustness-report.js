/** `assay robustness` results as checks and as text. */
import { formatInterval, textTable } from "../report/format.js";
export function robustnessChecks(curves, adversarial, limits) {
    const out = [];
    for (const c of curves) {
        const first = c.points[0];
        const last = c.points[c.points.length - 1];
        // Fails only when the noisy accuracy's whole interval is below clean accuracy − maxDrop.
        const failed = last.ci !== null && last.ci[1] < first.accuracy - limits.maxDrop;
        out.push({
            check: "robustness.noise",
            subject: { column: c.feature },
            status: failed ? "warn" : "pass",
            severity: failed ? "warning" : undefined,
            value: c.drop,
            threshold: limits.maxDrop,
            ...(last.ci ? { ci: last.ci } : {}),
            message: `accuracy ${first.accuracy.toFixed(4)} clean → ${last.accuracy.toFixed(4)} at ${last.level} SD of noise on ${c.feature === "all" ? "every feature" : c.feature} (drop ${c.drop.toFixed(4)}${failed ? `, surely above ${limits.maxDrop}` : ""})`,
        });
    }
    if (adversarial) {
        const f = adversarial.frequency;
        const failed = limits.maxFrequency !== null && f.ci !== null && f.ci[0] > limits.maxFrequency;
        out.push({
            check: "robustness.adversarial_frequency",
            status: f.n === 0 ? "insufficient" : failed ? "fail" : "pass",
            severity: failed ? "error" : undefined,
            value: f.value,
            ...(limits.maxFrequency !== null ? { threshold: limits.maxFrequency } : {}),
            ...(f.ci ? { ci: f.ci } : {}),
            n: f.n,
            message: `${f.flippable} of ${f.n} rows flip within ε = ${adversarial.epsilon} SD (L∞ on the numeric features); mean distance of those flips ${adversarial.severity.value === null ? "n/a" : adversarial.severity.value.toFixed(4)} SD`,
        });
    }
    return out;
}
export function renderRobustnessText(title, curves, a) {
    const pct = (ci) => formatInterval(ci, (x) => x.toFixed(3));
    const levels = curves[0]?.points.map((p) => p.level) ?? [];
    const lines = [
        title,
        "",
        "accuracy under feature noise (noise in SDs of each feature; text: share of values replaced):",
    ];
    lines.push(textTable(["feature", ...levels.map((l) => String(l)), "drop"], curves.map((c) => [c.feature, ...c.points.map((p) => p.accuracy.toFixed(3)), c.drop.toFixed(3)])));
    const all = curves.find((c) => c.feature === "all") ?? curves[0];
    if (all)
        lines.push(`  95% bootstrap intervals (${all.feature}): ${all.points.map((p) => `${p.level}: ${pct(p.ci)}`).join("  ")}`);
    if (a) {
        const cpf = a.callsPerFlip;
        lines.push("", `adversarial search on ${a.rows} rows (L∞ in SDs, up to ${a.maxRadius}):`, `  pointwise robustness ρ: ${a.pointwise.flipped} rows flippable, median ${fmt(a.pointwise.median)} (IQR ${fmt(a.pointwise.q25)}–${fmt(a.pointwise.q75)})`, `  adversarial frequency at ε = ${a.epsilon}: ${fmt(a.frequency.value)} ${pct(a.frequency.ci)} (${a.frequency.flippable} of ${a.frequency.n})`, `  adversarial severity at ε = ${a.epsilon}: ${fmt(a.severity.value)} ${pct(a.severity.ci)}`, `  ${a.categoricalFlips} more rows flip by one categorical change`, `  calls per flip: search ${fmt(cpf.search)}, random search ${fmt(cpf.random)} (${cpf.randomFlips} of ${cpf.randomRows} rows flipped) → ratio ${fmt(cpf.ratio)}`);
        if (a.easiest.length > 0) {
            lines.push("  easiest to flip:");
            for (const f of a.easiest.slice(0, 5))
                lines.push(`    row ${f.row}: ρ = ${fmt(f.radius)}, score ${f.score.toFixed(4)} → ${f.flippedScore.toFixed(4)}; ${f.changes.map((c) => `${c.feature} ${fmtValue(c.from)} → ${fmtValue(c.to)}`).join(", ")}`);
        }
    }
    lines.push("");
    return lines.join("\n");
}
function fmt(x) {
    return x === null ? "n/a" : x.toFixed(3);
}
function fmtValue(x) {
    return typeof x === "number" ? String(Number(x.toPrecision(6))) : JSON.stringify(x);
}
