import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { AssayClient } from "../../src/monitor/client.js";
import { monitorOf } from "../../src/monitor/monitors/check.js";
import type { CheckResult } from "../../src/report/report.js";
import type { Batch } from "../../src/table/types.js";
import {
  makeTrustBundle,
  parseTrustBundle,
  scoreWithBundle,
  serializeTrustBundle,
} from "../../src/trust/bundle.js";
import { runConformal } from "../../src/trust/conformal.js";
import { fitOod } from "../../src/trust/ood.js";
import { oraclePredictions } from "../evaluate/oracle.js";
import { fixtureTable, rowsOf } from "../trust/oracle.js";
import { type TestServer, TOKENS, testServer } from "./helpers.js";

/**
 * Trust in production: a trust bundle made from adult v1's calibration rows is uploaded; in-distribution
 * traffic (held-out adult rows with v1's scores) and then out-of-distribution traffic (the same rows
 * aged by 60 years, working 3× the hours, in an unseen workclass) are ingested an hour apart. The OOD
 * monitor must fail on the second hour only; coverage once labels arrive must hold 1 − α.
 */
const FEATURES = [
  "age",
  "workclass",
  "education-num",
  "marital-status",
  "sex",
  "capital-gain",
  "hours-per-week",
];
const HOUR = 3_600_000;
const start = Math.floor((Date.now() - 6 * HOUR) / HOUR) * HOUR;

let s: TestServer;
let url: string;
let bundleJson: unknown;
let evaluation: Batch;
let scores: ArrayLike<number>;
let labels: ArrayLike<number>;

function record(batch: Batch, i: number): Record<string, unknown> {
  return Object.fromEntries(
    batch.columns
      .filter((c) => FEATURES.includes(c.name))
      .map((c) => [c.name, c.valid[i] ? c.values[i] : null]),
  );
}

before(async () => {
  const p = oraclePredictions();
  const table = await fixtureTable("adult", "adult_test.csv");
  const cal = rowsOf(table, 0, 8140);
  evaluation = rowsOf(table, 8140, 9140);
  scores = p.v1.slice(8140, 9140);
  labels = p.label.slice(8140, 9140);
  const result = runConformal(
    {
      task: "classification",
      calibration: {
        output: { kind: "binary", scores: p.v1.slice(0, 8140) },
        labels: Uint32Array.from(p.label.slice(0, 8140)),
      },
      evaluation: {
        output: { kind: "binary", scores: Float64Array.from(scores) },
        labels: Uint32Array.from(labels),
      },
    },
    { alpha: 0.1, method: "lac" },
  );
  const fitted = fitOod(cal, FEATURES, { seed: 3, knnReference: 500 });
  bundleJson = JSON.parse(
    serializeTrustBundle(
      makeTrustBundle({
        model: { name: "adult-v1", kind: "onnx", digest: null, features: FEATURES, task: "binary" },
        result,
        classes: ["<=50K", ">50K"],
        scale: null,
        calibrationDigest: null,
        ood: { targetFpr: 0.01, detector: fitted.detector },
        createdAt: "2026-01-01T00:00:00.000Z",
      }),
    ),
  );
  s = await testServer();
  await s.app.listen({ port: 0, host: "127.0.0.1" });
  url = `http://127.0.0.1:${(s.app.server.address() as { port: number }).port}`;
  const features = FEATURES.map((name) => ({
    name,
    type: ["workclass", "marital-status", "sex"].includes(name) ? "string" : "number",
  }));
  assert.equal(
    (await s.call("POST", "/v1/models", { name: "adult", positiveLabel: ">50K", features })).statusCode,
    201,
  );
});
after(() => s.close());

async function monitorsAt(from: number): Promise<Map<string, CheckResult>> {
  const res = await s.call(
    "GET",
    `/v1/models/adult/monitors?from=${new Date(from).toISOString()}&to=${new Date(from + HOUR).toISOString()}`,
    undefined,
    "read",
  );
  assert.equal(res.statusCode, 200, res.body);
  return new Map((res.json.monitors as CheckResult[]).map((m) => [monitorOf(m), m]));
}

test("a bad bundle is refused with 400 naming the problem; reads need the bundle to exist", async () => {
  const missing = await s.call("GET", "/v1/models/adult/trust", undefined, "read");
  assert.equal(missing.statusCode, 404);
  assert.match(missing.json.error, /no trust bundle/);
  const bad = await s.call("PUT", "/v1/models/adult/trust", { format: "assay.profile" }, "admin");
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json.error, /format is 'assay.profile'/);
  const ingestToken = await s.call("PUT", "/v1/models/adult/trust", bundleJson, "ingest");
  assert.equal(ingestToken.statusCode, 403);
  const regression = {
    ...(bundleJson as object),
    model: { ...(bundleJson as any).model, task: "regression" },
  };
  assert.equal((await s.call("PUT", "/v1/models/adult/trust", regression, "admin")).statusCode, 400);
});

