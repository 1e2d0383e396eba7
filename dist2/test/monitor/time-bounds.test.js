import assert from "node:assert/strict";
import { test } from "node:test";
import { freshStore, onSocket, STORE_KINDS, testServer } from "./helpers.js";
const NOW = Date.parse("2026-06-01T12:00:00Z");
const HOUR = 3_600_000;
const prediction = (id, timestamp) => ({
    id,
    timestamp,
    features: { x: 1 },
    score: 0.5,
});
for (const { kind, skip } of STORE_KINDS) {
    test(`${kind}: one far-future record is rejected and cannot make retention delete a model's history`, {
        skip,
    }, async () => {
        const s = await testServer({
            store: await freshStore(kind),
            service: { retentionMs: 24 * HOUR, clock: () => NOW },
        });
        const http = await onSocket(s);
        try {
            await http.call("POST", "/v1/models", { name: "m", features: [{ name: "x", type: "number" }] });
            const history = Array.from({ length: 1000 }, (_, i) => prediction(`p${i}`, NOW - HOUR + i * 1000));
            assert.equal((await http.call("POST", "/v1/models/m/predictions", history, "ingest")).statusCode, 200);
            const labels = history.map((p) => ({ id: p.id, label: 1, timestamp: p.timestamp }));
            assert.equal((await http.call("POST", "/v1/models/m/labels", labels, "ingest")).statusCode, 200);
            const future = await http.call("POST", "/v1/models/m/predictions", [prediction("ok", NOW), prediction("evil", "2100-01-01T00:00:00Z")], "ingest");
            assert.equal(future.statusCode, 400);
            assert.match(future.json.error, /record 1 \(id "evil"\): "timestamp" 2100-01-01T00:00:00.000Z is later than the server clock/);
            const futureLabel = await http.call("POST", "/v1/models/m/labels", [{ id: "p1", label: 0, timestamp: 1e16 }], "ingest");
            assert.equal(futureLabel.statusCode, 400);
            assert.match(futureLabel.json.error, /outside the range of dates/);
            const tooOld = await http.call("POST", "/v1/models/m/predictions", [prediction("old", -5)], "ingest");
            assert.equal(tooOld.statusCode, 400);
            assert.match(tooOld.json.error, /before the earliest accepted time 1970-01-01/);
            // Within the skew, records ahead of the server clock are accepted, but the retention clock is capped.
            const ahead = Array.from({ length: 20 }, (_, i) => prediction(`a${i}`, NOW + 20 * HOUR + i));
            assert.equal((await http.call("POST", "/v1/models/m/predictions", ahead, "ingest")).statusCode, 200);
            await s.service.fold("m");
            assert.equal(await s.service.retentionClock("m"), NOW);
            assert.equal(await s.service.applyRetention("m"), 0);
            const summary = (await http.call("GET", "/v1/models/m/summary", undefined, "read")).json;
            assert.equal(summary.predictions, 1020);
            assert.equal(summary.labels, 1000);
        }
        finally {
            await s.close();
        }
    });
    test(`${kind}: a replay keeps its own retention clock, which one record at the server clock cannot move`, {
        skip,
    }, async () => {
        const s = await testServer({
            store: await freshStore(kind),
            service: { retentionMs: HOUR, clock: () => NOW },
        });
        const http = await onSocket(s);
        try {
            await http.call("POST", "/v1/models", { name: "r", features: [{ name: "x", type: "number" }] });
            const replayEnd = Date.parse("2024-03-01T00:00:00Z");
            // 1,000 replayed predictions over the half hour before replayEnd, plus 200 two hours earlier.
            const replay = Array.from({ length: 1000 }, (_, i) => prediction(`r${i}`, replayEnd - 1_800_000 + i * 1800));
            const older = Array.from({ length: 200 }, (_, i) => prediction(`o${i}`, replayEnd - 2 * HOUR - i));
            await http.call("POST", "/v1/models/r/predictions", [...replay, ...older], "ingest");
            await http.call("POST", "/v1/models/r/predictions", [prediction("now", NOW)], "ingest");
            const clock = await s.service.retentionClock("r");
            assert.ok(clock !== null && clock < replayEnd, "one record at the server clock does not move the clock");
            assert.ok((await s.service.applyRetention("r")) > 0, "the part older than the replay's hour goes");
            assert.equal((await http.call("GET", "/v1/models/r/summary", undefined, "read")).json.predictions, 1001);
        }
        finally {
            await s.close();
        }
    });
    test(`${kind}: out-of-range times are 400 everywhere, and data stored before the bounds does not break reads`, {
        skip,
    }, async () => {
        const s = await testServer({ store: await freshStore(kind), service: { clock: () => NOW } });
        const http = await onSocket(s);
        try {
            await http.call("POST", "/v1/models", { name: "m", features: [{ name: "x", type: "number" }] });
            await http.call("POST", "/v1/models/m/predictions", [prediction("a", NOW - 1000)], "ingest");
            const beyond = await http.call("POST", "/v1/models/m/predictions", [prediction("b", 1e16)], "ingest");
            assert.equal(beyond.statusCode, 400);
            for (const q of [
                "end=1e20",
                "from=-1e20&to=0",
                "window=99999999w",
                "from=0&to=1e17",
                "window=1h&end=-9e15",
            ]) {
                for (const route of ["window", "monitors"]) {
                    const r = await http.call("GET", `/v1/models/m/${route}?${q}`, undefined, "read");
                    assert.equal(r.statusCode, 400, `${route}?${q}: ${r.body}`);
                    assert.match(r.json.error, /range of dates|window must be|ISO 8601/);
                }
            }
            for (const at of [1e16, "9999-01-01T00:00:00Z", NOW + 30 * 86_400_000]) {
                const r = await http.call("POST", "/v1/alerts/evaluate", { at });
                assert.equal(r.statusCode, 400, `at ${at}: ${r.body}`);
            }
            assert.equal((await http.call("POST", "/v1/alerts/evaluate", { at: NOW })).statusCode, 200);
            assert.equal((await http.call("GET", "/v1/alerts/history?since=1e20", undefined, "read")).statusCode, 400);
            const silence = await http.call("POST", "/v1/silences", {
                matchers: { model: "m" },
                duration: "99999999w",
            });
            assert.equal(silence.statusCode, 400);
            // A record stored before times were bounded (straight into the store) no longer breaks the model.
            await s.store.insertPredictions("m", [{ id: "z", timestamp: 1e16, version: null, features: { x: 1 }, prediction: null, score: null }], 60_000);
            const summary = await http.call("GET", "/v1/models/m/summary", undefined, "read");
            assert.equal(summary.statusCode, 200);
            assert.equal(summary.json.timeRange.to, null);
            for (const route of ["window", "monitors"])
                assert.equal((await http.call("GET", `/v1/models/m/${route}`, undefined, "read")).statusCode, 200, route);
            assert.equal((await http.call("GET", "/v1/alerts/history", undefined, "read")).statusCode, 200);
        }
        finally {
            await s.close();
        }
    });
}
