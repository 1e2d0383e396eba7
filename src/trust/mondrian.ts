/**
 * Mondrian (group-conditional) calibration: a qhat per group from that group's calibration rows only,
 * so coverage ≥ 1 − α holds within every group, not just on average (Vovk et al. 2003). A group needs
 * n ≥ (1 − α)/α calibration rows (so that ⌈(n+1)(1−α)⌉ ≤ n) and at least `minRows`; smaller groups,
 * and groups the calibration set never saw, fall back to the pooled qhat and are reported as
 * insufficient: their coverage is then not guaranteed.
 */

import { rowsByKey } from "./groups.js";
import {
  type ConformalQuantile,
  conformalQuantile,
  finiteSampleRank,
  type QuantileConvention,
} from "./quantile.js";

export interface MondrianGroup {
  group: string;
  calibrationRows: number;
  qhat: number;
  rank: number | null;
  status: "ok" | "insufficient";
  reason?: string;
}

interface MondrianCalibration {
  pooled: ConformalQuantile;
  groups: Map<string, MondrianGroup>;
  /** The smallest calibration group that gets its own qhat. */
  minRows: number;
}

export function mondrianCalibration(
  scores: Float64Array,
  keys: string[],
  alpha: number,
  options: { convention?: QuantileConvention; minRows?: number } = {},
): MondrianCalibration {
  const pooled = conformalQuantile(scores, alpha, options.convention);
  const finite = smallestFiniteGroup(alpha);
  const minRows = Math.max(finite, options.minRows ?? 0);
  const groups = new Map<string, MondrianGroup>();
  for (const [group, rows] of rowsByKey(keys)) {
    const own =
      rows.length >= minRows
        ? conformalQuantile(
            Float64Array.from(rows, (i) => scores[i]),
            alpha,
            options.convention,
          )
        : null;
    if (own && Number.isFinite(own.qhat)) {
      groups.set(group, {
        group,
        calibrationRows: rows.length,
        qhat: own.qhat,
        rank: own.rank,
        status: "ok",
      });
      continue;
    }
    groups.set(group, {
      group,
      calibrationRows: rows.length,
      qhat: pooled.qhat,
      rank: null,
      status: "insufficient",
      reason: `${rows.length} calibration rows; a group needs at least ${minRows} (α = ${alpha} needs ${finite} for a finite qhat), so it uses the pooled qhat and its coverage is not guaranteed`,
    });
  }
  return { pooled, groups, minRows };
}

/** The qhat each evaluation row gets: its group's, or the pooled one for a group never calibrated. */
export function mondrianQhats(calibration: MondrianCalibration, keys: string[]): Float64Array {
  return Float64Array.from(keys, (k) => calibration.groups.get(k)?.qhat ?? calibration.pooled.qhat);
}

/** Smallest n with ⌈(n+1)(1−α)⌉ ≤ n. */
function smallestFiniteGroup(alpha: number): number {
  let n = Math.max(1, Math.floor((1 - alpha) / alpha) - 1);
  while (finiteSampleRank(n, alpha) > n) n++;
  return n;
}
