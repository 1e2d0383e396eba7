import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "node:test";
import { ROOT } from "../helpers/cli.js";
/** Every module src/trust reaches, following relative imports (type-only imports included). */
function reachable(start) {
    const seen = new Map();
    const queue = [...start];
    while (queue.length > 0) {
        const file = queue.pop();
        if (seen.has(file))
            continue;
        const text = readFileSync(file, "utf8");
        const specifiers = [...text.matchAll(/^(?:import|export)[^'"]*?from\s+"([^"]+)"/gms)].map((m) => m[1]);
        seen.set(file, specifiers);
        for (const s of specifiers)
            if (s.startsWith("."))
                queue.push(resolve(dirname(file), s).replace(/\.js$/, ".ts"));
    }
    return seen;
}
test("src/trust is browser-safe: no node:* built-ins, no drivers, nothing from io/, monitor/ or cli/", () => {
    const dir = join(ROOT, "src", "trust");
    const files = readdirSync(dir)
        .filter((f) => f.endsWith(".ts"))
        .map((f) => join(dir, f));
    const graph = reachable(files);
    assert.ok(graph.size > files.length, "follows imports out of src/trust");
    for (const [file, specifiers] of graph) {
        const where = relative(ROOT, file);
        assert.match(where, /^src\//);
        assert.doesNotMatch(where, /^src\/(io|monitor|cli)\//, `${where} is an edge module`);
        for (const s of specifiers) {
            assert.ok(!s.startsWith("node:"), `${where} imports ${s}`);
            assert.ok(!/^(@duckdb|pg|better-sqlite3|onnxruntime|fastify)/.test(s), `${where} imports the driver ${s}`);
        }
    }
});
