/**
 * Isolation forest (Liu, Ting & Zhou 2008), with scikit-learn's defaults: 100 trees, each grown on
 * ψ = min(256, n) rows drawn without replacement, to a height limit of ⌈log₂ ψ⌉. A node splits on a
 * feature drawn uniformly among those not constant in it, at a threshold uniform in [min, max);
 * x ≤ threshold goes left. The score of a row is s = 2^(−E[h(x)] / c(ψ)), where h is the depth of
 * the leaf it reaches plus c(leaf size), and c(n) = 2·(ln(n − 1) + γ) − 2(n − 1)/n is the mean path
 * length of an unsuccessful search in a binary search tree (c(2) = 1, c(1) = 0). s is near 1 for
 * rows isolated quickly, below 0.5 for ordinary ones; scikit-learn's score_samples returns −s.
 */
import { seededRandom } from "../stats/random.js";

/** A tree in preorder: feature < 0 marks a leaf, whose `threshold` slot holds c(leaf size). */
interface IsolationTree {
  feature: ArrayLike<number>;
  threshold: ArrayLike<number>;
  /** Index of the right child (the left child is the next node). */
  right: ArrayLike<number>;
}

export interface IsolationForest {
  trees: IsolationTree[];
  sampleSize: number;
  features: number;
}

const EULER_GAMMA = 0.5772156649015329;

export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + EULER_GAMMA) - (2 * (n - 1)) / n;
}

export function fitIsolationForest(
  x: Float64Array,
  n: number,
  d: number,
  options: { trees?: number; sampleSize?: number; seed?: number } = {},
): IsolationForest {
  const random = seededRandom(options.seed ?? 0);
  const sampleSize = Math.min(options.sampleSize ?? 256, n);
  const heightLimit = Math.ceil(Math.log2(Math.max(sampleSize, 2)));
  const pool = Uint32Array.from({ length: n }, (_, i) => i);
  const trees: IsolationTree[] = [];
  for (let t = 0; t < (options.trees ?? 100); t++) {
    // A partial Fisher–Yates shuffle draws the sample without replacement.
    for (let j = 0; j < sampleSize; j++) {
      const pick = j + random.below(n - j);
      [pool[j], pool[pick]] = [pool[pick], pool[j]];
    }
    const rows = pool.slice(0, sampleSize);
    const feature: number[] = [];
    const threshold: number[] = [];
    const right: number[] = [];
    const grow = (start: number, end: number, depth: number): void => {
      const node = feature.length;
      feature.push(-1);
      threshold.push(averagePathLength(end - start));
      right.push(-1);
      if (depth >= heightLimit || end - start <= 1) return;
      const candidates: { j: number; lo: number; hi: number }[] = [];
      for (let j = 0; j < d; j++) {
        let lo = Number.POSITIVE_INFINITY;
        let hi = Number.NEGATIVE_INFINITY;
        for (let r = start; r < end; r++) {
          const v = x[rows[r] * d + j];
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
        if (hi > lo) candidates.push({ j, lo, hi });
      }
      if (candidates.length === 0) return;
      const { j, lo, hi } = candidates[random.below(candidates.length)];
      const cut = lo + random.next() * (hi - lo);
      // Partition rows[start, end) so that x ≤ cut comes first.
      let mid = start;
      for (let r = start; r < end; r++)
        if (x[rows[r] * d + j] <= cut) {
          [rows[mid], rows[r]] = [rows[r], rows[mid]];
          mid++;
        }
      feature[node] = j;
      threshold[node] = cut;
      grow(start, mid, depth + 1);
      right[node] = feature.length;
      grow(mid, end, depth + 1);
    };
    grow(0, sampleSize, 0);
    trees.push({
      feature: Int32Array.from(feature),
      threshold: Float64Array.from(threshold),
      right: Int32Array.from(right),
    });
  }
  return { trees, sampleSize, features: d };
}

export function isolationScores(forest: IsolationForest, x: ArrayLike<number>, n: number): Float64Array {
  const d = forest.features;
  const depthSum = new Float64Array(n);
  for (const tree of forest.trees) {
    const { feature, threshold, right } = tree;
    for (let i = 0; i < n; i++) {
      let node = 0;
      let depth = 0;
      while (feature[node] >= 0) {
        node = x[i * d + feature[node]] <= threshold[node] ? node + 1 : right[node];
        depth++;
      }
      depthSum[i] += depth + threshold[node];
    }
  }
  const norm = averagePathLength(forest.sampleSize) * forest.trees.length;
  return Float64Array.from(depthSum, (h) => 2 ** (-h / norm));
}
