import assert from "node:assert/strict";
import { test } from "node:test";
import { freshStore, onSocket, STORE_KINDS, testServer } from "./helpers.js";

const NOW = Date.now();

for (const { kind, skip } of STORE_KINDS) {
  test(`${kind}: a read under a fold backlog answers from the folded parts plus a bounded tail, and says what it left out`, {
    skip,
  }, async () => {
    const s = await testServer({ store: await freshStore(kind), service: { tailRows: 50 } });
    const http = await onSocket(s);
    try {
      await http.call("POST", "/v1/models", { name: "m", features: [{ name: "x", type: "number" }] });
      const batch = (from: number, n: number) =>
        Array.from({ length: n }, (_, i) => ({
          id: `p${from + i}`,
          timestamp: NOW - 60_000,
          features: { x: from + i },
        }));
      await http.call("POST", "/v1/models/m/predictions", batch(0, 100), "ingest");
      await s.service.fold("m");
      await http.call("POST", "/v1/models/m/predictions", batch(100, 200), "ingest");

      const read = await http.call("GET", "/v1/models/m/window?window=1h", undefined, "read");
      assert.equal(read.statusCode, 200);
      assert.equal(read.json.unfolded.pending, 200);
      assert.equal(read.json.unfolded.included, 50);
      assert.equal(read.json.unfolded.notRead, 150);
      assert.ok(read.json.unfolded.lagMs >= 0 && read.json.unfolded.lagMs < 60_000);
      assert.equal(read.json.summary.rows, 150, "100 folded + the 50 oldest unfolded");
      const x = read.json.summary.profile.columns.find((c: { name: string }) => c.name === "x");
      assert.equal(x.max, 149, "the tail is the oldest unfolded rows, next in the fold queue");
      const monitors = await http.call("GET", "/v1/models/m/monitors?window=1h", undefined, "read");
      assert.equal(monitors.json.rows, 150);
      assert.equal(monitors.json.unfolded.notRead, 150);
      const summary = await http.call("GET", "/v1/models/m/summary", undefined, "read");
      assert.equal(summary.json.unfolded.pending, 200);

      await s.service.fold("m");
      const after = await http.call("GET", "/v1/models/m/window?window=1h", undefined, "read");
      assert.equal(after.json.summary.rows, 300);
      assert.deepEqual(after.json.unfolded, { pending: 0, included: 0, notRead: 0, lagMs: null });
    } finally {
      await s.close();
    }
  });

  test(`${kind}: the tail summarized in memory equals the same rows folded`, { skip }, async () => {
    const s = await testServer({ store: await freshStore(kind) });
    try {
      await s.call("POST", "/v1/models", {
        name: "m",
        features: [
          { name: "x", type: "number" },
          { name: "c", type: "string" },
        ],
      });
      const rows = Array.from({ length: 400 }, (_, i) => ({
        id: `p${i}`,
        timestamp: NOW - 3_600_000 + i * 5000,
        features: { x: (i * 37) % 101, c: `k${i % 7}` },
        score: (i % 10) / 10,
      }));
      await s.call("POST", "/v1/models/m/predictions", rows, "ingest");
      const tail = (await s.call("GET", "/v1/models/m/window?window=2h", undefined, "read")).json;
      assert.equal(tail.unfolded.included, 400);
      await s.service.fold("m");
      const folded = (await s.call("GET", "/v1/models/m/window?window=2h", undefined, "read")).json;
      assert.equal(folded.unfolded.pending, 0);
      assert.deepEqual(tail.summary.profile, folded.summary.profile);
      assert.equal(tail.summary.rows, folded.summary.rows);
    } finally {
      await s.close();
    }
  });
}
