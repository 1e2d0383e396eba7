import { makeReport } from "../report/report.js";
import { readinessResults } from "./assess.js";
/** The Report envelope around an assessment: `readiness`, `gate` and `audit` reports, the CLI's and the service's. */
export function readinessReport(kind, source, r, extra = {}) {
    const { card, components, switchbacks, mlTestScore, requirements, evidence, signoffs, ...head } = r;
    return makeReport(kind, {
        inputs: [{ name: source.cardPath, digest: source.cardDigest, rows: 0 }],
        config: {
            card: source.cardPath,
            evidence: source.evidenceDir,
            log: source.logPath,
            policy: r.policy,
            at: r.assessedAt,
            ...extra.config,
        },
        results: extra.results ?? readinessResults(r),
    }, { card, ...head, components, switchbacks, mlTestScore, requirements, evidence, signoffs, ...extra.body });
}
