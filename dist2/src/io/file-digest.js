import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
/**
 * sha256 of a file's bytes — the digest every report records for its inputs — or null when the file is
 * missing. A module of its own with no heavy imports: readiness digests every artefact of a card on
 * each run, and compat/registry/files.ts's copy pulls DuckDB in with it (1.4 s to load).
 */
export function fileDigest(path) {
    if (!existsSync(path) || !statSync(path).isFile())
        return null;
    return createHash("sha256").update(readFileSync(path)).digest("hex");
}
export function textDigest(text) {
    return createHash("sha256").update(text).digest("hex");
}
