/** Metrics where a smaller value is the better one. */
const LOWER_IS_BETTER = new Set(["logLoss", "brier", "ece", "mae", "rmse"]);
/** "worse" / "better" when the whole CI is on that side of zero, else "unclear". */
function direction(metric, lo, hi) {
    const sign = LOWER_IS_BETTER.has(metric) ? -1 : 1;
    const [a, b] = sign > 0 ? [lo, hi] : [-hi, -lo];
    return b < 0 ? "worse" : a > 0 ? "better" : "unclear";
}
export function metricDeltaSpec(metrics, options = {}) {
    const values = Object.entries(metrics)
        .filter(([, m]) => m.delta.value !== null && Number.isFinite(m.delta.value))
        .map(([metric, m]) => {
        const lo = m.delta.ci?.[0] ?? m.delta.value;
        const hi = m.delta.ci?.[1] ?? m.delta.value;
        return {
            metric,
            delta: m.delta.value,
            lo,
            hi,
            old: m.old,
            new: m.new,
            change: direction(metric, lo, hi),
        };
    });
    const y = { field: "metric", type: "nominal", title: null, sort: null };
    return {
        title: "new − old, 95% CI",
        width: options.width ?? 300,
        height: Math.max(60, 18 * values.length),
        data: { values },
        layer: [
            {
                data: { values: [{ zero: 0 }] },
                mark: { type: "rule", color: "#9ca3af", strokeDash: [4, 4] },
                encoding: { x: { field: "zero", type: "quantitative" } },
            },
            {
                mark: { type: "rule", strokeWidth: 2, color: "#9ca3af" },
                encoding: { y, x: { field: "lo", type: "quantitative", title: "difference" }, x2: { field: "hi" } },
            },
            {
                mark: { type: "point", filled: true, size: 50 },
                encoding: {
                    y,
                    x: { field: "delta", type: "quantitative" },
                    color: {
                        field: "change",
                        type: "nominal",
                        title: "new model",
                        scale: { domain: ["worse", "unclear", "better"], range: ["#b91c1c", "#6b7280", "#15803d"] },
                    },
                    tooltip: [
                        { field: "metric", type: "nominal" },
                        { field: "old", type: "quantitative", format: ".4f" },
                        { field: "new", type: "quantitative", format: ".4f" },
                        { field: "delta", type: "quantitative", format: ".4f" },
                        { field: "change", type: "nominal", title: "new model" },
                        { field: "lo", type: "quantitative", format: ".4f", title: "CI low" },
                        { field: "hi", type: "quantitative", format: ".4f", title: "CI high" },
                    ],
                },
            },
        ],
    };
}
