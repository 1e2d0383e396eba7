import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { hashToken } from "../../src/monitor/auth.js";
import { buildServer } from "../../src/monitor/server.js";
import { SqliteStore } from "../../src/monitor/sqlite-store.js";
import { starterCard } from "../../src/readiness/card-template.js";
/** `assay serve --card`: readiness on the API, and the service's monitoring evidence written where the card reads it. */
process.env.ASSAY_EVIDENCE = "on";
const dir = mkdtempSync(join(tmpdir(), "assay-serve-readiness-"));
const card = join(dir, "assay.card.yaml");
const bad = join(dir, "bad.card.yaml");
const text = starterCard({ name: "Income", owner: "ana", reviewer: "ben", entryLevel: 0 })
    .replace("    # monitoring: { model: NAME }   # its name in 'assay serve', once it is deployed", "    monitoring: { model: income }")
    .replace("# evidence: .assay/evidence    # default: the evidence store where Assay runs ($ASSAY_HOME/evidence)", "evidence: evidence");
let server;
let store;
before(async () => {
    writeFileSync(card, text);
    writeFileSync(bad, text.replace("type: dataset", "type: spreadsheet"));
    for (const f of ["train.csv", "test.csv", "schema.yaml", "model.yaml"])
        writeFileSync(join(dir, f), `${f}\n`);
    mkdirSync(join(dir, "evidence"));
    store = new SqliteStore(join(dir, "monitor.db"));
    await store.init();
    await store.addToken(hashToken("t-admin"), "admin", ["admin"]);
    await store.addToken(hashToken("t-read"), "read", ["read"]);
    const rules = { rules: [], webhooks: [] };
    server = buildServer({ store, readiness: { cards: [card, bad], rules: () => rules } });
});
after(async () => {
    await server.app.close();
    await store.close();
});
async function call(method, url, token = "t-admin", body) {
    const res = await server.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
        payload: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.statusCode, json: res.json() };
}
test("GET /v1/readiness assesses each card as the CLI does; a bad card is reported with its FILE:LINE", async () => {
    const r = await call("GET", "/v1/readiness", "t-read");
    assert.equal(r.status, 200);
    const [ok, broken] = r.json.systems;
    assert.equal(ok.report.kind, "readiness");
    assert.equal(ok.report.systemLevel, 0);
    assert.deepEqual(Object.keys(ok.report.mlTestScore.sections), [
        "data",
        "model",
        "infrastructure",
        "monitoring",
    ]);
    assert.match(broken.error, /bad\.card\.yaml:26: components\.data\.type: expected one of model, data-pipeline, dataset, software-module, got "spreadsheet"/);
});
test("monitoring snapshots: registered, receiving traffic, and stalled", async () => {
    assert.equal((await call("POST", "/v1/readiness/snapshot", "t-read")).status, 403);
    const first = await call("POST", "/v1/readiness/snapshot");
    assert.equal(first.status, 200);
    assert.equal(first.json.written.length, 1, "one monitored component");
    await call("POST", "/v1/models", "t-admin", { name: "income", features: [{ name: "x", type: "number" }] });
    const records = [1, 2, 3].map((i) => ({
        id: `p${i}`,
        timestamp: `2026-01-0${i}T00:00:00Z`,
        features: { x: i },
        prediction: 1,
        score: 0.6,
    }));
    assert.equal((await call("POST", "/v1/models/income/predictions", "t-admin", records)).status < 300, true);
    await call("POST", "/v1/readiness/snapshot");
    await call("POST", "/v1/readiness/snapshot");
    const files = readdirSync(join(dir, "evidence"))
        .filter((f) => f.includes("-monitoring-"))
        .sort();
    assert.equal(files.length, 3);
    const reports = files.map((f) => JSON.parse(readFileSync(join(dir, "evidence", f), "utf8")));
    const traffic = reports.map((r) => r.results.find((x) => x.check === "monitoring.traffic"));
    assert.deepEqual(traffic.map((t) => t.status), ["fail", "pass", "warn"]);
    assert.match(traffic[2].message, /no new predictions since the previous snapshot \(3\)/);
    assert.equal(reports[0].results[0].status, "fail", "not registered yet");
    assert.equal(reports[1].predictions, 3);
    // readiness counts them as evidence about the model component
    const r = await call("GET", "/v1/readiness", "t-read");
    const used = r.json.systems[0].report.evidence.used.filter((e) => e.kind === "monitoring");
    assert.equal(used.length, 3);
    assert.deepEqual(used[0].scopes, ["model"]);
});
