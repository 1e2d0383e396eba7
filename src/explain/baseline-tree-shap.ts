/**
 * TreeSHAP for the built-in tree models. The CART tree (model/baselines/tree.ts) keeps its training
 * counts as covers and splits on design-matrix columns; a categorical feature's one-hot columns are
 * summed back into the feature (the sum keeps local accuracy; it is the convention of shap's
 * one-hot examples). The GBDT (model/baselines/gbdt/) keeps no counts, so covers are the numbers of
 * background rows reaching each node; a node none reaches weighs 0. Its attributions are in
 * log-odds (the margin the trees add up), the CART tree's in probability. Browser-safe.
 */
import { encode } from "../model/baselines/design.js";
import { applyBinning } from "../model/baselines/gbdt/binning.js";
import type { GbdtFit } from "../model/baselines/gbdt/fit.js";
import { categoryMasks, type GbdtTree, goesLeft } from "../model/baselines/gbdt/tree.js";
import type { TrainedBaseline } from "../model/baselines/index.js";
import type { TreeNode } from "../model/baselines/tree.js";
import { InputError } from "../table/errors.js";
import type { Batch } from "../table/types.js";
import { addTreeShap, type RouteLeft, type ShapTree, treeExpectation } from "./tree-shap.js";

export interface TreeAttributions {
  features: string[];
  /** Row-major [rows × features]. */
  phi: Float64Array;
  /** E f under the trees' cover weights: f(x) = base + Σ φ. */
  base: number;
  space: "probability" | "log-odds";
}

/** One explainable tree with the per-row routing it needs, and how its players map to features. */
export interface RoutedTrees {
  trees: ShapTree[];
  /** route(t, row) gives the RouteLeft of tree t for explained row `row`. */
  route: (tree: number, row: number) => RouteLeft;
  /** Player (split feature index) → feature index. */
  playerFeature: number[];
  features: string[];
  offset: number;
  space: TreeAttributions["space"];
}

export function treeShapRows(routed: RoutedTrees, rows: number): TreeAttributions {
  const m = routed.features.length;
  const players = routed.playerFeature.length;
  const phi = new Float64Array(rows * m);
  const perPlayer = new Float64Array(players);
  for (let i = 0; i < rows; i++) {
    perPlayer.fill(0);
    routed.trees.forEach((tree, t) => addTreeShap(tree, routed.route(t, i), perPlayer));
    for (let k = 0; k < players; k++) phi[i * m + routed.playerFeature[k]] += perPlayer[k];
  }
  return { features: routed.features, phi, base: baseValue(routed), space: routed.space };
}

export function baseValue(routed: RoutedTrees): number {
  let base = routed.offset;
  for (const tree of routed.trees)
    base += treeExpectation(
      tree,
      () => true,
      () => false,
    );
  return base;
}

/** The built-in tree or gbdt as routed trees over `rows`; gbdt covers come from `background`. */
export function routeBaseline(model: TrainedBaseline, rows: Batch, background: Batch): RoutedTrees {
  const state = model.state;
  if (state.kind === "tree") {
    const p = state.encoding.columns.length;
    const x = encode(rows, state.encoding);
    const { tree, column, threshold } = flattenCart(state.root);
    const features = model.features ?? [];
    const playerFeature = state.encoding.columns.map((c) => {
      const at = features.findIndex((f) => c === f || c.startsWith(`${f}=`));
      return at;
    });
    return {
      trees: [tree],
      route: (_t, row) => (node) => x[row * p + column[node]] <= threshold[node],
      playerFeature,
      features,
      offset: 0,
      space: "probability",
    };
  }
  if (state.kind === "gbdt") return routeGbdt(state.fit, rows, background);
  throw new InputError(`TreeSHAP explains the built-in tree and gbdt models, not ${model.name}`);
}

function routeGbdt(
  fit: Pick<GbdtFit, "binning" | "baseScore" | "trees">,
  rows: Batch,
  background: Batch,
): RoutedTrees {
  const p = fit.binning.length;
  const bins = applyBinning(rows, fit.binning);
  const backgroundBins = applyBinning(background, fit.binning);
  const masks = fit.trees.map(categoryMasks);
  const trees = fit.trees.map((t, k) => withCovers(t, masks[k], backgroundBins, background.length, p));
  return {
    trees,
    route: (t, row) => (node) =>
      goesLeft(fit.trees[t], masks[t], node, bins[row * p + fit.trees[t].feature[node]]),
    playerFeature: fit.binning.map((_, j) => j),
    features: fit.binning.map((b) => b.name),
    offset: fit.baseScore,
    space: "log-odds",
  };
}

function withCovers(
  tree: GbdtTree,
  masks: (Uint8Array | null)[],
  bins: Uint8Array,
  rows: number,
  p: number,
): ShapTree {
  const cover = new Float64Array(tree.feature.length);
  for (let i = 0; i < rows; i++) {
    let node = 0;
    cover[0]++;
    while (tree.feature[node] >= 0) {
      node = goesLeft(tree, masks, node, bins[i * p + tree.feature[node]])
        ? tree.left[node]
        : tree.right[node];
      cover[node]++;
    }
  }
  return { feature: tree.feature, left: tree.left, right: tree.right, value: tree.value, cover };
}

function flattenCart(root: TreeNode): { tree: ShapTree; column: number[]; threshold: number[] } {
  const feature: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const value: number[] = [];
  const cover: number[] = [];
  const column: number[] = [];
  const threshold: number[] = [];
  const add = (node: TreeNode): number => {
    const at = feature.length;
    const leaf = node.score !== undefined;
    feature.push(leaf ? -1 : node.column!);
    column.push(leaf ? -1 : node.column!);
    threshold.push(leaf ? 0 : node.threshold!);
    value.push(leaf ? node.score! : 0);
    cover.push(node.count);
    left.push(-1);
    right.push(-1);
    if (!leaf) {
      left[at] = add(node.left!);
      right[at] = add(node.right!);
    }
    return at;
  };
  add(root);
  return { tree: { feature, left, right, value, cover }, column, threshold };
}
