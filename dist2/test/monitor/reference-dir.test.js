import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { onSocket, testServer } from "./helpers.js";
const root = mkdtempSync(join(tmpdir(), "assay-refdir-"));
after(() => rmSync(root, { recursive: true, force: true }));
const refs = join(root, "refs");
mkdirSync(refs);
writeFileSync(join(refs, "train.csv"), "x,score\n1,0.2\n2,0.4\n3,0.9\n");
writeFileSync(join(root, "outside.csv"), "x,score\n7,0.1\n");
symlinkSync(join(root, "outside.csv"), join(refs, "link.csv"));
test("a {path} reference is read only from --reference-dir; outside it (.., absolute, symlink) is a 400", async () => {
    const s = await testServer({ referenceDir: refs });
    const http = await onSocket(s);
    try {
        await http.call("POST", "/v1/models", { name: "m" });
        const ok = await http.call("PUT", "/v1/models/m/reference", { path: "train.csv" });
        assert.equal(ok.statusCode, 200, ok.body);
        assert.equal(ok.json.rows, 3);
        const absolute = await http.call("PUT", "/v1/models/m/reference?version=b", {
            path: join(refs, "train.csv"),
        });
        assert.equal(absolute.statusCode, 200, absolute.body);
        for (const path of [
            "../outside.csv",
            join(root, "outside.csv"),
            "link.csv",
            "/etc/passwd",
            "/etc/hostname",
        ]) {
            const r = await http.call("PUT", "/v1/models/m/reference?version=x", { path });
            assert.equal(r.statusCode, 400, `${path}: ${r.body}`);
            assert.match(r.json.error, /only files inside the reference directory|no such file in the reference directory/);
        }
    }
    finally {
        await s.close();
    }
});
test("without --reference-dir no server file is profiled at all", async () => {
    const s = await testServer();
    const http = await onSocket(s);
    try {
        await http.call("POST", "/v1/models", { name: "m" });
        const r = await http.call("PUT", "/v1/models/m/reference", { path: join(refs, "train.csv") });
        assert.equal(r.statusCode, 400);
        assert.match(r.json.error, /profiling a file on the server is off/);
    }
    finally {
        await s.close();
    }
});
