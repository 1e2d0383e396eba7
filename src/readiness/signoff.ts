import type { Card } from "./card.js";
import { LocatedError } from "./located-yaml.js";

/**
 * The sign-off log: one JSON object per line, appended, never rewritten (`assay.signoffs.jsonl` beside
 * the card). Each entry carries the sha256 of the line before it (`prev`), so an edited or deleted line
 * breaks the chain at the next one, and anyone can check it with `sha256sum` and no Assay. Each entry
 * records the card's digest: a sign-off given on another version of the card is stale.
 */
const SIGNOFF_FORMAT = "assay.signoff";
export const DECISIONS = ["approve", "reject", "switchback"] as const;
export type Decision = (typeof DECISIONS)[number];

interface Signoff {
  format: typeof SIGNOFF_FORMAT;
  at: string;
  level: number;
  role: string;
  by: string;
  decision: Decision;
  /** For a switchback: the level the work goes back to. */
  to: number | null;
  /** The component reviewed; null for the whole system. */
  component: string | null;
  /** Ethics checklist items this sign-off covers. */
  items: string[];
  note: string | null;
  card: { id: string; digest: string };
  /** sha256 of the previous line, or null on the first. */
  prev: string | null;
}

export interface LoggedSignoff extends Signoff {
  line: number;
}

const FIELDS = [
  "format",
  "at",
  "level",
  "role",
  "by",
  "decision",
  "to",
  "component",
  "items",
  "note",
  "card",
  "prev",
];

/** Reads a log; throws LocatedError naming line and field at the first bad entry or broken link. */
export function parseSignoffLog(
  text: string,
  file: string,
  sha256: (line: string) => string,
): LoggedSignoff[] {
  const out: LoggedSignoff[] = [];
  let prevLine: string | null = null;
  text.split("\n").forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return;
    const fail = (field: string, problem: string): never => {
      throw new LocatedError(file, line, field, problem);
    };
    let v: Record<string, unknown>;
    try {
      v = JSON.parse(raw);
    } catch {
      return fail("", "not a JSON object (the log holds one sign-off per line)");
    }
    if (!v || typeof v !== "object" || Array.isArray(v)) return fail("", "not a JSON object");
    for (const k of Object.keys(v))
      if (!FIELDS.includes(k)) fail(k, `unknown field (expected ${FIELDS.join(", ")})`);
    if (v.format !== SIGNOFF_FORMAT) fail("format", `expected '${SIGNOFF_FORMAT}'`);
    const expectedPrev = prevLine === null ? null : sha256(prevLine);
    if ((v.prev ?? null) !== expectedPrev)
      fail(
        "prev",
        prevLine === null
          ? "the first entry has no predecessor: expected null"
          : "does not match the sha256 of the line before: the log was edited, and it is append-only",
      );
    if (typeof v.at !== "string" || !Number.isFinite(Date.parse(v.at)))
      fail("at", "expected an ISO-8601 time");
    if (typeof v.level !== "number" || !Number.isInteger(v.level) || v.level < 0 || v.level > 9)
      fail("level", "expected a level 0–9");
    if (typeof v.role !== "string" || v.role === "") fail("role", "expected a role");
    if (typeof v.by !== "string" || v.by === "") fail("by", "expected who signed");
    if (!DECISIONS.includes(v.decision as Decision))
      fail("decision", `expected ${DECISIONS.join(", ")}, got ${JSON.stringify(v.decision)}`);
    const to = v.to ?? null;
    if (v.decision === "switchback") {
      if (typeof to !== "number" || !Number.isInteger(to) || to < 0 || to >= (v.level as number))
        fail("to", "a switchback goes back to a lower level");
    } else if (to !== null) fail("to", "only a switchback has a target level");
    const card = v.card as { id?: unknown; digest?: unknown } | undefined;
    if (
      !card ||
      typeof card.id !== "string" ||
      typeof card.digest !== "string" ||
      !/^[0-9a-f]{64}$/.test(card.digest)
    )
      fail("card", "expected {id, digest} of the card signed");
    const items = v.items ?? [];
    if (!Array.isArray(items) || items.some((x) => typeof x !== "string"))
      fail("items", "expected a list of ethics item ids");
    if (v.component !== undefined && v.component !== null && typeof v.component !== "string")
      fail("component", "expected a component id or null");
    if (v.note !== undefined && v.note !== null && typeof v.note !== "string")
      fail("note", "expected text or null");
    out.push({
      format: SIGNOFF_FORMAT,
      at: v.at as string,
      level: v.level as number,
      role: v.role as string,
      by: v.by as string,
      decision: v.decision as Decision,
      to: to as number | null,
      component: (v.component as string | null | undefined) ?? null,
      items: items as string[],
      note: (v.note as string | null | undefined) ?? null,
      card: { id: (card as { id: string }).id, digest: (card as { digest: string }).digest },
      prev: (v.prev as string | null) ?? null,
      line,
    });
    prevLine = raw;
  });
  return out;
}

