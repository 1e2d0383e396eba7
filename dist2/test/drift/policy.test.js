import assert from "node:assert/strict";
import { test } from "node:test";
import { applyOverride, DriftConfigError, parseAssignments, policyFromConfig, } from "../../src/drift/config.js";
import { defaultPolicy, resolveRule } from "../../src/drift/policy.js";
test("defaults: W/σ ≥ 0.1 for numeric, bias-corrected JS ≥ 0.05 for categorical; booleans are categorical", () => {
    const p = defaultPolicy();
    assert.deepEqual(resolveRule(p, "x", "float"), {
        kind: "numeric",
        method: "wasserstein",
        threshold: 0.1,
        ignore: false,
    });
    assert.deepEqual(resolveRule(p, "t", "timestamp"), {
        kind: "numeric",
        method: "wasserstein",
        threshold: 0.1,
        ignore: false,
    });
    assert.deepEqual(resolveRule(p, "s", "string"), {
        kind: "categorical",
        method: "js",
        threshold: 0.05,
        ignore: false,
    });
    assert.equal(resolveRule(p, "b", "boolean").kind, "categorical");
    // naming js without a threshold takes the kind's default
    const named = policyFromConfig({ types: { string: { method: "js" }, float: { method: "js" } } });
    assert.equal(resolveRule(named, "s", "string").threshold, 0.05);
    assert.equal(resolveRule(named, "x", "float").threshold, 0.1);
});
test("precedence: kind < type < column; a method without a threshold takes the method's default", () => {
    const p = policyFromConfig({
        numeric: { method: "ks", threshold: 0.07 },
        types: { numeric: { threshold: 0.08 }, integer: { method: "psi" } },
        columns: {
            zip: { kind: "categorical", method: "linf" },
            delay: { threshold: 0.3 },
            date: { ignore: true },
        },
    });
    assert.deepEqual(resolveRule(p, "x", "float"), {
        kind: "numeric",
        method: "ks",
        threshold: 0.08,
        ignore: false,
    });
    assert.deepEqual(resolveRule(p, "n", "integer"), {
        kind: "numeric",
        method: "psi",
        threshold: 0.2,
        ignore: false,
    });
    assert.deepEqual(resolveRule(p, "delay", "integer"), {
        kind: "numeric",
        method: "psi",
        threshold: 0.3,
        ignore: false,
    });
    assert.deepEqual(resolveRule(p, "zip", "integer"), {
        kind: "categorical",
        method: "linf",
        threshold: 0.1,
        ignore: false,
    });
    assert.equal(resolveRule(p, "date", "timestamp").ignore, true);
    assert.throws(() => resolveRule(policyFromConfig({ columns: { s: { method: "wasserstein" } } }), "s", "string"), /does not apply/);
});
test("config errors name the key and what is allowed", () => {
    const bad = [
        [{ alpah: 0.05 }, /unknown key 'alpah'/],
        [{ alpha: 1 }, /alpha must be in \(0, 1\)/],
        [{ alpha: "0.05" }, /alpha must be a number/],
        [{ numeric: { method: "linf" } }, /numeric\.method must be one of wasserstein, ks, psi, js/],
        [{ columns: { a: { threshold: -1 } } }, /columns\.a\.threshold must be a number ≥ 0/],
        [{ columns: { a: { ignore: "yes" } } }, /columns\.a\.ignore must be true or false/],
        [{ types: { text: {} } }, /unknown type 'text'/],
        [{ missing: { limit: 1 } }, /missing: unknown key 'limit'/],
        [[1, 2], /must be a mapping/],
    ];
    for (const [doc, message] of bad)
        assert.throws(() => policyFromConfig(doc), (e) => e instanceof DriftConfigError && message.test(e.message));
    assert.deepEqual(policyFromConfig(null), defaultPolicy());
});
test("command-line assignments", () => {
    assert.deepEqual(parseAssignments("a=ks, numeric=psi", "--method"), [
        ["a", "ks"],
        ["numeric", "psi"],
    ]);
    assert.throws(() => parseAssignments("a", "--method"), /COLUMN_OR_TYPE=VALUE/);
    const p = defaultPolicy();
    applyOverride(p, "string", { method: "linf" });
    applyOverride(p, "delay", { threshold: 0.5 });
    assert.equal(resolveRule(p, "city", "string").method, "linf");
    assert.equal(resolveRule(p, "delay", "integer").threshold, 0.5);
});
