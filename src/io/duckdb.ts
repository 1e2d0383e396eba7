import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";

let instance: Promise<DuckDBInstance> | null = null;

/**
 * One in-process DuckDB per process; every reader shares it (the promise, so racing first calls share
 * too). The native binding is loaded on the first call, not on import: `import "assay"` stays cheap.
 */
export async function duckdb(): Promise<DuckDBConnection> {
  instance ??= import("@duckdb/node-api").then((m) => m.DuckDBInstance.create(":memory:"));
  return (await instance).connect();
}

/**
 * A DuckDB of its own for user SQL, able to read only `paths` and files under `directories`, its
 * configuration locked (a later SET cannot widen it). DuckDB's own temporary files still work.
 */
export async function sandboxedDuckdb(access: {
  paths: string[];
  directories: string[];
}): Promise<() => Promise<DuckDBConnection>> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const sandbox = await DuckDBInstance.create(":memory:");
  const conn = await sandbox.connect();
  const list = (items: string[]) => `[${items.map((p) => `'${p.replaceAll("'", "''")}'`).join(", ")}]`;
  if (access.paths.length > 0) await conn.run(`SET allowed_paths = ${list(access.paths)}`);
  if (access.directories.length > 0) await conn.run(`SET allowed_directories = ${list(access.directories)}`);
  await conn.run("SET enable_external_access = false");
  await conn.run("SET lock_configuration = true");
  // a connection per relation: one connection cannot stream two results at once
  return () => sandbox.connect();
}

/** Runs a query and returns plain JS rows: BIGINT becomes number, DATE/TIMESTAMP become epoch ms. */
export async function queryRows(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRowObjects().map((row) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) out[key] = plainValue(value);
    return out;
  });
}

/** A DuckDB value as plain JS (see Row in table/relation.ts). */
export function plainValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map(plainValue);
  const v = value as {
    micros?: bigint;
    days?: number;
    items?: unknown[];
    entries?: unknown;
    toDouble?: () => number;
  };
  if (typeof v.micros === "bigint") return Number(v.micros / 1000n);
  if (typeof v.days === "number") return v.days * 86_400_000;
  if (typeof v.toDouble === "function") return v.toDouble();
  if (Array.isArray(v.items)) return v.items.map(plainValue);
  return String(value);
}
