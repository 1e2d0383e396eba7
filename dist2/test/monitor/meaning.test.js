import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { runCli } from "../helpers/cli.js";
import { freshStore, onSocket, STORE_KINDS, testServer } from "./helpers.js";
const dir = mkdtempSync(join(tmpdir(), "assay-meaning-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const NOW = Date.now();
for (const { kind, skip } of STORE_KINDS) {
    test(`${kind}: a feature named @score is refused, by record and by reference, instead of merging into the score`, {
        skip,
    }, async () => {
        const s = await testServer({ store: await freshStore(kind) });
        const http = await onSocket(s);
        try {
            await http.call("POST", "/v1/models", { name: "m" });
            const r = await http.call("POST", "/v1/models/m/predictions", [
                { id: "a", timestamp: NOW, features: { x: 1 }, score: 0.9 },
                { id: "b", timestamp: NOW, features: { "@score": 0.1 }, score: 0.9 },
            ], "ingest");
            assert.equal(r.statusCode, 400);
            assert.match(r.json.error, /record 1: feature "@score": names starting with '@' are reserved/);
            assert.equal((await http.call("GET", "/v1/models/m", undefined, "read")).json.features.length, 0);
            const profile = {
                format: "assay.profile",
                version: 1,
                rows: 1,
                columns: [{ name: "@prediction", type: "float", count: 1 }],
            };
            const ref = await http.call("PUT", "/v1/models/m/reference", profile);
            assert.equal(ref.statusCode, 400, ref.body);
            assert.match(ref.json.error, /reference column "@prediction".*reserved/);
            assert.deepEqual((await http.call("GET", "/v1/models/m", undefined, "read")).json.referenceVersions, []);
        }
        finally {
            await s.close();
        }
    });
    test(`${kind}: racing first batches on a model without features: both batches' features are monitored`, {
        skip,
    }, async () => {
        const s = await testServer({ store: await freshStore(kind) });
        const http = await onSocket(s);
        try {
            for (let trial = 0; trial < 6; trial++) {
                const model = `race${trial}`;
                await http.call("POST", "/v1/models", { name: model });
                const batch = (feature) => Array.from({ length: 200 }, (_, i) => ({
                    id: `${feature}${i}`,
                    timestamp: NOW - 1000 + i,
                    features: { [feature]: i, shared: "s" },
                }));
                const [a, b] = await Promise.all([
                    http.call("POST", `/v1/models/${model}/predictions`, batch("alpha"), "ingest"),
                    http.call("POST", `/v1/models/${model}/predictions`, batch("beta"), "ingest"),
                ]);
                assert.equal(a.statusCode, 200);
                assert.equal(b.statusCode, 200);
                const spec = (await http.call("GET", `/v1/models/${model}`, undefined, "read")).json;
                assert.deepEqual(spec.features.map((f) => f.name), ["alpha", "beta", "shared"], `trial ${trial}`);
                const window = (await http.call("GET", `/v1/models/${model}/window`, undefined, "read")).json;
                const columns = window.summary.profile.columns.map((c) => c.name);
                for (const f of ["alpha", "beta", "shared"])
                    assert.ok(columns.includes(f), `${f} in ${columns}`);
                assert.deepEqual(window.summary.unknownFeatures, {});
            }
        }
        finally {
            await s.close();
        }
    });
}
test("alert rules naming an unknown monitor: exit 2 at start-up, 400 on PUT", async () => {
    const rules = join(dir, "rules.yaml");
    writeFileSync(rules, "rules:\n  - name: r\n    monitor: feature_drfit\n    condition: '> 0.1'\n");
    const r = runCli(["serve", "--rules", rules, "--port", "0", "--db", `sqlite:${join(dir, "x.db")}`]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim().split("\n").length, 1);
    assert.match(r.stderr, /rule 1 \(r\): unknown monitor 'feature_drfit'/);
    const s = await testServer();
    const http = await onSocket(s);
    try {
        const put = await http.call("PUT", "/v1/alerts/rules", {
            rules: [{ name: "r", monitor: "no_such_monitor", condition: "> 1" }],
        });
        assert.equal(put.statusCode, 400);
        assert.match(put.json.error, /unknown monitor 'no_such_monitor'/);
        assert.deepEqual((await http.call("GET", "/v1/alerts/rules", undefined, "read")).json.rules, []);
    }
    finally {
        await s.close();
    }
});
