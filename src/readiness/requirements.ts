import type { Card, Criterion, Requirement } from "./card.js";
import { judgeCriterion } from "./criteria.js";
import type { Evidence, EvidenceIndex } from "./evidence-index.js";

/**
 * Requirements' verification and validation criteria judged on the evidence. A criterion is judged on
 * the newest fresh report of its kind about the requirement's component (any component when the
 * requirement names none), restricted to reports with an input named INPUT when it says `on INPUT`.
 */
type Phase = "verification" | "validation";

interface CriterionResult {
  requirement: string;
  phase: Phase;
  criterion: string;
  kind: string;
  status: "pass" | "fail" | "insufficient" | "missing" | "stale";
  observed: number | string | null;
  message: string;
  evidence: string | null;
}

export interface RequirementResult {
  id: string;
  text: string;
  type: Requirement["type"];
  risk: Requirement["risk"];
  component: string | null;
  criteria: CriterionResult[];
}

export function judgeRequirements(card: Card, evidence: EvidenceIndex): RequirementResult[] {
  return card.requirements.map((r) => ({
    id: r.id,
    text: r.text,
    type: r.type,
    risk: r.risk,
    component: r.component,
    criteria: [
      ...r.verification.map((c) => judgeOne(r, "verification", c, card, evidence)),
      ...r.validation.map((c) => judgeOne(r, "validation", c, card, evidence)),
    ],
  }));
}

function judgeOne(
  r: Requirement,
  phase: Phase,
  c: Criterion,
  card: Card,
  evidence: EvidenceIndex,
): CriterionResult {
  const scopes = r.component === null ? card.components.map((x) => x.id) : [r.component];
  const accepts = (e: Evidence) =>
    c.on === null || (Array.isArray(e.report.inputs) && e.report.inputs.some((i) => i.name === c.on));
  let fresh: Evidence | null = null;
  let stale: Evidence | null = null;
  for (const scope of scopes) {
    const found = evidence.latest(c.kind, scope, accepts);
    if (found.fresh && (!fresh || found.fresh.time > fresh.time)) fresh = found.fresh;
    if (found.stale && (!stale || found.stale.time > stale.time)) stale = found.stale;
  }
  const base = { requirement: r.id, phase, criterion: c.text, kind: c.kind };
  const on = c.on ? ` on ${c.on}` : "";
  if (fresh) {
    const outcome = judgeCriterion(c, fresh.report);
    return { ...base, ...outcome, evidence: fresh.id };
  }
  if (stale)
    return {
      ...base,
      status: "stale",
      observed: null,
      message: `the only ${c.kind} evidence${on} is stale: ${stale.stale.join("; ")}`,
      evidence: stale.id,
    };
  return {
    ...base,
    status: "missing",
    observed: null,
    message: `no ${c.kind} evidence${on} yet`,
    evidence: null,
  };
}
