import { formatFixed as f } from "../report/format.js";
export function rocSpec(e) {
    return {
        title: `ROC curve (AUC ${f(e.metrics.rocAuc.value)})`,
        width: 300,
        height: 260,
        layer: [
            {
                data: {
                    values: [
                        { x: 0, y: 0 },
                        { x: 1, y: 1 },
                    ],
                },
                mark: { type: "line", strokeDash: [4, 4], color: "#9ca3af" },
                encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" } },
            },
            {
                data: { values: e.curves.roc },
                mark: { type: "line", interpolate: "step-after" },
                encoding: {
                    x: { field: "fpr", type: "quantitative", title: "false positive rate", scale: { domain: [0, 1] } },
                    y: { field: "tpr", type: "quantitative", title: "true positive rate", scale: { domain: [0, 1] } },
                },
            },
        ],
    };
}
export function prSpec(e) {
    return {
        title: `Precision–recall (AP ${f(e.metrics.prAuc.value)})`,
        width: 300,
        height: 260,
        layer: [
            {
                data: { values: [{ y: e.positives / e.n }] },
                mark: { type: "rule", strokeDash: [4, 4], color: "#9ca3af" },
                encoding: { y: { field: "y", type: "quantitative" } },
            },
            {
                data: { values: e.curves.pr },
                mark: { type: "line", interpolate: "step-before" },
                encoding: {
                    x: { field: "recall", type: "quantitative", scale: { domain: [0, 1] } },
                    y: { field: "precision", type: "quantitative", scale: { domain: [0, 1] } },
                },
            },
        ],
    };
}
export function calibrationSpec(e) {
    const bins = e.calibration.bins.filter((b) => b.count > 0);
    return {
        title: `Calibration (ECE ${f(e.metrics.ece.value)})`,
        width: 300,
        height: 260,
        layer: [
            {
                data: {
                    values: [
                        { x: 0, y: 0 },
                        { x: 1, y: 1 },
                    ],
                },
                mark: { type: "line", strokeDash: [4, 4], color: "#9ca3af" },
                encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" } },
            },
            {
                data: { values: bins },
                mark: { type: "line", point: true },
                encoding: {
                    x: {
                        field: "meanScore",
                        type: "quantitative",
                        title: "mean predicted probability",
                        scale: { domain: [0, 1] },
                    },
                    y: {
                        field: "meanLabel",
                        type: "quantitative",
                        title: "observed positive rate",
                        scale: { domain: [0, 1] },
                    },
                    tooltip: [{ field: "count", type: "quantitative" }],
                },
            },
        ],
    };
}
export function fairnessSpec(e, attribute) {
    const fr = e.fairness[attribute];
    const values = Object.entries(fr.groups).flatMap(([group, g]) => ["selectionRate", "tpr", "fpr"].map((metric) => ({
        group,
        metric,
        value: g[metric],
        lo: g.ci?.[metric]?.[0] ?? null,
        hi: g.ci?.[metric]?.[1] ?? null,
    })));
    return {
        title: `Rates by ${attribute}`,
        data: { values },
        facet: { column: { field: "metric", type: "nominal", title: null } },
        spec: {
            width: 180,
            height: Math.max(80, 22 * Object.keys(fr.groups).length),
            layer: [
                {
                    mark: "bar",
                    encoding: {
                        y: { field: "group", type: "nominal", title: null },
                        x: { field: "value", type: "quantitative", title: null },
                        color: { field: "metric", type: "nominal", legend: null },
                    },
                },
                {
                    mark: { type: "rule", color: "#111827" },
                    encoding: {
                        y: { field: "group", type: "nominal" },
                        x: { field: "lo", type: "quantitative" },
                        x2: { field: "hi" },
                    },
                },
            ],
        },
    };
}
