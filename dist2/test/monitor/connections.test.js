import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { ROOT } from "../helpers/cli.js";
import { onSocket, TOKENS, testServer } from "./helpers.js";
import { killed } from "./process.js";
const dir = mkdtempSync(join(tmpdir(), "assay-conn-"));
after(() => rmSync(dir, { recursive: true, force: true }));
/** A raw TCP client: what it received, and when the server closed it (ms after opening). */
function raw(port, send) {
    return new Promise((resolve, reject) => {
        const opened = Date.now();
        const socket = connect(port, "127.0.0.1");
        let data = "";
        const result = new Promise((done) => {
            socket.on("data", (chunk) => (data += chunk.toString()));
            socket.on("close", () => done({ data, closedAfter: Date.now() - opened }));
        });
        socket.on("error", () => { });
        socket.once("connect", () => {
            socket.write(send);
            resolve({ socket, result });
        });
        socket.once("error", reject);
    });
}
const portOf = (base) => Number(new URL(base).port);
test("slow bodies and slow headers are cut off; an unauthenticated body is not waited for", {
    timeout: 30_000,
}, async () => {
    const s = await testServer({
        limits: { requestTimeoutMs: 1000, headersTimeoutMs: 800, keepAliveTimeoutMs: 500 },
    });
    const http = await onSocket(s);
    const port = portOf(http.base);
    try {
        await http.call("POST", "/v1/models", { name: "m" });
        const slowBody = await raw(port, `POST /v1/models/m/predictions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKENS.ingest}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n[{"id":`);
        const slowHeaders = await raw(port, "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ");
        const anonymous = await raw(port, "POST /v1/models/m/predictions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n[");
        const a = await anonymous.result;
        assert.match(a.data, /^HTTP\/1.1 401/);
        assert.ok(a.closedAfter < 700, `the 401 connection closed after ${a.closedAfter} ms`);
        const b = await slowBody.result;
        assert.match(b.data, /^HTTP\/1.1 408/, b.data);
        assert.ok(b.closedAfter >= 900 && b.closedAfter < 3000, `slow body closed after ${b.closedAfter} ms`);
        const h = await slowHeaders.result;
        assert.ok(h.closedAfter < 3000, `slow headers closed after ${h.closedAfter} ms`);
        // a finished request's idle keep-alive connection is closed after keepAliveTimeoutMs
        const idle = await raw(port, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        const i = await idle.result;
        assert.match(i.data, /^HTTP\/1.1 200/);
        assert.ok(i.closedAfter >= 400 && i.closedAfter < 3000, `idle keep-alive closed after ${i.closedAfter} ms`);
        assert.equal((await http.call("GET", "/healthz", undefined, null)).statusCode, 200);
    }
    finally {
        await s.close();
    }
});
test("connections beyond the cap are closed on arrival; the service answers again once they go", {
    timeout: 30_000,
}, async () => {
    const s = await testServer({ limits: { maxConnections: 5 } });
    const http = await onSocket(s);
    const port = portOf(http.base);
    try {
        const held = await Promise.all(Array.from({ length: 5 }, () => raw(port, "GET /healthz HTTP/1.1\r\nHost: x\r\n")));
        await new Promise((r) => setTimeout(r, 100));
        const extra = await raw(port, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        const e = await extra.result;
        assert.equal(e.data, "", "the sixth connection gets no answer");
        for (const h of held)
            h.socket.destroy();
        await Promise.all(held.map((h) => h.result));
        assert.equal((await http.call("GET", "/healthz", undefined, null)).statusCode, 200);
    }
    finally {
        await s.close();
    }
});
test("assay serve under ulimit -n 256: 300 stalled connections do not make it fail; it recovers", {
    timeout: 60_000,
}, async () => {
    const db = `sqlite:${join(dir, "ulimit.db")}`;
    const child = spawn("bash", [
        "-c",
        `ulimit -n 256 && exec "${process.execPath}" "${join(ROOT, "dist", "src", "cli", "main.js")}" serve --port 0 --db ${db} --request-timeout 2s`,
    ], { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, ASSAY_EVIDENCE: "off" } });
    let err = "";
    const url = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start: ${err}`)), 20_000);
        child.stderr.on("data", (c) => {
            err += c.toString();
            const m = /listening on (http:\/\/[^\s]+)/.exec(err);
            if (m) {
                clearTimeout(timer);
                resolve(m[1]);
            }
        });
    });
    try {
        const port = portOf(url);
        const stalled = await Promise.all(Array.from({ length: 300 }, () => raw(port, "POST /v1/models HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n")));
        const results = await Promise.all(stalled.map((s) => s.result));
        assert.ok(results.every((r) => r.closedAfter < 6000), "every stalled connection was closed");
        const health = await fetch(`${url}/healthz`);
        assert.equal(health.status, 200);
        assert.doesNotMatch(err, /EMFILE|too many open files/i);
    }
    finally {
        child.kill("SIGTERM");
        await killed(child);
    }
});
