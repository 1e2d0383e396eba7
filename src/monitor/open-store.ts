import { readFileSync } from "node:fs";
import { InputError } from "../table/errors.js";
import { PostgresStore } from "./postgres-store.js";
import { SqliteStore } from "./sqlite-store.js";
import type { MonitorStore } from "./store.js";

export const DEFAULT_DB = "sqlite:.assay/monitor.db";

interface StoreOptions {
  /**
   * A file holding the PostgreSQL password (`--db-password-file`), so it need not be in the URL, where
   * `ps` shows it to every user of the machine. Without it and without one in the URL, the driver reads
   * PGPASSWORD (and ~/.pgpass) as libpq does.
   */
  passwordFile?: string;
}

/** Opens (and initialises) the store named by `--db`: `sqlite:FILE`, `sqlite::memory:` or `postgres://…`. */
export async function openStore(db: string = DEFAULT_DB, options: StoreOptions = {}): Promise<MonitorStore> {
  let store: MonitorStore;
  if (db.startsWith("sqlite:")) {
    const path = db.slice("sqlite:".length);
    if (path === "") throw new InputError("--db sqlite: needs a file name, e.g. sqlite:monitor.db");
    store = new SqliteStore(path);
  } else if (db.startsWith("postgres://") || db.startsWith("postgresql://")) {
    store = new PostgresStore(db, {
      password: options.passwordFile ? readPassword(options.passwordFile) : undefined,
    });
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

function readPassword(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new InputError(`--db-password-file ${file}: cannot read the file`);
  }
  const password = text.split(/\r?\n/)[0];
  if (password === "") throw new InputError(`--db-password-file ${file}: the first line is empty`);
  return password;
}

/** True when a connection URL carries a password (visible in `ps` when given on a command line). */
export function hasPassword(db: string): boolean {
  return /^postgres(ql)?:\/\/[^:/@]+:[^@/]+@/.test(db);
}

/** Hides a password in a connection URL before it reaches a message or a log. */
export function redact(db: string): string {
  return db.replace(/\/\/([^:/@]+):[^@/]*@/, "//$1:***@");
}
