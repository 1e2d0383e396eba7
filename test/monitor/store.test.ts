import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";
import { PostgresStore } from "../../src/monitor/postgres-store.js";
import { SqliteStore } from "../../src/monitor/sqlite-store.js";
import { storeSuite } from "./store-suite.js";

const dir = mkdtempSync(join(tmpdir(), "assay-store-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

storeSuite("sqlite", async () => {
  const store = new SqliteStore(join(dir, `s${n++}.db`));
  await store.init();
  return store;
});

// The same contract with `labeled` always walking the window's predictions (the plan for models with many
// labels), so both join orders are held to one answer.
storeSuite("sqlite, labels joined from the predictions", async () => {
  const store = new SqliteStore(join(dir, `s${n++}.db`), { labelDrivenJoinMax: 0 });
  await store.init();
  return store;
});

const url = process.env.ASSAY_TEST_POSTGRES_URL;
storeSuite(
  "postgres",
  async () => {
    const store = new PostgresStore(url!, { schema: `assay_test_${process.pid}_${n++}` });
    await store.init();
    return store;
  },
  url ? false : "ASSAY_TEST_POSTGRES_URL is not set (.ci/postgres sets it)",
);
