import assert from "node:assert/strict";
import { test } from "node:test";
import { CHART_CONFIG, distributionSpec, timelineSpec, volumeSpec, withChartConfig, } from "../../src/report/chart-specs.js";
import { renderSvg } from "../../src/report/vega.js";
/** The shared specs render in Node exactly as the dashboard draws them; what they show is checked in the SVG. */
const points = [
    { time: "2001-02-04T00:00:00.000Z", series: "weekday", value: 0.03, n: 450 },
    { time: "2001-02-11T00:00:00.000Z", series: "weekday", value: 0.31, n: 460, flagged: true },
    { time: "2001-02-18T00:00:00.000Z", series: "weekday", value: null, n: 0 },
    { time: "2001-02-04T00:00:00.000Z", series: "origin", value: 0.12, n: 450 },
    { time: "2001-02-11T00:00:00.000Z", series: "origin", value: 0.1, n: 460 },
];
test("timeline: one line per series, null values left out, flagged windows ringed, threshold drawn", async () => {
    const spec = timelineSpec(points, { yTitle: "PSI", threshold: 0.2, format: ".2f" });
    assert.equal(spec.data.values.length, 4, "the window without a value is not drawn as zero");
    assert.equal(spec.layer.length, 4, "line, points, flagged rings, threshold rule (no CI band without intervals)");
    const svg = await renderSvg(spec);
    const count = (role) => (svg.match(new RegExp(`aria-roledescription="${role}"`, "g")) ?? []).length;
    assert.equal(count("line mark"), 2, "two series");
    assert.equal(count("point"), 4 + 1, "a point per value and one ring for the flagged window");
    assert.match(svg, /aria-roledescription="rule mark"/);
    assert.match(svg, />PSI</);
    assert.match(svg, />0\.20</, "axis labels use the given format");
});
test("timeline with intervals and kinds: CI band and dashed kind", () => {
    const spec = timelineSpec([
        {
            time: "2001-02-04T00:00:00.000Z",
            series: "accuracy",
            value: 0.7,
            lo: 0.66,
            hi: 0.74,
            kind: "realized",
        },
        { time: "2001-02-04T00:00:00.000Z", series: "accuracy", value: 0.71, kind: "estimated" },
    ], { yTitle: "metric" });
    assert.equal(spec.layer[0].mark.type, "area");
    assert.equal(spec.layer[1].encoding.strokeDash.field, "kind");
});
test("volume: predictions and labels per window, bars from zero", async () => {
    const spec = volumeSpec([
        { time: "2001-02-04T00:00:00.000Z", to: "2001-02-11T00:00:00.000Z", predictions: 450, labeled: 300 },
        { time: "2001-02-11T00:00:00.000Z", to: "2001-02-18T00:00:00.000Z", predictions: 460, labeled: 0 },
    ]);
    assert.equal(spec.data.values.length, 4);
    const svg = await renderSvg(spec);
    assert.equal((svg.match(/aria-roledescription="rect mark"/g) ?? []).length, 4);
});
test("distribution: histogram for numbers, top values for text, nothing for an empty column", () => {
    const numbers = distributionSpec({
        name: "distance",
        type: "float",
        histogram: { edges: [0, 500, 1000], counts: [3, 1] },
        top: [],
    });
    assert.deepEqual(numbers.data.values, [
        { lo: 0, hi: 500, count: 3 },
        { lo: 500, hi: 1000, count: 1 },
    ]);
    const text = distributionSpec({ name: "origin", type: "string", top: [{ value: "SFO", count: 9 }] });
    assert.deepEqual(text.data.values, [{ value: "SFO", count: 9 }]);
    assert.equal(distributionSpec({ name: "x", type: "float", histogram: null, top: [] }), null);
});
test("the shared config sits under a spec's own config", () => {
    const spec = withChartConfig({ mark: "point", config: { background: "black" } });
    assert.equal(spec.config.background, "black");
    assert.deepEqual(spec.config.range, CHART_CONFIG.range);
});
