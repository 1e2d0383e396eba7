import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, runCli, vegaData } from "../helpers/cli.js";
const dir = mkdtempSync(join(tmpdir(), "assay-config-"));
const a = join(dir, "a.json");
const b = join(dir, "b.yaml");
writeFileSync(a, JSON.stringify({
    model: { C: 1, solver: "lbfgs", tol: 1e-10 },
    features: ["age", "fnlwgt", "hours"],
    seed: 0,
}));
writeFileSync(b, "model:\n  C: 0.01\n  solver: lbfgs\n  class_weight: balanced\nfeatures: [age, fnlwgt]\nseed: 0\n");
test("config diff: JSON against YAML, nested keys, added / removed / changed", () => {
    const r = runCli(["config", "diff", a, b]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '- features[2]: "hours"\n~ model.C: 1 → 0.01\n+ model.class_weight: "balanced"\n- model.tol: 1e-10\n');
    const j = JSON.parse(runCli(["config", "diff", a, b, "--json"]).stdout);
    assert.equal(j.identical, false);
    assert.deepEqual(j.changed, [{ path: "model.C", kind: "changed", before: 1, after: 0.01 }]);
    assert.equal(j.removed.length, 2);
    assert.equal(runCli(["config", "diff", a, b, "--exit-code"]).code, 1);
    const same = runCli(["config", "diff", a, a, "--exit-code"]);
    assert.equal(same.code, 0);
    assert.equal(same.stdout, "no differences\n");
});
test("config diff: bad input is one clear line, exit 2", () => {
    const broken = join(dir, "broken.yaml");
    writeFileSync(broken, "a: [\n");
    const prose = join(dir, "prose.txt");
    writeFileSync(prose, "Assay gives teams evidence that a system is fit to ship.\nIt is TypeScript on Node.js.\n");
    const latin1 = join(dir, "latin1.yaml");
    writeFileSync(latin1, Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0a]));
    for (const [args, pattern] of [
        [["config", "diff", a, join(dir, "none.yaml")], /none\.yaml: no such file/],
        [["config", "diff", a, broken], /broken\.yaml: not valid YAML or JSON/],
        [["config", "diff", a], /needs two files/],
        [["config", "show", a, b], /unknown config action/],
        // binary files parsed as one YAML string printed 30 KB of junk, exit 0
        [
            [
                "config",
                "diff",
                join(ROOT, "examples/adult/adult_v1.onnx"),
                join(ROOT, "examples/adult/adult_v2.onnx"),
            ],
            /adult_v1\.onnx: not a text file \(binary data: a NUL byte at offset \d+\)/,
        ],
        [["config", "diff", a, vegaData("flights-3m.parquet")], /flights-3m\.parquet: not a text file/],
        [["config", "diff", a, latin1], /latin1\.yaml: not a text file \(not valid UTF-8\)/],
        [["config", "diff", a, prose], /prose\.txt: not a configuration: its top level is a string/],
        [["config", "diff", a, dir], /is a directory/],
    ]) {
        const r = runCli(args);
        assert.equal(r.code, 2, r.stderr);
        assert.match(r.stderr, pattern);
        assert.equal(r.stderr.trim().split("\n").length, 1);
    }
});
