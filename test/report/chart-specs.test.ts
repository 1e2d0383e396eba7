import assert from "node:assert/strict";
import { test } from "node:test";
import {
  CHART_CONFIG,
  distributionSpec,
  drawsAsCategories,
  isSpiky,
  timelineSpec,
  volumeSpec,
  withChartConfig,
} from "../../src/report/chart-specs.js";
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
  const spec = timelineSpec(points, { yTitle: "PSI", threshold: 0.2, format: ".2f" }) as any;
  assert.equal(spec.data.values.length, 4, "the window without a value is not drawn as zero");
  assert.equal(
    spec.layer.length,
    4,
    "line, points, flagged rings, threshold rule (no CI band without intervals)",
  );
  const svg = await renderSvg(spec);
  const count = (role: string) => (svg.match(new RegExp(`aria-roledescription="${role}"`, "g")) ?? []).length;
  assert.equal(count("line mark"), 2, "two series");
  assert.equal(count("point"), 4 + 1, "a point per value and one ring for the flagged window");
  assert.match(svg, /aria-roledescription="rule mark"/);
  assert.match(svg, />PSI</);
  assert.match(svg, />0\.20</, "axis labels use the given format");
});

test("timeline with intervals and kinds: CI band and dashed kind", () => {
  const spec = timelineSpec(
    [
      {
        time: "2001-02-04T00:00:00.000Z",
        series: "accuracy",
        value: 0.7,
        lo: 0.66,
        hi: 0.74,
        kind: "realized",
      },
      { time: "2001-02-04T00:00:00.000Z", series: "accuracy", value: 0.71, kind: "estimated" },
    ],
    { yTitle: "metric" },
  ) as any;
  assert.equal(spec.layer[0].mark.type, "area");
  assert.equal(spec.layer[1].encoding.strokeDash.field, "kind");
});

test("volume: predictions and labels per window, bars from zero", async () => {
  const spec = volumeSpec([
    { time: "2001-02-04T00:00:00.000Z", to: "2001-02-11T00:00:00.000Z", predictions: 450, labeled: 300 },
    { time: "2001-02-11T00:00:00.000Z", to: "2001-02-18T00:00:00.000Z", predictions: 460, labeled: 0 },
  ]) as any;
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
  }) as any;
  assert.deepEqual(numbers.data.values, [
    { lo: 0, hi: 500, count: 3, share: 0.75, side: "current" },
    { lo: 500, hi: 1000, count: 1, share: 0.25, side: "current" },
  ]);
  assert.equal(numbers.layer[0].mark.type, "rect");
  const text = distributionSpec({ name: "origin", type: "string", top: [{ value: "SFO", count: 9 }] }) as any;
  assert.deepEqual(text.data.values, [{ value: "SFO", count: 9, share: 1, side: "current" }]);
  assert.equal(distributionSpec({ name: "x", type: "float", histogram: null, top: [] }), null);
});

test("a 0/1 or few-valued whole-number column is drawn as categories, in numeric order, not as a histogram", () => {
  const senior = {
    name: "SeniorCitizen",
    type: "integer",
    histogram: { edges: [0, 0.5, 1], counts: [1646, 354] },
    top: [
      { value: 0, count: 1646 },
      { value: 1, count: 354 },
    ],
    distinct: 2,
    distinctExact: true,
    count: 2000,
  };
  assert.equal(drawsAsCategories(senior), true);
  const spec = distributionSpec(senior) as any;
  assert.equal(spec.layer[0].mark.type, "bar");
  assert.deepEqual(spec.layer[0].encoding.y.sort, ["0", "1"]);
  assert.deepEqual(
    spec.data.values.map((v: any) => [v.value, v.share]),
    [
      ["0", 0.823],
      ["1", 0.177],
    ],
  );
  // 13 distinct values, or fractions, stay a histogram
  assert.equal(drawsAsCategories({ ...senior, distinct: 13 }), false);
  assert.equal(
    drawsAsCategories({ ...senior, type: "float", top: [{ value: 0.5, count: 2 }], distinct: 1 }),
    false,
  );
});

test("spiky counts get a symlog axis that says so; even counts keep a linear one", async () => {
  assert.equal(isSpiky([1470, 3, 2, 4, 1, 2]), true);
  assert.equal(isSpiky([100, 120, 90, 110]), false);
  const spec = distributionSpec({
    name: "tickets",
    type: "integer",
    histogram: { edges: [0, 10, 20, 30, 40, 50, 60], counts: [1470, 3, 2, 4, 1, 2] },
    top: [],
  }) as any;
  assert.equal(spec.layer[0].encoding.y.scale.type, "symlog");
  assert.match(spec.layer[0].encoding.y.title, /log scale/);
  const svg = await renderSvg(spec);
  assert.match(svg, /<title>[^<]*rows: 1,470/, "each bar carries its tooltip as an SVG title");
});

test("a reference overlay compares shares, not counts", () => {
  const current = {
    name: "c",
    type: "string",
    top: [
      { value: "a", count: 30 },
      { value: "b", count: 10 },
    ],
  };
  const reference = {
    name: "c",
    type: "string",
    top: [
      { value: "a", count: 50 },
      { value: "b", count: 50 },
    ],
  };
  const spec = distributionSpec(current, { reference }) as any;
  assert.equal(spec.layer.length, 2);
  assert.equal(spec.layer[0].encoding.x.field, "share");
  const ref = spec.data.values.filter((v: any) => v.side === "reference");
  assert.deepEqual(
    ref.map((v: any) => v.share),
    [0.5, 0.5],
  );
});

test("the shared config sits under a spec's own config", () => {
  const spec = withChartConfig({ mark: "point", config: { background: "black" } } as any) as any;
  assert.equal(spec.config.background, "black");
  assert.deepEqual(spec.config.range, CHART_CONFIG.range);
});
