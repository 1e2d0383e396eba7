/**
 * Flip counts between an old and a new model on the same rows: the 2×2 table of correctness that every
 * backward-compatibility measure is read from.
 */
/** 1 where the prediction (score ≥ threshold) equals the label, else 0. */
export function correctness(scores, labels, threshold = 0.5) {
    const n = scores.length;
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++)
        out[i] = (scores[i] >= threshold ? 1 : 0) === labels[i] ? 1 : 0;
    return out;
}
/** Counts the four cells; `rows` restricts the count to a subset (a slice or a group). */
export function flipCounts(oldCorrect, newCorrect, rows) {
    if (oldCorrect.length !== newCorrect.length)
        throw new Error(`flipCounts: ${oldCorrect.length} old rows for ${newCorrect.length} new rows`);
    const cells = [0, 0, 0, 0]; // index = 2·old + new
    if (rows === undefined)
        for (let i = 0; i < oldCorrect.length; i++)
            cells[2 * oldCorrect[i] + newCorrect[i]]++;
    else
        for (let k = 0; k < rows.length; k++) {
            const i = rows[k];
            cells[2 * oldCorrect[i] + newCorrect[i]]++;
        }
    return {
        n: cells[0] + cells[1] + cells[2] + cells[3],
        bothCorrect: cells[3],
        negativeFlips: cells[2],
        positiveFlips: cells[1],
        bothWrong: cells[0],
    };
}
export function compatibilityMeasures(c) {
    const oldCorrect = c.bothCorrect + c.negativeFlips;
    const newCorrect = c.bothCorrect + c.positiveFlips;
    const oldWrong = c.n - oldCorrect;
    const newWrong = c.n - newCorrect;
    const accuracyOld = oldCorrect / c.n;
    const accuracyNew = newCorrect / c.n;
    const negativeFlipRate = c.negativeFlips / c.n;
    return {
        accuracyOld,
        accuracyNew,
        accuracyDelta: accuracyNew - accuracyOld,
        negativeFlipRate,
        positiveFlipRate: c.positiveFlips / c.n,
        relativeNegativeFlipRate: negativeFlipRate / (accuracyOld * (newWrong / c.n)),
        btc: c.bothCorrect / oldCorrect,
        bec: c.bothWrong / newWrong,
        errorPersistence: c.bothWrong / oldWrong,
    };
}
/** Row indices (ascending) where the old model was right and the new one wrong: the golden set's rows. */
export function regressedRows(oldCorrect, newCorrect) {
    let count = 0;
    for (let i = 0; i < oldCorrect.length; i++)
        if (oldCorrect[i] === 1 && newCorrect[i] === 0)
            count++;
    const out = new Uint32Array(count);
    let k = 0;
    for (let i = 0; i < oldCorrect.length; i++)
        if (oldCorrect[i] === 1 && newCorrect[i] === 0)
            out[k++] = i;
    return out;
}
