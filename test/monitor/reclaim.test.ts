import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import Database from "better-sqlite3";
import { SqliteStore } from "../../src/monitor/sqlite-store.js";
import { testServer } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "assay-reclaim-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("SQLite: a drained fold queue gives its pages back (incremental auto-vacuum) and buckets stay merged", async () => {
  const path = join(dir, "monitor.db");
  const s = await testServer({ store: new SqliteStore(path) });
  try {
    await s.call("POST", "/v1/models", {
      name: "m",
      features: [
        { name: "x", type: "number" },
        { name: "blob", type: "string" },
      ],
    });
    const now = Date.now();
    // 30,000 predictions with 400-byte features in one bucket: ~15 MB of queue that folding drains
    for (let start = 0; start < 30_000; start += 5000) {
      const rows = Array.from({ length: 5000 }, (_, i) => ({
        id: `p${start + i}`,
        timestamp: now - 1000,
        features: { x: start + i, blob: `${"v".repeat(400)}${(start + i) % 10}` },
      }));
      assert.equal((await s.call("POST", "/v1/models/m/predictions", rows, "ingest")).statusCode, 200);
    }
    await s.service.fold("m");
    const parts = await s.store.bucketParts("m", 0, now + 60_000);
    assert.ok(parts.length <= 8, `${parts.length} parts in the one bucket`);
    const db = new Database(path, { readonly: true });
    try {
      assert.equal(db.pragma("auto_vacuum", { simple: true }), 2, "INCREMENTAL");
      const free = db.pragma("freelist_count", { simple: true }) as number;
      const pages = db.pragma("page_count", { simple: true }) as number;
      assert.ok(free <= 1024, `${free} free pages of ${pages} after draining the queue`);
    } finally {
      db.close();
    }
  } finally {
    await s.close();
  }
});
