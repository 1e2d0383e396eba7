import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { hashToken } from "../../src/monitor/auth.js";
import { openStore } from "../../src/monitor/open-store.js";
import { runCli } from "../helpers/cli.js";
import { killed, startServer } from "./process.js";
const dir = mkdtempSync(join(tmpdir(), "assay-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));
test("assay token create prints the token alone, once, and stores only its hash", async () => {
    const db = `sqlite:${join(dir, "tokens.db")}`;
    const a = runCli(["token", "create", "--scope", "ingest", "--scope", "read", "--name", "ci", "--db", db]);
    assert.equal(a.code, 0, a.stderr);
    assert.match(a.stdout, /^assay_[A-Za-z0-9_-]{43}\n$/);
    const b = runCli(["token", "create", "--scope", "admin", "--db", db]);
    assert.notEqual(a.stdout, b.stdout);
    const token = a.stdout.trim();
    const store = await openStore(db);
    try {
        assert.deepEqual((await store.findToken(hashToken(token)))?.scopes, ["ingest", "read"]);
        assert.equal(await store.findToken(token), null, "the token itself is not a key");
    }
    finally {
        await store.close();
    }
});
test("token and serve reject bad arguments with one line and exit 2", () => {
    const cases = [
        [["token", "create"], /--scope is required/],
        [["token", "create", "--scope", "root"], /unknown scope 'root'/],
        [["token", "list"], /expected 'assay token create/],
        [["token", "create", "--scope", "read", "--db", "mysql://x"], /--db expects sqlite:FILE or postgres/],
        [["serve", "--port", "http"], /--port expects a number/],
        [["serve", "--db", "nowhere"], /--db expects/],
        [["serve", "--bucket", "often"], /--bucket expects a duration/],
        [["serve", "--rules", join(dir, "missing.yaml")], /cannot read the rules file/],
    ];
    for (const [args, pattern] of cases) {
        const r = runCli(args);
        assert.equal(r.code, 2, args.join(" "));
        assert.match(r.stderr, pattern);
        assert.equal(r.stderr.trim().split("\n").length, 1);
    }
    const rules = join(dir, "bad-rules.yaml");
    writeFileSync(rules, "rules:\n  - name: r\n    monitor: feature_drift\n    condition: '>> 3'\n");
    const r = runCli(["serve", "--rules", rules, "--db", `sqlite:${join(dir, "x.db")}`]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /rule 1 \(r\): condition '>> 3'/);
});
test("assay serve over a real socket: bad requests get 4xx, the server stays up, SIGTERM stops it", async () => {
    const db = `sqlite:${join(dir, "serve.db")}`;
    const token = runCli(["token", "create", "--scope", "admin", "--db", db]).stdout.trim();
    const server = await startServer(db, ["--body-limit", "4096"]);
    const res = await fetch(`${server.url}/healthz`);
    assert.deepEqual(await res.json(), { status: "ok", store: "sqlite" });
    const post = (path, body, auth = `Bearer ${token}`) => fetch(`${server.url}${path}`, {
        method: "POST",
        headers: { authorization: auth, "content-type": "application/json" },
        body,
    });
    assert.equal((await post("/v1/models", JSON.stringify({ name: "m" }))).status, 201);
    const huge = await post("/v1/models/m/predictions", JSON.stringify([{ id: "a", timestamp: 1, features: { s: "x".repeat(10_000) } }]));
    assert.equal(huge.status, 413);
    assert.match((await huge.json()).error, /larger than the limit of 4096 bytes/);
    assert.equal((await post("/v1/models/m/predictions", "{not json")).status, 400);
    assert.equal((await post("/v1/models/m/predictions", "[]", "Bearer wrong")).status, 401);
    assert.equal((await post("/v1/models/zz/predictions", JSON.stringify([{ id: "a", timestamp: 1 }]))).status, 404);
    const ok = await post("/v1/models/m/predictions", JSON.stringify([{ id: "a", timestamp: 1, features: { x: 1 } }]));
    assert.deepEqual(await ok.json(), { accepted: 1, duplicates: 0 });
    server.child.kill("SIGTERM");
    await killed(server.child);
    assert.equal(server.child.exitCode, 0);
});
