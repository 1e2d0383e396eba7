import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT } from "../helpers/cli.js";
test("src/readiness is browser-safe: no Node built-ins, no driver, no edge (io, monitor, cli)", () => {
    const dir = join(ROOT, "src", "readiness");
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
    assert.ok(files.length > 10);
    for (const f of files) {
        const imports = [...readFileSync(join(dir, f), "utf8").matchAll(/^import[^;]*?from\s+"([^"]+)"/gms)].map((m) => m[1]);
        for (const spec of imports) {
            assert.ok(!spec.startsWith("node:"), `${f} imports ${spec}`);
            assert.ok(!/^\.\.\/(io|monitor|cli)\//.test(spec), `${f} imports the edge ${spec}`);
            assert.ok(spec.startsWith(".") || ["yaml", "vega-lite"].includes(spec), `${f} imports the package ${spec}`);
        }
    }
});
