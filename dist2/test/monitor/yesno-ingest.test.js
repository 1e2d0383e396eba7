import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { featuresFromProfile, referenceFacts, summarize } from "../../src/monitor/bucket-summary.js";
import { fixture, runCli } from "../helpers/cli.js";
/**
 * The monitor's ingest with a reference profile of the Yes/No data (as `assay profile --out` writes it):
 * features typed as the file wrote them, so records carrying "Yes"/"No" are neither type errors nor
 * unseen categories, and one "Unknown" is exactly one unseen value.
 */
test("a reference profile of Yes/No columns types them as text; Yes/No records fold cleanly", () => {
    const out = join(mkdtempSync(join(tmpdir(), "assay-yesno-monitor-")), "reference.profile.json");
    const r = runCli(["profile", fixture("yesno", "telco_yesno.csv"), "--out", out]);
    assert.equal(r.code, 0, r.stderr);
    const reference = JSON.parse(readFileSync(out, "utf8"));
    const features = featuresFromProfile(reference, ["HighIncome", "score_v1", "score_v2", "customer_id"]);
    assert.deepEqual(features.filter((f) => ["Partner", "FullTime", "SeniorCitizen"].includes(f.name)), [
        { name: "SeniorCitizen", type: "number" },
        { name: "Partner", type: "string" },
        { name: "FullTime", type: "string" },
    ]);
    const spec = {
        name: "churn",
        task: "binary",
        positiveLabel: "Yes",
        threshold: 0.5,
        features,
        trainedAt: null,
        createdAt: "2024-01-01T00:00:00Z",
        description: "",
    };
    const [head, ...lines] = readFileSync(fixture("yesno", "telco_yesno_unknown.csv"), "utf8")
        .trimEnd()
        .split("\n");
    const names = head.split(",");
    const records = lines.slice(0, 1000).map((line, i) => {
        const cells = Object.fromEntries(line.split(",").map((v, k) => [names[k], v]));
        const values = {};
        for (const f of features)
            values[f.name] = f.type === "number" ? Number(cells[f.name]) : cells[f.name];
        return {
            id: String(i),
            timestamp: i,
            version: null,
            features: values,
            prediction: null,
            score: Number(cells.score_v1),
        };
    });
    const summary = summarize(spec, records, referenceFacts(reference));
    assert.equal(summary.quality.Partner.typeErrors, 0);
    assert.equal(summary.quality.FullTime.typeErrors, 0);
    // rows 17 and 804 of the first 1,000 hold Partner = Unknown
    assert.equal(summary.quality.Partner.outOfDomain, 2);
    assert.equal(summary.quality.FullTime.outOfDomain, 0);
    const partner = summary.profile.columns.find((c) => c.name === "Partner");
    assert.equal(partner.type, "string");
    assert.deepEqual(partner.top.map((t) => t.value), ["No", "Yes", "Unknown"]);
});
