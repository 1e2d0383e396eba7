import { formatNumber } from "../report/format.js";
import { baseName } from "./card.js";
const METRIC_NAMES = {
    accuracy: "accuracy",
    precision: "precision",
    recall: "recall",
    f1: "F1",
    rocAuc: "ROC AUC",
    prAuc: "PR AUC (average precision)",
    logLoss: "log loss",
    brier: "Brier score",
    balancedAccuracy: "balanced accuracy",
    mcc: "MCC",
    ece: "expected calibration error",
};
const num = (x) => x === null || x === undefined ? "–" : formatNumber(Number(x.toFixed(4)));
const interval = (m) => (m?.ci ? `[${num(m.ci[0])}, ${num(m.ci[1])}]` : "–");
export function usesSection(card) {
    const list = (items) => items.length ? items.map((x) => `- ${x}`).join("\n") : "- (none stated in the card)";
    return `**Intended uses** (from ${baseName(card.file)}):\n\n${list(card.uses.intended)}\n\n**Unacceptable uses:**\n\n${list(card.uses.unacceptable)}`;
}
export function evaluationSection(id, report) {
    const input = report.inputs?.[0];
    const model = (report.model ?? {});
    const boot = (report.bootstrap ?? {});
    const level = Math.round(100 * (boot.level ?? 0.95));
    const lines = [
        `From \`${id}\` (assay evaluate, ${String(report.createdAt).slice(0, 10)}): ${input ? `${input.name} (${formatNumber(input.rows)} rows, sha256 ${input.digest.slice(0, 12)}…)` : "unknown data"}, model ${model.name ?? "?"}${model.digest ? ` (sha256 ${model.digest.slice(0, 12)}…)` : ""}, threshold ${num(report.threshold)}, ${boot.resamples ?? 0} bootstrap resamples, ${level}% intervals.`,
        "",
        `| metric | value | ${level}% CI | n |`,
        "|---|---|---|---|",
    ];
    for (const [key, m] of Object.entries((report.metrics ?? {})))
        lines.push(`| ${METRIC_NAMES[key] ?? key} | ${num(m.value)} | ${interval(m)} | ${m.n ?? "–"} |`);
    const fairness = (report.fairness ?? {});
    const attributes = Object.keys(fairness).filter((a) => !a.includes(" & "));
    if (attributes.length > 0) {
        lines.push("", "**Fairness** (differences and ratios between groups; four-fifths rule: ratio ≥ 0.8):", "");
        for (const a of attributes) {
            const f = fairness[a];
            lines.push(`- by ${a}: selection-rate ratio ${num(f.demographicParityRatio?.value)} ${interval(f.demographicParityRatio)}, difference ${num(f.demographicParityDifference?.value)} ${interval(f.demographicParityDifference)}; equalized-odds difference ${num(f.equalizedOddsDifference?.value)} ${interval(f.equalizedOddsDifference)}`);
        }
    }
    const slices = (Array.isArray(report.slices) ? report.slices : []);
    if (slices.length > 0) {
        lines.push("", "**Weakest slices** (accuracy, the slice's rows):", "");
        for (const s of slices.slice(0, 5))
            lines.push(`- ${s.slice}: ${num(s.accuracy?.value)} ${interval(s.accuracy)}, ${formatNumber(s.count)} rows${s.significant ? "" : " (not significant after adjustment)"}`);
    }
    const baseline = report.baseline;
    if (baseline?.finding)
        lines.push("", `**Baselines:** ${baseline.finding}.`);
    return lines.join("\n");
}
