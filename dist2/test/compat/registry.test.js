import assert from "node:assert/strict";
import { test } from "node:test";
import { compareFingerprints } from "../../src/compat/registry/fingerprint.js";
import { lineageDot, lineageGraph, lineageMermaid, lineageText } from "../../src/compat/registry/lineage.js";
import { staleReasons } from "../../src/compat/registry/staleness.js";
const before = {
    rows: 1000,
    columns: [
        { name: "age", type: "integer", missing: 0, mean: 38, sd: 13 },
        { name: "city", type: "string", missing: 10, distinct: 20 },
        { name: "gone", type: "float", missing: 0, mean: 1, sd: 1 },
    ],
};
test("fingerprint diff names rows, added/removed columns, type changes, missing rates, mean shifts, distinct counts", () => {
    const after = {
        rows: 1200,
        columns: [
            { name: "age", type: "integer", missing: 0, mean: 45, sd: 12 },
            { name: "city", type: "string", missing: 120, distinct: 25 },
            { name: "new", type: "float", missing: 0, mean: 0, sd: 1 },
        ],
    };
    const changes = compareFingerprints(before, after);
    const kinds = changes.map((c) => `${c.kind}:${c.column ?? ""}`).sort();
    assert.deepEqual(kinds, [
        "column_added:new",
        "column_removed:gone",
        "distinct:city",
        "mean_shift:age",
        "missing_rate:city",
        "rows:",
    ]);
    const shift = changes.find((c) => c.kind === "mean_shift");
    assert.ok(Math.abs((shift?.size ?? 0) - 7 / 13) < 1e-12);
    // Small wiggles stay quiet.
    const quiet = compareFingerprints(before, {
        rows: 1000,
        columns: [
            { name: "age", type: "integer", missing: 0, mean: 38.5, sd: 13 },
            { name: "city", type: "string", missing: 12, distinct: 20 },
            { name: "gone", type: "float", missing: 0, mean: 1.05, sd: 1 },
        ],
    });
    assert.deepEqual(quiet, []);
    assert.equal(compareFingerprints(before, {
        ...before,
        columns: [{ ...before.columns[0], type: "string" }, ...before.columns.slice(1)],
    })[0].kind, "type_changed");
});
function model(name, version, extra = {}) {
    return {
        name,
        version,
        path: `/m/${name}${version}.onnx`,
        digest: `d-${name}${version}`,
        configPath: null,
        configDigest: null,
        descriptorPath: null,
        descriptorDigest: null,
        features: null,
        notes: null,
        createdAt: "2026-01-01T00:00:00Z",
        datasets: [],
        upstream: [],
        stale: false,
        staleReasons: [],
        checkedAt: null,
        ...extra,
    };
}
test("staleness: a changed dataset marks its models, with the drift summary; it cascades to consumers", () => {
    const models = [
        model("a", "1", {
            datasets: [{ role: "train", path: "/d/train.csv", digest: "t0", fingerprint: before }],
        }),
        model("b", "1", { upstream: [{ name: "a", version: "1" }] }),
        model("c", "1", { datasets: [{ role: "eval", path: "/d/eval.csv", digest: "e0", fingerprint: before }] }),
    ];
    const digests = new Map([
        ["/m/a1.onnx", "d-a1"],
        ["/m/b1.onnx", "d-b1"],
        ["/m/c1.onnx", "d-c1"],
        ["/d/train.csv", "t1"],
        ["/d/eval.csv", "e0"],
    ]);
    const fingerprints = new Map([["/d/train.csv", { ...before, rows: 900 }]]);
    const reasons = staleReasons(models, { digests, fingerprints });
    const a = reasons.get("a@1") ?? [];
    assert.equal(a.length, 1);
    assert.equal(a[0].reason, "digest_changed");
    assert.match(a[0].message, /rows 1000 → 900/);
    assert.equal(reasons.get("b@1")?.[0].reason, "upstream_stale");
    assert.deepEqual(reasons.get("c@1"), []);
    // A missing file is a reason of its own.
    digests.set("/d/eval.csv", null);
    assert.equal(staleReasons(models, { digests, fingerprints }).get("c@1")?.[0].reason, "missing");
});
test("staleness: a consumer of an old version learns that a newer one exists", () => {
    const models = [
        model("a", "1"),
        model("a", "2"),
        model("b", "1", { upstream: [{ name: "a", version: "1" }] }),
    ];
    const digests = new Map(models.map((m) => [m.path, m.digest]));
    const reasons = staleReasons(models, { digests, fingerprints: new Map() });
    assert.equal(reasons.get("b@1")?.[0].reason, "upstream_newer");
    assert.deepEqual(reasons.get("a@2"), []);
});
test("lineage renders as text, Mermaid and DOT with the same nodes and edges", () => {
    const models = [
        model("a", "1", {
            stale: true,
            datasets: [{ role: "train", path: "/d/train.csv", digest: "t", fingerprint: before }],
        }),
        model("b", "1", { upstream: [{ name: "a", version: "1" }] }),
    ];
    const graph = lineageGraph(models);
    assert.equal(graph.nodes.length, 3);
    assert.deepEqual(graph.edges.map((e) => e.role), ["train", "output"]);
    assert.match(lineageText(graph), /a@1 {2}\[STALE\]\n {2}← train: \/d\/train\.csv\n {2}→ feeds b@1/);
    const mermaid = lineageMermaid(graph);
    assert.match(mermaid, /^flowchart LR\n/);
    assert.match(mermaid, /n1\[\("\/d\/train\.csv"\)\]/);
    assert.match(mermaid, /n1 -->\|train\| n0/);
    assert.match(mermaid, /class n0 stale/);
    const dot = lineageDot(graph);
    assert.match(dot, /^digraph lineage \{/);
    assert.match(dot, /"model:a@1" -> "model:b@1" \[label="output"\];/);
});
