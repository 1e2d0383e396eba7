/**
 * One regression tree of the GBDT, stored as parallel arrays (node 0 is the root). An inner node sends
 * a row left when its bin is ≤ threshold (numeric) or is one of `categories` (categorical); the MISSING
 * bin goes the learned way (`missingLeft`). A leaf holds its value (already times the learning rate).
 */
import { MISSING } from "./binning.js";

export interface GbdtTree {
  /** -1 for a leaf. */
  feature: number[];
  threshold: number[];
  /** Categorical nodes: the category indices that go left; null elsewhere. */
  categories: (number[] | null)[];
  missingLeft: boolean[];
  left: number[];
  right: number[];
  value: number[];
}

export function emptyTree(): GbdtTree {
  return { feature: [], threshold: [], categories: [], missingLeft: [], left: [], right: [], value: [] };
}

export function addNode(tree: GbdtTree, value: number): number {
  tree.feature.push(-1);
  tree.threshold.push(0);
  tree.categories.push(null);
  tree.missingLeft.push(false);
  tree.left.push(-1);
  tree.right.push(-1);
  tree.value.push(value);
  return tree.feature.length - 1;
}

/** Sets-of-categories as 256-entry masks, for fast routing. */
export function categoryMasks(tree: GbdtTree): (Uint8Array | null)[] {
  return tree.categories.map((cats) => {
    if (!cats) return null;
    const mask = new Uint8Array(256);
    for (const c of cats) mask[c] = 1;
    return mask;
  });
}

/** Whether bin `b` goes left at inner node `node`. */
export function goesLeft(tree: GbdtTree, masks: (Uint8Array | null)[], node: number, b: number): boolean {
  if (b === MISSING) return tree.missingLeft[node];
  const mask = masks[node];
  return mask ? mask[b] === 1 : b <= tree.threshold[node];
}

/** Adds the tree's leaf values to raw[i] for every row of the row-major bins (p features a row). */
export function addTreePredictions(tree: GbdtTree, bins: Uint8Array, p: number, raw: Float64Array): void {
  const masks = categoryMasks(tree);
  const n = raw.length;
  for (let i = 0; i < n; i++) {
    let node = 0;
    while (tree.feature[node] >= 0)
      node = goesLeft(tree, masks, node, bins[i * p + tree.feature[node]])
        ? tree.left[node]
        : tree.right[node];
    raw[i] += tree.value[node];
  }
}
