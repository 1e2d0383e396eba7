import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { monitorOf, subjectOf } from "../../src/monitor/monitors/check.js";
import type { CheckResult } from "../../src/report/report.js";
import { fixture } from "../helpers/cli.js";
import { type TestServer, testServer } from "./helpers.js";

let s: TestServer;
before(async () => {
  s = await testServer({ bodyLimit: 64 * 1024 });
});
after(() => s.close());

const record = (id: string, t: string, x = 1) => ({
  id,
  timestamp: t,
  features: { x, c: "a" },
  prediction: 1,
  score: 0.7,
});

test("healthz is public; every other route needs a token with the right scope", async () => {
  assert.equal((await s.call("GET", "/healthz", undefined, null)).statusCode, 200);
  const missing = await s.call("GET", "/v1/models", undefined, null);
  assert.equal(missing.statusCode, 401);
  assert.match(missing.json.error, /missing bearer token/);
  const wrong = await s.call("GET", "/v1/models", undefined, null, { authorization: "Bearer nope" });
  assert.equal(wrong.statusCode, 401);
  assert.match(wrong.json.error, /invalid token/);
  const readOnIngest = await s.call(
    "POST",
    "/v1/models/m/predictions",
    [record("a", "2024-01-01T00:00:00Z")],
    "read",
  );
  assert.equal(readOnIngest.statusCode, 403);
  assert.match(readOnIngest.json.error, /ingest/);
  assert.equal((await s.call("POST", "/v1/models", { name: "m" }, "ingest")).statusCode, 403);
  assert.equal((await s.call("GET", "/metrics", undefined, null)).statusCode, 401);
  assert.equal((await s.call("GET", "/metrics", undefined, "read")).statusCode, 200);
});

test("models: created by admin, validated, unique; unknown models are 404", async () => {
  const created = await s.call("POST", "/v1/models", {
    name: "m",
    features: [
      { name: "x", type: "number" },
      { name: "c", type: "string" },
    ],
  });
  assert.equal(created.statusCode, 201);
  assert.equal(created.json.task, "binary");
  assert.equal((await s.call("POST", "/v1/models", { name: "m" })).statusCode, 409);
  const bad = await s.call("POST", "/v1/models", { name: "bad name!" });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json.error, /name/);
  const extra = await s.call("POST", "/v1/models", { name: "z", colour: "red" });
  assert.equal(extra.statusCode, 400);
  assert.match(extra.json.error, /additional properties/);
  const unknown = await s.call(
    "POST",
    "/v1/models/nope/predictions",
    [record("a", "2024-01-01T00:00:00Z")],
    "ingest",
  );
  assert.equal(unknown.statusCode, 404);
  assert.match(unknown.json.error, /unknown model 'nope'/);
  assert.equal((await s.call("GET", "/v1/models/nope/summary", undefined, "read")).statusCode, 404);
});

test("ingest: JSON arrays and NDJSON, idempotent by id, summary counts and time range", async () => {
  const first = await s.call(
    "POST",
    "/v1/models/m/predictions",
    [record("p1", "2024-01-01T00:00:00Z"), record("p2", "2024-01-01T00:05:00Z")],
    "ingest",
  );
  assert.equal(first.statusCode, 200);
  assert.deepEqual(first.json, { accepted: 2, duplicates: 0 });
  const ndjson = [record("p2", "2024-01-01T00:05:00Z"), record("p3", "2024-01-01T01:00:00Z")]
    .map((r) => JSON.stringify(r))
    .join("\n");
  const second = await s.call("POST", "/v1/models/m/predictions", `${ndjson}\n`, "ingest");
  assert.equal(second.statusCode, 200);
  assert.deepEqual(second.json, { accepted: 1, duplicates: 1 });
  const labels = await s.call(
    "POST",
    "/v1/models/m/labels",
    [{ id: "p1", label: 1, timestamp: "2024-01-02T00:00:00Z" }],
    "ingest",
  );
  assert.deepEqual(labels.json, { accepted: 1, duplicates: 0 });
  const summary = await s.call("GET", "/v1/models/m/summary", undefined, "read");
  assert.equal(summary.statusCode, 200);
  assert.equal(summary.json.predictions, 3);
  assert.equal(summary.json.labels, 1);
  assert.deepEqual(summary.json.timeRange, {
    from: "2024-01-01T00:00:00.000Z",
    to: "2024-01-01T01:00:00.000Z",
  });
  const metrics = await s.call("GET", "/metrics", undefined, "read");
  assert.match(metrics.body, /assay_predictions_total\{model="m"\} 3/);
  assert.match(metrics.body, /assay_labels_total\{model="m"\} 1/);
});

