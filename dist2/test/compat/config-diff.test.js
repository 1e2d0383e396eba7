import assert from "node:assert/strict";
import { test } from "node:test";
import { diffConfigs, flattenConfig, formatConfigDiff } from "../../src/compat/config-diff.js";
test("flattening addresses nested keys and array items by path; odd keys are quoted", () => {
    const flat = flattenConfig({ model: { lr: 0.1, layers: [64, 32] }, "a.b": 1, empty: {} });
    assert.deepEqual([...flat.entries()], [
        ["model.lr", 0.1],
        ["model.layers[0]", 64],
        ["model.layers[1]", 32],
        ['"a.b"', 1],
        ["empty", {}],
    ]);
});
test("diff reports added, removed and changed paths, sorted", () => {
    const a = { model: { C: 1, solver: "lbfgs", tol: 1e-10 }, features: ["age", "fnlwgt", "hours"], seed: 0 };
    const b = {
        model: { C: 0.01, solver: "lbfgs", class_weight: "balanced" },
        features: ["age", "fnlwgt"],
        seed: 0,
    };
    const changes = diffConfigs(a, b);
    assert.deepEqual(changes, [
        { path: "features[2]", kind: "removed", before: "hours" },
        { path: "model.C", kind: "changed", before: 1, after: 0.01 },
        { path: "model.class_weight", kind: "added", after: "balanced" },
        { path: "model.tol", kind: "removed", before: 1e-10 },
    ]);
    assert.equal(formatConfigDiff(changes), '- features[2]: "hours"\n~ model.C: 1 → 0.01\n+ model.class_weight: "balanced"\n- model.tol: 1e-10');
    assert.deepEqual(diffConfigs(a, structuredClone(a)), []);
});
test("a type change of a value and a leaf turning into a subtree are both visible", () => {
    assert.deepEqual(diffConfigs({ x: 1 }, { x: "1" }), [
        { path: "x", kind: "changed", before: 1, after: "1" },
    ]);
    const changes = diffConfigs({ opt: "adam" }, { opt: { name: "adam", lr: 0.1 } });
    assert.deepEqual(changes.map((c) => `${c.kind} ${c.path}`), ["removed opt", "added opt.lr", "added opt.name"]);
});
