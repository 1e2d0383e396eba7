import { DEFAULT_CARD, readinessFiles } from "../io/readiness-files.js";
import { UsageError } from "./errors.js";
/** The options every readiness command shares: where the card, evidence, log and policy are, and when. */
export const READINESS_OPTIONS = {
    card: { type: "string" },
    evidence: { type: "string" },
    log: { type: "string" },
    policy: { type: "string" },
    at: { type: "string" },
};
export const READINESS_HELP = `  --card FILE         the readiness card (default ${DEFAULT_CARD})
  --evidence DIR      the evidence store (default: the card's evidence field, else $ASSAY_HOME/evidence,
                      else .assay/evidence)
  --log FILE          the sign-off log (default: the card's signoffs field)
  --policy FILE       gate policy overrides (default: the card's policy field, else the default policy)
  --at TIME           assess as of an ISO-8601 time: later reports and sign-offs do not exist yet`;
export function readinessFromArgs(values) {
    let now;
    if (values.at !== undefined) {
        now = Date.parse(String(values.at));
        if (!Number.isFinite(now))
            throw new UsageError(`--at expects an ISO-8601 time like 2026-12-01T00:00:00Z, got '${String(values.at)}'`);
    }
    return readinessFiles({
        card: values.card,
        evidence: values.evidence,
        log: values.log,
        policy: values.policy,
        now,
    });
}
