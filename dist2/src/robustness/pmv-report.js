/** A PMV result as a check (robustness.pmv) and as text. */
import { formatInterval, textTable } from "../report/format.js";
export function pmvCheck(r) {
    return {
        check: "robustness.pmv",
        status: r.verdict === "well-fit" ? "pass" : r.verdict === "unclear" ? "warn" : "fail",
        severity: r.verdict === "over-fit" || r.verdict === "under-fit" ? "error" : undefined,
        value: r.memorisation,
        threshold: 0.5,
        ...(r.memorisationCi ? { ci: r.memorisationCi } : {}),
        n: r.points.length,
        verdict: r.verdict,
        message: `${r.verdict}: ${r.reason}; ${r.crossValidation.folds}-fold cross-validated accuracy ${r.crossValidation.accuracy.toFixed(4)} vs clean training accuracy ${r.cleanTrainAccuracy.toFixed(4)}`,
    };
}
export function renderPmvText(title, r) {
    const rates = [...new Set(r.points.map((p) => p.rate))];
    const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const rows = rates.map((rate) => {
        const at = r.points.filter((p) => p.rate === rate);
        const test = at.map((p) => p.testAccuracy).filter((x) => x !== null);
        return [
            String(rate),
            mean(at.map((p) => p.trainAccuracy)).toFixed(4),
            test.length > 0 ? mean(test).toFixed(4) : "–",
            String(at.length),
        ];
    });
    return [
        title,
        "",
        textTable(["noise rate", "train accuracy (noisy labels)", "test accuracy", "fits"], rows),
        "",
        `slope ${r.slope.toFixed(4)} ${formatInterval(r.slopeCi)} (a model that ignores the noise: ${r.expectedSlope.toFixed(4)})`,
        `memorisation ${(100 * r.memorisation).toFixed(1)}% ${formatInterval(r.memorisationCi, (x) => `${(100 * x).toFixed(1)}%`)}`,
        `cross-validation (${r.crossValidation.folds} folds): accuracy ${r.crossValidation.accuracy.toFixed(4)}; clean training accuracy ${r.cleanTrainAccuracy.toFixed(4)}; majority class ${r.majorityRate.toFixed(4)}`,
        `verdict: ${r.verdict.toUpperCase()} — ${r.reason}`,
        "",
    ].join("\n");
}