test("bad requests get a 4xx with a clear message and the server stays up", async () => {
  const cases: [unknown, RegExp][] = [
    [[{ id: "x", timestamp: "yesterday", features: {} }], /record 0: "timestamp"/],
    [[{ timestamp: "2024-01-01T00:00:00Z", features: {} }], /record 0: "id"/],
    [[{ id: "x", timestamp: 1, features: [1, 2] }], /"features" must be an object/],
    [[{ id: "x", timestamp: 1, features: { a: { deep: 1 } } }], /feature "a"/],
    [[{ id: "x", timestamp: 1, features: {}, score: "high" }], /"score" must be a finite number/],
    [[], /no records/],
    [[5], /record 0: must be a JSON object/],
  ];
  for (const [body, pattern] of cases) {
    const res = await s.call("POST", "/v1/models/m/predictions", body, "ingest");
    assert.equal(res.statusCode, 400, JSON.stringify(body));
    assert.match(res.json.error, pattern);
  }
  const malformed = await s.call("POST", "/v1/models/m/predictions", '[{"id": "x",', "ingest", {
    "content-type": "application/json",
  });
  assert.equal(malformed.statusCode, 400);
  assert.match(malformed.json.error, /JSON/);
  const badLine = await s.call(
    "POST",
    "/v1/models/m/predictions",
    '{"id":"a","timestamp":1}\n{oops',
    "ingest",
  );
  assert.equal(badLine.statusCode, 400);
  assert.match(badLine.json.error, /line 2/);
  const huge = await s.call(
    "POST",
    "/v1/models/m/predictions",
    Array.from({ length: 2000 }, (_, i) => record(`h${i}`, "2024-01-01T00:00:00Z")),
    "ingest",
  );
  assert.equal(huge.statusCode, 413);
  assert.match(huge.json.error, /larger than the limit/);
  const badLabel = await s.call("POST", "/v1/models/m/labels", [{ id: "p1", timestamp: 1 }], "ingest");
  assert.equal(badLabel.statusCode, 400);
  assert.match(badLabel.json.error, /"label"/);
  assert.equal((await s.call("GET", "/healthz", undefined, null)).statusCode, 200);
  assert.equal((await s.call("GET", "/v1/models/m/summary", undefined, "read")).json.predictions, 3);
});

test("schema violations are counted, not dropped", async () => {
  await s.call("POST", "/v1/models", { name: "q", features: [{ name: "x", type: "number" }] });
  const rows = [
    { id: "1", timestamp: 0, features: { x: 1 } },
    { id: "2", timestamp: 0, features: { x: "oops" } },
    { id: "3", timestamp: 0, features: { x: null, extra: 5 } },
  ];
  assert.deepEqual((await s.call("POST", "/v1/models/q/predictions", rows, "ingest")).json, {
    accepted: 3,
    duplicates: 0,
  });
  const res = await s.call("GET", "/v1/models/q/monitors?from=0&to=60000", undefined, "read");
  assert.equal(res.statusCode, 200);
  const find = (m: string, subject: string | null) =>
    res.json.monitors.find((r: CheckResult) => monitorOf(r) === m && subjectOf(r) === subject);
  assert.equal(find("prediction_count", null).value, 3);
  assert.equal(find("type_error_rate", "x").value, 1 / 3);
  assert.equal(find("missing_rate", "x").value, 2 / 3);
  assert.equal(find("unknown_feature_rate", null).value, 1 / 3);
  const samples = await s.call("GET", "/v1/models/q/samples", undefined, "read");
  assert.equal(samples.json.samples.length, 3);
  const bad = await s.call("GET", "/v1/models/q/monitors?window=forever", undefined, "read");
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json.error, /window must be/);
});

test("/samples does not wait for a backlog: it says how many rows are not sampled yet", async () => {
  const t = await testServer({ service: { foldBatch: 4 } });
  try {
    await t.call("POST", "/v1/models", { name: "bl", features: [{ name: "x", type: "number" }] });
    const rows = Array.from({ length: 10 }, (_, i) => ({ id: `r${i}`, timestamp: i, features: { x: i } }));
    await t.call("POST", "/v1/models/bl/predictions", rows, "ingest");
    const waiting = (await t.call("GET", "/v1/models/bl/samples", undefined, "read")).json;
    assert.deepEqual(waiting.unfolded, { pending: 10 });
    assert.equal(waiting.samples.length, 0);
    await t.service.fold("bl");
    const folded = (await t.call("GET", "/v1/models/bl/samples", undefined, "read")).json;
    assert.deepEqual(folded.unfolded, { pending: 0 });
    assert.equal(folded.samples.length, 10);
  } finally {
    await t.close();
  }
});

