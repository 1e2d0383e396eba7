import { isEmbedded } from "./levels.js";
export function recordedSwitchbacks(signoffs) {
    return signoffs
        .filter((s) => s.decision === "switchback" && s.to !== null)
        .map((s) => ({
        type: isEmbedded(s.level, s.to) ? "embedded" : "review",
        component: s.component,
        from: s.level,
        to: s.to,
        at: s.at,
        by: s.by,
        cause: s.note ? [s.note] : [],
        line: s.line,
    }));
}
/** A discovery switchback when approvals reach higher than the evidence now supports, and evidence is why. */
export function discoverySwitchback(component, approved, certified, blocking, at) {
    if (approved <= certified)
        return null;
    const causes = blocking.filter((o) => o.item !== "signoff" && (o.status === "stale" || o.status === "failed"));
    if (causes.length === 0)
        return null;
    const held = blocking.find((o) => o.item === "coupled");
    if (held)
        causes.push(held);
    return {
        type: "discovery",
        component,
        from: approved,
        to: certified,
        at,
        by: null,
        cause: causes.map((o) => o.item === "coupled"
            ? o.message
            : `${o.item}${o.subject ? ` ${o.subject}` : ""} ${o.status}: ${o.message}`),
        line: null,
    };
}
