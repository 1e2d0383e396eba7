/**
 * A shallow CART classification tree (Gini impurity) on the baseline design matrix. Each column's
 * candidate split points are up to 32 quantiles of its training values (one-hot columns have one:
 * 0.5), so a node is split from per-bin class counts in one pass over its rows. Leaves predict the
 * Laplace-smoothed positive rate (k + 1) / (n + 2), so no score is exactly 0 or 1.
 */
export interface TreeNode {
  /** Leaf: P(positive). */
  score?: number;
  column?: number;
  /** Rows with x ≤ threshold go left. */
  threshold?: number;
  left?: TreeNode;
  right?: TreeNode;
  count: number;
}

interface TreeOptions {
  maxDepth?: number;
  minLeaf?: number;
  maxSplitPoints?: number;
}

export function fitTree(
  x: Float64Array,
  y: ArrayLike<number>,
  p: number,
  options: TreeOptions = {},
): TreeNode {
  const n = y.length;
  const maxDepth = options.maxDepth ?? 3;
  const minLeaf = options.minLeaf ?? 20;
  const cuts = splitPoints(x, n, p, options.maxSplitPoints ?? 32);
  // bins[i·p + j] = number of cut points of column j below x[i, j]
  const bins = new Uint8Array(n * p);
  for (let j = 0; j < p; j++) {
    const c = cuts[j];
    for (let i = 0; i < n; i++) {
      const v = x[i * p + j];
      let b = 0;
      while (b < c.length && v > c[b]) b++;
      bins[i * p + j] = b;
    }
  }
  const grow = (rows: Uint32Array, depth: number): TreeNode => {
    let positives = 0;
    for (const i of rows) positives += y[i];
    const count = rows.length;
    const leaf: TreeNode = { score: (positives + 1) / (count + 2), count };
    if (depth >= maxDepth || count < 2 * minLeaf || positives === 0 || positives === count) return leaf;
    const parentGini = gini(positives, count);
    let best = { gain: 1e-12, column: -1, cut: -1 };
    for (let j = 0; j < p; j++) {
      const c = cuts[j];
      if (c.length === 0) continue;
      const binCount = new Float64Array(c.length + 1);
      const binPos = new Float64Array(c.length + 1);
      for (const i of rows) {
        const b = bins[i * p + j];
        binCount[b]++;
        binPos[b] += y[i];
      }
      let leftCount = 0;
      let leftPos = 0;
      for (let k = 0; k < c.length; k++) {
        leftCount += binCount[k];
        leftPos += binPos[k];
        const rightCount = count - leftCount;
        if (leftCount < minLeaf || rightCount < minLeaf) continue;
        const child =
          (leftCount / count) * gini(leftPos, leftCount) +
          (rightCount / count) * gini(positives - leftPos, rightCount);
        const gain = parentGini - child;
        if (gain > best.gain) best = { gain, column: j, cut: k };
      }
    }
    if (best.column < 0) return leaf;
    const left: number[] = [];
    const right: number[] = [];
    for (const i of rows) (bins[i * p + best.column] <= best.cut ? left : right).push(i);
    return {
      column: best.column,
      threshold: cuts[best.column][best.cut],
      count,
      left: grow(Uint32Array.from(left), depth + 1),
      right: grow(Uint32Array.from(right), depth + 1),
    };
  };
  const all = new Uint32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  return grow(all, 0);
}

export function predictTree(tree: TreeNode, x: Float64Array, rows: number, p: number): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let node = tree;
    while (node.score === undefined)
      node = x[i * p + node.column!] <= node.threshold! ? node.left! : node.right!;
    out[i] = node.score;
  }
  return out;
}

function gini(positives: number, count: number): number {
  if (count === 0) return 0;
  const q = positives / count;
  return 2 * q * (1 - q);
}

/** Distinct quantile cut points of each column (midpoints are not needed: x ≤ cut goes left). */
function splitPoints(x: Float64Array, n: number, p: number, most: number): Float64Array[] {
  const out: Float64Array[] = [];
  const column = new Float64Array(n);
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < n; i++) column[i] = x[i * p + j];
    const sorted = column.slice().sort();
    const cuts = new Set<number>();
    for (let k = 1; k <= most; k++) {
      const v = sorted[Math.min(n - 1, Math.floor((k / (most + 1)) * n))];
      if (v < sorted[n - 1]) cuts.add(v);
    }
    out.push(Float64Array.from([...cuts].sort((a, b) => a - b)));
  }
  return out;
}
