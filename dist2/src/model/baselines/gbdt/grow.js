/**
 * Leaf-wise growth of one tree (LightGBM's order): the leaf whose best split gains most is split
 * next, until `maxLeaves` leaves, `maxDepth`, or no split gains. Each leaf owns a range of one row
 * index buffer, partitioned in place on a split. Leaf value: −G/(H + λ) times the learning rate.
 */
import { MISSING } from "./binning.js";
import { buildHistograms, subtractHistograms } from "./histogram.js";
import { bestSplit } from "./split.js";
import { addNode, emptyTree } from "./tree.js";
/**
 * Grows a tree on rows[0..rows.length) (reordered in place). Returns the tree and, for each of its
 * leaves, the row range, so the caller can update the training predictions without routing.
 */
export function growTree(bins, binning, gradient, hessian, rows, o) {
    const tree = emptyTree();
    const p = binning.length;
    let g = 0;
    let h = 0;
    for (let k = 0; k < rows.length; k++) {
        g += gradient[rows[k]];
        h += hessian[rows[k]];
    }
    const leafValue = (gs, hs) => (-gs / (hs + o.lambda)) * o.learningRate;
    const withSplit = (leaf) => {
        const n = leaf.end - leaf.start;
        const canSplit = (o.maxDepth === 0 || leaf.depth < o.maxDepth) && n >= 2 * o.minLeaf;
        const split = canSplit
            ? bestSplit(leaf.hist, binning, { gradient: leaf.gradient, hessian: leaf.hessian, rows: n }, o)
            : null;
        return { ...leaf, split };
    };
    const root = addNode(tree, leafValue(g, h));
    let leaves = [
        withSplit({
            node: root,
            start: 0,
            end: rows.length,
            depth: 0,
            gradient: g,
            hessian: h,
            hist: buildHistograms(bins, p, gradient, hessian, rows, 0, rows.length),
        }),
    ];
    while (leaves.length < o.maxLeaves) {
        let pick = -1;
        leaves.forEach((leaf, k) => {
            if (leaf.split && (pick < 0 || leaf.split.gain > leaves[pick].split.gain))
                pick = k;
        });
        if (pick < 0)
            break;
        const leaf = leaves[pick];
        const s = leaf.split;
        tree.feature[leaf.node] = s.feature;
        tree.threshold[leaf.node] = s.threshold;
        tree.categories[leaf.node] = s.categories;
        tree.missingLeft[leaf.node] = s.missingLeft;
        // Partition the leaf's range, left rows first, by this node's rule alone.
        const f = s.feature;
        const t = s.threshold;
        const mask = s.categories ? new Uint8Array(256) : null;
        if (mask)
            for (const c of s.categories)
                mask[c] = 1;
        const missingLeft = s.missingLeft;
        let lo = leaf.start;
        let hi = leaf.end - 1;
        while (lo <= hi) {
            const b = bins[rows[lo] * p + f];
            const left = b === MISSING ? missingLeft : mask ? mask[b] === 1 : b <= t;
            if (left)
                lo++;
            else {
                const r = rows[lo];
                rows[lo] = rows[hi];
                rows[hi] = r;
                hi--;
            }
        }
        const mid = lo;
        const gl = s.leftGradient;
        const hl = s.leftHessian;
        const gr = leaf.gradient - gl;
        const hr = leaf.hessian - hl;
        const leftNode = addNode(tree, leafValue(gl, hl));
        const rightNode = addNode(tree, leafValue(gr, hr));
        tree.left[leaf.node] = leftNode;
        tree.right[leaf.node] = rightNode;
        const leftSmaller = mid - leaf.start <= leaf.end - mid;
        const small = leftSmaller
            ? buildHistograms(bins, p, gradient, hessian, rows, leaf.start, mid)
            : buildHistograms(bins, p, gradient, hessian, rows, mid, leaf.end);
        const large = subtractHistograms(leaf.hist, small);
        const depth = leaf.depth + 1;
        const left = withSplit({
            node: leftNode,
            start: leaf.start,
            end: mid,
            depth,
            gradient: gl,
            hessian: hl,
            hist: leftSmaller ? small : large,
        });
        const right = withSplit({
            node: rightNode,
            start: mid,
            end: leaf.end,
            depth,
            gradient: gr,
            hessian: hr,
            hist: leftSmaller ? large : small,
        });
        leaves = [...leaves.slice(0, pick), left, right, ...leaves.slice(pick + 1)];
    }
    return { tree, leaves: leaves.map(({ node, start, end }) => ({ node, start, end })) };
}
