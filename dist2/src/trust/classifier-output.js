export function classCount(output) {
    return output.kind === "binary" ? 2 : output.classes;
}
export function rowCount(output) {
    return output.kind === "binary" ? output.scores.length : output.probabilities.length / output.classes;
}
/** P(class c | row i). */
export function probabilityOf(output, row, c) {
    if (output.kind === "multiclass")
        return output.probabilities[row * output.classes + c];
    return c === 1 ? output.scores[row] : 1 - output.scores[row];
}
/** The predicted class (arg-max; binary: score ≥ 0.5 is positive, the house threshold) and its probability. */
export function topClass(output, row) {
    if (output.kind === "binary") {
        const s = output.scores[row];
        return s >= 0.5 ? { label: 1, confidence: s } : { label: 0, confidence: 1 - s };
    }
    const k = output.classes;
    let best = 0;
    for (let c = 1; c < k; c++)
        if (output.probabilities[row * k + c] > output.probabilities[row * k + best])
            best = c;
    return { label: best, confidence: output.probabilities[row * k + best] };
}
