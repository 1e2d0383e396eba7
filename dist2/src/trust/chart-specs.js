/** Coverage of each bar with its interval, and the promised 1 − α as a dashed rule. */
export function coverageSpec(title, bars, promised) {
    const values = bars.filter((b) => b.coverage !== null);
    return {
        title,
        width: 340,
        height: Math.max(80, 22 * values.length),
        layer: [
            {
                data: { values },
                mark: { type: "rule", strokeWidth: 2 },
                encoding: {
                    y: { field: "label", type: "nominal", sort: null, title: null },
                    x: { field: "lo", type: "quantitative", title: "coverage", scale: { zero: false } },
                    x2: { field: "hi" },
                },
            },
            {
                data: { values },
                mark: { type: "point", filled: true, size: 50 },
                encoding: {
                    y: { field: "label", type: "nominal", sort: null },
                    x: { field: "coverage", type: "quantitative" },
                    tooltip: [
                        { field: "label", type: "nominal" },
                        { field: "coverage", type: "quantitative", format: ".3f" },
                        { field: "n", type: "quantitative", title: "rows" },
                    ],
                },
            },
            {
                data: { values: [{ promised }] },
                mark: { type: "rule", strokeDash: [4, 4], color: "#b91c1c" },
                encoding: { x: { field: "promised", type: "quantitative" } },
            },
        ],
    };
}
export function setSizeSpec(sizes) {
    return {
        title: "Prediction set sizes",
        width: 300,
        height: 200,
        data: { values: sizes },
        mark: { type: "bar" },
        encoding: {
            x: { field: "size", type: "ordinal", title: "classes in the set" },
            y: { field: "count", type: "quantitative", title: "evaluation rows" },
            tooltip: [
                { field: "size", type: "ordinal" },
                { field: "count", type: "quantitative" },
            ],
        },
    };
}
/** One line per ranking: the risk among accepted rows as coverage grows. */
export function riskCoverageSpec(curves, riskTitle, target) {
    const layers = [
        {
            data: { values: curves },
            mark: { type: "line", interpolate: "step-after" },
            encoding: {
                x: {
                    field: "coverage",
                    type: "quantitative",
                    title: "share of rows accepted",
                    scale: { domain: [0, 1] },
                },
                y: { field: "risk", type: "quantitative", title: riskTitle },
                color: { field: "ranking", type: "nominal", title: "ranked by" },
            },
        },
    ];
    if (target !== null)
        layers.push({
            data: { values: [{ target }] },
            mark: { type: "rule", strokeDash: [4, 4], color: "#6b7280" },
            encoding: { y: { field: "target", type: "quantitative" } },
        });
    return { title: "Risk–coverage", width: 340, height: 240, layer: layers };
}
/** Histogram of conformal p-values: flat for rows like the reference, piled up near 0 under a shift. */
export function pValueSpec(pValues, targetFpr) {
    const bins = 20;
    const counts = new Array(bins).fill(0);
    for (let i = 0; i < pValues.length; i++)
        counts[Math.min(bins - 1, Math.floor(pValues[i] * bins))]++;
    return {
        title: "OOD p-values (flat when the rows are like the reference)",
        width: 340,
        height: 200,
        layer: [
            {
                data: { values: counts.map((count, b) => ({ lo: b / bins, hi: (b + 1) / bins, count })) },
                mark: { type: "bar" },
                encoding: {
                    x: { field: "lo", type: "quantitative", bin: { binned: true, step: 1 / bins }, title: "p-value" },
                    x2: { field: "hi" },
                    y: { field: "count", type: "quantitative", title: "rows" },
                },
            },
            {
                data: { values: [{ flat: pValues.length / bins }] },
                mark: { type: "rule", strokeDash: [4, 4], color: "#6b7280" },
                encoding: { y: { field: "flat", type: "quantitative" } },
            },
            {
                data: { values: [{ targetFpr }] },
                mark: { type: "rule", color: "#b91c1c" },
                encoding: { x: { field: "targetFpr", type: "quantitative" } },
            },
        ],
    };
}
