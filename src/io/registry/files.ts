/** File-system edge of the registry: where it lives, digests of files, fingerprints of datasets. */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { DatasetFingerprint } from "../../compat/registry/fingerprint.js";
import { fingerprintSource } from "../../compat/registry/fingerprint-source.js";
import { InputError } from "../../table/errors.js";
import { openSource } from "../source.js";
import { RegistryStore } from "./store.js";

/** `--db FILE`, else $ASSAY_HOME/registry.db, else .assay/registry.db. */
function registryFile(flag?: unknown): string {
  if (typeof flag === "string" && flag !== "") return flag;
  return join(process.env.ASSAY_HOME ?? ".assay", "registry.db");
}

export function openRegistry(flag?: unknown): RegistryStore {
  const file = registryFile(flag);
  try {
    return new RegistryStore(file);
  } catch (error) {
    throw new InputError(`cannot open the registry ${file}: ${(error as Error).message}`);
  }
}

/** sha256 of a file's bytes, or null when it does not exist. */
export function digestOrNull(path: string): string | null {
  if (!existsSync(path) || !statSync(path).isFile()) return null;
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** An existing file's absolute path and digest; a clear error naming `what` when it is missing. */
export function requireFile(path: string, what: string): { path: string; digest: string } {
  const absolute = resolve(path);
  const digest = digestOrNull(absolute);
  if (digest === null) throw new InputError(`${what} ${path}: no such file`);
  return { path: absolute, digest };
}

export async function fingerprintFile(path: string): Promise<DatasetFingerprint> {
  return fingerprintSource(await openSource({ path }));
}

/** Paths as the user would type them: relative to the working directory when below it. */
export function displayPath(path: string): string {
  const r = relative(process.cwd(), path);
  return r.startsWith("..") || r === "" ? path : r;
}
