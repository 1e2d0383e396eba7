import type { ItemOutcome } from "./gate-items.js";
import { isEmbedded } from "./levels.js";
import type { LoggedSignoff } from "./signoff.js";

/**
 * Switchbacks (MLTRL): going back to an earlier level's work.
 * - review: a reviewer sends the work back at a gate (`assay signoff --decision switchback --to L`);
 * - embedded: the two that are part of the process, 4 → 2 and 9 → 4 (also recorded by a sign-off);
 * - discovery: found, not decided — reviewers approved a level whose gate no longer holds because its
 *   evidence failed or went stale. Nobody records it: it is derived on every assessment, with its cause,
 *   and ends when fresh passing evidence restores the gate.
 */
export interface Switchback {
  type: "discovery" | "review" | "embedded";
  component: string | null;
  /** The level the work was at (for a discovery: the level reviewers had approved). */
  from: number;
  /** The level the work goes back to (for a discovery: the level that still holds). */
  to: number;
  at: string;
  by: string | null;
  cause: string[];
  line: number | null;
}

export function recordedSwitchbacks(signoffs: LoggedSignoff[]): Switchback[] {
  return signoffs
    .filter((s) => s.decision === "switchback" && s.to !== null)
    .map((s) => ({
      type: isEmbedded(s.level, s.to as number) ? ("embedded" as const) : ("review" as const),
      component: s.component,
      from: s.level,
      to: s.to as number,
      at: s.at,
      by: s.by,
      cause: s.note ? [s.note] : [],
      line: s.line,
    }));
}

/** A discovery switchback when approvals reach higher than the evidence now supports, and evidence is why. */
export function discoverySwitchback(
  component: string,
  approved: number,
  certified: number,
  blocking: ItemOutcome[],
  at: string,
): Switchback | null {
  if (approved <= certified) return null;
  const causes = blocking.filter(
    (o) => o.item !== "signoff" && (o.status === "stale" || o.status === "failed"),
  );
  if (causes.length === 0) return null;
  const held = blocking.find((o) => o.item === "coupled");
  if (held) causes.push(held);
  return {
    type: "discovery",
    component,
    from: approved,
    to: certified,
    at,
    by: null,
    cause: causes.map((o) =>
      o.item === "coupled"
        ? o.message
        : `${o.item}${o.subject ? ` ${o.subject}` : ""} ${o.status}: ${o.message}`,
    ),
    line: null,
  };
}
