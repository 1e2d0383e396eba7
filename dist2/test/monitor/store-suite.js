import assert from "node:assert/strict";
import { test } from "node:test";
/** A model spec with defaults, for tests. */
export function modelSpec(name, extra = {}) {
    return {
        name,
        task: "binary",
        positiveLabel: "1",
        threshold: 0.5,
        features: [],
        trainedAt: null,
        createdAt: new Date(0).toISOString(),
        description: "",
        ...extra,
    };
}
export function prediction(id, timestamp, extra = {}) {
    return { id, timestamp, version: "v1", features: { x: 1, c: "a" }, prediction: 1, score: 0.75, ...extra };
}
/** The one store suite; each implementation runs it (SQLite always, PostgreSQL when configured). */
export function storeSuite(name, open, skip = false) {
    const t = (title, fn) => test(`${name}: ${title}`, { skip }, async () => {
        const store = await open();
        try {
            await fn(store);
        }
        finally {
            await store.dropSchema?.();
            await store.close();
        }
    });
    t("models are created once, read back and listed", async (store) => {
        assert.equal(await store.createModel(modelSpec("m1")), true);
        assert.equal(await store.createModel(modelSpec("m1", { description: "again" })), false);
        assert.equal((await store.getModel("m1"))?.description, "");
        assert.equal(await store.getModel("nope"), null);
        await store.createModel(modelSpec("m0"));
        assert.deepEqual((await store.listModels()).map((m) => m.name), ["m0", "m1"]);
        await store.updateModel(modelSpec("m1", { threshold: 0.3 }));
        assert.equal((await store.getModel("m1"))?.threshold, 0.3);
    });
    t("tokens are found by hash only", async (store) => {
        await store.addToken("abc123", "ci", ["ingest", "read"]);
        assert.deepEqual((await store.findToken("abc123"))?.scopes, ["ingest", "read"]);
        assert.equal(await store.findToken("abc124"), null);
    });
    t("references are stored per version and replaced", async (store) => {
        await store.createModel(modelSpec("m"));
        await store.putReference("m", "v1", { rows: 1 });
        await store.putReference("m", "v2", { rows: 2 });
        await store.putReference("m", "v1", { rows: 3 });
        assert.deepEqual(await store.getReference("m", "v1"), { rows: 3 });
        assert.equal(await store.getReference("m", "v9"), null);
        assert.deepEqual((await store.listReferenceVersions("m")).sort(), ["v1", "v2"]);
    });
    t("ingest is idempotent by id, also within one batch and across concurrent writes", async (store) => {
        await store.createModel(modelSpec("m"));
        const first = await store.insertPredictions("m", [prediction("a", 1000), prediction("b", 2000)], 60_000);
        assert.deepEqual(first, { accepted: 2, duplicates: 0 });
        const again = await store.insertPredictions("m", [prediction("a", 1000), prediction("c", 3000), prediction("c", 3000)], 60_000);
        assert.deepEqual(again, { accepted: 1, duplicates: 2 });
        const concurrent = await Promise.all([0, 1, 2, 3].map(() => store.insertPredictions("m", [prediction("d", 4000)], 60_000)));
        assert.equal(concurrent.reduce((n, r) => n + r.accepted, 0), 1);
        const counts = await store.counts("m");
        assert.equal(counts.predictions, 4);
        assert.equal(counts.firstTimestamp, 1000);
        assert.equal(counts.lastTimestamp, 4000);
        assert.deepEqual((await store.existingPredictionIds("m", ["a", "x", "d"])).sort(), ["a", "d"]);
        // Another model's ids are separate.
        assert.deepEqual(await store.insertPredictions("other", [prediction("a", 1)], 60_000), {
            accepted: 1,
            duplicates: 0,
        });
    });
    t("labels join predictions by id; scores and predictions round-trip", async (store) => {
        await store.insertPredictions("m", [
            prediction("a", 1000, { score: 0.9, prediction: "yes" }),
            prediction("b", 2000, { score: null, prediction: null }),
        ], 60_000);
        assert.deepEqual(await store.insertLabels("m", [{ id: "a", label: 1, timestamp: 5000 }]), {
            accepted: 1,
            duplicates: 0,
        });
        assert.deepEqual(await store.insertLabels("m", [{ id: "a", label: 0, timestamp: 6000 }]), {
            accepted: 0,
            duplicates: 1,
        });
        const rows = await store.labeled("m", 0, 10_000, 100);
        assert.equal(rows.length, 1);
        assert.equal(rows[0].id, "a");
        assert.equal(rows[0].label, 1);
        assert.equal(rows[0].score, 0.9);
        assert.equal(rows[0].prediction, "yes");
        const scored = await store.scored("m", 0, 10_000, 100);
        assert.equal(scored.length, 2);
        assert.equal((await store.counts("m")).labels, 1);
    });
    t("compaction folds raw rows into parts once, keeps the sample, drops other features", async (store) => {
        const records = Array.from({ length: 25 }, (_, i) => prediction(`r${i}`, i * 10_000, { features: { x: i } }));
        await store.insertPredictions("m", records, 60_000);
        let planned = [];
        const folded = await store.compact("m", 1000, (rows) => {
            planned = rows.map((r) => r.features.x);
            const buckets = [...new Set(rows.map((r) => r.bucket))];
            return {
                parts: buckets.map((b) => ({
                    bucket: b,
                    rows: rows.filter((r) => r.bucket === b).length,
                    summary: { b },
                })),
                keepAsSample: ["r0", "r7"],
            };
        });
        assert.equal(folded, 25);
        assert.deepEqual(planned.sort((a, b) => a - b), records.map((_, i) => i));
        assert.equal(await store.compact("m", 1000, () => ({ parts: [], keepAsSample: [] })), 0);
        const parts = await store.bucketParts("m", 0, 240_000);
        assert.deepEqual(parts.map((p) => [p.bucket, p.rows]), [
            [0, 6],
            [60_000, 6],
            [120_000, 6],
            [180_000, 6],
        ]);
        assert.deepEqual(parts[1].summary, { b: 60_000 });
        assert.ok(parts.every((p) => typeof p.seq === "number"));
        const samples = await store.samples("m", 10);
        assert.deepEqual(samples.map((s) => s.id).sort(), ["r0", "r7"]);
        assert.equal(samples.find((s) => s.id === "r7")?.features.x, 7);
        const counts = await store.sampleCounts("m", [0, 60_000, 240_000]);
        assert.deepEqual([...counts.entries()].sort(), [
            [0, 1],
            [240_000, 0],
            [60_000, 1],
        ]);
        // Parts can be replaced by their merge, once: a second replacement of the same parts is refused.
        const zero = (await store.bucketParts("m", 0, 1)).map((p) => p.seq);
        assert.equal(zero.length, 1);
        await store.compact("m", 10, () => ({ parts: [], keepAsSample: [] }));
        assert.deepEqual((await store.fragmentedBuckets("m", [0, 60_000, 999], 0)).sort((a, b) => a - b), [0, 60_000]);
        assert.equal(await store.replaceParts("m", 0, zero, { bucket: 0, rows: 6, summary: { merged: true } }), true);
        assert.equal(await store.replaceParts("m", 0, zero, { bucket: 0, rows: 6, summary: { merged: 2 } }), false);
        const replaced = await store.bucketParts("m", 0, 1);
        assert.deepEqual(replaced.map((p) => p.summary), [{ merged: true }]);
        const groups = await store.partGroups("m", 0, 240_000, 120_000);
        assert.deepEqual(groups.map((g) => [g.group, g.parts]), [
            [0, 2],
            [120_000, 2],
        ]);
        assert.ok(groups[0].maxSeq >= replaced[0].seq);
        // Predictions are still countable and joinable after their features were folded.
        assert.equal((await store.counts("m")).predictions, 25);
    });
    t("a failing plan rolls the whole compaction back", async (store) => {
        await store.insertPredictions("m", [prediction("a", 1)], 60_000);
        await assert.rejects(store.compact("m", 10, () => {
            throw new Error("boom");
        }), /boom/);
        assert.equal(await store.compact("m", 10, () => ({ parts: [], keepAsSample: [] })), 1);
    });
    t("retention deletes old rows", async (store) => {
        await store.insertPredictions("m", [prediction("old", 1000), prediction("new", 200_000)], 60_000);
        await store.insertLabels("m", [{ id: "old", label: 1, timestamp: 1000 }]);
        const deleted = await store.deleteBefore("m", 100_000);
        assert.ok(deleted >= 2);
        assert.equal((await store.counts("m")).predictions, 1);
        assert.equal((await store.counts("m")).labels, 0);
        // The queued raw row of the deleted prediction went too: compaction sees only the newer one.
        let folded = [];
        await store.compact("m", 10, (rows) => {
            folded = rows.map((r) => r.id);
            return { parts: [], keepAsSample: [] };
        });
        assert.deepEqual(folded, ["new"]);
    });
    t("alerts, history and silences", async (store) => {
        const alert = {
            fingerprint: "f1",
            rule: "drift",
            model: "m",
            subject: "x",
            severity: "warning",
            labels: { team: "ml" },
            state: "pending",
            value: 0.3,
            activeSince: 10,
            firedAt: null,
            resolvedAt: null,
            lastEvaluated: 10,
            message: "drift",
        };
        const event = {
            fingerprint: "f1",
            rule: "drift",
            model: "m",
            state: "pending",
            at: 10,
            value: 0.3,
            severity: "warning",
            labels: {},
            message: "",
        };
        await store.saveAlert(alert, event);
        await store.saveAlert({ ...alert, state: "firing", firedAt: 20 }, { ...event, state: "firing", at: 20 });
        await store.saveAlert({ ...alert, lastEvaluated: 30 }, null);
        const alerts = await store.getAlerts();
        assert.equal(alerts.length, 1);
        assert.equal(alerts[0].lastEvaluated, 30);
        const history = await store.alertHistory({ model: "m", limit: 10 });
        assert.deepEqual(history.map((e) => e.state), ["firing", "pending"]);
        assert.equal((await store.alertHistory({ model: "other", limit: 10 })).length, 0);
        assert.equal((await store.alertHistory({ since: 15, limit: 10 })).length, 1);
        await store.addSilence({
            id: "s1",
            matchers: { team: "ml" },
            startsAt: 0,
            endsAt: 100,
            comment: "",
            createdBy: "t",
        });
        assert.equal((await store.listSilences())[0].matchers.team, "ml");
        assert.equal(await store.deleteSilence("s1"), true);
        assert.equal(await store.deleteSilence("s1"), false);
    });
}
