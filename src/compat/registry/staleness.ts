/**
 * Unstable data dependencies: a model is stale when a file it was built from no longer has the digest
 * it had at registration (with the fingerprint diff saying what changed), when its model or config file
 * changed or vanished, or when a model whose outputs it reads is stale or has a newer version.
 */
import { compareFingerprints, type DatasetFingerprint } from "./fingerprint.js";
import type { ModelRecord, StaleReason } from "./types.js";

/** What the file system says now: a digest per path (null when the file is gone) and fingerprints of changed data. */
interface CurrentState {
  digests: Map<string, string | null>;
  fingerprints: Map<string, DatasetFingerprint>;
}

export function staleReasons(models: ModelRecord[], now: CurrentState): Map<string, StaleReason[]> {
  const keyOf = (name: string, version: string) => `${name}@${version}`;
  const direct = new Map<string, StaleReason[]>();
  for (const m of models) {
    const reasons: StaleReason[] = [];
    const fileCheck = (subject: string, path: string, digest: string) => {
      const current = now.digests.get(path);
      if (current === null || current === undefined)
        reasons.push({ subject, reason: "missing", message: `${subject} ${path} no longer exists` });
      else if (current !== digest)
        reasons.push({
          subject,
          reason: "digest_changed",
          message: `${subject} ${path} changed since registration`,
        });
    };
    fileCheck("model file", m.path, m.digest);
    if (m.configPath && m.configDigest) fileCheck("config", m.configPath, m.configDigest);
    if (m.descriptorPath && m.descriptorDigest && m.descriptorPath !== m.configPath)
      fileCheck("model descriptor", m.descriptorPath, m.descriptorDigest);
    for (const d of m.datasets) {
      const current = now.digests.get(d.path);
      const subject = `${d.role} data`;
      if (current === null || current === undefined)
        reasons.push({ subject, reason: "missing", message: `${subject} ${d.path} no longer exists` });
      else if (current !== d.digest) {
        const after = now.fingerprints.get(d.path);
        const changes = after ? compareFingerprints(d.fingerprint, after) : [];
        const summary =
          changes.length > 0
            ? changes
                .slice(0, 5)
                .map((c) => c.message)
                .join("; ")
            : "same summary statistics, different bytes";
        reasons.push({
          subject,
          reason: "digest_changed",
          message: `${subject} ${d.path} changed: ${summary}`,
          changes,
        });
      }
    }
    direct.set(keyOf(m.name, m.version), reasons);
  }
  // Propagate along model → model edges (correction cascades), to a fixed point.
  const latest = new Map<string, string>();
  for (const m of models) latest.set(m.name, m.version); // models are listed oldest first per name
  const result = new Map<string, StaleReason[]>();
  const visiting = new Set<string>();
  const resolve = (m: ModelRecord): StaleReason[] => {
    const key = keyOf(m.name, m.version);
    const done = result.get(key);
    if (done) return done;
    if (visiting.has(key)) return direct.get(key) ?? [];
    visiting.add(key);
    const reasons = [...(direct.get(key) ?? [])];
    for (const u of m.upstream) {
      const upstream = models.find((x) => x.name === u.name && x.version === u.version);
      const upKey = keyOf(u.name, u.version);
      if (upstream && resolve(upstream).length > 0)
        reasons.push({
          subject: `upstream model ${upKey}`,
          reason: "upstream_stale",
          message: `it reads the outputs of ${upKey}, which is stale`,
        });
      const newest = latest.get(u.name);
      if (newest !== undefined && newest !== u.version)
        reasons.push({
          subject: `upstream model ${upKey}`,
          reason: "upstream_newer",
          message: `it reads the outputs of ${upKey}, but ${u.name}@${newest} has been registered since`,
        });
    }
    visiting.delete(key);
    result.set(key, reasons);
    return reasons;
  };
  for (const m of models) resolve(m);
  return result;
}
