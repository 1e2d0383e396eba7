import { makeReport, type Report } from "../report/report.js";
import { profileChecks } from "./checks.js";
import type { TableProfile } from "./types.js";

/**
 * The profile Report (`assay profile --json`, and the file `--out` saves, which `assay drift` reads
 * back): the profile's findings as checks, the profile itself beside the envelope.
 */
export function profileReport(profile: TableProfile, config: Record<string, unknown> = {}): Report {
  return makeReport(
    "profile",
    {
      inputs: [{ name: profile.source.name, digest: profile.source.digest, rows: profile.rows }],
      config: { engine: profile.engine, ...config },
      results: profileChecks(profile),
    },
    { ...profile },
  );
}