/** The next line of the log (without its newline), chained to the last one. */
export function signoffLine(
  entry: Omit<Signoff, "format" | "prev">,
  lastLine: string | null,
  sha256: (line: string) => string,
): string {
  const full: Signoff = {
    format: SIGNOFF_FORMAT,
    ...entry,
    prev: lastLine === null ? null : sha256(lastLine),
  };
  return JSON.stringify(full);
}

/**
 * Why a sign-off must be refused, or null. An owner never signs a gate of what they own; the signer must
 * be a reviewer the card names with that role; a switchback never goes below the entry level, because
 * the team never did the work of those levels (MLTRL's "switchback that should not be implemented").
 */
export function refuseSignoff(
  card: Card,
  entry: Omit<Signoff, "format" | "prev" | "card" | "at">,
): string | null {
  const where = (field: string) => `${card.file}:${card.lines[field] ?? 1}: ${field}`;
  const component = entry.component === null ? null : card.components.find((c) => c.id === entry.component);
  if (entry.component !== null && !component)
    return `no component '${entry.component}' in ${card.file} (components: ${card.components.map((c) => c.id).join(", ")})`;
  if (card.owners.includes(entry.by))
    return `${entry.by} owns this technology (${where("owners")}) and cannot sign its own gate`;
  if (component?.owner === entry.by)
    return `${entry.by} owns component '${component.id}' (${card.file}:${card.lines[`components.${component.id}`] ?? 1}) and cannot sign its own gate`;
  const reviewer = card.reviewers.find((r) => r.name === entry.by);
  if (!reviewer)
    return `${entry.by} is not a reviewer of this card (${where("reviewers")}: ${card.reviewers.map((r) => r.name).join(", ")})`;
  if (!reviewer.roles.includes(entry.role))
    return `${entry.by} does not have the role '${entry.role}' (${where("reviewers")}: ${entry.by} has ${reviewer.roles.join(", ")})`;
  const entryLevel = card.technology.entryLevel;
  if (entry.level <= entryLevel && entry.decision !== "switchback")
    return `level ${entry.level} is at or below the entry level ${entryLevel}: its gate is not reviewed here`;
  if (entry.decision === "switchback") {
    if (entry.to === null) return "a switchback needs --to L, the level the work goes back to";
    if (entry.to >= entry.level)
      return `a switchback goes back: --to ${entry.to} is not below --level ${entry.level}`;
    if (entry.to < entryLevel)
      return `a switchback to level ${entry.to} goes below the entry level ${entryLevel} (${card.file}:${card.lines.technology ?? 1}: technology.entryLevel): the team never did that level's work`;
  } else if (entry.to !== null) return "--to is only for --decision switchback";
  for (const item of entry.items)
    if (!card.ethics.some((e) => e.id === item))
      return `no ethics item '${item}' in ${card.file} (items: ${card.ethics.map((e) => e.id).join(", ") || "none"})`;
  return null;
}
