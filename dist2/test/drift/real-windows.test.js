/**
 * No-drift windows from real data (issue 13: a 42-level categorical compared at n = 100 flagged drift in
 * 6 of 40 random windows). Pairs of disjoint random 100-row windows of Adult's training split are
 * compared on all 15 columns; there is no drift between them by construction.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { defaultPolicy } from "../../src/drift/policy.js";
import { compareColumns } from "../../src/drift/verdict.js";
import { distributionOf } from "../../src/stats/distribution.js";
import { seededRandom } from "../../src/stats/random.js";
import { fixture } from "../helpers/cli.js";
const lines = readFileSync(fixture("adult", "adult_train.csv"), "utf8").trim().split("\n");
const header = lines[0].split(",");
const rows = lines.slice(1).map((l) => l.split(","));
const numeric = header.map((_, j) => rows.every((r) => r[j] !== "" && Number.isFinite(Number(r[j]))));
function side(indices, j) {
    if (numeric[j]) {
        const values = Float64Array.from(indices, (i) => Number(rows[i][j]));
        return {
            kind: "numeric",
            distribution: distributionOf(values),
            missing: 0,
            nonFinite: 0,
            rows: values.length,
        };
    }
    const counts = new Map();
    for (const i of indices)
        counts.set(rows[i][j], (counts.get(rows[i][j]) ?? 0) + 1);
    return { kind: "categorical", counts, missing: 0, rows: indices.length };
}
test("Adult, disjoint random 100-row windows: native-country (42 levels) and the dataset hold α", () => {
    const random = seededRandom(42);
    const n = 100;
    const windows = 300;
    let datasetAlarms = 0;
    let notPass = 0;
    let nativeRaw = 0;
    let nativeFlagged = 0;
    for (let w = 0; w < windows; w++) {
        // 2n distinct rows: a partial Fisher–Yates shuffle of the row indices
        const picked = new Int32Array(2 * n);
        const chosen = new Map();
        for (let k = 0; k < 2 * n; k++) {
            const r = k + random.below(rows.length - k);
            const vr = chosen.get(r) ?? r;
            chosen.set(r, chosen.get(k) ?? k);
            picked[k] = vr;
        }
        const pairs = header.map((name, j) => ({
            name,
            type: numeric[j] ? "integer" : "string",
            reference: side(picked.subarray(0, n), j),
            current: side(picked.subarray(n), j),
        }));
        const result = compareColumns(pairs, defaultPolicy());
        if (result.drifted)
            datasetAlarms++;
        if (result.columns.some((c) => c.status !== "stable"))
            notPass++;
        const native = result.columns.find((c) => c.name === "native-country");
        assert.ok(native);
        if (native.signals[0].pValue < 0.05)
            nativeRaw++;
        if (native.status === "drift" || native.status === "warn")
            nativeFlagged++;
    }
    const bound = 0.05 + 2 * Math.sqrt((0.05 * 0.95) / windows);
    assert.ok(datasetAlarms / windows <= bound, `dataset ${datasetAlarms}/${windows}`);
    assert.ok(notPass / windows <= bound, `not pass ${notPass}/${windows}`);
    assert.ok(nativeRaw / windows <= bound + 0.01, `native-country raw χ² p < 0.05 in ${nativeRaw}/${windows}`);
    assert.ok(nativeFlagged / windows <= bound, `native-country flagged ${nativeFlagged}/${windows}`);
});
