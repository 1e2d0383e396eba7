import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
// @ts-expect-error a plain .mjs fixture without types
import { predict as jsPredict } from "../../../../test/fixtures/evaluate/adult_v1_model.mjs";
import { ModelError, predictTable } from "../../../src/model/index.js";
import { checkDescriptor } from "../../../src/model/node/descriptor.js";
import { loadModel } from "../../../src/model/node/index.js";
import { oraclePredictions } from "../../evaluate/oracle.js";
import { fixture } from "../../helpers/cli.js";
import { adultTest } from "../helpers.js";
function maxDiff(a, b) {
    let worst = 0;
    for (let i = 0; i < a.length; i++)
        worst = Math.max(worst, Math.abs(a[i] - b[i]));
    return worst;
}
async function serve(handler) {
    let count = 0;
    const requests = [];
    const server = createServer((req, res) => {
        let text = "";
        req.on("data", (c) => (text += c));
        req.on("end", async () => {
            count++;
            const body = JSON.parse(text);
            requests.push(body.instances.length);
            const reply = await handler(body, count);
            if (typeof reply === "number") {
                res.statusCode = reply;
                res.end("server says no");
                return;
            }
            res.setHeader("content-type", "application/json");
            res.end(JSON.stringify(reply));
        });
    });
    await new Promise((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${server.address().port}/predict`;
    return { url, requests, close: () => new Promise((r) => server.close(() => r())) };
}
test("the module adapter runs a JS predict(rows) function", async () => {
    const model = await loadModel(fixture("evaluate", "adult_v1_model.mjs"));
    assert.equal(model.name, "adult-v1 (JS)");
    assert.equal(model.features?.length, 6);
    const { scores } = await predictTable(model, await adultTest());
    assert.ok(maxDiff(scores, oraclePredictions().v1) < 1e-12);
});
test("the HTTP adapter batches rows and reproduces the model's scores", async () => {
    const server = await serve(({ instances }) => ({ predictions: jsPredict(instances) }));
    try {
        const model = await loadModel(server.url, {
            features: ["age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week"],
            http: { batchSize: 1000 },
        });
        const { scores } = await predictTable(model, await adultTest());
        assert.ok(maxDiff(scores, oraclePredictions().v1) < 1e-12);
        assert.equal(server.requests.length, 17);
        assert.ok(server.requests.every((n) => n <= 1000));
    }
    finally {
        await server.close();
    }
});
test("a JSON descriptor can point at an HTTP endpoint with its own settings", async () => {
    const server = await serve(({ instances }) => ({ scores: jsPredict(instances) }));
    const dir = mkdtempSync(join(tmpdir(), "assay-model-"));
    const file = join(dir, "remote.json");
    writeFileSync(file, JSON.stringify({
        name: "remote-v1",
        url: server.url,
        features: ["age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week"],
        batchSize: 5000,
        timeoutMs: 2000,
        retries: 0,
        positiveClass: ">50K",
    }));
    try {
        const model = await loadModel(file);
        assert.equal(model.kind, "http");
        assert.equal(model.metadata.batchSize, 5000);
        const { scores } = await predictTable(model, await adultTest());
        assert.ok(maxDiff(scores, oraclePredictions().v1) < 1e-12);
        assert.ok(server.requests.every((n) => n <= 5000));
        assert.equal(server.requests.length, 4);
    }
    finally {
        await server.close();
    }
});
test("the HTTP adapter retries 5xx replies and accepts probability pairs", async () => {
    const server = await serve(({ instances }, count) => count <= 2 ? 503 : { predictions: instances.map(() => [0.25, 0.75]) });
    try {
        const model = await loadModel(server.url, { http: { retries: 2, backoffMs: 5 } });
        const table = await adultTest();
        const { scores } = await model.predict({ ...table, length: 3 });
        assert.deepEqual([...scores], [0.75, 0.75, 0.75]);
    }
    finally {
        await server.close();
    }
});
test("HTTP failures are clear errors: unreachable, timeout, 4xx, bad reply", async () => {
    const table = await adultTest();
    const three = { ...table, length: 3 };
    const dead = await serve(() => ({}));
    await dead.close();
    const unreachable = await loadModel(dead.url, { http: { retries: 1, backoffMs: 1 } });
    await assert.rejects(unreachable.predict(three), (e) => e instanceof ModelError && /unreachable \(ECONNREFUSED\) after 2 attempts/.test(e.message));
    const slow = await serve(() => new Promise((r) => setTimeout(() => r({ predictions: [0, 0, 0] }), 500)));
    const badRequest = await serve(() => 400);
    const wrongCount = await serve(() => ({ predictions: [0.5] }));
    const notAList = await serve(() => ({ result: "ok" }));
    try {
        await assert.rejects((await loadModel(slow.url, { http: { timeoutMs: 50, retries: 0 } })).predict(three), /no reply within 50 ms after 1 attempt/);
        await assert.rejects((await loadModel(badRequest.url)).predict(three), /HTTP 400 server says no/);
        await assert.rejects((await loadModel(wrongCount.url)).predict(three), /sent 3 rows, got 1 predictions/);
        await assert.rejects((await loadModel(notAList.url)).predict(three), /expected \{"predictions"/);
    }
    finally {
        await Promise.all([slow.close(), badRequest.close(), wrongCount.close(), notAList.close()]);
    }
});
test("score:COL reads a column of precomputed scores", async () => {
    const model = await loadModel("score:age");
    const { scores } = await model.predict(await adultTest());
    assert.equal(scores[0], 25);
    await assert.rejects(loadModel("score:"), /needs a column name/);
});
test("descriptors are checked key by key", () => {
    assert.throws(() => checkDescriptor({ path: "a.onnx", featurs: [] }, "m.yaml"), /unknown key 'featurs'/);
    assert.throws(() => checkDescriptor({ features: ["a"] }, "m.yaml"), /exactly one of 'path'/);
    assert.throws(() => checkDescriptor({ path: "a.onnx", features: "a,b" }, "m.yaml"), /list of column names/);
    assert.throws(() => checkDescriptor([1], "m.yaml"), /must be a mapping/);
    const d = checkDescriptor({ path: "a.onnx", features: ["x"], positiveClass: 1 }, "/tmp/models/m.yaml");
    assert.equal(d.path, "/tmp/models/a.onnx");
    assert.equal(d.positiveClass, "1");
});
test("module models: missing predict, a throwing predict and a wrong count are clear errors", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assay-module-"));
    const write = (name, body) => {
        const file = join(dir, name);
        writeFileSync(file, body);
        return file;
    };
    await assert.rejects(loadModel(write("none.mjs", "export const x = 1;\n")), /does not export a predict function/);
    const table = await adultTest();
    const three = { ...table, length: 3 };
    const throwing = await loadModel(write("throws.mjs", "export function predict() { throw new Error('boom'); }\n"));
    await assert.rejects(throwing.predict(three), /predict threw: boom/);
    const short = await loadModel(write("short.mjs", "export const predict = (rows) => rows.slice(1).map(() => 0.5);\n"));
    await assert.rejects(short.predict(three), /returned 2 scores for 3 rows/);
    const asyncModel = await loadModel(write("async.mjs", "export async function predict(rows) { return { scores: rows.map((r) => r.age / 100) }; }\n"));
    assert.deepEqual([...(await asyncModel.predict(three)).scores], [0.25, 0.38, 0.28]);
});
test("output tensors: [N], [N,1] and [N,2] (the positive column, or outputIndex)", async () => {
    const { scoresFromOutput } = await import("../../../src/model/features.js");
    assert.deepEqual([...scoresFromOutput(Float32Array.of(0.5, 0.25), [2], 2, undefined, "m")], [0.5, 0.25]);
    assert.deepEqual([...scoresFromOutput(Float32Array.of(0.5, 0.25), [2, 1], 2, undefined, "m")], [0.5, 0.25]);
    const pairs = Float32Array.of(0.75, 0.25, 0.5, 0.5);
    assert.deepEqual([...scoresFromOutput(pairs, [2, 2], 2, undefined, "m")], [0.25, 0.5]);
    assert.deepEqual([...scoresFromOutput(pairs, [2, 2], 2, 0, "m")], [0.75, 0.5]);
    assert.throws(() => scoresFromOutput(pairs, [2, 2], 2, 2, "m"), /output index 2 is outside/);
    assert.throws(() => scoresFromOutput(pairs, [4], 2, undefined, "m"), /expected 2 rows of output/);
});
