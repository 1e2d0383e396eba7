import assert from "node:assert/strict";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { type TestServer, testServer } from "./helpers.js";

/** A webhook receiver that fails the first `failures` deliveries with 503. */
function receiver(failures: number) {
  const received: { body: any; at: number }[] = [];
  let attempts = 0;
  const server = createServer((req: IncomingMessage, res) => {
    let text = "";
    req.on("data", (c) => (text += c));
    req.on("end", () => {
      attempts++;
      if (attempts <= failures) {
        res.statusCode = 503;
        res.end();
        return;
      }
      received.push({ body: JSON.parse(text), at: Date.now() });
      res.end("ok");
    });
  });
  return {
    received,
    attempts: () => attempts,
    async listen(): Promise<string> {
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

let s: TestServer;
const hook = receiver(2);
const MIN = 60_000;
const T0 = Date.parse("2024-03-01T00:00:00Z");

before(async () => {
  s = await testServer();
  const url = await hook.listen();
  await s.call("POST", "/v1/models", { name: "m", features: [{ name: "x", type: "number" }] });
  const rules = `
webhooks:
  - url: ${url}
    retries: 4
rules:
  - name: volume
    monitor: prediction_count
    window: 5m
    condition: "> 100"
    for: 2m
    severity: critical
    labels: { team: ml }
  - name: too-few
    monitor: prediction_count
    window: 5m
    condition: "< 1"
`;
  const put = await s.call("PUT", "/v1/alerts/rules", rules, "admin", { "content-type": "text/plain" });
  assert.equal(put.statusCode, 200, put.body);
});
after(async () => {
  await s.close();
  await hook.close();
});

/** n predictions spread over the minute starting at t. */
async function ingest(t: number, n: number, tag: string) {
  const rows = Array.from({ length: n }, (_, i) => ({
    id: `${tag}-${i}`,
    timestamp: t + i,
    features: { x: i },
  }));
  assert.equal((await s.call("POST", "/v1/models/m/predictions", rows, "ingest")).statusCode, 200);
}

const evaluate = async (t: number) => (await s.call("POST", "/v1/alerts/evaluate", { at: t })).json;
const volumeState = async () =>
  ((await s.call("GET", "/v1/alerts", undefined, "read")).json.alerts as any[]).find(
    (a) => a.rule === "volume",
  )?.state ?? "inactive";

test("lifecycle: pending → firing after `for` → resolved; one alert per series; webhooks retried", async () => {
  await ingest(T0, 150, "a");
  await evaluate(T0 + MIN);
  assert.equal(await volumeState(), "pending");
  await evaluate(T0 + 2 * MIN); // held 1 minute: still pending
  assert.equal(await volumeState(), "pending");
  await evaluate(T0 + 3 * MIN); // held 2 minutes: fires
  assert.equal(await volumeState(), "firing");
  await evaluate(T0 + 4 * MIN); // still true: de-duplicated, no new notification
  const firing = (await s.call("GET", "/v1/alerts", undefined, "read")).json.alerts.filter(
    (a: any) => a.rule === "volume",
  );
  assert.equal(firing.length, 1);
  assert.equal(firing[0].labels.team, "ml");
  assert.equal(firing[0].severity, "critical");
  const metrics = await s.call("GET", "/metrics", undefined, "read");
  assert.match(metrics.body, /assay_alerts_firing\{model="m",severity="critical"\} 1/);
  await evaluate(T0 + 10 * MIN); // the 150 rows left the 5-minute window
  assert.equal(await volumeState(), "inactive");
  await s.alerts.drain();
  // Two 503s then success: the first delivery needed three attempts; firing then resolved, once each.
  assert.deepEqual(
    hook.received.filter((r) => r.body.alert.rule === "volume").map((r) => r.body.status),
    ["firing", "resolved"],
  );
  // The receiver's two 503s were retried (deliveries run concurrently, so which one met them varies).
  const log = s.alerts.deliveryLog;
  assert.ok(log.every((d) => d.ok));
  assert.equal(
    log.reduce((n, d) => n + d.attempts - 1, 0),
    2,
  );
  assert.equal(
    hook.attempts(),
    log.reduce((n, d) => n + d.attempts, 0),
  );
  const history = (await s.call("GET", "/v1/alerts/history?model=m", undefined, "read")).json.events.filter(
    (e: any) => e.rule === "volume",
  );
  assert.deepEqual(history.map((e: any) => e.state).reverse(), ["pending", "firing", "resolved"]);
});

test("a pending alert that stops holding goes inactive without a notification", async () => {
  const volumeNotes = () => hook.received.filter((r) => r.body.alert.rule === "volume").length;
  const before = volumeNotes();
  await ingest(T0 + 20 * MIN, 150, "b");
  await evaluate(T0 + 21 * MIN);
  assert.equal(await volumeState(), "pending");
  await evaluate(T0 + 30 * MIN);
  assert.equal(await volumeState(), "inactive");
  await s.alerts.drain();
  assert.equal(volumeNotes(), before);
});

test("silences suppress notifications of matching alerts but not their state", async () => {
  const sil = await s.call("POST", "/v1/silences", {
    matchers: { team: "ml" },
    duration: "1h",
    comment: "deploy",
  });
  assert.equal(sil.statusCode, 201);
  const volumeNotes = () => hook.received.filter((r) => r.body.alert.rule === "volume").length;
  const before = volumeNotes();
  await ingest(T0 + 40 * MIN, 150, "c");
  await evaluate(T0 + 41 * MIN);
  await evaluate(T0 + 44 * MIN);
  const alert = (await s.call("GET", "/v1/alerts", undefined, "read")).json.alerts.find(
    (a: any) => a.rule === "volume",
  );
  assert.equal(alert.state, "firing");
  assert.equal(alert.silenced, true);
  await s.alerts.drain();
  assert.equal(volumeNotes(), before);
  // The other rule (no team label) was not silenced: it resolved when data arrived and said so.
  assert.ok(hook.received.some((r) => r.body.alert.rule === "too-few" && r.body.status === "resolved"));
  assert.equal((await s.call("DELETE", `/v1/silences/${sil.json.id}`)).statusCode, 204);
  assert.equal((await s.call("DELETE", `/v1/silences/${sil.json.id}`)).statusCode, 404);
  const bad = await s.call("POST", "/v1/silences", { matchers: { team: "ml" } });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json.error, /endsAt or duration/);
});

test("bad rules are refused with the rule and field named", async () => {
  const res = await s.call(
    "PUT",
    "/v1/alerts/rules",
    "rules:\n  - name: x\n    monitor: m\n    for: soon\n",
    "admin",
    {
      "content-type": "text/plain",
    },
  );
  assert.equal(res.statusCode, 400);
  assert.match(res.json.error, /rule 1 \(x\): 'for' must be a duration/);
  assert.equal((await s.call("PUT", "/v1/alerts/rules", { rules: [] }, "read")).statusCode, 403);
});

test("learned thresholds: mean ± kσ over clean history", async () => {
  const t = await testServer();
  try {
    await t.call("POST", "/v1/models", { name: "m", features: [{ name: "x", type: "number" }] });
    // Clean history: 20 five-minute windows with 95–105 predictions each, then a window with 180.
    const base = Date.parse("2024-05-01T00:00:00Z");
    let id = 0;
    for (let w = 0; w < 21; w++) {
      const n = w < 20 ? 95 + ((w * 7) % 11) : 180;
      const rows = Array.from({ length: n }, (_, i) => ({
        id: String(id++),
        timestamp: base + w * 5 * MIN + i * 1000,
        features: { x: i },
      }));
      await t.call("POST", "/v1/models/m/predictions", rows, "ingest");
    }
    // `assay serve` folds in the background; here by hand (a read takes only the queue's oldest rows)
    await t.service.fold("m");
    const rules = {
      rules: [
        {
          name: "volume-learned",
          monitor: "prediction_count",
          window: "5m",
          condition: { learned: { k: 3, from: base, to: base + 100 * MIN } },
        },
      ],
    };
    assert.equal((await t.call("PUT", "/v1/alerts/rules", rules)).statusCode, 200);
    const quiet = await t.call("POST", "/v1/alerts/evaluate", { at: base + 50 * MIN });
    assert.equal(quiet.json.alerts.length, 0, "a clean window inside the band stays quiet");
    const loud = await t.call("POST", "/v1/alerts/evaluate", { at: base + 105 * MIN });
    assert.equal(loud.json.alerts.length, 1);
    assert.equal(loud.json.alerts[0].state, "firing");
    assert.equal(loud.json.alerts[0].value, 180);
  } finally {
    await t.close();
  }
});

test("webhook delivery: 4xx is not retried, unreachable receivers are retried then given up, never throws", async () => {
  const { deliver } = await import("../../src/monitor/webhook.js");
  const rejecting = createServer((_req, res) => {
    res.statusCode = 400;
    res.end();
  });
  await new Promise<void>((r) => rejecting.listen(0, "127.0.0.1", r));
  const port = (rejecting.address() as AddressInfo).port;
  const policy = { baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 1000 };
  const refused = await deliver(
    { url: `http://127.0.0.1:${port}/`, headers: {}, retries: 3 },
    { a: 1 },
    policy,
  );
  assert.deepEqual([refused.ok, refused.attempts, refused.status], [false, 1, 400]);
  await new Promise<void>((r) => rejecting.close(() => r()));
  const gone = await deliver({ url: `http://127.0.0.1:${port}/`, headers: {}, retries: 2 }, { a: 1 }, policy);
  assert.deepEqual([gone.ok, gone.attempts, gone.status], [false, 3, null]);
});

test("'for: 0m' is accepted as its message says (0 in any unit fires at once); negative or unitless words are not", async () => {
  const { loadAlertRules } = await import("../../src/monitor/alert-rules.js");
  for (const zero of ["0", "0m", "0s", "0h", "0ms"]) {
    const rules = loadAlertRules(
      `rules:\n  - name: now\n    monitor: prediction_count\n    condition: "> 1"\n    for: ${zero}\n`,
    );
    assert.equal(rules.rules[0].forMs, 0, zero);
  }
  assert.equal(
    loadAlertRules(
      `rules:\n  - name: soon\n    monitor: prediction_count\n    condition: "> 1"\n    for: 90s\n`,
    ).rules[0].forMs,
    90_000,
  );
  for (const bad of ["-5m", "soon", "5 minutes"])
    assert.throws(
      () =>
        loadAlertRules(
          `rules:\n  - name: x\n    monitor: prediction_count\n    condition: "> 1"\n    for: ${bad}\n`,
        ),
      /'for' must be a duration like 0, 0m, 10m, 1h/,
      bad,
    );
  const res = await s.call(
    "PUT",
    "/v1/alerts/rules",
    "rules:\n  - name: immediate\n    monitor: prediction_count\n    window: 5m\n    condition: '> 100000'\n    for: 0m\n",
    "admin",
    { "content-type": "text/plain" },
  );
  assert.equal(res.statusCode, 200, res.body);
});