test("the OOD monitor fires on out-of-distribution traffic only; coverage holds once labels arrive", async () => {
  const put = await s.call("PUT", "/v1/models/adult/trust?version=v1", bundleJson, "admin");
  assert.equal(put.statusCode, 200, put.body);
  assert.equal(put.json.ood.targetFpr, 0.01);
  const inDist = [];
  const shifted = [];
  for (let i = 0; i < evaluation.length; i++) {
    const features = record(evaluation, i);
    const t = (h: number) => new Date(start + h * HOUR + i * 1000).toISOString();
    inDist.push({ id: `in-${i}`, timestamp: t(0), version: "v1", features, score: scores[i] });
    const far = {
      ...features,
      age: Number(features.age) + 60,
      "hours-per-week": Number(features["hours-per-week"]) * 3,
      workclass: "Interstellar",
    };
    shifted.push({ id: `out-${i}`, timestamp: t(1), version: "v1", features: far, score: scores[i] });
  }
  for (const batch of [inDist, shifted]) {
    const res = await s.call("POST", "/v1/models/adult/predictions", batch, "ingest");
    assert.equal(res.statusCode, 200, res.body);
  }
  const labelled = Array.from(labels, (y, i) => ({
    id: `in-${i}`,
    label: y === 1 ? ">50K" : "<=50K",
    timestamp: new Date(start + 2 * HOUR).toISOString(),
  }));
  const labelRes = await s.call("POST", "/v1/models/adult/labels", labelled, "ingest");
  assert.equal(labelRes.statusCode, 200, labelRes.body);
  // `assay serve` folds in the background; here the queue is folded by hand (a read takes only its oldest rows)
  await s.service.fold("adult");

  const first = await monitorsAt(start);
  const ood1 = first.get("trust_ood_share")!;
  assert.equal(ood1.status, "pass", ood1.message);
  assert.equal(ood1.n, 1000);
  assert.ok(ood1.value! < 0.03, `held-out adult rows flagged at ${ood1.value}`);
  const ambiguous = first.get("trust_ambiguous_share")!;
  assert.equal(ambiguous.n, 1000);
  assert.ok(ambiguous.value! > 0 && ambiguous.value! < 0.6, ambiguous.message);
  const coverage = first.get("trust_coverage")!;
  assert.equal(coverage.n, 1000);
  assert.notEqual(coverage.status, "fail", coverage.message);
  assert.ok(coverage.ci![1] >= 0.9, coverage.message);

  // the same sets the CLI and the client compute, row by row
  const bundle = parseTrustBundle(bundleJson);
  let multi = 0;
  for (let i = 0; i < evaluation.length; i++)
    if ((scoreWithBundle(bundle, record(evaluation, i), scores[i]).set as string[]).length > 1) multi++;
  assert.equal(ambiguous.value, multi / 1000);

  const second = await monitorsAt(start + HOUR);
  const ood2 = second.get("trust_ood_share")!;
  assert.equal(ood2.status, "fail", ood2.message);
  assert.ok(ood2.value! > 0.9, ood2.message);
  assert.equal(second.get("trust_coverage")!.status, "insufficient");

  const metrics = await s.call("GET", "/metrics", undefined, "read");
  assert.match(metrics.body, /trust_ood_share/);
});

test("client.trust scores a row locally, with the bundle given or loaded from the server", async () => {
  const given = new AssayClient({
    url,
    model: "adult",
    token: TOKENS.read,
    trust: bundleJson,
    flushOnExit: false,
  });
  const loaded = new AssayClient({ url, model: "adult", token: TOKENS.read, flushOnExit: false });
  assert.throws(() => loaded.trust(record(evaluation, 0), scores[0]), /no trust bundle/);
  await loaded.loadTrust("v1");
  const bundle = parseTrustBundle(bundleJson);
  for (const i of [0, 1, 2, 3]) {
    const expected = scoreWithBundle(bundle, record(evaluation, i), scores[i]);
    assert.deepEqual(given.trust(record(evaluation, i), scores[i]), expected);
    assert.deepEqual(loaded.trust(record(evaluation, i), scores[i]), expected);
  }
  const far = given.trust({ ...record(evaluation, 0), age: 150, workclass: "Interstellar" }, scores[0]);
  assert.equal(far.abstain, true);
  assert.ok(far.reasons.some((r) => /out of distribution/.test(r)));
  assert.throws(
    () => new AssayClient({ url, model: "adult", token: "x", trust: { format: "nope" } }),
    /format/,
  );
  await assert.rejects(
    new AssayClient({ url, model: "nope", token: TOKENS.read, flushOnExit: false }).loadTrust(),
    /404/,
  );
  await given.close();
  await loaded.close();
});
