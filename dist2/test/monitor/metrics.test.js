import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT } from "../helpers/cli.js";
import { testServer } from "./helpers.js";
test("/metrics exports the documented series, and the Grafana dashboard only uses series that exist", async () => {
    const s = await testServer();
    try {
        await s.call("POST", "/v1/models", {
            name: "m",
            features: [{ name: "x", type: "number" }],
            trainedAt: "2024-01-01T00:00:00Z",
        });
        const rows = Array.from({ length: 200 }, (_, i) => ({
            id: String(i),
            timestamp: i * 100,
            features: { x: i },
            score: (i % 10) / 10,
        }));
        await s.call("POST", "/v1/models/m/predictions", rows, "ingest");
        await s.call("POST", "/v1/models/m/labels", rows.map((r, i) => ({ id: r.id, label: i % 2, timestamp: 0 })), "ingest");
        await s.call("PUT", "/v1/models/m/reference?version=v1", await referenceFrom(s, rows));
        await s.call("GET", "/v1/models/m/monitors?from=0&to=60000", undefined, "read");
        const body = (await s.call("GET", "/metrics", undefined, "read")).body;
        for (const series of [
            'assay_predictions_total{model="m"} 200',
            'assay_labels_total{model="m"} 200',
            'assay_feature_drift_score{model="m",feature="x",method="psi"}',
            'assay_dataset_drift_share{model="m"}',
            'assay_performance{model="m",metric="accuracy"}',
            'assay_monitor_value{model="m",monitor="model_age_days",subject=""}',
        ])
            assert.ok(body.includes(series), `missing ${series} in ${body
                .split("\n")
                .filter((l) => l.startsWith("assay_feature"))
                .join(" ")}`);
        assert.match(body, /# TYPE assay_alerts_firing gauge/);
        const exported = new Set([...body.matchAll(/^# TYPE (\w+)/gm)].map((m) => m[1]));
        const dashboard = readFileSync(join(ROOT, "examples", "grafana-dashboard.json"), "utf8");
        const used = new Set([...dashboard.matchAll(/\b(assay_[a-z_]+)/g)].map((m) => m[1]));
        assert.ok(used.size >= 8);
        for (const name of used)
            assert.ok(exported.has(name), `dashboard uses ${name}, which /metrics does not export`);
    }
    finally {
        await s.close();
    }
});
/** A reference profile made from the same rows (the shape `assay profile --out` writes). */
async function referenceFrom(s, rows) {
    const { ProfileBuilder } = await import("../../src/profile/build.js");
    const { batchFromRows } = await import("../../src/table/types.js");
    const columns = [{ name: "x", type: "float", sourceType: "DOUBLE" }];
    const b = new ProfileBuilder(columns);
    b.add(batchFromRows(columns, rows.map((r) => r.features)));
    void s;
    return b.finish({ name: "ref", digest: "" });
}
