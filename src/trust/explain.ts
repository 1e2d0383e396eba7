/**
 * Why a row is unusual, feature by feature, on one scale: the share of reference rows that are at
 * least as extreme in that feature alone. For a number, the share of reference rows whose |z| is at
 * least this row's (two-sided, empirical, so skewed columns such as capital gains are judged by their
 * own shape); for a category, the share of reference rows with that category (0 if never seen); for a
 * missing cell, the share of reference rows missing there. Numbers also carry their z-score and their
 * term of the Mahalanobis distance.
 */
import type { Batch } from "../table/types.js";
import type { Encoded } from "./feature-space.js";
import { mahalanobisTerms } from "./mahalanobis.js";
import type { FittedOod } from "./ood.js";
import { categoryShares } from "./rarity.js";
import { lowerBound } from "./tail-transform.js";

export interface FeatureContribution {
  column: string;
  value: number | string | null;
  /** Share of reference rows at least as extreme in this feature (lower = more unusual). */
  referenceShare: number;
  z?: number;
  mahalanobisTerm?: number;
  unseen?: boolean;
}

/** Row i's features, the most unusual first. `batch` and `row` give the raw values for display. */
export function explainRow(
  fitted: FittedOod,
  encoded: Encoded,
  i: number,
  batch: Batch,
  row: number,
): FeatureContribution[] {
  const { space, mahalanobis } = fitted.detector;
  const p = space.numeric.length;
  const raw = (name: string) => {
    const c = batch.columns.find((x) => x.name === name);
    return c?.valid[row] ? c.values[row] : null;
  };
  const terms = mahalanobis ? mahalanobisTerms(mahalanobis, encoded.z, i) : [];
  const out: FeatureContribution[] = [];
  const shares = new Map(categoryShares(space, encoded, i).map((s) => [s.column, s]));
  space.numeric.forEach((f, j) => {
    if (encoded.missing[i * p + j]) {
      out.push({ column: f.name, value: null, referenceShare: shares.get(f.name)!.share });
      return;
    }
    const z = encoded.z[i * p + j];
    const sorted = fitted.absoluteZ[j];
    // |z| as stored rounds the same way as the reference's, so equal values count as "as extreme".
    const atLeast = sorted.length - lowerBound(sorted, Math.abs(z) * (1 - 1e-12));
    out.push({
      column: f.name,
      value: raw(f.name),
      referenceShare: atLeast / sorted.length,
      z,
      mahalanobisTerm: terms[j],
    });
  });
  for (const f of space.categorical) {
    const s = shares.get(f.name)!;
    out.push({
      column: f.name,
      value: raw(f.name),
      referenceShare: s.share,
      ...(s.unseen ? { unseen: true } : {}),
    });
  }
  return out.sort((a, b) => a.referenceShare - b.referenceShare || a.column.localeCompare(b.column));
}
