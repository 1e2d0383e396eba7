/** The terminal rendering of an evaluation. */
import { formatInterval as ci, formatFixed as f, formatNumber, formatPValue, textTable, } from "../report/format.js";
import { BINARY_METRICS } from "./binary.js";
import { describePositive } from "./labels.js";
export function renderEvaluationText(report, e) {
    const config = report.config;
    const level = Math.round(e.bootstrap.level * 100);
    const lines = [];
    lines.push(`${report.inputs[0]?.name ?? "data"}: model ${config.model.name}, label ${config.label}${config.positive !== null ? `, ${describePositive({ positive: config.positive, positives: e.positives, rows: e.n })}` : ""}`, `${formatNumber(e.n)} rows, ${formatNumber(e.positives)} positive · threshold ${f(e.threshold)} (${e.thresholdRule}) · ${e.bootstrap.resamples} bootstrap resamples, seed ${e.bootstrap.seed}`, "");
    lines.push(textTable(["metric", "value", `${level}% CI`, "interval"], BINARY_METRICS.map((m) => {
        const x = e.metrics[m];
        return [
            m,
            f(x.value),
            ci(x.ci),
            x.status === "insufficient" ? `insufficient: ${x.reason}` : (x.method ?? ""),
        ];
    })));
    const c = e.confusion;
    lines.push("", `confusion: tp ${c.tp}  fp ${c.fp}  tn ${c.tn}  fn ${c.fn}`);
    const t = e.thresholds;
    lines.push("", `thresholds learned on ${t.learnedOn} (precision, recall, F1 on those rows):`, textTable(["rule", "threshold", "precision", "recall", "f1"], [t.maxF1, t.youden, t.cost, t.precisionAtRecall]
        .filter((x) => x !== null)
        .map((x) => [x.rule, f(x.threshold), f(x.precision), f(x.recall), f(x.f1)])));
    for (const [attribute, fr] of Object.entries(e.fairness)) {
        lines.push("", `fairness by ${attribute}: demographic parity difference ${f(fr.demographicParityDifference.value)} ${ci(fr.demographicParityDifference.ci)}, ratio ${f(fr.demographicParityRatio.value)}; equalized odds difference ${f(fr.equalizedOddsDifference.value)} ${ci(fr.equalizedOddsDifference.ci)}; equal opportunity difference ${f(fr.equalOpportunityDifference.value)}`, ...(fr.excludedGroups.length > 0
            ? [
                `  with every group, as Fairlearn computes it (${fr.excludedGroups.length} too small for the numbers above: ${fr.excludedGroups.join(", ")}): demographic parity difference ${f(fr.allGroups.demographicParityDifference)}, ratio ${f(fr.allGroups.demographicParityRatio)}; equalized odds difference ${f(fr.allGroups.equalizedOddsDifference)}; equal opportunity difference ${f(fr.allGroups.equalOpportunityDifference)}`,
            ]
            : []), textTable(["group", "count", "selection", "tpr", "fpr", "accuracy", "status"], Object.entries(fr.groups).map(([g, r]) => [
            g,
            String(r.count),
            f(r.selectionRate),
            f(r.tpr),
            f(r.fpr),
            f(r.accuracy),
            r.status === "ok"
                ? g === fr.aequitas.referenceGroup
                    ? "reference"
                    : ""
                : `insufficient: ${r.reason}`,
        ])));
    }
    if (e.slices.length > 0) {
        const head = e.sliceSearch?.method === "sliceline"
            ? `weakest slices (SliceLine, ${e.sliceSearch.examined} examined)`
            : "slices";
        const shown = [...e.slices]
            .sort((a, b) => (b.score ?? b.errorRate) - (a.score ?? a.errorRate))
            .slice(0, 20);
        lines.push("", `${head}:`, textTable(["slice", "rows", "error", "rest", "accuracy CI", "adj. p"], shown.map((s) => [
            s.slice,
            String(s.count),
            f(s.errorRate),
            f(s.restErrorRate),
            ci(s.accuracy.ci),
            formatPValue(s.pValueAdjusted),
        ])));
        if (e.slices.length > shown.length)
            lines.push(`… ${e.slices.length - shown.length} more in --json`);
    }
    if (e.slices.length === 0 && e.sliceSearch?.method === "sliceline")
        lines.push("", `SliceLine examined ${e.sliceSearch.examined} slices (α ${e.sliceSearch.alpha}, min support ${e.sliceSearch.minSupport}, up to ${e.sliceSearch.maxLevel} predicates): none scored above 0, i.e. no slice is both large and clearly worse than average`);
    if (e.baseline) {
        lines.push("", `baselines (${e.baseline.trainedOn}):`, textTable(["model", "rocAuc", `${level}% CI`, "prAuc", "logLoss", "accuracy"], e.baseline.baselines.map((b) => [
            b.name,
            f(b.metrics.rocAuc.value),
            ci(b.metrics.rocAuc.ci),
            f(b.metrics.prAuc.value),
            f(b.metrics.logLoss.value),
            f(b.metrics.accuracy.value),
        ])), `${e.baseline.finding}; ROC AUC difference ${f(e.baseline.rocAucDifference.value)} ${ci(e.baseline.rocAucDifference.ci)}`);
    }
    const used = [
        ...(e.columns.slices && e.sliceSearch?.method === "sliceline"
            ? [`slices search ${listed(e.columns.slices)}`]
            : []),
        ...(e.columns.baseline ? [`baselines use ${listed(e.columns.baseline)}`] : []),
    ];
    if (used.length > 0) {
        const left = e.columns.excluded.filter((x) => x.reason !== "the label" && x.reason !== "the evaluated score");
        lines.push("", `columns: ${used.join("; ")}${left.length > 0 ? `; left out: ${left.map((x) => `${x.column} (${x.reason})`).join(", ")}` : ""}`);
    }
    const notable = report.results.filter((r) => r.status !== "pass");
    lines.push("", `status: ${report.summary.status}${notable.length ? ` (${notable.length} finding${notable.length > 1 ? "s" : ""})` : ""}`);
    for (const r of notable.slice(0, 15))
        lines.push(`  ${r.status.padEnd(12)} ${r.message}`);
    return `${lines.join("\n")}\n`;
}
/** "a, b, c" — or the first eight and how many more. */
function listed(columns) {
    return columns.length <= 8
        ? columns.join(", ")
        : `${columns.slice(0, 8).join(", ")} and ${columns.length - 8} more`;
}
