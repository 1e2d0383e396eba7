import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { AssayClient } from "../../src/monitor/client.js";
import { ROOT } from "../helpers/cli.js";
import { TOKENS, testServer } from "./helpers.js";
let s;
let url;
before(async () => {
    s = await testServer();
    await s.app.listen({ port: 0, host: "127.0.0.1" });
    url = `http://127.0.0.1:${s.app.server.address().port}`;
    await s.call("POST", "/v1/models", { name: "m", features: [{ name: "x", type: "number" }] });
});
after(() => s.close());
const count = async () => (await s.call("GET", "/v1/models/m/summary", undefined, "read")).json;
test("wrap: returns what predict returns, sync or async, and records in batches", async () => {
    const client = new AssayClient({
        url,
        model: "m",
        token: TOKENS.ingest,
        batchSize: 10,
        flushIntervalMs: 20,
    });
    const predict = client.wrap((x) => ({ p: x / 100 }), {
        features: (x) => ({ x }),
        score: (o) => o.p,
        prediction: (o) => (o.p >= 0.5 ? 1 : 0),
    });
    const predictAsync = client.wrap(async (x) => x / 100, {
        features: (x) => ({ x }),
        score: (o) => o,
    });
    for (let i = 0; i < 25; i++)
        assert.deepEqual(predict(i), { p: i / 100 });
    for (let i = 0; i < 5; i++)
        assert.equal(await predictAsync(i), i / 100);
    const failing = client.wrap(async (_) => {
        throw new Error("model down");
    }, { features: (x) => ({ x }) });
    await assert.rejects(failing(1), /model down/, "the caller's own error reaches the caller");
    await client.flush();
    assert.equal(client.stats.sent, 30);
    assert.equal((await count()).predictions, 30);
    const id = client.record({ features: { x: 1 }, score: 0.9 });
    client.label(id, 1);
    await client.close();
    const summary = await count();
    assert.equal(summary.predictions, 31);
    assert.equal(summary.labels, 1);
});
test("never throws: a dead server, a bad token, a throwing describe, a full buffer", async () => {
    const errors = [];
    const dead = new AssayClient({
        url: "http://127.0.0.1:9",
        model: "m",
        token: "x",
        retries: 1,
        baseDelayMs: 1,
        maxBuffer: 5,
        batchSize: 1000,
        flushIntervalMs: 60_000,
        onError: (e) => {
            errors.push(e);
            throw new Error("onError itself throws");
        },
    });
    const predict = dead.wrap((x) => x * 2, {
        features: () => {
            throw new Error("bad mapper");
        },
    });
    assert.equal(predict(2), 4);
    for (let i = 0; i < 8; i++)
        dead.record({ features: { x: i } });
    assert.equal(dead.stats.dropped, 3);
    await dead.close();
    assert.equal(dead.stats.failed, 5);
    assert.ok(errors.some((e) => /gave up on 5 predictions/.test(e.message)));
    assert.ok(errors.some((e) => /buffer full/.test(e.message)));
    const unauthorised = [];
    const bad = new AssayClient({ url, model: "m", token: "wrong", onError: (e) => unauthorised.push(e) });
    bad.record({ features: { x: 1 } });
    await bad.close();
    assert.equal(bad.stats.failed, 1);
    assert.match(unauthorised[0].message, /HTTP 401/);
});
test("retries with backoff: transient 503s are retried and nothing is lost or duplicated", async () => {
    let calls = 0;
    const flaky = async (input, init) => {
        calls++;
        if (calls % 3 !== 0)
            return new Response("busy", { status: 503 });
        return fetch(input, init);
    };
    const before = (await count()).predictions;
    const client = new AssayClient({
        url,
        model: "m",
        token: TOKENS.ingest,
        fetch: flaky,
        batchSize: 7,
        baseDelayMs: 1,
    });
    for (let i = 0; i < 20; i++)
        client.record({ id: `flaky-${i}`, features: { x: i } });
    await client.close();
    assert.equal(client.stats.sent, 20);
    assert.equal((await count()).predictions, before + 20);
});
test("flushes on exit: a script that records and ends without flushing loses nothing", async () => {
    const script = `
    import { AssayClient } from ${JSON.stringify(join(ROOT, "dist", "src", "monitor", "client.js"))};
    const c = new AssayClient({ url: ${JSON.stringify(url)}, model: "m", token: ${JSON.stringify(TOKENS.ingest)}, flushIntervalMs: 60000 });
    for (let i = 0; i < 250; i++) c.record({ id: "exit-" + i, features: { x: i } });
  `;
    const before = (await count()).predictions;
    // The child must reach the server, which lives in this process: run it asynchronously.
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: "inherit" });
    const code = await new Promise((r) => child.on("exit", r));
    assert.equal(code, 0);
    assert.equal((await count()).predictions, before + 250);
});
