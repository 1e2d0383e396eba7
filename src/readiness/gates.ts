import { type GateContext, gateItem, type ItemOutcome } from "./gate-items.js";
import type { LevelGate } from "./policy.js";
import type { LoggedSignoff } from "./signoff.js";

/**
 * One gate for one component: its items, then one sign-off per required role. A role's latest
 * approve/reject at this level counts, for this component or for the whole system; a switchback back to
 * this level or below voids the decisions given before it (the work is being redone); an approval given
 * on another version of the card is stale.
 */
export interface GateOutcome {
  level: number;
  met: boolean;
  /** Every item and sign-off with its status. */
  outcomes: ItemOutcome[];
  /** True when only the sign-offs are met (what reviewers have approved, whatever the evidence says now). */
  signed: boolean;
}

export function judgeGate(gate: LevelGate, ctx: GateContext): GateOutcome {
  const outcomes: ItemOutcome[] = [];
  for (const id of gate.items) {
    const item = gateItem(id);
    if (!item) continue; // the policy reader rejects unknown items; a default item is always known
    if (item.appliesTo && !item.appliesTo.includes(ctx.component.type)) continue;
    const na = item.notApplicable?.(ctx) ?? null;
    if (na !== null) {
      outcomes.push({ item: id, title: item.title, status: "n/a", message: na });
      continue;
    }
    outcomes.push(...item.check(ctx));
  }
  const signoffs = gate.roles.map((role) => signoffOutcome(role, ctx));
  outcomes.push(...signoffs);
  const ok = (o: ItemOutcome) => o.status === "met" || o.status === "n/a";
  return { level: gate.level, met: outcomes.every(ok), outcomes, signed: signoffs.every(ok) };
}

/** The decisions that still stand for a component: those after the last switchback that reaches back to `level`. */
function standingDecisions(signoffs: LoggedSignoff[], component: string, level: number): LoggedSignoff[] {
  const mine = signoffs.filter((s) => s.component === null || s.component === component);
  let cut = -1;
  mine.forEach((s, i) => {
    if (s.decision === "switchback" && s.to !== null && s.to <= level) cut = i;
  });
  return mine.slice(cut + 1);
}

function signoffOutcome(role: string, ctx: GateContext): ItemOutcome {
  const title = `signed by a ${role}`;
  const base = { item: "signoff", title, subject: role };
  const decisions = standingDecisions(ctx.signoffs, ctx.component.id, ctx.level).filter(
    (s) => s.level === ctx.level && s.role === role && s.decision !== "switchback",
  );
  const latest = decisions[decisions.length - 1];
  const signer = ctx.card.reviewers.find(
    (r) => r.roles.includes(role) && !ctx.card.owners.includes(r.name) && r.name !== ctx.component.owner,
  );
  const command = `assay signoff --card ${ctx.commands.cardPath} --level ${ctx.level} --role ${role} --by ${signer?.name ?? `<a ${role}>`} --decision approve`;
  if (!latest)
    return {
      ...base,
      status: "missing",
      message: signer
        ? `level ${ctx.level} is not signed by a ${role}`
        : `level ${ctx.level} needs a ${role}, and the card names no reviewer with that role who is not an owner`,
      command,
    };
  const when = `${latest.by}, ${latest.at.slice(0, 10)}, log line ${latest.line}`;
  if (latest.decision === "reject")
    return {
      ...base,
      status: "failed",
      message: `rejected by ${when}${latest.note ? `: ${latest.note}` : ""}`,
      command,
    };
  if (latest.card.digest !== ctx.cardDigest)
    return {
      ...base,
      status: "stale",
      message: `approved by ${when} on another version of the card (sha256 ${latest.card.digest.slice(0, 12)}…): the card changed since, sign again`,
      command,
    };
  return { ...base, status: "met", message: `approved by ${when}` };
}
