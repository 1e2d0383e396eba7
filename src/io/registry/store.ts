/** The registry in SQLite (`.assay/registry.db` by default). */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type {
  DatasetDependency,
  ModelDependency,
  ModelRecord,
  StaleReason,
} from "../../compat/registry/types.js";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS models (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL, version TEXT NOT NULL,
  path TEXT NOT NULL, digest TEXT NOT NULL,
  config_path TEXT, config_digest TEXT, features TEXT, notes TEXT,
  created_at TEXT NOT NULL,
  stale INTEGER NOT NULL DEFAULT 0, stale_reasons TEXT NOT NULL DEFAULT '[]', checked_at TEXT,
  UNIQUE (name, version));
CREATE TABLE IF NOT EXISTS dataset_dependencies (
  model_id INTEGER NOT NULL REFERENCES models(id), role TEXT NOT NULL, path TEXT NOT NULL,
  digest TEXT NOT NULL, fingerprint TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS model_dependencies (
  model_id INTEGER NOT NULL REFERENCES models(id), upstream_name TEXT NOT NULL, upstream_version TEXT NOT NULL);
`;
/** Version 2 records the model descriptor apart from the configuration. */
const SCHEMA_VERSION = 2;

interface ModelRow {
  id: number;
  name: string;
  version: string;
  path: string;
  digest: string;
  config_path: string | null;
  config_digest: string | null;
  descriptor_path: string | null;
  descriptor_digest: string | null;
  features: string | null;
  notes: string | null;
  created_at: string;
  stale: number;
  stale_reasons: string;
  checked_at: string | null;
}

type NewModel = Omit<ModelRecord, "stale" | "staleReasons" | "checkedAt">;

export class RegistryStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.exec(SCHEMA);
    const columns = (this.db.prepare("PRAGMA table_info(models)").all() as { name: string }[]).map(
      (c) => c.name,
    );
    if (!columns.includes("descriptor_path"))
      this.db.exec(
        "ALTER TABLE models ADD COLUMN descriptor_path TEXT; ALTER TABLE models ADD COLUMN descriptor_digest TEXT;",
      );
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }

  has(name: string, version: string): boolean {
    return (
      this.db.prepare("SELECT 1 FROM models WHERE name = ? AND version = ?").get(name, version) !== undefined
    );
  }

  /** The next integer version of a model ("1" for a new one). */
  nextVersion(name: string): string {
    const rows = this.db.prepare("SELECT version FROM models WHERE name = ?").all(name) as {
      version: string;
    }[];
    const numbers = rows.map((r) => Number(r.version)).filter((v) => Number.isInteger(v));
    return String(numbers.length > 0 ? Math.max(...numbers) + 1 : rows.length + 1);
  }

  add(model: NewModel): void {
    const insert = this.db.transaction(() => {
      const info = this.db
        .prepare(
          `INSERT INTO models (name, version, path, digest, config_path, config_digest, descriptor_path, descriptor_digest, features, notes, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          model.name,
          model.version,
          model.path,
          model.digest,
          model.configPath,
          model.configDigest,
          model.descriptorPath,
          model.descriptorDigest,
          model.features ? JSON.stringify(model.features) : null,
          model.notes,
          model.createdAt,
        );
      const id = Number(info.lastInsertRowid);
      const dataset = this.db.prepare(
        "INSERT INTO dataset_dependencies (model_id, role, path, digest, fingerprint) VALUES (?, ?, ?, ?, ?)",
      );
      for (const d of model.datasets)
        dataset.run(id, d.role, d.path, d.digest, JSON.stringify(d.fingerprint));
      const upstream = this.db.prepare(
        "INSERT INTO model_dependencies (model_id, upstream_name, upstream_version) VALUES (?, ?, ?)",
      );
      for (const u of model.upstream) upstream.run(id, u.name, u.version);
    });
    insert();
  }

  list(): ModelRecord[] {
    const rows = this.db.prepare("SELECT * FROM models ORDER BY name, id").all() as ModelRow[];
    return rows.map((r) => this.record(r));
  }

  /** A model version, or its latest version when `version` is omitted. */
  get(name: string, version?: string): ModelRecord | null {
    const row = (
      version === undefined
        ? this.db.prepare("SELECT * FROM models WHERE name = ? ORDER BY id DESC LIMIT 1").get(name)
        : this.db.prepare("SELECT * FROM models WHERE name = ? AND version = ?").get(name, version)
    ) as ModelRow | undefined;
    return row ? this.record(row) : null;
  }

  setStale(name: string, version: string, reasons: StaleReason[], checkedAt: string): void {
    this.db
      .prepare(
        "UPDATE models SET stale = ?, stale_reasons = ?, checked_at = ? WHERE name = ? AND version = ?",
      )
      .run(reasons.length > 0 ? 1 : 0, JSON.stringify(reasons), checkedAt, name, version);
  }

  close(): void {
    this.db.close();
  }

  private record(r: ModelRow): ModelRecord {
    const datasets = (
      this.db
        .prepare("SELECT role, path, digest, fingerprint FROM dataset_dependencies WHERE model_id = ?")
        .all(r.id) as {
        role: DatasetDependency["role"];
        path: string;
        digest: string;
        fingerprint: string;
      }[]
    ).map((d) => ({ role: d.role, path: d.path, digest: d.digest, fingerprint: JSON.parse(d.fingerprint) }));
    const upstream = (
      this.db
        .prepare(
          "SELECT upstream_name AS name, upstream_version AS version FROM model_dependencies WHERE model_id = ?",
        )
        .all(r.id) as ModelDependency[]
    ).map((u) => ({ name: u.name, version: u.version }));
    return {
      name: r.name,
      version: r.version,
      path: r.path,
      digest: r.digest,
      configPath: r.config_path,
      configDigest: r.config_digest,
      descriptorPath: r.descriptor_path ?? null,
      descriptorDigest: r.descriptor_digest ?? null,
      features: r.features ? JSON.parse(r.features) : null,
      notes: r.notes,
      createdAt: r.created_at,
      datasets,
      upstream,
      stale: r.stale === 1,
      staleReasons: JSON.parse(r.stale_reasons),
      checkedAt: r.checked_at,
    };
  }
}
