/**
 * Why a row is unusual, feature by feature, on one scale: the share of reference rows at least as
 * extreme in that feature alone (rarity.ts: a number by its distance from the mean, a category by its
 * frequency, 0-ish if never seen; a missing cell by how often the reference misses there). Numbers
 * also carry their z-score and their term of the Mahalanobis distance.
 */
import type { Batch } from "../table/types.js";
import type { Encoded } from "./feature-space.js";
import { mahalanobisTerms } from "./mahalanobis.js";
import type { FittedOod } from "./ood.js";
import { cellShares } from "./rarity.js";

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
  const numeric = new Map(space.numeric.map((f, j) => [f.name, j]));
  return cellShares(space, encoded, i)
    .map((cell) => {
      const j = numeric.get(cell.column);
      const out: FeatureContribution = {
        column: cell.column,
        value: cell.missing ? null : raw(cell.column),
        referenceShare: cell.share,
      };
      if (j !== undefined && !cell.missing) {
        out.z = encoded.z[i * p + j];
        out.mahalanobisTerm = terms[j];
      }
      if (cell.unseen) out.unseen = true;
      return out;
    })
    .sort((a, b) => a.referenceShare - b.referenceShare || a.column.localeCompare(b.column));
}
