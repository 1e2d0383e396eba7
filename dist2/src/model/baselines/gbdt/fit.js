/**
 * Fitting the GBDT: bin the features, then add one tree per iteration on the gradients of the loss.
 * With early stopping, a seeded `validationFraction` of the rows (stratified by class for log loss)
 * is held out and boosting stops once its loss has not improved by more than `tolerance` for
 * `patience` iterations; the trees after the best iteration are dropped. Deterministic for a seed.
 */
import { seededRandom } from "../../../stats/random.js";
import { stratifiedFolds } from "../../../stats/stratified-folds.js";
import { takeRows } from "../../features.js";
import { ModelError } from "../../model.js";
import { applyBinning, learnBinning } from "./binning.js";
import { growTree } from "./grow.js";
import { gradients, initialScore, meanLoss } from "./loss.js";
import { addTreePredictions } from "./tree.js";
export function fitGbdt(batch, y, features, loss, params) {
    if (y.length !== batch.length)
        throw new ModelError("labels and rows differ in number");
    if (batch.length < 2)
        throw new ModelError(`cannot train a gbdt on ${batch.length} row(s)`);
    for (let i = 0; i < y.length; i++)
        if (!Number.isFinite(y[i]))
            throw new ModelError(`the label is not a finite number at row ${i}`);
    const stopEarly = params.earlyStopping === "auto" ? batch.length > 10_000 : params.earlyStopping;
    let trainBatch = batch;
    let trainY = y;
    let valid = null;
    const validRows = [];
    if (stopEarly) {
        const held = holdOut(y, loss, params.validationFraction, params.seed);
        const kept = [];
        for (let i = 0; i < y.length; i++)
            (held[i] ? validRows : kept).push(i);
        if (validRows.length === 0 || kept.length === 0)
            throw new ModelError(`too few rows (${y.length}) to hold out a validation split for early stopping`);
        trainBatch = takeRows(batch, kept);
        trainY = Float64Array.from(kept, (i) => y[i]);
        valid = { bins: new Uint8Array(0), y: Float64Array.from(validRows, (i) => y[i]) };
    }
    const binning = learnBinning(trainBatch, features, params.maxBins);
    const bins = applyBinning(trainBatch, binning);
    if (valid)
        valid.bins = applyBinning(takeRows(batch, validRows), binning);
    const n = trainY.length;
    const baseScore = initialScore(loss, trainY);
    const raw = new Float64Array(n).fill(baseScore);
    const validRaw = valid ? new Float64Array(valid.y.length).fill(baseScore) : null;
    const gradient = new Float64Array(n);
    const hessian = new Float64Array(n);
    const rows = new Uint32Array(n);
    const trees = [];
    const trainLoss = [meanLoss(loss, raw, trainY)];
    const validationLoss = valid && validRaw ? [meanLoss(loss, validRaw, valid.y)] : null;
    let bestIteration = 0;
    const grow = {
        maxLeaves: params.maxLeaves,
        maxDepth: params.maxDepth,
        learningRate: params.learningRate,
        lambda: params.l2,
        minLeaf: params.minSamplesLeaf,
        minHessian: 1e-3,
        categoricalSmoothing: params.categoricalSmoothing,
    };
    for (let it = 0; it < params.maxIterations; it++) {
        gradients(loss, raw, trainY, gradient, hessian);
        for (let i = 0; i < n; i++)
            rows[i] = i;
        const { tree, leaves } = growTree(bins, binning, gradient, hessian, rows, grow);
        if (tree.feature.length === 1)
            break; // nothing left to learn: a single leaf
        trees.push(tree);
        for (const leaf of leaves) {
            const v = tree.value[leaf.node];
            for (let k = leaf.start; k < leaf.end; k++)
                raw[rows[k]] += v;
        }
        trainLoss.push(meanLoss(loss, raw, trainY));
        if (valid && validRaw && validationLoss) {
            addTreePredictions(tree, valid.bins, binning.length, validRaw);
            const current = meanLoss(loss, validRaw, valid.y);
            validationLoss.push(current);
            if (current < validationLoss[bestIteration] - params.tolerance)
                bestIteration = trees.length;
            else if (trees.length - bestIteration >= params.patience)
                break;
        }
    }
    if (valid && validationLoss) {
        trees.length = bestIteration;
        trainLoss.length = bestIteration + 1;
        validationLoss.length = bestIteration + 1;
    }
    return {
        loss,
        binning,
        baseScore,
        trees,
        trainLoss,
        validationLoss,
        trainRows: n,
        validationRows: valid ? valid.y.length : 0,
    };
}
/** 1 for the rows held out for validation. */
function holdOut(y, loss, fraction, seed) {
    const folds = Math.max(2, Math.round(1 / fraction));
    if (loss === "logloss") {
        const fold = stratifiedFolds(y, folds, seed);
        return fold.map((f) => (f === 0 ? 1 : 0));
    }
    const random = seededRandom(seed);
    const out = new Uint8Array(y.length);
    for (let i = 0; i < y.length; i++)
        out[i] = random.next() < 1 / folds ? 1 : 0;
    return out;
}
/** Raw scores (log-odds or values) of the fitted ensemble for a batch. */
export function predictRaw(fit, batch) {
    const bins = applyBinning(batch, fit.binning);
    const raw = new Float64Array(batch.length).fill(fit.baseScore);
    for (const tree of fit.trees)
        addTreePredictions(tree, bins, fit.binning.length, raw);
    return raw;
}
