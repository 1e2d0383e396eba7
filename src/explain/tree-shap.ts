/**
 * Exact TreeSHAP, path-dependent (Lundberg, Erion & Lee 2018, "Consistent individualized feature
 * attribution for tree ensembles", Algorithm 2): the Shapley values of one row for the value
 * function v(S) = E[f(x) | x_S] in which a node that splits on a feature outside S sends the row both
 * ways, weighted by the training cover of each child (treeExpectation). O(leaves · depth²) per row
 * instead of the 2^M subsets of the definition. The unwind follows shap's tree_shap.h, including
 * its branch for a one-fraction of 0. Browser-safe.
 */

/** A binary tree as parallel arrays, node 0 the root. */
export interface ShapTree {
  /** Feature index of an inner node; -1 for a leaf. */
  feature: ArrayLike<number>;
  left: ArrayLike<number>;
  right: ArrayLike<number>;
  /** A leaf's output (inner nodes: ignored). */
  value: ArrayLike<number>;
  /** How many training (or background) rows reached the node; > 0 for every reachable node. */
  cover: ArrayLike<number>;
}

/** Whether the explained row goes left at inner node `node`. */
export type RouteLeft = (node: number) => boolean;

interface PathStep {
  feature: number;
  zero: number;
  one: number;
  weight: number;
}

/** Adds the row's attributions for `tree` into phi[feature]. */
export function addTreeShap(tree: ShapTree, goesLeft: RouteLeft, phi: Float64Array): void {
  recurse(tree, goesLeft, phi, 0, [], 1, 1, -1);
}

function recurse(
  tree: ShapTree,
  goesLeft: RouteLeft,
  phi: Float64Array,
  node: number,
  parentPath: PathStep[],
  zero: number,
  one: number,
  feature: number,
): void {
  const path = extend(parentPath, zero, one, feature);
  const split = tree.feature[node];
  if (split < 0) {
    for (let i = 1; i < path.length; i++) {
      const w = unwoundSum(path, i);
      phi[path[i].feature] += w * (path[i].one - path[i].zero) * tree.value[node];
    }
    return;
  }
  const left = goesLeft(node);
  const hot = left ? tree.left[node] : tree.right[node];
  const cold = left ? tree.right[node] : tree.left[node];
  let incomingZero = 1;
  let incomingOne = 1;
  let rest = path;
  const k = path.findIndex((step, i) => i > 0 && step.feature === split);
  if (k > 0) {
    // A feature met twice on one path counts once: undo its first step and carry its fractions.
    incomingZero = path[k].zero;
    incomingOne = path[k].one;
    rest = unwind(path, k);
  }
  const hotZero = incomingZero * share(tree, hot, node);
  const coldZero = incomingZero * share(tree, cold, node);
  // A child with both fractions 0 adds nothing (and its unwind would divide by 0): skip it.
  if (hotZero > 0 || incomingOne > 0) recurse(tree, goesLeft, phi, hot, rest, hotZero, incomingOne, split);
  if (coldZero > 0) recurse(tree, goesLeft, phi, cold, rest, coldZero, 0, split);
}

/** cover(child) / cover(parent); a parent no row reached passes on nothing. */
function share(tree: ShapTree, child: number, parent: number): number {
  const cover = tree.cover[parent];
  return cover > 0 ? tree.cover[child] / cover : 0;
}

function extend(parent: PathStep[], zero: number, one: number, feature: number): PathStep[] {
  const depth = parent.length;
  const path = parent.map((s) => ({ ...s }));
  path.push({ feature, zero, one, weight: depth === 0 ? 1 : 0 });
  for (let i = depth - 1; i >= 0; i--) {
    path[i + 1].weight += (one * path[i].weight * (i + 1)) / (depth + 1);
    path[i].weight = (zero * path[i].weight * (depth - i)) / (depth + 1);
  }
  return path;
}

function unwind(parent: PathStep[], index: number): PathStep[] {
  const path = parent.map((s) => ({ ...s }));
  const depth = path.length - 1;
  const { one, zero } = path[index];
  let next = path[depth].weight;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const held = path[i].weight;
      path[i].weight = (next * (depth + 1)) / ((i + 1) * one);
      next = held - (path[i].weight * zero * (depth - i)) / (depth + 1);
    } else path[i].weight = (path[i].weight * (depth + 1)) / (zero * (depth - i));
  }
  for (let i = index; i < depth; i++) {
    path[i].feature = path[i + 1].feature;
    path[i].zero = path[i + 1].zero;
    path[i].one = path[i + 1].one;
  }
  path.pop();
  return path;
}

/** Total weight of the path with step `index` unwound (without building it). */
function unwoundSum(path: PathStep[], index: number): number {
  let total = 0;
  for (const step of unwind(path, index)) total += step.weight;
  return total;
}

/**
 * v(S) of the same value function, by its definition: follow the row where the split feature is in
 * S, both children by cover otherwise. With the exact Shapley formula over all subsets it is the
 * brute-force reference TreeSHAP is tested against; with S = ∅ it is E f, the base value.
 */
export function treeExpectation(
  tree: ShapTree,
  goesLeft: RouteLeft,
  inCoalition: (feature: number) => boolean,
): number {
  const walk = (node: number): number => {
    const split = tree.feature[node];
    if (split < 0) return tree.value[node];
    if (inCoalition(split)) return walk(goesLeft(node) ? tree.left[node] : tree.right[node]);
    const l = tree.left[node];
    const r = tree.right[node];
    const ls = share(tree, l, node);
    const rs = share(tree, r, node);
    return (ls > 0 ? ls * walk(l) : 0) + (rs > 0 ? rs * walk(r) : 0);
  };
  return walk(0);
}