test("a busy bucket's parts are merged back into one; the window still counts every row", async () => {
  const t = await testServer({ service: { foldBatch: 7, maxParts: 3 } });
  try {
    await t.call("POST", "/v1/models", { name: "busy", features: [{ name: "x", type: "number" }] });
    for (let k = 0; k < 10; k++) {
      const rows = Array.from({ length: 10 }, (_, i) => ({
        id: `${k}-${i}`,
        timestamp: 1000 + k * 10 + i,
        features: { x: i },
      }));
      await t.call("POST", "/v1/models/busy/predictions", rows, "ingest");
      await t.service.fold("busy");
    }
    const parts = await t.store.bucketParts("busy", 0, 60_000);
    assert.ok(parts.length <= 4, `${parts.length} parts`);
    const window = await t.call("GET", "/v1/models/busy/window?from=0&to=60000", undefined, "read");
    assert.equal(window.json.summary.rows, 100);
    const x = window.json.summary.profile.columns.find((c: { name: string }) => c.name === "x");
    assert.equal(x.count, 100);
    assert.equal(x.mean, 4.5);
  } finally {
    await t.close();
  }
});

test("references: a profile or a server-side file; anything else is a 400 naming what is expected", async () => {
  const missing = await s.call("PUT", "/v1/models/m/reference?version=v1", {
    path: "/nonexistent/train.csv",
  });
  assert.equal(missing.statusCode, 400);
  assert.match(
    missing.json.error,
    /profiling a file on the server is off: start assay serve with --reference-dir/,
  );
  const junk = await s.call("PUT", "/v1/models/m/reference", { rows: 3 });
  assert.equal(junk.statusCode, 400);
  assert.match(junk.json.error, /assay\.profile/);
  assert.equal((await s.call("PUT", "/v1/models/m/reference", { rows: 3 }, "ingest")).statusCode, 403);
  assert.equal((await s.call("PUT", "/v1/models/nope/reference", { rows: 3 })).statusCode, 404);
});

