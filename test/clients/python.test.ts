import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { ROOT } from "../helpers/cli.js";
import { createToken, killed, type ServerProcess, startServer } from "../monitor/process.js";

// The Python client (clients/python/) against a real `assay serve`, run with Debian's python3.
const PYTHON = "/usr/bin/python3";
const dir = mkdtempSync(join(tmpdir(), "assay-py-"));
let server: ServerProcess;
let token: string;
let proxy: Server;
let proxyUrl: string;
const proxyLog: number[] = [];

/** Forwards to the server, except that it answers 503 to the 1st, 2nd, 4th and 7th request. */
function startProxy(target: string): Promise<void> {
  const failing = new Set([1, 2, 4, 7]);
  let n = 0;
  proxy = createServer((req, res) => {
    n++;
    if (failing.has(n)) {
      proxyLog.push(503);
      req.resume();
      res.writeHead(503).end("busy");
      return;
    }
    const up = new URL(req.url ?? "/", target);
    const forward = request(up, { method: req.method, headers: req.headers }, (answer) => {
      proxyLog.push(answer.statusCode ?? 0);
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on("error", () => res.writeHead(502).end());
    req.pipe(forward);
  });
  return new Promise((resolve) =>
    proxy.listen(0, "127.0.0.1", () => {
      proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
      resolve();
    }),
  );
}

function runPython(
  script: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(PYTHON, [join(ROOT, "clients", "python", "tests", script), ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code: code ?? -1, stdout, stderr })));
}

async function summary(): Promise<{ predictions: number; labels: number }> {
  const res = await fetch(`${server.url}/v1/models/py/summary`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(res.status, 200);
  return (await res.json()) as { predictions: number; labels: number };
}

before(async () => {
  const db = `sqlite:${join(dir, "py.db")}`;
  token = createToken(db, "admin");
  server = await startServer(db);
  const res = await fetch(`${server.url}/v1/models`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({
      name: "py",
      features: [
        { name: "x", type: "number" },
        { name: "odd", type: "boolean" },
      ],
    }),
  });
  assert.ok(res.status < 300, await res.text());
  await startProxy(server.url);
});

after(async () => {
  proxy?.close();
  server?.child.kill("SIGTERM");
  if (server) await killed(server.child);
  rmSync(dir, { recursive: true, force: true });
});

test("python client: batches, retries 503s, idempotent by id, bounded, never raises", async () => {
  const r = await runPython("scenario.py", [proxyUrl, token, "http://127.0.0.1:9"]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, "", "nothing is printed to stderr: no traceback from the worker thread");
  const seen = JSON.parse(r.stdout.trim());
  assert.equal(seen.flushed, true);
  assert.equal(seen.closed, true);
  // 250 predictions + 125 labels + 10 re-sent ids, every one acknowledged despite the 503s.
  assert.equal(seen.stats.sent, 385);
  assert.equal(seen.stats.failed, 0);
  assert.equal(seen.stats.dropped, 0);
  assert.deepEqual(seen.errors, []);
  assert.equal(proxyLog.filter((s) => s === 503).length, 4, "the proxy did answer 503 four times");
  assert.ok(proxyLog.filter((s) => s === 200 || s === 202).length >= 8, `proxy saw ${proxyLog}`);
  assert.ok(
    proxyLog.every((s) => s === 503 || s < 300),
    `the server accepted every batch: ${proxyLog}`,
  );
  const counts = await summary();
  assert.equal(counts.predictions, 250, "re-sent ids are not counted twice");
  assert.equal(counts.labels, 125);
  // The dead server: 8 records into a buffer of 5 → 3 dropped, 5 given up on, and no exception.
  assert.deepEqual(seen.dead, { sent: 0, dropped: 3, failed: 5, buffered: 0 });
  assert.ok(seen.dead_errors.some((e: string) => /buffer full \(5\)/.test(e)));
  assert.ok(seen.dead_errors.some((e: string) => /gave up on 5 predictions/.test(e)));
});

test("python client: a script that ends without flushing still delivers (atexit)", async () => {
  const before = (await summary()).predictions;
  const r = await runPython("exit_flush.py", [server.url, token]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal((await summary()).predictions, before + 130);
});

test("python client: a wrong token is given up on at once (401 is not retried)", async () => {
  const script = `
import sys; sys.path.insert(0, ${JSON.stringify(join(ROOT, "clients", "python"))})
from assay_client import AssayClient
errs = []
c = AssayClient(${JSON.stringify(server.url)}, "py", "wrong", base_delay=5, on_error=lambda e: errs.append(str(e)))
c.record(features={"x": 1})
c.close()
assert c.stats.failed == 1 and c.stats.sent == 0, vars(c.stats)
assert "HTTP 401" in errs[0], errs
`;
  const started = Date.now();
  const child = spawn(PYTHON, ["-c", script], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise((resolve) => child.on("exit", resolve));
  assert.equal(code, 0, stderr);
  assert.ok(Date.now() - started < 4000, "no backoff pause (base_delay 5 s) was taken");
});
