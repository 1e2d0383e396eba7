import { columnKind, type DriftPolicy, defaultPolicy } from "../drift/policy.js";
import { profileBins } from "../drift/profiles.js";
import type { ColumnProfile } from "../profile/types.js";
import { chi2Homogeneity } from "../stats/chi2.js";
import { psi } from "../stats/psi.js";

/**
 * The monitoring classic, PSI with a χ² test, for one column between a reference profile and a window's
 * profile, computed from the profiles alone (sketches and frequency tables): a window never needs its
 * raw rows.
 *
 * Bins: exactly those of `assay drift` (src/drift/profiles.ts `profileBins`) — a numeric column at the
 * reference deciles with open outer bins (values beyond the reference range land in an overflow bin), a
 * categorical one over the union of categories; numeric or categorical as the drift policy says
 * (`kind` overrides included). So the score equals `assay drift`'s `stats.psi` on the same data.
 * Missing values are not binned; their rate is its own monitor.
 * Score: PSI (src/stats/psi.ts). Test: χ² homogeneity on the 2×k table of bin counts
 * (src/stats/chi2.ts). Verdict: drifted when PSI ≥ psiThreshold AND p < alpha — the effect size keeps
 * huge windows from flagging trivia, the test keeps tiny windows from flagging noise.
 */
export const DEFAULT_PSI_THRESHOLD = 0.2;
const DEFAULT_ALPHA = 0.01;

export interface ColumnDrift {
  column: string;
  method: "psi";
  kind: "numeric" | "categorical";
  score: number | null;
  pValue: number | null;
  statistic: number | null;
  bins: number;
  referenceCount: number;
  currentCount: number;
  drifted: boolean;
  /** Why the score is null, when it is. */
  reason?: string;
}

export function columnDrift(
  reference: ColumnProfile,
  current: ColumnProfile,
  options: { psiThreshold?: number; alpha?: number; policy?: DriftPolicy } = {},
): ColumnDrift {
  const psiThreshold = options.psiThreshold ?? DEFAULT_PSI_THRESHOLD;
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const kind = columnKind(options.policy ?? defaultPolicy(), reference.name, reference.type);
  const bins = profileBins(reference, current, kind);
  const base = {
    column: reference.name,
    method: "psi" as const,
    kind,
    bins: bins.reference.length,
    referenceCount: reference.count,
    currentCount: current.count,
  };
  const empty = sum(bins.reference) === 0 ? "the reference" : sum(bins.current) === 0 ? "the window" : null;
  if (empty)
    return {
      ...base,
      score: null,
      pValue: null,
      statistic: null,
      drifted: false,
      reason: `${empty} has no values to compare`,
    };
  const score = psi(bins.reference, bins.current);
  const { statistic, pValue } = chi2Homogeneity(bins.reference, bins.current);
  return { ...base, score, pValue, statistic, drifted: score >= psiThreshold && pValue < alpha };
}

function sum(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
