import { InputError } from "../table/errors.js";
import { PostgresStore } from "./postgres-store.js";
import { SqliteStore } from "./sqlite-store.js";
import type { MonitorStore } from "./store.js";

export const DEFAULT_DB = "sqlite:.assay/monitor.db";

/** Opens (and initialises) the store named by `--db`: `sqlite:FILE`, `sqlite::memory:` or `postgres://…`. */
export async function openStore(db: string = DEFAULT_DB): Promise<MonitorStore> {
  let store: MonitorStore;
  if (db.startsWith("sqlite:")) {
    const path = db.slice("sqlite:".length);
    if (path === "") throw new InputError("--db sqlite: needs a file name, e.g. sqlite:monitor.db");
    store = new SqliteStore(path);
  } else if (db.startsWith("postgres://") || db.startsWith("postgresql://")) {
    store = new PostgresStore(db);
  } else {
    throw new InputError(`--db expects sqlite:FILE or postgres://…, got '${db}'`);
  }
  try {
    await store.init();
  } catch (error) {
    await store.close().catch(() => {});
    throw new InputError(`cannot open the monitor database ${redact(db)}: ${(error as Error).message}`);
  }
  return store;
}

/** Hides a password in a connection URL before it reaches a message or a log. */
export function redact(db: string): string {
  return db.replace(/\/\/([^:/@]+):[^@/]*@/, "//$1:***@");
}
