import assert from "node:assert/strict";
import { test } from "node:test";
import { parseAlertRules } from "../../../src/monitor/alert-rules.js";
import { referenceFacts, summarize } from "../../../src/monitor/bucket-summary.js";
import { monitorOf, subjectOf } from "../../../src/monitor/monitors/check.js";
import type { MonitorInputs } from "../../../src/monitor/monitors/inputs.js";
import { MONITOR_IDS, MONITORS, runMonitors } from "../../../src/monitor/monitors/registry.js";
import type { LabeledPrediction, ModelSpec, PredictionRecord } from "../../../src/monitor/records.js";
import { ProfileBuilder } from "../../../src/profile/build.js";
import type { CheckResult } from "../../../src/report/report.js";
import { batchFromRows, type ColumnInfo } from "../../../src/table/types.js";

const spec: ModelSpec = {
  name: "m",
  task: "binary",
  positiveLabel: "1",
  threshold: 0.5,
  features: [
    { name: "x", type: "number" },
    { name: "c", type: "string" },
  ],
  trainedAt: "2024-01-01T00:00:00Z",
  createdAt: "2024-01-01T00:00:00Z",
  description: "",
  actionLimits: { maxPositiveRate: 0.3 },
};

/** A window of 400 predictions against a reference of 2,000 rows: every monitor has something to read. */
function inputs(): MonitorInputs {
  const columns: ColumnInfo[] = [
    { name: "x", type: "float", sourceType: "DOUBLE" },
    { name: "c", type: "string", sourceType: "VARCHAR" },
    { name: "score", type: "float", sourceType: "DOUBLE" },
  ];
  const builder = new ProfileBuilder(columns);
  builder.add(
    batchFromRows(
      columns,
      Array.from({ length: 2000 }, (_, i) => ({ x: i % 100, c: i % 3 ? "a" : "b", score: (i % 10) / 10 })),
    ),
  );
  const reference = builder.finish({ name: "ref", digest: "" });
  // Half the window scores 0.9: the positive rate (0.5) is above the action limit 0.3.
  const records: PredictionRecord[] = Array.from({ length: 400 }, (_, i) => ({
    id: String(i),
    timestamp: i,
    version: "v1",
    features: { x: i % 100, c: i % 3 ? "a" : "b" },
    prediction: null,
    score: i % 2 ? 0.9 : 0.1,
  }));
  // Every label is 0: mean(score − label) = 0.5, far from 0.
  const labeled: LabeledPrediction[] = records.map((r) => ({
    id: r.id,
    timestamp: r.timestamp,
    score: r.score,
    prediction: null,
    label: "0",
    version: "v1",
  }));
  return {
    spec,
    window: { from: 0, to: 400 },
    summary: summarize(spec, records, referenceFacts(reference)),
    reference,
    referenceVersion: "v1",
    labeled,
    calibrationLabeled: [],
    now: Date.parse("2024-01-11T00:00:00Z"),
  };
}

test("the registry: ids are unique and every monitor reports only its own ids, in registry order", () => {
  const ids = MONITORS.flatMap((m) => m.ids);
  assert.equal(new Set(ids).size, ids.length, "no id is claimed twice");
  const input = inputs();
  let at = 0;
  for (const monitor of MONITORS) {
    const results = monitor.run(input);
    for (const r of results) assert.ok(monitor.ids.includes(monitorOf(r)), `${r.check} from ${monitor.ids}`);
    at += results.length;
  }
  const all = runMonitors(input);
  assert.equal(all.length, at);
  assert.deepEqual(
    [...new Set(all.map(monitorOf))],
    ids.filter((id) => all.some((r) => monitorOf(r) === id)),
    "results come in registry order",
  );
  // A binary model with features, scores, labels, a reference and trainedAt gets every monitor but the
  // trust ones, which need an uploaded trust bundle (test/monitor/trust.test.ts).
  const untrusted = new Set([...MONITOR_IDS].filter((id) => !id.startsWith("trust_")));
  assert.equal(untrusted.size, MONITOR_IDS.size - 4);
  assert.deepEqual(new Set(all.map(monitorOf)), untrusted);
});

test("monitor results are check results: monitor.<id>, a subject object, report statuses, no NaN", () => {
  const statuses = new Set(["pass", "warn", "fail", "error", "insufficient"]);
  for (const r of runMonitors(inputs()) as CheckResult[]) {
    assert.match(r.check, /^monitor\.[a-z_]+$/);
    assert.ok(statuses.has(r.status), `${r.check}: ${r.status}`);
    assert.ok(r.value === null || Number.isFinite(r.value), `${r.check}: ${r.value}`);
    assert.equal(typeof r.n, "number", r.check);
    assert.ok(r.message.length > 0, r.check);
    assert.ok(!("pValue" in r) || Number.isFinite(r.pValue), `${r.check}: pValue ${r.pValue}`);
    if (r.subject) assert.equal(Object.keys(r.subject).length, 1, r.check);
  }
  const find = (id: string, subject: string | null = null) =>
    runMonitors(inputs()).find((r) => monitorOf(r) === id && subjectOf(r) === subject)!;
  assert.deepEqual(find("missing_rate", "x").subject, { column: "x" });
  assert.deepEqual(find("performance", "accuracy").subject, { metric: "accuracy" });
  assert.equal(find("prediction_count").subject, undefined);
});

test("monitors with a bound fail past it: action limits, prediction bias; bound-free readings pass", () => {
  const results = runMonitors(inputs());
  const find = (id: string, subject: string | null = null) =>
    results.find((r) => monitorOf(r) === id && subjectOf(r) === subject)!;
  const positive = find("positive_rate");
  assert.equal(positive.value, 0.5);
  assert.equal(positive.status, "fail");
  assert.equal(positive.threshold, 0.3);
  assert.ok(positive.ci && positive.ci[0] < 0.5 && positive.ci[1] > 0.5);
  const bias = find("prediction_bias");
  assert.ok(Math.abs((bias.value ?? 0) - 0.5) < 1e-12);
  assert.equal(bias.status, "fail", bias.message);
  assert.equal(find("model_age_days").value, 10);
  assert.equal(find("model_age_days").status, "pass");
  assert.equal(find("missing_rate", "x").status, "pass");
  // Within the limit the same monitor passes.
  const relaxed = inputs();
  relaxed.spec = { ...spec, actionLimits: { minPositiveRate: 0.1, maxPositiveRate: 0.6 } };
  const within = runMonitors(relaxed).find((r) => monitorOf(r) === "positive_rate")!;
  assert.equal(within.status, "pass");
});

test("alert rules name registered monitors; a misspelt one is refused with the rule named", () => {
  assert.equal(parseAlertRules({ rules: [{ name: "a", monitor: "feature_drift" }] }).rules.length, 1);
  assert.throws(
    () => parseAlertRules({ rules: [{ name: "a", monitor: "feature_drfit" }] }),
    /rule 1 \(a\): unknown monitor 'feature_drfit'/,
  );
});
