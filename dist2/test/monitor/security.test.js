import assert from "node:assert/strict";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { hashToken } from "../../src/monitor/auth.js";
import { SqliteStore } from "../../src/monitor/sqlite-store.js";
import { runCli } from "../helpers/cli.js";
import { freshStore, onSocket, STORE_KINDS, testServer } from "./helpers.js";
import { killed, startServer } from "./process.js";
const dir = mkdtempSync(join(tmpdir(), "assay-security-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const PG_URL = process.env.ASSAY_TEST_POSTGRES_URL;
for (const { kind, skip } of STORE_KINDS) {
    test(`${kind}: tokens revoke at once, expire, and can be limited to models`, { skip }, async () => {
        const s = await testServer({ store: await freshStore(kind) });
        const http = await onSocket(s);
        const bearer = (token) => ({ authorization: `Bearer ${token}` });
        try {
            await http.call("POST", "/v1/models", { name: "a" });
            await http.call("POST", "/v1/models", { name: "b" });
            await s.store.addToken(hashToken("t-temp"), "temp", ["read"]);
            assert.equal((await http.call("GET", "/v1/models", undefined, null, bearer("t-temp"))).statusCode, 200);
            assert.equal(await s.store.revokeTokens("temp"), 1);
            const revoked = await http.call("GET", "/v1/models", undefined, null, bearer("t-temp"));
            assert.equal(revoked.statusCode, 401, "no grace period after revocation");
            await s.store.addToken(hashToken("t-old"), "old", ["read"], { expiresAt: Date.now() - 1000 });
            const expired = await http.call("GET", "/v1/models", undefined, null, bearer("t-old"));
            assert.equal(expired.statusCode, 401);
            assert.match(expired.json.error, /token expired at \d{4}-/);
            await s.store.addToken(hashToken("t-soon"), "soon", ["read"], { expiresAt: Date.now() + 60_000 });
            assert.equal((await http.call("GET", "/v1/models", undefined, null, bearer("t-soon"))).statusCode, 200);
            await s.store.addToken(hashToken("t-a"), "ingest-a", ["ingest", "read"], { models: ["a"] });
            const record = [{ id: "1", timestamp: Date.now(), features: { x: 1 } }];
            assert.equal((await http.call("POST", "/v1/models/a/predictions", record, null, bearer("t-a"))).statusCode, 200);
            const other = await http.call("POST", "/v1/models/b/predictions", record, null, bearer("t-a"));
            assert.equal(other.statusCode, 403);
            assert.match(other.json.error, /limited to the model a/);
            const listed = await http.call("GET", "/v1/models", undefined, null, bearer("t-a"));
            assert.deepEqual(listed.json.models.map((m) => m.name), ["a"]);
            assert.equal((await http.call("GET", "/v1/alerts", undefined, null, bearer("t-a"))).statusCode, 403);
            assert.equal((await http.call("GET", "/v1/models/b/summary", undefined, null, bearer("t-a"))).statusCode, 403);
            const tokens = await s.store.listTokens();
            const a = tokens.find((t) => t.name === "ingest-a");
            assert.deepEqual(a.models, ["a"]);
            assert.equal(a.id, hashToken("t-a").slice(0, 12));
            assert.equal(await s.store.revokeTokens(a.id), 1, "revoked by id");
            assert.equal((await http.call("GET", "/v1/models", undefined, null, bearer("t-a"))).statusCode, 401);
        }
        finally {
            await s.close();
        }
    });
}
test("assay token list/revoke against a running server: the revoked token fails on its next request", async () => {
    const db = `sqlite:${join(dir, "tokens.db")}`;
    const create = runCli([
        "token",
        "create",
        "--scope",
        "read",
        "--name",
        "dash",
        "--expires",
        "1d",
        "--db",
        db,
    ]);
    assert.equal(create.code, 0, create.stderr);
    const token = create.stdout.trim();
    const scoped = runCli([
        "token",
        "create",
        "--scope",
        "ingest",
        "--model",
        "a,b",
        "--name",
        "ing",
        "--db",
        db,
    ]);
    assert.equal(scoped.code, 0, scoped.stderr);
    const list = runCli(["token", "list", "--json", "--db", db]);
    assert.equal(list.code, 0, list.stderr);
    const tokens = JSON.parse(list.stdout).tokens;
    assert.deepEqual(tokens.map((t) => [t.name, t.models]), [
        ["dash", null],
        ["ing", ["a", "b"]],
    ]);
    assert.ok(tokens[0].expiresAt > new Date().toISOString());
    assert.doesNotMatch(list.stdout, new RegExp(token), "the token itself is never listed");
    assert.doesNotMatch(list.stdout, new RegExp(hashToken(token)), "nor its whole hash");
    const server = await startServer(db);
    try {
        const get = () => fetch(`${server.url}/v1/models`, { headers: { authorization: `Bearer ${token}` } });
        assert.equal((await get()).status, 200);
        const revoke = runCli(["token", "revoke", tokens[0].id, "--db", db]);
        assert.equal(revoke.code, 0, revoke.stderr);
        assert.equal((await get()).status, 401);
        const missing = runCli(["token", "revoke", "nobody", "--db", db]);
        assert.equal(missing.code, 2);
        assert.match(missing.stderr, /no token with id or name 'nobody'/);
        const badExpiry = runCli(["token", "create", "--scope", "read", "--expires", "soon", "--db", db]);
        assert.equal(badExpiry.code, 2);
    }
    finally {
        server.child.kill("SIGTERM");
        await killed(server.child);
    }
});
test("an internal error is a 500 with a request id, and logged once with that id and the stack", async () => {
    const store = new SqliteStore(join(dir, "boom.db"));
    const lines = [];
    const s = await testServer({ store });
    // a store failure the client cannot fix
    store.counts = async () => {
        throw new Error("disk on fire");
    };
    const { buildServer } = await import("../../src/monitor/server.js");
    const logged = buildServer({ store, errorLog: (line) => lines.push(line) });
    const http = await onSocket(logged);
    try {
        await http.call("POST", "/v1/models", { name: "m" });
        const r = await http.call("GET", "/v1/models/m/summary", undefined, "read");
        assert.equal(r.statusCode, 500);
        assert.equal(r.json.error, "internal error", "no internals leak to the client");
        assert.match(r.json.requestId, /^[0-9a-f-]{36}$/);
        assert.equal(r.headers.get("x-request-id"), r.json.requestId);
        assert.equal(lines.length, 1);
        const entry = JSON.parse(lines[0]);
        assert.equal(entry.requestId, r.json.requestId);
        assert.equal(entry.error, "disk on fire");
        assert.match(entry.stack, /disk on fire/);
        assert.equal(entry.url, "/v1/models/m/summary");
        const fine = await http.call("GET", "/v1/models", undefined, "read");
        assert.equal(fine.statusCode, 200);
        assert.equal(lines.length, 1, "a 200 is not logged as an error");
    }
    finally {
        await logged.app.close();
        await s.close();
    }
});
test("the SQLite file (and its WAL) is created owner-only", async () => {
    const path = join(dir, "private", "monitor.db");
    const store = new SqliteStore(path);
    await store.init();
    await store.addToken("h", "n", ["read"]);
    await store.insertPredictions("m", [{ id: "1", timestamp: 1, version: null, features: {}, prediction: null, score: null }], 60_000);
    try {
        assert.equal(statSync(path).mode & 0o777, 0o600);
        assert.equal(statSync(`${path}-wal`).mode & 0o777, 0o600);
        assert.equal(statSync(join(dir, "private")).mode & 0o777, 0o700);
    }
    finally {
        await store.close();
    }
});
test("the PostgreSQL password comes from --db-password-file or PGPASSWORD, not the URL", {
    skip: PG_URL ? false : "ASSAY_TEST_POSTGRES_URL is not set",
}, () => {
    const url = new URL(PG_URL);
    const password = decodeURIComponent(url.password);
    url.password = "";
    const bare = url.toString();
    const good = join(dir, "pw");
    const bad = join(dir, "pw-bad");
    writeFileSync(good, `${password}\n`, { mode: 0o600 });
    writeFileSync(bad, "not-the-password\n", { mode: 0o600 });
    const env = { PGPASSWORD: "" };
    const ok = runCli(["token", "list", "--db", bare, "--db-password-file", good], { env });
    assert.equal(ok.code, 0, ok.stderr);
    const wrong = runCli(["token", "list", "--db", bare, "--db-password-file", bad], { env });
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /cannot open the monitor database .*password authentication failed/);
    assert.doesNotMatch(wrong.stderr, /not-the-password/);
    const fromEnv = runCli(["token", "list", "--db", bare], { env: { PGPASSWORD: password } });
    assert.equal(fromEnv.code, 0, fromEnv.stderr);
});
test("every response carries the security headers; the dashboard loads nothing from elsewhere", async () => {
    const s = await testServer();
    const http = await onSocket(s);
    try {
        for (const path of ["/", "/healthz", "/v1/models"]) {
            const r = await http.call("GET", path, undefined, path === "/v1/models" ? "read" : null);
            assert.equal(r.statusCode, 200, path);
            const csp = r.headers.get("content-security-policy") ?? "";
            assert.match(csp, /default-src 'self'/, path);
            assert.match(csp, /frame-ancestors 'none'/, path);
            assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/, path);
            assert.equal(r.headers.get("x-frame-options"), "DENY", path);
            assert.equal(r.headers.get("x-content-type-options"), "nosniff", path);
            assert.equal(r.headers.get("referrer-policy"), "no-referrer", path);
        }
    }
    finally {
        await s.close();
    }
});