test("a reference made by `assay profile --out` uploads as is", async () => {
  const { mkdtempSync, writeFileSync, readFileSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const { runCli } = await import("../helpers/cli.js");
  const dir = mkdtempSync(join(tmpdir(), "assay-ref-"));
  try {
    const csv = join(dir, "train.csv");
    writeFileSync(
      csv,
      `x,c,score\n${Array.from({ length: 50 }, (_, i) => `${i},${i % 2 ? "a" : "b"},${i / 50}`).join("\n")}\n`,
    );
    const out = join(dir, "train.profile.json");
    const r = runCli(["profile", csv, "--out", out]);
    assert.equal(r.code === 0 || r.code === 1, true, r.stderr);
    await s.call("POST", "/v1/models", { name: "profiled" });
    const put = await s.call(
      "PUT",
      "/v1/models/profiled/reference?version=v1",
      JSON.parse(readFileSync(out, "utf8")),
    );
    assert.equal(put.statusCode, 200, put.body);
    assert.equal(put.json.rows, 50);
    // The model had no declared features: they come from the reference, without its score column.
    assert.deepEqual(put.json.features, [
      { name: "x", type: "number" },
      { name: "c", type: "string" },
    ]);
    const stored = (await s.store.getReference("profiled", "v1")) as Record<string, unknown>;
    assert.equal(stored.kind, undefined, "the report envelope is not stored");
    const old = await s.call("PUT", "/v1/models/profiled/reference", {
      format: "assay.profile",
      version: 0,
      rows: 1,
      columns: [],
    });
    assert.equal(old.statusCode, 400);
    assert.match(old.json.error, /version 0 is not supported/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("windows: whole hours and edge buckets come from a cache of merges that notices new parts", async () => {
  const t = await testServer();
  try {
    await t.call("POST", "/v1/models", { name: "long", features: [{ name: "x", type: "number" }] });
    const H = 3_600_000;
    const send = async (tag: string, hours: number[], perHour: number, x: number) => {
      const rows = hours.flatMap((h) =>
        Array.from({ length: perHour }, (_, i) => ({
          id: `${tag}-${h}-${i}`,
          timestamp: h * H + i * 60_000,
          features: { x },
        })),
      );
      await t.call("POST", "/v1/models/long/predictions", rows, "ingest");
    };
    await send("a", [0, 1, 2, 3, 4, 5], 30, 1);
    await t.service.fold("long");
    let reads = 0;
    const original = t.store.bucketParts.bind(t.store);
    t.store.bucketParts = async (...args) => {
      // window reads ask for a bucket's or an hour's parts; consolidation (in the background) for one bucket's
      if (args[2] - args[1] > 1) reads++;
      return original(...args);
    };
    const window = async () =>
      (await t.call("GET", `/v1/models/long/window?from=${H / 2}&to=${5.5 * H}`, undefined, "read")).json
        .summary;
    const first = await window();
    assert.equal(first.rows, 150); // hours 1–4 (120) and hour 5 (30); hour 0's rows fall before 0:30
    assert.equal(reads, 4 + 30, "hours 1–4 whole, and hour 5's 30 buckets at the edge");
    const readsFirst = reads;
    const again = await window();
    assert.equal(again.rows, 150);
    assert.equal(reads - readsFirst, 0, "unchanged hours and edge buckets are not read again");
    await send("b", [2], 10, 3);
    assert.equal((await window()).rows, 160, "the new rows, not yet folded, come from the fold queue");
    await t.service.fold("long");
    const readsBefore = reads;
    const changed = await window();
    assert.equal(reads - readsBefore, 1, "only the hour that got new parts is read again");
    assert.equal(changed.rows, 160);
    const x = changed.profile.columns.find((c: { name: string }) => c.name === "x");
    assert.equal(x.count, 160);
    assert.ok(Math.abs(x.mean - (150 * 1 + 10 * 3) / 160) < 1e-12);
  } finally {
    await t.close();
  }
});

test("retention is measured on the robust data clock (the 2nd newest time here): old rows, labels and buckets go", async () => {
  const t = await testServer({ service: { retentionMs: 3_600_000 } });
  try {
    await t.call("POST", "/v1/models", { name: "r", features: [{ name: "x", type: "number" }] });
    const rows = [0, 1, 2, 3].map((h) => ({ id: `h${h}`, timestamp: h * 3_600_000 + 5, features: { x: h } }));
    await t.call("POST", "/v1/models/r/predictions", rows, "ingest");
    await t.call("POST", "/v1/models/r/labels", [{ id: "h0", label: 1, timestamp: 10 }], "ingest");
    await t.service.fold("r");
    assert.ok((await t.service.applyRetention("r")) > 0);
    const summary = (await t.call("GET", "/v1/models/r/summary", undefined, "read")).json;
    assert.equal(summary.predictions, 3, "hours 1 to 3 are within an hour of the second newest timestamp");
    assert.equal(summary.labels, 0);
    assert.equal((await t.store.bucketParts("r", 0, 3 * 3_600_000)).length, 2);
  } finally {
    await t.close();
  }
});

test("an unknown record field is a 400 that names it (an adult row with 'scor'), and nothing is stored", async () => {
  const [header, first] = readFileSync(fixture("adult", "adult_test.csv"), "utf8").split("\n");
  const names = header.split(",");
  const values = first.split(",");
  const features = Object.fromEntries(names.slice(0, -1).map((n, i) => [n, values[i]]));
  const before = (await s.call("GET", "/v1/models/m/summary", undefined, "read")).json.predictions;
  const typo = await s.call(
    "POST",
    "/v1/models/m/predictions",
    [{ id: "adult-0", timestamp: "2024-01-02T00:00:00Z", features, prediction: 0, scor: 0.3 }],
    "ingest",
  );
  assert.equal(typo.statusCode, 400);
  assert.match(typo.json.error, /record 0: unknown field "scor" \(did you mean "score"\?\)/);
  // a feature sent at the top level is named too, and told where it belongs
  const flat = await s.call(
    "POST",
    "/v1/models/m/predictions",
    [{ id: "adult-0", timestamp: "2024-01-02T00:00:00Z", age: Number(values[0]) }],
    "ingest",
  );
  assert.equal(flat.statusCode, 400);
  assert.match(flat.json.error, /unknown field "age".*features go inside "features"/);
  const label = await s.call(
    "POST",
    "/v1/models/m/labels",
    [{ id: "adult-0", timestamp: "2024-01-02T00:00:00Z", label: values.at(-1), lable: 1 }],
    "ingest",
  );
  assert.equal(label.statusCode, 400);
  assert.match(label.json.error, /unknown field "lable" \(did you mean "label"\?\)/);
  const wrapped = await s.call(
    "POST",
    "/v1/models/m/predictions",
    { records: [{ id: "adult-0", timestamp: "2024-01-02T00:00:00Z", features }], model: "m" },
    "ingest",
  );
  assert.equal(wrapped.statusCode, 400);
  assert.match(wrapped.json.error, /unknown field "model" beside "records"/);
  assert.equal((await s.call("GET", "/v1/models/m/summary", undefined, "read")).json.predictions, before);
});
