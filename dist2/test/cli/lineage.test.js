import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { test } from "node:test";
import { project } from "./registry-project.js";
test("lineage prints the graph as text, Mermaid and DOT, and narrows to one model", () => {
    const { dir, cli } = project();
    try {
        assert.match(cli("lineage").stdout, /registry is empty/);
        cli("registry", "add", "adult", "--model", "v1.onnx", "--train", "train.csv", "--eval", "eval.csv");
        cli("registry", "add", "stacker", "--model", "v2.onnx", "--input-model", "adult@1");
        cli("registry", "add", "other", "--model", "v2.onnx", "--eval", "eval.csv");
        const text = cli("lineage");
        assert.equal(text.code, 0, text.stderr);
        assert.match(text.stdout, /adult@1\n {2}← train: train\.csv\n {2}← eval: eval\.csv\n {2}→ feeds stacker@1/);
        const mermaid = cli("lineage", "--format", "mermaid").stdout;
        assert.match(mermaid, /^flowchart LR/);
        assert.equal((mermaid.match(/-->/g) ?? []).length, 4);
        const dot = cli("lineage", "--format", "dot", "--model", "stacker").stdout;
        assert.match(dot, /"model:adult@1" -> "model:stacker@1" \[label="output"\]/);
        assert.doesNotMatch(dot, /other@1/);
        const bad = cli("lineage", "--format", "svg");
        assert.equal(bad.code, 2);
        assert.match(bad.stderr, /--format must be text, mermaid or dot/);
    }
    finally {
        rmSync(dir, { recursive: true, force: true });
    }
});
