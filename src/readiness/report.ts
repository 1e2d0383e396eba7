import { makeReport, type Report } from "../report/report.js";
import { type Readiness, readinessResults } from "./assess.js";

/** Where an assessment's inputs came from (the report's config). */
export interface ReadinessSource {
  cardPath: string;
  cardDigest: string;
  evidenceDir: string;
  logPath: string;
}

/** The Report envelope around an assessment: `readiness`, `gate` and `audit` reports, the CLI's and the service's. */
export function readinessReport(
  kind: string,
  source: ReadinessSource,
  r: Readiness,
  extra: {
    config?: Record<string, unknown>;
    body?: Record<string, unknown>;
    results?: Report["results"];
  } = {},
): Report {
  const { card, components, switchbacks, mlTestScore, requirements, evidence, signoffs, ...head } = r;
  return makeReport(
    kind,
    {
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
    },
    { card, ...head, components, switchbacks, mlTestScore, requirements, evidence, signoffs, ...extra.body },
  );
}
