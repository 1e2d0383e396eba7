import assert from "node:assert/strict";
import { test } from "node:test";
import { metricDeltaSpec } from "../../src/compat/chart-specs.js";
import { renderSvg } from "../../src/report/vega.js";

test("metric deltas: worse / better / unclear by the whole CI, with lower-is-better metrics flipped", async () => {
  const spec = metricDeltaSpec({
    accuracy: { old: 0.8, new: 0.75, delta: { value: -0.05, ci: [-0.07, -0.03] } },
    recall: { old: 0.4, new: 0.5, delta: { value: 0.1, ci: [0.05, 0.15] } },
    f1: { old: 0.5, new: 0.51, delta: { value: 0.01, ci: [-0.02, 0.04] } },
    logLoss: { old: 0.4, new: 0.45, delta: { value: 0.05, ci: [0.02, 0.08] } },
    ece: { old: 0.05, new: 0.02, delta: { value: -0.03, ci: [-0.04, -0.01] } },
    mcc: { old: null, new: null, delta: { value: null, ci: null } },
  }) as any;
  const change = Object.fromEntries(spec.data.values.map((v: any) => [v.id, v.change]));
  assert.deepEqual(change, {
    accuracy: "worse",
    recall: "better",
    f1: "unclear",
    logLoss: "worse",
    ece: "better",
  });
  const svg = await renderSvg(spec);
  assert.equal(
    (svg.match(/aria-roledescription="point"/g) ?? []).length,
    5,
    "a metric without a value is not drawn",
  );
  // named for people, and log loss in a panel of its own so its units do not squash the 0–1 metrics
  assert.deepEqual(
    spec.data.values.map((v: any) => v.metric),
    ["accuracy ↑", "recall (TPR) ↑", "F1 ↑", "log loss ↓", "ECE (calibration error) ↓"],
  );
  assert.equal(spec.vconcat.length, 2);
  assert.match(svg, /0–1 metrics[\s\S]*unbounded \(own units\)/);
});
