/**
 * bench/ingest: sustained ingest of `assay serve` (SQLite, synchronous=FULL) on loopback with autocannon,
 * side by side with its anchor, a Fastify hello-world, in the same run.
 *
 *   1. single:  POST /v1/models/bench/predictions with one prediction per request (fresh ids each time)
 *   2. batched: the same route with 100 predictions per request
 *   3. anchor:  a Fastify hello-world that parses the same one-prediction JSON body and answers {ok: true}
 *
 * Goals from issue 7: ≥ 20,000 predictions/s batched, p99 < 100 ms, single-event ≥ 40% of hello-world.
 * Each phase is bounded in time (ASSAY_BENCH_SECONDS, default 10). Afterwards every acknowledged prediction
 * is counted in the store and the fold backlog is drained and timed.
 *
 * usage: npx tsc -p . && node dist/bench/ingest.js     (writes bench/out/ingest.json)
 *        ASSAY_BENCH_DB=postgres://… node dist/bench/ingest.js   (the PostgreSQL store; use an empty schema)
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
const require = createRequire(import.meta.url);
// autocannon ships no types; the small surface used here is typed below.
const autocannon = require("autocannon");
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const MAIN = join(ROOT, "dist", "src", "cli", "main.js");
const SECONDS = Number(process.env.ASSAY_BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.ASSAY_BENCH_CONNECTIONS ?? 10);
const BATCH = 100;
function start(args, env = {}) {
    const child = spawn(process.execPath, args, {
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, ...env },
    });
    let text = "";
    return new Promise((resolveStart, reject) => {
        const onData = (chunk) => {
            text += chunk.toString();
            const m = /listening on (http:\/\/[^\s]+)/.exec(text);
            if (m)
                resolveStart({ child, url: m[1] });
        };
        child.stdout.on("data", onData);
        child.stderr.on("data", onData);
        child.on("exit", (code) => reject(new Error(`exited ${code}: ${text}`)));
    });
}
function stop(child) {
    return new Promise((r) => {
        if (child.exitCode !== null)
            return r();
        child.once("exit", () => r());
        child.kill("SIGTERM");
    });
}
let counter = 0;
function records(n) {
    const out = new Array(n);
    const now = Date.now();
    for (let i = 0; i < n; i++) {
        const k = counter++;
        out[i] = {
            id: `b${k}`,
            timestamp: now,
            features: { distance: 100 + (k % 2000), hour: k % 24, origin: `A${k % 50}`, weekend: k % 7 < 2 },
            prediction: k % 5 === 0 ? 1 : 0,
            score: (k % 100) / 100,
        };
    }
    return JSON.stringify(n === 1 ? out[0] : out);
}
async function load(url, path, body, token) {
    return autocannon({
        url: `${url}${path}`,
        method: "POST",
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        requests: [
            {
                setupRequest: (req) => ({ ...req, body: body() }),
            },
        ],
    });
}
const HELLO = `
import Fastify from "fastify";
const app = Fastify();
app.post("/hello", async () => ({ ok: true }));
await app.listen({ port: 0, host: "127.0.0.1" });
console.log("listening on http://127.0.0.1:" + app.server.address().port);
`;
async function main() {
    const dir = mkdtempSync(join(tmpdir(), "assay-bench-"));
    // ASSAY_BENCH_DB=postgres://… measures the PostgreSQL store instead (the bench creates its tables there).
    const db = process.env.ASSAY_BENCH_DB ?? `sqlite:${join(dir, "bench.db")}`;
    try {
        const token = await new Promise((r, j) => {
            const c = spawn(process.execPath, [MAIN, "token", "create", "--scope", "admin", "--db", db]);
            let out = "";
            c.stdout.on("data", (d) => (out += d));
            c.on("exit", (code) => (code === 0 ? r(out.trim()) : j(new Error("token create failed"))));
        });
        const server = await start([MAIN, "serve", "--port", "0", "--db", db]);
        const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
        await fetch(`${server.url}/v1/models`, {
            method: "POST",
            headers: auth,
            body: JSON.stringify({
                name: "bench",
                features: [
                    { name: "distance", type: "number" },
                    { name: "hour", type: "number" },
                    { name: "origin", type: "string" },
                    { name: "weekend", type: "boolean" },
                ],
            }),
        });
        // Single events first: the batched phase leaves a fold backlog that would tax whatever runs after it.
        const single = await load(server.url, "/v1/models/bench/predictions", () => records(1), token);
        const afterSingle = await summary(server.url, token);
        const batched = await load(server.url, "/v1/models/bench/predictions", () => records(BATCH), token);
        const stored = await summary(server.url, token);
        // Time to fold the backlog into bucket profiles (the server folds every 2 s in the background too).
        const foldStart = Date.now();
        await fetch(`${server.url}/v1/models/bench/monitors?window=1h`, { headers: auth });
        const foldMs = Date.now() - foldStart;
        await stop(server.child);
        const helloDir = join(dir, "hello");
        mkdirSync(helloDir);
        const helloFile = join(ROOT, "dist", "bench", ".hello-server.mjs");
        writeFileSync(helloFile, HELLO);
        const hello = await start([helloFile]);
        const anchor = await load(hello.url, "/hello", () => records(1), null);
        await stop(hello.child);
        rmSync(helloFile, { force: true });
        const acknowledged = batched["2xx"] * BATCH + single["2xx"];
        const result = {
            store: db.startsWith("sqlite:") ? "sqlite" : "postgres",
            seconds: SECONDS,
            connections: CONNECTIONS,
            batched: {
                predictionsPerSecond: Math.round((batched["2xx"] * BATCH) / batched.duration),
                requestsPerSecond: Math.round(batched.requests.average),
                p50ms: batched.latency.p50,
                p99ms: batched.latency.p99,
                non2xx: batched.non2xx,
                errors: batched.errors,
            },
            single: {
                requestsPerSecond: Math.round(single["2xx"] / single.duration),
                p99ms: single.latency.p99,
                non2xx: single.non2xx,
            },
            helloWorld: {
                requestsPerSecond: Math.round(anchor["2xx"] / anchor.duration),
                p99ms: anchor.latency.p99,
            },
            singleVsHelloWorld: single["2xx"] / single.duration / (anchor["2xx"] / anchor.duration),
            acknowledged,
            storedAfterSingle: afterSingle,
            stored,
            allAcknowledgedStored: stored >= acknowledged,
            foldBacklogMs: foldMs,
            goals: {
                batched20k: (batched["2xx"] * BATCH) / batched.duration >= 20_000,
                p99Under100ms: batched.latency.p99 < 100,
                singleAtLeast40PercentOfHelloWorld: single["2xx"] / single.duration / (anchor["2xx"] / anchor.duration) >= 0.4,
            },
        };
        mkdirSync(join(ROOT, "bench", "out"), { recursive: true });
        writeFileSync(join(ROOT, "bench", "out", "ingest.json"), `${JSON.stringify(result, null, 2)}\n`);
        process.stdout.write(`${[
            `batched (${BATCH}/request, ${CONNECTIONS} connections, ${SECONDS}s): ${result.batched.predictionsPerSecond} predictions/s, p50 ${result.batched.p50ms} ms, p99 ${result.batched.p99ms} ms`,
            `single-event: ${result.single.requestsPerSecond} req/s (p99 ${result.single.p99ms} ms)`,
            `fastify hello-world: ${result.helloWorld.requestsPerSecond} req/s → single-event ratio ${result.singleVsHelloWorld.toFixed(2)}`,
            `acknowledged ${acknowledged}, stored ${stored}; fold backlog drained in ${foldMs} ms`,
            `goals: ${JSON.stringify(result.goals)}`,
        ].join("\n")}\n`);
    }
    finally {
        rmSync(dir, { recursive: true, force: true });
    }
}
async function summary(url, token) {
    const res = await fetch(`${url}/v1/models/bench/summary`, {
        headers: { authorization: `Bearer ${token}` },
    });
    return (await res.json()).predictions;
}
main().catch((error) => {
    process.stderr.write(`bench/ingest: ${error.message}\n`);
    process.exitCode = 1;
});
