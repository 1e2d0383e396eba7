import { spawn } from "node:child_process";
import { join } from "node:path";
import { ROOT, runCli } from "../helpers/cli.js";
/** `assay token create` through the real CLI; returns the printed token. */
export function createToken(db, scope) {
    const result = runCli(["token", "create", "--scope", scope, "--db", db]);
    if (result.code !== 0)
        throw new Error(`token create failed: ${result.stderr}`);
    return result.stdout.trim();
}
/** Spawns `assay serve --port 0` and resolves once it prints its address. */
export function startServer(db, extra = []) {
    const child = spawn(process.execPath, [join(ROOT, "dist", "src", "cli", "main.js"), "serve", "--port", "0", "--db", db, ...extra], {
        stdio: ["ignore", "ignore", "pipe"],
        env: { ...process.env, ASSAY_EVIDENCE: "off" },
    });
    let err = "";
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 20_000);
        child.stderr.on("data", (chunk) => {
            err += chunk.toString();
            const m = /listening on (http:\/\/[^\s]+)/.exec(err);
            if (m) {
                clearTimeout(timer);
                resolve({ child, url: m[1], stderr: () => err });
            }
        });
        child.on("exit", (code) => {
            clearTimeout(timer);
            reject(new Error(`server exited with ${code}: ${err}`));
        });
    });
}
export function killed(child) {
    return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null)
            return resolve();
        child.once("exit", () => resolve());
    });
}
