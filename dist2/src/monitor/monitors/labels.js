import { booleanPositive, isPositive } from "../bucket-summary.js";
/** A label as 0/1 for a binary model (null when it cannot be read). */
export function labelValue(spec, label) {
    if (label === null || label === undefined)
        return null;
    // a boolean label is positive when it equals the positive label read as a boolean (default "1": true)
    if (typeof label === "boolean")
        return label === booleanPositive(spec.positiveLabel) ? 1 : 0;
    return String(label) === spec.positiveLabel ? 1 : 0;
}
/** The labeled predictions that carry a finite score, as parallel score and 0/1 label lists. */
export function scoredLabeled(spec, rows) {
    const scores = [];
    const labels = [];
    for (const r of rows) {
        const y = labelValue(spec, r.label);
        if (r.score === null || y === null || !Number.isFinite(r.score))
            continue;
        scores.push(r.score);
        labels.push(y);
    }
    return { scores, labels };
}
/** The confusion counts of labeled predictions, a prediction read as positive the way folding reads it. */
export function confusionOf(spec, rows) {
    const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
    for (const r of rows) {
        const y = labelValue(spec, r.label);
        if (y === null)
            continue;
        const p = isPositive(spec, r.prediction, r.score);
        if (y === 1)
            p ? c.tp++ : c.fn++;
        else
            p ? c.fp++ : c.tn++;
    }
    return c;
}
