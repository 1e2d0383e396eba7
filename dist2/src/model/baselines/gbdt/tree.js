/**
 * One regression tree of the GBDT, stored as parallel arrays (node 0 is the root). An inner node sends
 * a row left when its bin is ≤ threshold (numeric) or is one of `categories` (categorical); the MISSING
 * bin goes the learned way (`missingLeft`). A leaf holds its value (already times the learning rate).
 */
import { MISSING } from "./binning.js";
export function emptyTree() {
    return { feature: [], threshold: [], categories: [], missingLeft: [], left: [], right: [], value: [] };
}
export function addNode(tree, value) {
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
export function categoryMasks(tree) {
    return tree.categories.map((cats) => {
        if (!cats)
            return null;
        const mask = new Uint8Array(256);
        for (const c of cats)
            mask[c] = 1;
        return mask;
    });
}
/** Whether bin `b` goes left at inner node `node`. */
export function goesLeft(tree, masks, node, b) {
    if (b === MISSING)
        return tree.missingLeft[node];
    const mask = masks[node];
    return mask ? mask[b] === 1 : b <= tree.threshold[node];
}
/** Adds the tree's leaf values to raw[i] for every row of the row-major bins (p features a row). */
export function addTreePredictions(tree, bins, p, raw) {
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
