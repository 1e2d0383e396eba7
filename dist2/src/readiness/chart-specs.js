const PASS = "#15803d";
const WARN = "#b45309";
const MUTED = "#9ca3af";
/** Each component's certified level as a bar on the 0–9 ladder, with a tick where reviewers approved. */
export function levelSpec(components, options = {}) {
    const values = components.map((c) => ({
        component: c.id,
        certified: c.certifiedLevel,
        approved: c.approvedLevel,
        working: c.workingLevel,
    }));
    const y = { field: "component", type: "nominal", title: null, sort: null };
    const x = (field, title) => ({
        field,
        type: "quantitative",
        scale: { domain: [0, 9] },
        axis: { tickCount: 10, format: "d" },
        ...(title ? { title } : {}),
    });
    return {
        title: "MLTRL level by component (bar: certified, tick: approved)",
        width: options.width ?? 420,
        height: Math.max(40, 28 * values.length),
        data: { values },
        layer: [
            { mark: { type: "bar", color: "#e5e7eb" }, encoding: { y, x: x("working", "level") } },
            {
                mark: { type: "bar", color: PASS },
                encoding: {
                    y,
                    x: x("certified"),
                    tooltip: [{ field: "component" }, { field: "certified" }, { field: "approved" }],
                },
            },
            { mark: { type: "tick", color: WARN, thickness: 3, size: 22 }, encoding: { y, x: x("approved") } },
        ],
    };
}
/** The four section sums out of 7, with the final score (the lowest) as a rule. */
export function mlTestScoreSpec(sections, score, options = {}) {
    const values = Object.entries(sections).map(([section, points]) => ({
        section,
        points,
        weakest: points === score,
    }));
    return {
        title: `ML Test Score ${score} (the weakest section)`,
        width: options.width ?? 420,
        height: 120,
        data: { values },
        layer: [
            {
                mark: { type: "bar" },
                encoding: {
                    y: { field: "section", type: "nominal", title: null, sort: null },
                    x: { field: "points", type: "quantitative", scale: { domain: [0, 7] }, title: "points (of 7)" },
                    color: {
                        field: "weakest",
                        type: "nominal",
                        scale: { domain: [true, false], range: [WARN, MUTED] },
                        legend: null,
                    },
                    tooltip: [{ field: "section" }, { field: "points" }],
                },
            },
            {
                data: { values: [{ score }] },
                mark: { type: "rule", color: "#111827", strokeDash: [4, 4] },
                encoding: { x: { field: "score", type: "quantitative" } },
            },
        ],
    };
}
