/**
 * Confident learning (Northcutt, Jiang & Chuang 2021, JAIR 70): which rows' labels are probably wrong,
 * from out-of-fold predicted probabilities. Class j's threshold t_j is the mean probability of j over the
 * rows labelled j; a row is confidently of class j when p_j ≥ t_j (the most probable such j when
 * several are). The confident joint C[given][confident] counts rows; off-diagonal rows are the label
 * issues, ranked by self-confidence p_given (lowest first). C is calibrated to the given label counts
 * and normalised into the joint Q; the noise rate of class i is 1 − Q[i][i] / Σ_j Q[i][j].
 * Reference: test/fixtures/lint/confident_learning.py (numpy, written from the paper's equations).
 */
export interface ConfidentLearning {
  thresholds: number[];
  /** confidentJoint[given][confident] row counts (rows confident of no class are left out). */
  confidentJoint: number[][];
  /** The calibrated joint distribution of (given, true) labels; rows sum to the given label shares. */
  joint: number[][];
  /** Per given class: the estimated share of its rows whose true class differs. */
  noiseRates: number[];
  /** Row indices whose given label disagrees with their confident class, least self-confident first. */
  issues: { row: number; given: number; confident: number; selfConfidence: number }[];
}

export function confidentLearning(
  labels: readonly number[],
  probabilities: readonly (readonly number[])[],
): ConfidentLearning {
  const k = probabilities[0]?.length ?? 0;
  const sums = new Array<number>(k).fill(0);
  const counts = new Array<number>(k).fill(0);
  labels.forEach((y, i) => {
    sums[y] += probabilities[i][y];
    counts[y] += 1;
  });
  const thresholds = sums.map((s, j) => (counts[j] > 0 ? s / counts[j] : Number.POSITIVE_INFINITY));
  const confidentJoint = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const issues: ConfidentLearning["issues"] = [];
  labels.forEach((y, i) => {
    const p = probabilities[i];
    let confident = -1;
    for (let j = 0; j < k; j++)
      if (p[j] >= thresholds[j] && (confident < 0 || p[j] > p[confident])) confident = j;
    if (confident < 0) return;
    confidentJoint[y][confident] += 1;
    if (confident !== y) issues.push({ row: i, given: y, confident, selfConfidence: p[y] });
  });
  issues.sort((a, b) => a.selfConfidence - b.selfConfidence || a.row - b.row);
  const calibrated = confidentJoint.map((row, i) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((c) => (total > 0 ? (c / total) * counts[i] : 0));
  });
  const all = calibrated.flat().reduce((a, b) => a + b, 0);
  const joint = calibrated.map((row) => row.map((c) => (all > 0 ? c / all : 0)));
  const noiseRates = joint.map((row, i) => {
    const total = row.reduce((a, b) => a + b, 0);
    return total > 0 ? 1 - row[i] / total : 0;
  });
  return { thresholds, confidentJoint, joint, noiseRates, issues };
}
