/**
 * Distance-based surprise adequacy (DSA; Kim, Feldt & Yoo, ICSE 2019): for a new input x whose
 * predicted class is c, let x_a be the nearest reference input predicted c and x_b the nearest
 * reference input predicted otherwise to x_a; DSA(x) = ‖x − x_a‖ / ‖x_a − x_b‖. Far from its own
 * class relative to how far that class is from the others means surprising. The paper measures
 * distances between a network's activation traces; a tabular model exposes none, so the trace here is
 * the row itself in the k-NN space (z-scores plus category mismatches), and classes are the model's
 * predictions on both sides, as the paper's implementation does for the training set.
 */
import { quantileSorted } from "../stats/quantile.js";
import type { Encoded } from "./feature-space.js";
import { type KnnReference, squaredDistance } from "./knn.js";

/** A distance between two reference inputs of different classes is floored here (duplicates). */
const MIN_CLASS_GAP = 1e-9;

interface SurpriseReference {
  knn: KnnReference;
  /** Predicted class of each reference point. */
  classes: ArrayLike<number>;
  /** ‖x_r − nearest reference point of another class‖ for each reference point r (NaN if none). */
  classGap: Float64Array;
}

export function surpriseReference(knn: KnnReference, classes: ArrayLike<number>): SurpriseReference {
  const points: Encoded = {
    n: knn.m,
    z: Float64Array.from(knn.z),
    missing: new Uint8Array(0),
    codes: Int32Array.from(knn.codes),
  };
  const classGap = new Float64Array(knn.m);
  for (let r = 0; r < knn.m; r++) {
    let best = Number.POSITIVE_INFINITY;
    for (let s = 0; s < knn.m; s++)
      if (classes[s] !== classes[r]) best = Math.min(best, squaredDistance(knn, s, points, r, best));
    classGap[r] = Number.isFinite(best) ? Math.max(Math.sqrt(best), MIN_CLASS_GAP) : Number.NaN;
  }
  return { knn, classes, classGap };
}

/** DSA of each row of `encoded` given its predicted class; NaN where a class has no reference points. */
export function distanceSurprise(
  reference: SurpriseReference,
  encoded: Encoded,
  classes: ArrayLike<number>,
): Float64Array {
  const { knn } = reference;
  const out = new Float64Array(encoded.n);
  for (let i = 0; i < encoded.n; i++) {
    let best = Number.POSITIVE_INFINITY;
    let anchor = -1;
    for (let r = 0; r < knn.m; r++) {
      if (reference.classes[r] !== classes[i]) continue;
      const d = squaredDistance(knn, r, encoded, i, best);
      if (d < best) {
        best = d;
        anchor = r;
      }
    }
    out[i] = anchor < 0 ? Number.NaN : Math.sqrt(best) / reference.classGap[anchor];
  }
  return out;
}

export interface SurpriseSummary {
  rows: number;
  mean: number | null;
  median: number | null;
  p95: number | null;
  /** Rows without a reference point of their predicted class (no DSA). */
  undefinedRows: number;
}

/** Mean, median and 95th percentile (numpy 'linear') of the defined DSA values. */
export function surpriseSummary(dsa: Float64Array): SurpriseSummary {
  const defined = dsa.filter((x) => Number.isFinite(x)).sort();
  const at = (p: number) => (defined.length > 0 ? quantileSorted(defined, p) : null);
  let sum = 0;
  for (const x of defined) sum += x;
  return {
    rows: dsa.length,
    mean: defined.length > 0 ? sum / defined.length : null,
    median: at(0.5),
    p95: at(0.95),
    undefinedRows: dsa.length - defined.length,
  };
}
