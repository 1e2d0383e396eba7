/**
 * Differences between two model configurations (parsed YAML/JSON): every leaf is addressed by its
 * path (`model.optimizer.lr`, `features[2]`), and each path is added, removed or changed. Arrays are
 * compared by index; a leaf that turns into an object (or back) is one change of the whole subtree.
 */

interface ConfigChange {
  path: string;
  kind: "added" | "removed" | "changed";
  before?: unknown;
  after?: unknown;
}

/** Flattens nested objects/arrays into path → leaf value (empty objects and arrays are leaves). */
export function flattenConfig(
  value: unknown,
  prefix = "",
  out = new Map<string, unknown>(),
): Map<string, unknown> {
  if (Array.isArray(value) && value.length > 0)
    value.forEach((v, i) => flattenConfig(v, `${prefix}[${i}]`, out));
  else if (isPlainObject(value) && Object.keys(value).length > 0)
    for (const [k, v] of Object.entries(value))
      flattenConfig(v, prefix === "" ? escapeKey(k) : `${prefix}.${escapeKey(k)}`, out);
  else out.set(prefix === "" ? "(root)" : prefix, value);
  return out;
}

export function diffConfigs(before: unknown, after: unknown): ConfigChange[] {
  const a = flattenConfig(before);
  const b = flattenConfig(after);
  const changes: ConfigChange[] = [];
  for (const [path, value] of a) {
    if (!b.has(path)) changes.push({ path, kind: "removed", before: value });
    else if (!sameLeaf(value, b.get(path)))
      changes.push({ path, kind: "changed", before: value, after: b.get(path) });
  }
  for (const [path, value] of b) if (!a.has(path)) changes.push({ path, kind: "added", after: value });
  return changes.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}

function sameLeaf(x: unknown, y: unknown): boolean {
  if (x instanceof Date && y instanceof Date) return x.getTime() === y.getTime();
  if (typeof x === "object" || typeof y === "object") return JSON.stringify(x) === JSON.stringify(y);
  return Object.is(x, y) || x === y;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** Keys with dots, brackets or spaces are quoted so that paths stay unambiguous. */
function escapeKey(k: string): string {
  return /^[\w-]+$/.test(k) ? k : JSON.stringify(k);
}

/** A diff as lines: "+ path: value", "- path: value", "~ path: before → after". */
export function formatConfigDiff(changes: ConfigChange[]): string {
  const show = (v: unknown) => (typeof v === "string" ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v)));
  return changes
    .map((c) =>
      c.kind === "added"
        ? `+ ${c.path}: ${show(c.after)}`
        : c.kind === "removed"
          ? `- ${c.path}: ${show(c.before)}`
          : `~ ${c.path}: ${show(c.before)} → ${show(c.after)}`,
    )
    .join("\n");
}
