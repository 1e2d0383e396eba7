import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
/** The repository root (tests run from dist/test/…, fixtures live in test/fixtures/). */
export const ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
function findRoot(start) {
    let dir = start;
    while (!existsSync(join(dir, "package.json"))) {
        const up = resolve(dir, "..");
        if (up === dir)
            throw new Error("package.json not found above the tests");
        dir = up;
    }
    return dir;
}
export function fixture(...parts) {
    return join(ROOT, "test", "fixtures", ...parts);
}
/** The flights data shipped by the vega-datasets package. */
export function vegaData(file) {
    return join(ROOT, "node_modules", "vega-datasets", "data", file);
}
/** Runs the built CLI as a user would, in a child process, with the evidence store switched off. */
export function runCli(args, options = {}) {
    const result = spawnSync(process.execPath, [join(ROOT, "dist", "src", "cli", "main.js"), ...args], {
        cwd: options.cwd ?? ROOT,
        env: { ...process.env, ASSAY_EVIDENCE: "off", ...options.env },
        input: options.input,
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
    });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
/** runCli without blocking, so that several CLI processes can run at once. */
export function runCliAsync(args, options = {}) {
    return new Promise((resolve) => {
        const child = spawn(process.execPath, [join(ROOT, "dist", "src", "cli", "main.js"), ...args], {
            cwd: ROOT,
            env: { ...process.env, ASSAY_EVIDENCE: "off", ...options.env },
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (c) => (stdout += c));
        child.stderr.on("data", (c) => (stderr += c));
        child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });
}
