/**
 * Prediction sets from a nonconformity matrix (n rows × k candidate classes): the set of row i is
 * {c : score(i, c) ≤ qhat_i}. Ties at qhat are in the set; that is what makes the guarantee hold when
 * calibration and test scores tie. qhat is per row so that Mondrian calibration (a qhat per group)
 * and the pooled one share this code.
 */
export function labelScores(matrix: Float64Array, classes: number, labels: ArrayLike<number>): Float64Array {
  const out = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i++) out[i] = matrix[i * classes + labels[i]];
  return out;
}

interface SetOutcome {
  /** Classes in each row's set. */
  sizes: Uint32Array;
  /** 1 where the true class is in the set (all zeros when no labels were given). */
  covered: Uint8Array;
}

export function predictionSets(
  matrix: Float64Array,
  classes: number,
  qhat: ArrayLike<number>,
  labels?: ArrayLike<number>,
): SetOutcome {
  const n = matrix.length / classes;
  const sizes = new Uint32Array(n);
  const covered = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let size = 0;
    for (let c = 0; c < classes; c++) if (matrix[i * classes + c] <= qhat[i]) size++;
    sizes[i] = size;
    if (labels) covered[i] = matrix[i * classes + labels[i]] <= qhat[i] ? 1 : 0;
  }
  return { sizes, covered };
}

/** The classes (indices) in one row's set. */
export function setMembers(scores: ArrayLike<number>, qhat: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < scores.length; c++) if (scores[c] <= qhat) out.push(c);
  return out;
}
