import { judgeCriterion } from "./criteria.js";
export function judgeRequirements(card, evidence) {
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
function judgeOne(r, phase, c, card, evidence) {
    const scopes = r.component === null ? card.components.map((x) => x.id) : [r.component];
    const accepts = (e) => c.on === null || (Array.isArray(e.report.inputs) && e.report.inputs.some((i) => i.name === c.on));
    let fresh = null;
    let stale = null;
    for (const scope of scopes) {
        const found = evidence.latest(c.kind, scope, accepts);
        if (found.fresh && (!fresh || found.fresh.time > fresh.time))
            fresh = found.fresh;
        if (found.stale && (!stale || found.stale.time > stale.time))
            stale = found.stale;
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
