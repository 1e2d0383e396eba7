import assert from "node:assert/strict";
import { test } from "node:test";
import { monitorOf, subjectOf } from "../../src/monitor/monitors/check.js";
import type { CheckResult } from "../../src/report/report.js";
import { germanPurpose, multiclassOracle } from "../evaluate/multiclass-german.js";
import { close } from "../evaluate/oracle.js";
import { freshStore, STORE_KINDS, testServer } from "./helpers.js";

for (const { kind, skip } of STORE_KINDS)
  test(`a multiclass model in the service (${kind}): realized accuracy, macro F1 and per-class recall match scikit-learn`, {
    skip,
  }, async () => {
    const s = await testServer({ store: await freshStore(kind) });
    try {
      await multiclassWindow(s);
    } finally {
      await s.close();
    }
  });

async function multiclassWindow(s: Awaited<ReturnType<typeof testServer>>) {
  const created = await s.call("POST", "/v1/models", { name: "purpose", task: "multiclass" });
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(created.json.task, "multiclass");
  // the class v1 served for each of the 400 German credit rows, one minute apart, then the true purposes
  const data = germanPurpose();
  const k = data.classes.length;
  const served = Array.from(data.labels, (_, i) => {
    let best = 0;
    for (let c = 1; c < k; c++) if (data.v1[i * k + c] > data.v1[i * k + best]) best = c;
    return data.classes[best];
  });
  const predictions = served.map((p, i) => ({
    id: `r${i}`,
    timestamp: i * 60_000,
    features: {},
    prediction: p,
  }));
  const ingested = await s.call("POST", "/v1/models/purpose/predictions", predictions, "ingest");
  assert.deepEqual(ingested.json, { accepted: 400, duplicates: 0 });
  const labels = Array.from(data.labels, (y, i) => ({
    id: `r${i}`,
    label: data.classes[y],
    timestamp: i * 60_000 + 1,
  }));
  assert.equal((await s.call("POST", "/v1/models/purpose/labels", labels, "ingest")).statusCode, 200);

  const res = await s.call("GET", `/v1/models/purpose/monitors?from=0&to=${400 * 60_000}`, undefined, "read");
  assert.equal(res.statusCode, 200, res.body);
  const results: CheckResult[] = res.json.monitors;
  const reading = (metric: string) => {
    const r = results.find((x) => monitorOf(x) === "performance" && subjectOf(x) === metric);
    assert.ok(
      r,
      `performance/${metric} missing: ${results.map((x) => `${monitorOf(x)}/${subjectOf(x)}`).join(", ")}`,
    );
    return r;
  };
  const ref = multiclassOracle.v1;
  close(reading("accuracy").value as number, ref.accuracy, 1e-12, "accuracy");
  assert.ok(reading("accuracy").ci);
  close(reading("balanced_accuracy").value as number, ref.balancedAccuracy, 1e-12, "balanced accuracy");
  close(reading("macro_f1").value as number, ref.averages.macro.f1, 1e-12, "macro F1");
  close(reading("weighted_f1").value as number, ref.averages.weighted.f1, 1e-12, "weighted F1");
  close(
    reading("recall:A43").value as number,
    ref.perClass.recall[data.classes.indexOf("A43")],
    1e-12,
    "A43 recall",
  );
  // binary-only monitors stay silent for a multiclass model
  assert.ok(!results.some((x) => monitorOf(x) === "label_inversion"));
  assert.ok(!results.some((x) => monitorOf(x) === "estimated_performance"));
}
